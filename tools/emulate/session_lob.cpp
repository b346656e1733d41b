// server_session: LOB operations (function 96), the free-temporary-LOBs
// piggyback, and query rows whose CLOB/NCLOB/BLOB columns travel as
// locators or, when the client's define asks LONG / LONG RAW, inline.
#include "emulate/lob_rows.hpp"
#include "emulate/server_session.hpp"
#include "emulate/ttc_replies.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/lob_op.hpp>
#include <oranet/proto/types/codec.hpp>

#include <algorithm>
#include <cctype>

namespace oranet::emulate {

namespace ttc = proto::ttc;
namespace op  = proto::ttc::lob_op_code;
using proto::types::ora_type;

namespace {

bool is_lob_type(ora_type t) { return t == ora_type::clob || t == ora_type::blob; }

bool mentions_for_update(const std::string& sql) {
    std::string s(sql.size(), ' ');
    std::transform(sql.begin(), sql.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const auto f = s.rfind("FOR");
    return f != std::string::npos && s.find("UPDATE", f) != std::string::npos;
}

// One non-LOB column as write_row writes it (without its message type byte).
void write_plain_column(proto::writer& w, const column_meta& col, const value& v) {
    proto::writer one;
    write_row(one, std::vector<column_meta>{col}, std::vector<value>{v}, proto::types::charset::al32utf8);
    const auto b = one.take();
    if (b.size() > 1) w.bytes(proto::bytes_view{b}.subspan(1));
}

}  // namespace

bool has_lob_columns(const std::vector<column_meta>& cols) {
    return std::any_of(cols.begin(), cols.end(), [](const column_meta& c) { return is_lob_type(c.type); });
}

void write_lob_row(proto::writer& w, const std::vector<column_meta>& cols,
                   const std::vector<bind_meta>& defines, const std::vector<value>& row, lob_store& lobs,
                   const std::string& sql) {
    w.u8(static_cast<std::uint8_t>(ttc::message_type::row_data));
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const column_meta& col = cols[i];
        const value& v         = i < row.size() ? row[i] : value{};
        if (!is_lob_type(col.type)) {
            write_plain_column(w, col, v);
            continue;
        }
        const bind_meta* d = i < defines.size() ? &defines[i] : nullptr;
        const bool blob    = col.type == ora_type::blob;
        const bool as_inline =
            d != nullptr && (d->type == 8 || d->type == 24 || d->type == 1 || d->type == 23);
        if (as_inline) {
            // LONG / LONG RAW in a fetch: the value (chunked when long),
            // then an SB4 indicator and a UB4 return code (python-oracledb
            // and node-oracledb skip both).
            std::vector<std::uint8_t> bytes;
            if (!is_null(v)) {
                proto::types::wire_type t;
                t.type    = blob ? ora_type::long_raw : ora_type::long_;
                t.form    = blob ? proto::types::cs_form::none : col.form;
                t.charset = col.form == proto::types::cs_form::nchar ? proto::types::charset::al16utf16
                                                                     : proto::types::charset::al32utf8;
                (void)proto::types::encode_value(t, v, bytes);
            }
            if (bytes.empty()) {
                w.u8(0);
            } else {
                w.bytes_with_length(proto::bytes_view{bytes});
            }
            if (d->type == 8 || d->type == 24) {
                w.sb4(0);
                w.ub4(0);
            }
            continue;
        }
        lob_entry e;
        e.ora_type   = blob ? 113 : 112;
        e.cs_form    = blob ? 0 : static_cast<std::uint8_t>(col.form);
        e.for_update = mentions_for_update(sql);
        if (is_null(v) || !lob_store::content_of(v, e, e.content)) {
            w.u8(0);  // NULL: a zero UB4 length
            continue;
        }
        const std::uint64_t length = e.length();
        const auto loc             = lobs.add(std::move(e));
        w.ub4(static_cast<std::uint32_t>(loc.size()));
        // Size and chunk size only for a define with the LOB prefetch flag
        // (node-oracledb, newest python-oracledb); python 1.2.1 defines no
        // LOBs and reads the locator right after the length.
        if (d != nullptr && (d->cont_flags & ttc::lob_prefetch_flag) != 0) {
            w.ub8(length);
            w.ub4(lob_store::chunk_size);
        }
        w.bytes_with_length(proto::bytes_view{loc});
    }
}

void size_lob_columns(std::vector<column_meta>& cols) {
    for (auto& c : cols)
        if (is_lob_type(c.type) && c.max_size == 0) c.max_size = 4000;
}

bool holds_lob_rows(const std::vector<column_meta>& cols, const std::vector<bind_meta>& defines) {
    return has_lob_columns(cols) && defines.empty();
}

std::error_code decode_free_temp_lobs(proto::reader& r, const proto::ttc::caps& c, lob_store& lobs) {
    ttc::free_temp_lobs_piggyback m;
    if (auto ec = ttc::decode_body(r, m, lob_store::locator_length, c)) return ec;
    for (const auto& l : m.locators)
        lobs.free(l);
    return {};
}

std::error_code server_session::handle_lob_op(proto::reader& r, proto::writer& w, std::uint8_t seq) {
    (void)seq;
    ttc::lob_op_request req;
    if (auto ec = ttc::decode_body(r, req, caps_)) return ec;
    if (!lobs_) lobs_ = std::make_unique<lob_store>();
    ttc::lob_op_return ret;
    ret.locator = req.source;
    auto fail   = [&](int code, const std::string& text) {
        write_ora_error(w, code, "ORA-" + std::to_string(code) + ": " + text);
        return std::error_code{};
    };
    const std::uint32_t opcode = req.operation;
    if (opcode == op::create_temp) {
        lob_entry e;
        e.temporary = true;
        e.ora_type  = req.dest_offset == 113 ? 113 : 112;
        e.cs_form   = e.ora_type == 113 ? 0 : static_cast<std::uint8_t>(req.source_offset == 2 ? 2 : 1);
        auto loc    = lobs_->add(std::move(e));
        loc.resize(req.source.size());  // the clients read back as many bytes as they sent
        ret.locator     = std::move(loc);
        ret.has_charset = true;
        ret.charset_id  = static_cast<std::uint16_t>(req.charset_id);
        ret.has_amount  = req.send_amount;  // python 1.2.1 reads its amount back
        ret.amount      = static_cast<std::int64_t>(req.amount);
    } else {
        lob_entry* e = lobs_->find(req.source);
        if (e == nullptr) return fail(22275, "invalid LOB locator specified");
        ret.has_amount      = req.send_amount;
        const auto writable = [&]() -> int {
            if (e->temporary) return 0;
            // A persistent LOB changes only through a locked row; the
            // emulator does not write LOBs back into rows at all.
            return e->for_update ? 3001 : 22920;
        };
        switch (opcode) {
            case op::get_length: ret.amount = static_cast<std::int64_t>(e->length()); break;
            case op::get_chunk_size: ret.amount = lob_store::chunk_size; break;
            case op::read: {
                if (req.source_offset == 0)
                    return fail(21560, "argument 2 is null, invalid, or out of range");
                const std::uint64_t start = req.source_offset - 1;
                const std::uint64_t len   = e->length();
                const std::uint64_t n = start >= len ? 0 : std::min<std::uint64_t>(req.amount, len - start);
                if (n > 0) {
                    const auto b = e->content.begin() + static_cast<std::ptrdiff_t>(start * e->unit());
                    ttc::lob_data d;
                    d.data.assign(b, b + static_cast<std::ptrdiff_t>(n * e->unit()));
                    ttc::encode(w, d, caps_);
                }
                ret.amount = static_cast<std::int64_t>(n);
                break;
            }
            case op::write: {
                if (int code = writable(); code != 0)
                    return code == 22920 ? fail(22920, "row containing the LOB value is not locked")
                                         : fail(3001, "unimplemented feature");
                if (req.source_offset == 0)
                    return fail(21560, "argument 2 is null, invalid, or out of range");
                if (!e->is_blob() && req.data.size() % 2 != 0)
                    return fail(22275, "invalid LOB locator specified");
                const std::size_t at = static_cast<std::size_t>(req.source_offset - 1) * e->unit();
                if (at > e->content.size()) {
                    // Writing past the end fills the gap: zero bytes in a
                    // BLOB, spaces in a CLOB.
                    const std::size_t gap = at - e->content.size();
                    for (std::size_t k = 0; k < gap; ++k)
                        e->content.push_back(e->is_blob() || k % 2 == 1 ? (e->is_blob() ? 0 : 0x20) : 0);
                }
                if (at + req.data.size() > e->content.size()) e->content.resize(at + req.data.size());
                std::copy(req.data.begin(), req.data.end(),
                          e->content.begin() + static_cast<std::ptrdiff_t>(at));
                ret.amount = static_cast<std::int64_t>(req.data.size() / e->unit());
                break;
            }
            case op::trim: {
                if (int code = writable(); code != 0)
                    return code == 22920 ? fail(22920, "row containing the LOB value is not locked")
                                         : fail(3001, "unimplemented feature");
                if (req.amount > e->length())
                    return fail(22926, "specified trim length is greater than current LOB value's length");
                e->content.resize(static_cast<std::size_t>(req.amount) * e->unit());
                ret.amount = static_cast<std::int64_t>(req.amount);
                break;
            }
            case op::free_temp: lobs_->free(req.source); break;
            case op::open: e->open = true; break;
            case op::close: e->open = false; break;
            case op::is_open:
                ret.has_flag = true;
                ret.flag     = e->open;
                break;
            default: return fail(3001, "unimplemented feature");
        }
    }
    ttc::encode(w, ret, caps_);
    error_block done;
    done.call_status = call_status();
    write_error(w, done, caps_);
    return {};
}

}  // namespace oranet::emulate

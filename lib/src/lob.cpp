#include "detail/connection_impl.hpp"

#include <oranet/connection.hpp>
#include <oranet/lob.hpp>
#include <oranet/proto/ttc/lob_op.hpp>
#include <oranet/proto/ttc/reply.hpp>
#include <oranet/proto/types/charset.hpp>

namespace oranet {

namespace ttc   = proto::ttc;
namespace types = proto::types;

namespace {

// Collects a LOB operation's reply: the data (message 14) and the return
// parameters (message 8, read with the request's shape).
struct lob_reply final : proto::session::reply_handler {
    const ttc::caps* caps = nullptr;
    ttc::lob_op_reply_shape shape;
    std::vector<std::uint8_t> data;
    bool has_return = false;
    ttc::lob_op_return ret;

    [[nodiscard]] ttc::reply_context context() const override {
        ttc::reply_context ctx;
        ctx.c      = caps;
        ctx.lob_op = &shape;
        return ctx;
    }
    [[nodiscard]] std::error_code on_item(ttc::reply_item& item) override {
        if (auto* d = std::get_if<ttc::lob_data>(&item)) {
            data.insert(data.end(), d->data.begin(), d->data.end());
        } else if (auto* r = std::get_if<ttc::lob_op_return>(&item)) {
            ret        = std::move(*r);
            has_return = true;
        }
        return {};
    }
};

[[noreturn]] void fail(std::error_code ec, const diagnostics& d = {}) { throw error(ec, d); }

// The character set CLOB text travels in: UTF-16BE for NCLOB and for a
// CLOB whose locator says variable-length character set, else UTF-8.
std::uint16_t text_charset(const lob_locator& l) {
    if (l.cs_form == 2 || ttc::lob_is_var_length_charset(l.bytes)) return types::charset::al16utf16;
    return types::charset::al32utf8;
}

}  // namespace

lob::lob(connection& conn, lob_locator locator) : conn_(&conn), loc_(std::move(locator)) {}

lob lob::create_temporary(connection& conn, lob_type type) {
    lob l;
    l.conn_         = &conn;
    l.loc_.ora_type = type == lob_type::blob ? 113 : 112;
    l.loc_.cs_form  = type == lob_type::blob ? 0 : (type == lob_type::nclob ? 2 : 1);
    l.loc_.bytes.assign(ttc::lob_locator::temp_locator_length, 0);
    (void)l.call(ttc::lob_op_code::create_temp, l.loc_.cs_form, false, 0, nullptr);
    return l;
}

lob_type lob::type() const noexcept {
    if (loc_.ora_type == 113) return lob_type::blob;
    return loc_.cs_form == 2 ? lob_type::nclob : lob_type::clob;
}

bool lob::is_temporary() const noexcept { return ttc::lob_is_temporary(loc_.bytes); }

lob::result lob::call(std::uint32_t operation, std::uint64_t offset, bool send_amount, std::uint64_t amount,
                      const std::vector<std::uint8_t>* data) {
    if (conn_ == nullptr || loc_.bytes.empty()) fail(client_errc::not_connected);
    auto& impl = conn_->impl();
    ttc::lob_op_request m;
    m.operation     = operation;
    m.source        = loc_.bytes;
    m.source_offset = offset;
    m.send_amount   = send_amount;
    m.amount        = amount;
    if (operation == ttc::lob_op_code::create_temp) {
        // The newer clients' form: the duration in the dest length, the
        // charset form and type in the offsets.
        m.dest_length = ttc::lob_duration_session;
        m.dest_offset = loc_.ora_type;
        m.charset_id  = loc_.cs_form == 2 ? types::charset::al16utf16 : types::charset::al32utf8;
    }
    if (data != nullptr) {
        m.has_data = true;
        m.data     = *data;
    }
    ttc::set_lob_op_pointers(m);
    lob_reply h;
    h.caps  = &impl.session.caps();
    h.shape = ttc::reply_shape_of(m);
    diagnostics diag;
    const auto ec = impl.call(
        "lob_op",
        [&](proto::writer& w) {
            m.seq = impl.session.next_seq();
            ttc::encode(w, m, impl.session.caps());
        },
        &h, false, impl.call_timeout, diag);
    if (ec) {
        impl.last_diag = diag;
        fail(ec, diag);
    }
    result r;
    r.data = std::move(h.data);
    if (h.has_return) {
        if (h.ret.locator.size() == loc_.bytes.size()) loc_.bytes = h.ret.locator;
        r.amount = h.ret.amount;
        r.flag   = h.ret.flag;
    }
    return r;
}

std::uint64_t lob::size() {
    const auto r = call(ttc::lob_op_code::get_length, 0, true, 0, nullptr);
    loc_.size    = static_cast<std::uint64_t>(r.amount);
    return loc_.size;
}

std::uint32_t lob::chunk_size() {
    const auto r    = call(ttc::lob_op_code::get_chunk_size, 0, true, 0, nullptr);
    loc_.chunk_size = static_cast<std::uint32_t>(r.amount);
    return loc_.chunk_size;
}

std::string lob::read_text(std::uint64_t offset, std::uint64_t amount) {
    if (!is_text()) fail(client_errc::type_mismatch);
    if (offset == 0) fail(client_errc::bad_argument);
    if (amount == 0) return {};
    const auto r = call(ttc::lob_op_code::read, offset, true, amount, nullptr);
    std::string out;
    if (auto ec = types::to_utf8(text_charset(loc_), r.data, out)) fail(ec);
    return out;
}

std::vector<std::uint8_t> lob::read_bytes(std::uint64_t offset, std::uint64_t amount) {
    if (is_text()) fail(client_errc::type_mismatch);
    if (offset == 0) fail(client_errc::bad_argument);
    if (amount == 0) return {};
    return call(ttc::lob_op_code::read, offset, true, amount, nullptr).data;
}

std::string lob::read_all_text() {
    if (!is_text()) fail(client_errc::type_mismatch);
    // Read the UTF-16 (or UTF-8) bytes whole, then convert once: a chunk
    // may end inside a surrogate pair.
    const std::uint64_t n     = size();
    const std::uint64_t piece = std::max<std::uint64_t>(chunk_size(), 1) * 4;
    std::vector<std::uint8_t> all;
    for (std::uint64_t off = 1; off <= n;) {
        const auto r = call(ttc::lob_op_code::read, off, true, piece, nullptr);
        if (r.amount <= 0) break;
        all.insert(all.end(), r.data.begin(), r.data.end());
        off += static_cast<std::uint64_t>(r.amount);
    }
    std::string out;
    if (auto ec = types::to_utf8(text_charset(loc_), all, out)) fail(ec);
    return out;
}

std::vector<std::uint8_t> lob::read_all_bytes() {
    if (is_text()) fail(client_errc::type_mismatch);
    const std::uint64_t n     = size();
    const std::uint64_t piece = std::max<std::uint64_t>(chunk_size(), 1) * 8;
    std::vector<std::uint8_t> all;
    all.reserve(static_cast<std::size_t>(n));
    for (std::uint64_t off = 1; off <= n;) {
        const auto r = call(ttc::lob_op_code::read, off, true, piece, nullptr);
        if (r.amount <= 0) break;
        all.insert(all.end(), r.data.begin(), r.data.end());
        off += static_cast<std::uint64_t>(r.amount);
    }
    return all;
}

void lob::write_raw(std::uint64_t offset, const std::vector<std::uint8_t>& wire) {
    if (offset == 0) fail(client_errc::bad_argument);
    (void)call(ttc::lob_op_code::write, offset, false, 0, &wire);
}

void lob::write(std::uint64_t offset, std::string_view text) {
    if (!is_text()) fail(client_errc::type_mismatch);
    std::vector<std::uint8_t> wire;
    if (auto ec = types::from_utf8(text_charset(loc_), text, wire)) fail(ec);
    write_raw(offset, wire);
}

void lob::write(std::uint64_t offset, const std::vector<std::uint8_t>& bytes) {
    if (is_text()) fail(client_errc::type_mismatch);
    write_raw(offset, bytes);
}

void lob::append(std::string_view text) { write(size() + 1, text); }
void lob::append(const std::vector<std::uint8_t>& bytes) { write(size() + 1, bytes); }

void lob::trim(std::uint64_t new_size) { (void)call(ttc::lob_op_code::trim, 0, true, new_size, nullptr); }

void lob::open() { (void)call(ttc::lob_op_code::open, 0, true, ttc::lob_open_read_write, nullptr); }
void lob::close() { (void)call(ttc::lob_op_code::close, 0, false, 0, nullptr); }
bool lob::is_open() { return call(ttc::lob_op_code::is_open, 0, false, 0, nullptr).flag; }

void lob::free() {
    if (conn_ != nullptr && is_temporary()) (void)call(ttc::lob_op_code::free_temp, 0, false, 0, nullptr);
    conn_ = nullptr;
    loc_.bytes.clear();
}

}  // namespace oranet

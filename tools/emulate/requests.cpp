#include "emulate/requests.hpp"

#include "emulate/lob_store.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/types/codec.hpp>

namespace oranet::emulate {

namespace fv = proto::ttc::field_version;

namespace {

// A string whose length came earlier as a UB4: length-prefixed when the
// client set CONV_LENGTH, raw bytes otherwise (PEER-NOTES 1).
std::string read_counted_string(proto::reader& r, std::uint32_t len, const proto::ttc::caps& c) {
    if (len == 0) return {};
    if (c.conv_length()) {
        std::vector<std::uint8_t> scratch;
        const auto b = r.bytes_with_length(scratch);
        return std::string(b.data.begin(), b.data.end());
    }
    const auto b = r.bytes(len);
    return std::string(b.begin(), b.end());
}

// The SQL text of python-oracledb 1.2.1 (no CONV_LENGTH) when the database
// character set is not AL32UTF8: its length counts characters, the bytes are
// UTF-8 (its Statement._prepare with char_conversion set from the protocol
// reply's character set). A shorter text than announced is truncated.
std::string read_utf8_chars(proto::reader& r, std::uint32_t chars) {
    const auto rest = r.rest();
    std::size_t n   = 0;
    for (std::uint32_t k = 0; k < chars && n < rest.size(); ++k) {
        ++n;
        while (n < rest.size() && (rest[n] & 0xC0) == 0x80)
            ++n;
    }
    const auto b = r.bytes(n);
    return std::string(b.begin(), b.end());
}

std::string read_sql_text(proto::reader& r, std::uint32_t len, const proto::ttc::caps& c) {
    if (!c.conv_length() && len > 0 && c.charset_id != proto::types::charset::al32utf8 &&
        c.charset_id != proto::types::charset::utf8)
        return read_utf8_chars(r, len);
    return read_counted_string(r, len, c);
}

std::error_code result_of(const proto::reader& r) { return r.error(); }

// True during the first pass of decode_bind_rows: values are skipped, not
// decoded (a request that is still arriving costs no conversions).
thread_local bool skim_values = false;

// One bind value: a length-prefixed byte string (zero length: NULL).
bool read_bind_value(proto::reader& r, const bind_meta& m, value& out) {
    std::vector<std::uint8_t> scratch;
    if (m.type == 252 && r.peek() == 0xfd) {  // BOOLEAN NULL: escape + 1
        r.u8();
        r.u8();
        out = null_t{};
        return r.ok();
    }
    if (m.type == 112 || m.type == 113) {  // a LOB locator: UB4 length, then the locator
        const std::uint32_t n = r.ub4();
        if (n == 0 || !r.ok()) {
            out = null_t{};
            return r.ok();
        }
        const auto loc = r.bytes_with_length(scratch);
        if (!r.ok()) return false;
        out = resolve_lob_bind(loc.data);
        return true;
    }
    if (m.type == 102) {
        // REF CURSOR: a new one is the bytes 01 00 (a UB4 zero in python's
        // and node's writers); an open one UB4 1, then its UB4 cursor id.
        if (r.ub4() != 0) r.ub4();
        out = null_t{};
        return r.ok();
    }
    const auto b = r.bytes_with_length(scratch);
    if (!r.ok()) return false;
    if (b.null || skim_values) {
        out = null_t{};
        return true;
    }
    proto::types::wire_type t;
    t.type    = static_cast<proto::types::ora_type>(m.type);
    t.form    = static_cast<proto::types::cs_form>(m.cs_form);
    t.charset = m.charset != 0 ? m.charset : proto::types::charset::al32utf8;
    return !proto::types::decode_value(t, b.data, out);
}

wire_bind bind_of(const bind_meta& m) {
    wire_bind b;
    b.declared     = static_cast<proto::types::ora_type>(m.type);
    b.is_array     = (m.flags & 0x40) != 0;
    b.max_elements = m.max_elements;
    b.max_size     = m.cs_form == 2 ? 0 : m.buffer_size;
    return b;
}

}  // namespace

const std::string* auth_request::find(std::string_view key) const {
    for (const auto& [k, v] : pairs) {
        if (k == key) return &v;
    }
    return nullptr;
}

std::error_code decode_auth(proto::reader& r, const proto::ttc::caps& c, auth_request& out) {
    const std::uint8_t has_user  = r.u8();
    const std::uint32_t user_len = r.ub4();
    out.mode                     = r.ub4();
    r.u8();  // pointer (key/value list)
    const std::uint32_t npairs = r.ub4();
    r.u8();  // pointer
    r.u8();  // pointer
    if (!r.ok()) return r.error();
    if (has_user != 0) out.user = read_counted_string(r, user_len, c);
    const std::size_t n = r.count(npairs, 256, 3);
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        std::vector<std::uint8_t> scratch;
        const std::uint32_t klen = r.ub4();
        std::string key;
        if (klen > 0) {
            const auto k = r.bytes_with_length(scratch);
            key.assign(k.data.begin(), k.data.end());
        }
        const std::uint32_t vlen = r.ub4();
        std::string val;
        if (vlen > 0) {
            const auto v = r.bytes_with_length(scratch);
            val.assign(v.data.begin(), v.data.end());
        }
        r.ub4();  // flags
        out.pairs.emplace_back(std::move(key), std::move(val));
    }
    return result_of(r);
}

std::error_code decode_execute(proto::reader& r, const proto::ttc::caps& c, execute_request& out) {
    out.options                 = r.ub4();
    out.cursor_id               = r.ub4();
    const std::uint8_t sql_ptr  = r.u8();
    const std::uint32_t sql_len = r.ub4();
    r.u8();                                   // pointer (al8i4)
    const std::uint32_t al8i4_len = r.ub4();  // 13
    r.u8();                                   // pointer (al8o4)
    r.u8();                                   // pointer (al8o4l)
    r.ub4();                                  // prefetch buffer size
    out.prefetch_rows = r.ub4();
    r.ub4();  // max long size
    r.u8();   // pointer (binds)
    const std::uint32_t nbinds = r.ub4();
    r.u8();  // al8app
    r.u8();  // al8txn
    r.u8();  // al8txl
    r.u8();  // al8kv
    r.u8();  // al8kvl
    r.u8();  // pointer (al8doac)
    out.num_defines = r.ub4();
    r.ub4();  // registration id
    r.u8();   // al8objlist
    r.u8();   // al8objlen
    r.u8();   // al8blv
    r.ub4();  // al8blvl
    r.u8();   // al8dnam
    r.ub4();  // al8dnaml
    r.ub4();  // registration id (high half)
    r.u8();   // al8pidmlrc
    r.ub4();  // al8pidmlrcbl
    r.u8();   // al8pidmlrcl
    if (c.at_least(fv::v12_2)) {
        r.u8();   // al8sqlsig
        r.ub4();  // SQL signature length
        r.u8();   // SQL id
        r.ub4();  // SQL id size
        r.u8();   // SQL id length pointer
        if (c.at_least(fv::v12_2_ext1)) {
            r.u8();   // chunk ids
            r.ub4();  // number of chunk ids
        }
    }
    if (!r.ok()) return r.error();
    if (sql_ptr != 0 && sql_len > 0) out.sql = read_sql_text(r, sql_len, c);
    const std::size_t n_i4 = r.count(al8i4_len, 64, 1);
    std::vector<std::uint32_t> al8i4;
    for (std::size_t i = 0; i < n_i4 && r.ok(); ++i)
        al8i4.push_back(r.ub4());
    if (al8i4.size() > 1) out.exec_count = al8i4[1];
    if (al8i4.size() > 7) out.is_query_hint = al8i4[7] != 0;
    if (al8i4.size() > 9) out.exec_flags = al8i4[9];
    if (!r.ok()) return r.error();
    const std::size_t nmeta =
        r.count((out.options & exec_option::define) != 0 ? out.num_defines : nbinds, 65535, 10);
    std::vector<bind_meta> metas;
    for (std::size_t i = 0; i < nmeta && r.ok(); ++i) {
        bind_meta m;
        m.type  = r.u8();
        m.flags = r.u8();
        r.u8();  // precision
        r.u8();  // scale
        m.buffer_size               = r.ub4();
        m.max_elements              = r.ub4();
        m.cont_flags                = r.ub8();  // LOB prefetch for a LOB define
        const std::uint32_t oid_len = r.ub4();
        if (oid_len > 0) {
            std::vector<std::uint8_t> scratch;
            r.bytes_with_length(scratch);
        }
        r.ub4();  // version
        m.charset = static_cast<std::uint16_t>(r.ub4());
        m.cs_form = r.u8();
        r.ub4();                             // max chars
        if (c.at_least(fv::v12_2)) r.ub4();  // oaccolid
        metas.push_back(m);
    }
    if (!r.ok()) return r.error();
    if ((out.options & exec_option::define) != 0) {
        out.defines = std::move(metas);
        return {};
    }
    out.binds = std::move(metas);
    return {};
}

namespace {

std::error_code read_bind_rows(proto::reader& r, const std::vector<bind_meta>& binds,
                               const std::vector<bool>& sent, std::size_t expected,
                               std::vector<std::vector<wire_bind>>& rows) {
    rows.clear();
    bool any_sent = false;
    for (std::size_t i = 0; i < binds.size(); ++i)
        any_sent = any_sent || i >= sent.size() || sent[i];
    if (!any_sent) return {};
    // Binds longer than the maximum string size travel after the others:
    // python-oracledb and oranet type those LONG / LONG RAW (4000 or 32767
    // bytes, as negotiated); python 1.2.1 defers every bind of 4000 bytes or
    // more and says 0x7fffffff in its metadata (a large string becomes a
    // temporary LOB there).
    std::vector<std::size_t> order;
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < binds.size(); ++i) {
            const bool is_long  = binds[i].type == 8 || binds[i].type == 24;
            const bool deferred = (binds[i].flags & 0x40) == 0 &&
                                  (binds[i].buffer_size > 32767 || (is_long && binds[i].buffer_size > 4000));
            if (deferred == (pass == 1)) order.push_back(i);
        }
    const auto row_type = static_cast<std::uint8_t>(proto::ttc::message_type::row_data);
    while (rows.size() < expected || (r.remaining() > 0 && r.peek() == row_type)) {
        if (r.remaining() == 0) return client_errc::truncated;
        if (r.peek() != row_type) break;
        r.u8();
        std::vector<wire_bind> row(binds.size());
        for (const std::size_t i : order) {
            const bind_meta& m = binds[i];
            wire_bind b        = bind_of(m);
            if (i < sent.size() && !sent[i]) {
                row[i] = std::move(b);
                continue;
            }
            if (b.is_array) {  // UB4 count, then the elements
                const std::size_t n = r.count(r.ub4(), 1u << 20, 1);
                for (std::size_t k = 0; k < n && r.ok(); ++k) {
                    value v;
                    if (!read_bind_value(r, m, v)) return r.ok() ? client_errc::malformed : r.error();
                    b.elements.push_back(std::move(v));
                }
            } else if (!read_bind_value(r, m, b.v)) {
                return r.ok() ? client_errc::malformed : r.error();
            }
            if (!r.ok()) return r.error();
            row[i] = std::move(b);
        }
        rows.push_back(std::move(row));
    }
    return r.error();
}

}  // namespace

std::error_code decode_bind_rows(proto::reader& r, const std::vector<bind_meta>& binds,
                                 const std::vector<bool>& sent, std::size_t expected,
                                 std::vector<std::vector<wire_bind>>& rows) {
    // A large array DML arrives in many packets and is read again after
    // each one: check that it is complete without decoding any value first.
    {
        proto::reader probe(r.rest());
        skim_values        = true;
        const auto skimmed = read_bind_rows(probe, binds, sent, expected, rows);
        skim_values        = false;
        if (skimmed == client_errc::truncated) return skimmed;
    }
    return read_bind_rows(r, binds, sent, expected, rows);
}

std::error_code decode_reexecute(proto::reader& r, reexecute_request& out) {
    out.cursor_id = r.ub4();
    out.iters     = r.ub4();
    out.flags1    = r.ub4();
    out.flags2    = r.ub4();
    return r.error();
}

std::error_code decode_fetch(proto::reader& r, fetch_request& out) {
    out.cursor_id  = r.ub4();
    out.array_size = r.ub4();
    return r.error();
}

std::error_code decode_piggyback(proto::reader& r, std::uint8_t code, const proto::ttc::caps& c,
                                 std::vector<std::uint32_t>& cursors_to_close) {
    (void)c;
    switch (static_cast<proto::ttc::function_code>(code)) {
        case proto::ttc::function_code::close_cursors: {
            r.u8();  // pointer
            const std::size_t n = r.count(r.ub4(), 65535, 1);
            for (std::size_t i = 0; i < n && r.ok(); ++i)
                cursors_to_close.push_back(r.ub4());
            return r.error();
        }
        default: return client_errc::ttc_unexpected_message;
    }
}

std::error_code decode_end_to_end(proto::reader& r, const proto::ttc::caps& c, end_to_end_attrs& out) {
    // Flag bits of the attributes the client changed.
    constexpr std::uint32_t flag_client_identifier = 0x0001;
    constexpr std::uint32_t flag_module            = 0x0008;
    constexpr std::uint32_t flag_action            = 0x0010;
    constexpr std::uint32_t flag_client_info       = 0x0100;
    r.u8();  // pointer (cidnam)
    r.u8();  // pointer (cidser)
    const std::uint32_t flags = r.ub4();
    // Headers in wire order; index 4 is cidcct/cidecs, which carries no text.
    constexpr std::size_t n_headers = 9;
    constexpr std::size_t no_text   = 4;
    std::uint8_t present[n_headers]{};
    std::uint32_t length[n_headers]{};
    for (std::size_t i = 0; i < n_headers; ++i) {
        present[i] = r.u8();
        length[i]  = r.ub4();
    }
    if (!r.ok()) return r.error();
    std::string text[n_headers];
    for (std::size_t i = 0; i < n_headers && r.ok(); ++i) {
        if (i == no_text || present[i] == 0) continue;
        if (length[i] == 0) {
            // Newer python-oracledb writes an announced empty text as a lone
            // zero length; node-oracledb writes nothing. A message type is
            // never 0.
            if (c.conv_length() && r.remaining() > 0 && r.peek() == 0) r.u8();
            continue;
        }
        // Length-prefixed with CONV_LENGTH (node, newer python, ours); raw
        // bytes from python-oracledb 1.2.1.
        text[i] = read_counted_string(r, length[i], c);
    }
    if (!r.ok()) return r.error();
    auto take = [&](std::uint32_t flag, std::size_t i, std::optional<std::string>& dst) {
        if ((flags & flag) != 0 || present[i] != 0) dst = text[i];
    };
    take(flag_client_identifier, 0, out.client_identifier);
    take(flag_module, 1, out.module);
    take(flag_action, 2, out.action);
    take(flag_client_info, 5, out.client_info);
    return {};
}

}  // namespace oranet::emulate

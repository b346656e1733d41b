#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/execute.hpp>

#include <algorithm>

namespace oranet::proto::ttc {

namespace {

void encode_bind_metadata(writer& w, const bind_metadata& b, const caps& c) {
    w.u8(b.ora_type);
    w.u8(b.flags);
    w.u8(b.precision);
    w.u8(b.scale);
    w.ub4(b.buffer_size);
    w.ub4(b.max_elements);
    w.ub8(b.cont_flags);
    if (!b.oid.empty()) {
        w.ub4_then_bytes(bytes_view{b.oid});
        w.ub4(b.oid_version);
    } else {
        w.ub4(0);  // OID
        w.ub2(b.oid_version);
    }
    w.ub2(b.charset_id);
    w.u8(b.cs_form);
    w.ub4(b.lob_prefetch_length);
    if (c.at_least(field_version::v12_2)) w.ub4(b.oac_column_id);
}

void decode_bind_metadata(reader& r, bind_metadata& b, const caps& c) {
    r.begin("bind");
    b.ora_type            = r.u8("ora_type");
    b.flags               = r.u8("flags");
    b.precision           = r.u8("precision");
    b.scale               = r.u8("scale");
    b.buffer_size         = r.ub4("buffer_size");
    b.max_elements        = r.ub4("max_elements");
    b.cont_flags          = r.ub8("cont_flags");
    b.oid                 = detail::read_owned_ub4_bytes(r, "oid");
    b.oid_version         = static_cast<std::uint16_t>(r.ub4("oid_version"));  // UB2, or UB4 after an OID
    b.charset_id          = r.ub2("charset_id");
    b.cs_form             = r.u8("cs_form");
    b.lob_prefetch_length = r.ub4("lob_prefetch_length");
    b.oac_column_id       = c.at_least(field_version::v12_2) ? r.ub4("oac_column_id") : 0;
    r.end();
}

// True when a bind goes after the others in a bind row (python-oracledb
// writes binds longer than max_string_size last, except for PL/SQL).
bool is_deferred(const bind_metadata& b, bool is_plsql, const caps& c) {
    return !is_plsql && !b.is_array() && b.buffer_size > c.max_string_size;
}

template <class Fn>
void for_each_in_wire_order(std::span<const bind_metadata> binds, bool is_plsql, const caps& c, Fn fn) {
    for (std::size_t i = 0; i < binds.size(); ++i)
        if (!binds[i].is_return_bind && !is_deferred(binds[i], is_plsql, c)) fn(i);
    for (std::size_t i = 0; i < binds.size(); ++i)
        if (!binds[i].is_return_bind && is_deferred(binds[i], is_plsql, c)) fn(i);
}

bool all_return_binds(std::span<const bind_metadata> binds) noexcept {
    return std::all_of(binds.begin(), binds.end(), [](const bind_metadata& b) { return b.is_return_bind; });
}

}  // namespace

value_shape shape_of(const bind_metadata& b) noexcept {
    return value_shape{b.ora_type, b.cs_form, b.buffer_size, b.is_array()};
}

void encode_bind_rows(writer& w, const std::vector<bind_row>& rows, std::span<const bind_metadata> binds,
                      bool is_plsql, const caps& c) {
    if (all_return_binds(binds)) return;  // a statement with only RETURNING binds sends no rows
    for (const auto& row : rows) {
        w.u8(static_cast<std::uint8_t>(message_type::row_data));
        for_each_in_wire_order(binds, is_plsql, c, [&](std::size_t i) {
            const column_value none;
            encode_value(w, i < row.size() ? row[i] : none, shape_of(binds[i]), value_context::bind, c);
        });
    }
}

std::size_t expected_bind_rows(const execute_request& m) noexcept {
    if (m.al8i4[al8i4::is_query] != 0) return 1;
    return std::max<std::size_t>(1, m.al8i4[al8i4::execution_count]);
}

std::size_t expected_bind_rows(const reexecute_request& m) noexcept {
    return m.with_fetch ? 1 : std::max<std::size_t>(1, m.num_iters);
}

void decode_bind_rows(reader& r, std::vector<bind_row>& rows, std::span<const bind_metadata> binds,
                      bool is_plsql, std::size_t expected_rows, const caps& c) {
    rows.clear();
    if (!r.ok() || r.remaining() == 0 || all_return_binds(binds)) return;  // no rows at all
    expected_rows = r.count(expected_rows, max_array_elements, 1 + binds.size());
    for (std::size_t k = 0; k < expected_rows && r.ok(); ++k) {
        if (r.u8("row_data") != static_cast<std::uint8_t>(message_type::row_data) && r.ok()) {
            r.fail(client_errc::ttc_bad_request);
            return;
        }
        bind_row row(binds.size());
        for_each_in_wire_order(binds, is_plsql, c, [&](std::size_t i) {
            if (r.ok()) (void)decode_value(r, row[i], shape_of(binds[i]), value_context::bind, c);
        });
        rows.push_back(std::move(row));
    }
}

void encode(writer& w, const execute_request& m, const caps& c) {
    encode(w, function_header{message_type::function, function_code::execute, m.seq, m.token}, c);
    const bool with_defines = (m.options & exec_option::define) != 0;
    const auto num_binds    = static_cast<std::uint32_t>(with_defines ? 0 : m.binds.size());
    w.ub4(m.options);
    w.ub4(m.cursor_id);
    w.u8(m.has_sql ? 1 : 0);  // pointer (SQL)
    w.ub4(m.has_sql ? static_cast<std::uint32_t>(m.sql.size()) : 0);
    w.u8(1);  // pointer (al8i4)
    w.ub4(static_cast<std::uint32_t>(m.al8i4.size()));
    w.u8(0);  // pointer (al8o4)
    w.u8(0);  // pointer (al8o4l)
    w.ub4(m.prefetch_buffer_size);
    w.ub4(m.prefetch_rows);
    w.ub4(m.max_long_size);
    w.u8(num_binds > 0 ? 1 : 0);  // pointer (binds)
    w.ub4(num_binds);
    w.u8(0);                     // pointer (al8app)
    w.u8(0);                     // pointer (al8txn)
    w.u8(0);                     // pointer (al8txl)
    w.u8(0);                     // pointer (al8kv)
    w.u8(0);                     // pointer (al8kvl)
    w.u8(with_defines ? 1 : 0);  // pointer (al8doac)
    w.ub4(with_defines ? static_cast<std::uint32_t>(m.defines.size()) : 0);
    w.ub4(static_cast<std::uint32_t>(m.registration_id & 0xffffffffu));
    w.u8(0);  // pointer (al8objlist)
    w.u8(1);  // pointer (al8objlen)
    w.u8(0);  // pointer (al8blv)
    w.ub4(0);
    w.u8(0);  // pointer (al8dnam)
    w.ub4(0);
    w.ub4(static_cast<std::uint32_t>(m.registration_id >> 32));
    w.u8(m.dml_rowcounts ? 1 : 0);  // pointer (al8pidmlrc)
    w.ub4(m.dml_rowcounts ? m.dml_rowcounts_size : 0);
    w.u8(m.dml_rowcounts ? 1 : 0);  // pointer (al8pidmlrcl)
    if (c.at_least(field_version::v12_2)) {
        w.u8(0);  // pointer (al8sqlsig)
        w.ub4(0);
        w.u8(0);  // pointer (SQL id)
        w.ub4(0);
        w.u8(0);  // pointer (SQL id length)
        if (c.at_least(field_version::v12_2_ext1)) {
            w.u8(0);  // pointer (chunk ids)
            w.ub4(0);
        }
    }
    if (m.has_sql) {
        if (c.conv_length())
            w.bytes_with_length(bytes_view{m.sql});
        else
            w.bytes(bytes_view{m.sql});  // PEER-NOTES 1: raw without CONV_LENGTH
    }
    for (std::uint32_t v : m.al8i4)
        w.ub4(v);
    if (with_defines) {
        for (const auto& d : m.defines)
            encode_bind_metadata(w, d, c);
    } else if (num_binds > 0) {
        for (const auto& b : m.binds)
            encode_bind_metadata(w, b, c);
        encode_bind_rows(w, m.bind_rows, m.binds, m.is_plsql(), c);
    }
}

std::error_code decode_body(reader& r, execute_request& m, const caps& c) { return decode_body(r, m, c, {}); }

std::error_code decode_body(reader& r, execute_request& m, const caps& c, const return_bind_marker& mark) {
    r.begin("execute");
    m.options                   = r.ub4("options");
    m.cursor_id                 = r.ub4("cursor_id");
    m.has_sql                   = r.u8("sql_pointer") != 0;
    const std::uint32_t sql_len = r.ub4("sql_length");
    (void)r.u8("al8i4_pointer");
    const std::size_t al8i4_len = r.count(r.ub4("al8i4_length"), 64, 1);
    (void)r.u8("al8o4_pointer");
    (void)r.u8("al8o4l_pointer");
    m.prefetch_buffer_size = r.ub4("prefetch_buffer_size");
    m.prefetch_rows        = r.ub4("prefetch_rows");
    m.max_long_size        = r.ub4("max_long_size");
    (void)r.u8("binds_pointer");
    const std::size_t num_binds = r.count(r.ub4("num_binds"), max_binds, 1);
    (void)r.u8("al8app_pointer");
    (void)r.u8("al8txn_pointer");
    (void)r.u8("al8txl_pointer");
    (void)r.u8("al8kv_pointer");
    (void)r.u8("al8kvl_pointer");
    (void)r.u8("al8doac_pointer");
    m.num_defines           = r.ub4("num_defines");
    const std::uint64_t lsb = r.ub4("registration_id_lsb");
    (void)r.u8("al8objlist_pointer");
    (void)r.u8("al8objlen_pointer");
    (void)r.u8("al8blv_pointer");
    (void)r.ub4("al8blvl");
    (void)r.u8("al8dnam_pointer");
    (void)r.ub4("al8dnaml");
    const std::uint64_t msb = r.ub4("registration_id_msb");
    m.registration_id       = (msb << 32) | lsb;
    m.dml_rowcounts         = r.u8("al8pidmlrc_pointer") != 0;
    m.dml_rowcounts_size    = r.ub4("al8pidmlrcbl");
    (void)r.u8("al8pidmlrcl_pointer");
    if (c.at_least(field_version::v12_2)) {
        (void)r.u8("al8sqlsig_pointer");
        (void)r.ub4("sql_signature_length");
        (void)r.u8("sql_id_pointer");
        (void)r.ub4("sql_id_size");
        (void)r.u8("sql_id_length_pointer");
        if (c.at_least(field_version::v12_2_ext1)) {
            (void)r.u8("chunk_ids_pointer");
            (void)r.ub4("num_chunk_ids");
        }
    }
    m.sql.clear();
    if (m.has_sql && r.ok()) {
        if (c.conv_length()) {
            m.sql = detail::read_owned_bytes(r, "sql");
        } else {
            const bytes_view b = r.bytes(sql_len, "sql", field_kind::text);  // PEER-NOTES 1
            m.sql.assign(b.begin(), b.end());
        }
    }
    m.al8i4.fill(0);
    for (std::size_t i = 0; i < al8i4_len && r.ok(); ++i) {
        const std::uint32_t v = r.ub4("al8i4");
        if (i < m.al8i4.size()) m.al8i4[i] = v;
    }
    m.binds.clear();
    m.defines.clear();
    m.bind_rows.clear();
    if ((m.options & exec_option::define) != 0) {
        const std::size_t n = r.count(m.num_defines, max_columns, 10);
        m.defines.resize(n);
        for (std::size_t i = 0; i < n && r.ok(); ++i)
            decode_bind_metadata(r, m.defines[i], c);
    } else if (num_binds > 0) {
        m.binds.resize(num_binds);
        for (std::size_t i = 0; i < num_binds && r.ok(); ++i)
            decode_bind_metadata(r, m.binds[i], c);
        if (mark && r.ok()) mark(m);
        decode_bind_rows(r, m.bind_rows, m.binds, m.is_plsql(), expected_bind_rows(m), c);
    }
    r.end();
    return r.error();
}

std::error_code decode(reader& r, execute_request& m, const caps& c) { return decode(r, m, c, {}); }

std::error_code decode(reader& r, execute_request& m, const caps& c, const return_bind_marker& mark) {
    function_header h;
    if (auto ec = decode(r, h, c)) return ec;
    if (h.type != message_type::function || h.code != function_code::execute)
        return client_errc::ttc_unexpected_message;
    m.seq   = h.seq;
    m.token = h.token;
    if (auto ec = decode_body(r, m, c, mark)) return ec;
    return r.finish();
}

void encode(writer& w, const reexecute_request& m, std::span<const bind_metadata> binds, bool is_plsql,
            const caps& c) {
    const function_code code = m.with_fetch ? function_code::reexecute_and_fetch : function_code::reexecute;
    encode(w, function_header{message_type::function, code, m.seq, m.token}, c);
    w.ub4(m.cursor_id);
    w.ub4(m.num_iters);
    w.ub4(m.options1);
    w.ub4(m.options2);
    encode_bind_rows(w, m.bind_rows, binds, is_plsql, c);
}

std::error_code decode_body(reader& r, reexecute_request& m, std::span<const bind_metadata> binds,
                            bool is_plsql, const caps& c) {
    r.begin("reexecute");
    m.cursor_id = r.ub4("cursor_id");
    m.num_iters = r.ub4("num_iters");
    m.options1  = r.ub4("options1");
    m.options2  = r.ub4("options2");
    decode_bind_rows(r, m.bind_rows, binds, is_plsql, expected_bind_rows(m), c);
    r.end();
    return r.error();
}

std::error_code decode(reader& r, reexecute_request& m, std::span<const bind_metadata> binds, bool is_plsql,
                       const caps& c) {
    function_header h;
    if (auto ec = decode(r, h, c)) return ec;
    if (h.type != message_type::function ||
        (h.code != function_code::reexecute && h.code != function_code::reexecute_and_fetch))
        return client_errc::ttc_unexpected_message;
    m.seq        = h.seq;
    m.token      = h.token;
    m.with_fetch = h.code == function_code::reexecute_and_fetch;
    if (auto ec = decode_body(r, m, binds, is_plsql, c)) return ec;
    return r.finish();
}

}  // namespace oranet::proto::ttc

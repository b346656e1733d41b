// LOB columns of a query (cursor_impl): the define that follows the execute
// when the describe names CLOB/NCLOB/BLOB columns, as node-oracledb and
// python-oracledb do (their requiresDefine / _requires_define): each LOB
// column is defined either as itself with the LOB prefetch flag (rows then
// carry the locator with the LOB's size and chunk size) or, to fetch the
// value inline, as LONG / LONG RAW (python's fetch_lobs=False, node's
// fetchAsString / fetchAsBuffer).
#include "detail/cursor_lob.hpp"

#include "detail/cursor_impl.hpp"

#include <oranet/proto/ttc/execute.hpp>

namespace oranet::detail {

namespace ttc   = proto::ttc;
namespace types = proto::types;

namespace {

bool is_lob(std::uint8_t t) { return t == ttc::ora_type_num::clob || t == ttc::ora_type_num::blob; }

}  // namespace

bool has_lob_columns(const ttc::describe_info& d) {
    for (const auto& c : d.columns)
        if (is_lob(c.ora_type)) return true;
    return false;
}

bool lob_value(const types::wire_type& t, const ttc::column_value& cv, value& out) {
    if (t.type != types::ora_type::clob && t.type != types::ora_type::blob &&
        t.type != types::ora_type::bfile)
        return false;
    lob_locator l;
    l.ora_type   = static_cast<std::uint8_t>(t.type);
    l.cs_form    = t.type == types::ora_type::clob ? static_cast<std::uint8_t>(t.form) : 0;
    l.bytes      = cv.data;
    l.size       = cv.lob_size;
    l.chunk_size = cv.lob_chunk_size;
    out          = std::move(l);
    return true;
}

std::error_code define_lob_columns(cursor_impl& c, bool fetch_inline, diagnostics& diag) {
    const ttc::describe_info* d = c.tracker ? c.tracker->describe() : nullptr;
    if (d == nullptr || !has_lob_columns(*d) || !c.rows.empty() || !c.more_rows || c.cursor_id == 0)
        return {};
    ttc::describe_info defined = *d;
    ttc::execute_request m;
    m.cursor_id = c.cursor_id;
    m.has_sql   = false;
    for (std::size_t i = 0; i < defined.columns.size(); ++i) {
        auto& col = defined.columns[i];
        ttc::bind_metadata b;
        b.ora_type    = col.ora_type;
        b.buffer_size = col.buffer_size;
        b.cs_form     = col.cs_form;
        b.charset_id  = col.cs_form != 0 ? types::charset::al32utf8 : 0;
        if (col.ora_type == ttc::ora_type_num::rowid || col.ora_type == ttc::ora_type_num::urowid) {
            b.ora_type    = ttc::ora_type_num::varchar;
            b.buffer_size = ttc::max_urowid_length;
        }
        if (is_lob(col.ora_type)) {
            if (fetch_inline) {
                const bool blob = col.ora_type == ttc::ora_type_num::blob;
                b.ora_type      = blob ? ttc::ora_type_num::long_raw : ttc::ora_type_num::long_;
                b.buffer_size   = ttc::max_long_length;
                col.ora_type    = b.ora_type;
                col.buffer_size = ttc::max_long_length;
                if (i < c.column_types.size()) {
                    c.column_types[i].type = blob ? types::ora_type::long_raw : types::ora_type::long_;
                }
            } else {
                b.cont_flags = ttc::lob_prefetch_flag;
            }
        }
        m.defines.push_back(std::move(b));
    }
    const std::uint32_t rows = c.prefetch != 0 ? c.prefetch : c.arraysize;
    m.num_defines            = static_cast<std::uint32_t>(m.defines.size());
    // The define alone (node-oracledb's options; no execute, fetch or
    // execute flags): the server answers with the first rows in the
    // defined types.
    m.options                            = ttc::exec_option::define | ttc::exec_option::not_plsql;
    m.prefetch_rows                      = rows;
    m.al8i4[ttc::al8i4::execution_count] = rows;
    m.al8i4[ttc::al8i4::is_query]        = 1;
    c.tracker->set_describe(defined);
    if (c.stmt) c.stmt->describe = std::make_shared<const ttc::describe_info>(defined);
    const auto& caps = c.conn->session.caps();
    return c.conn->call(
        "define",
        [&](proto::writer& w) {
            m.seq = c.conn->session.next_seq();
            ttc::encode(w, m, caps);
        },
        &c, true, c.call_timeout, diag);
}

}  // namespace oranet::detail

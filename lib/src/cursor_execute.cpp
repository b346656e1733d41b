// The execute call of a cursor: bind metadata and values (values and
// variables), a full execute or a re-execute of the cached server cursor,
// and what the reply then holds (out binds, RETURNING values, row counts,
// batch errors). python-oracledb's ExecuteMessage and node-oracledb's
// execute message make the same choices.
#include "detail/cursor_impl.hpp"
#include "detail/cursor_lob.hpp"

#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/types/codec.hpp>

#include <algorithm>

namespace oranet::detail {

namespace ttc   = proto::ttc;
namespace types = proto::types;

namespace {

// Text between oranet and the server is AL32UTF8, the character set the
// client declares (see cursor.cpp).
constexpr std::uint16_t client_charset = types::charset::al32utf8;

// The wire type and metadata a bound value travels with (python-oracledb's
// choices for Python values of the same kinds).
struct bind_shape {
    types::wire_type wire;
    ttc::bind_metadata meta;
};

bind_shape shape_for(const value& v, const ttc::caps& c) {
    bind_shape s;
    auto set = [&](types::ora_type t, std::uint32_t size, bool text = false) {
        s.wire.type        = t;
        s.wire.form        = text ? types::cs_form::implicit : types::cs_form::none;
        s.wire.charset     = client_charset;
        s.meta.ora_type    = static_cast<std::uint8_t>(t);
        s.meta.buffer_size = std::max<std::uint32_t>(size, 1);
        s.meta.cs_form     = text ? 1 : 0;
        s.meta.charset_id  = text ? client_charset : 0;
    };
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, null_t>) {
                set(types::ora_type::varchar, 1, true);
            } else if constexpr (std::is_same_v<T, std::string>) {
                const auto n = static_cast<std::uint32_t>(x.size());
                set(n > c.max_string_size ? types::ora_type::long_ : types::ora_type::varchar, n, true);
            } else if constexpr (std::is_same_v<T, raw_bytes>) {
                const auto n = static_cast<std::uint32_t>(x.data.size());
                set(n > c.max_string_size ? types::ora_type::long_raw : types::ora_type::raw, n);
            } else if constexpr (std::is_same_v<T, number>) {
                set(types::ora_type::number, 22);
            } else if constexpr (std::is_same_v<T, double>) {
                set(types::ora_type::binary_double, 8);
            } else if constexpr (std::is_same_v<T, float>) {
                set(types::ora_type::binary_float, 4);
            } else if constexpr (std::is_same_v<T, bool>) {
                set(types::ora_type::boolean, 4);
            } else if constexpr (std::is_same_v<T, date_time>) {
                set(types::ora_type::timestamp, 11);
            } else if constexpr (std::is_same_v<T, timestamp_tz>) {
                set(types::ora_type::timestamp_tz, 13);
            } else if constexpr (std::is_same_v<T, timestamp_ltz>) {
                set(types::ora_type::timestamp_ltz, 11);
            } else if constexpr (std::is_same_v<T, interval_ym>) {
                set(types::ora_type::interval_ym, 5);
            } else if constexpr (std::is_same_v<T, interval_ds>) {
                set(types::ora_type::interval_ds, 11);
            } else if constexpr (std::is_same_v<T, rowid>) {
                set(types::ora_type::varchar, ttc::max_urowid_length, true);
            } else if constexpr (std::is_same_v<T, lob_locator>) {
                // A LOB binds as its locator (python-oracledb's LOB bind: the
                // type, the LOB prefetch flag, the charset form of NCLOB).
                const bool text = x.ora_type == ttc::ora_type_num::clob;
                set(static_cast<types::ora_type>(x.ora_type), static_cast<std::uint32_t>(x.bytes.size()),
                    text);
                s.meta.cont_flags = ttc::lob_prefetch_flag;
                if (text && x.cs_form == 2) {
                    s.wire.form    = types::cs_form::nchar;
                    s.meta.cs_form = 2;
                }
            }
        },
        v);
    return s;
}

std::error_code encode_one(const types::wire_type& w, const value& v, ttc::column_value& cv) {
    cv = {};
    if (is_null(v)) return {};
    if (const auto* str = std::get_if<std::string>(&v); str && str->empty()) return {};
    if (const auto* loc = std::get_if<lob_locator>(&v)) {
        if (loc->bytes.empty()) return {};  // a freed LOB binds as NULL
        cv.data = loc->bytes;
    } else if (const auto* rid = std::get_if<rowid>(&v)) {
        // A ROWID goes as its text, as the thin clients bind it.
        if (auto ec = types::encode_value(w, value{rid->text}, cv.data)) return ec;
    } else if (auto ec = types::encode_value(w, v, cv.data)) {
        return ec;
    }
    cv.state = ttc::value_state::present;
    return {};
}

std::error_code encode_slot(const bind_slot& s, const types::wire_type& w, ttc::column_value& cv) {
    if (!s.var) return encode_one(w, s.v, cv);
    const auto& var = *s.var;
    if (var.array) {
        cv              = {};
        cv.has_elements = true;
        if (var.dir == bind_direction::out) return {};
        for (const auto& e : var.in_elements) {
            ttc::column_value ev;
            if (auto ec = encode_one(w, e, ev)) return ec;
            cv.elements.push_back(std::move(ev));
        }
        cv.state = ttc::value_state::present;
        return {};
    }
    if (var.dir == bind_direction::in_out) return encode_one(w, var.in, cv);
    cv = {};  // OUT, REF CURSOR, RETURNING: NULL
    return {};
}

bool same_metadata(const std::vector<ttc::bind_metadata>& a, const std::vector<ttc::bind_metadata>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].ora_type != b[i].ora_type || a[i].flags != b[i].flags ||
            a[i].buffer_size != b[i].buffer_size || a[i].max_elements != b[i].max_elements ||
            a[i].cs_form != b[i].cs_form || a[i].is_return_bind != b[i].is_return_bind)
            return false;
    }
    return true;
}

// Errors after which the server cursor stays good for a re-execute (as
// python-oracledb keeps it: constraint and value errors of the data, not
// of the statement).
bool keeps_cursor(int ora) {
    switch (ora) {
        case 1:      // unique constraint
        case 1400:   // cannot insert NULL
        case 1407:   // cannot update to NULL
        case 1438:   // value larger than precision
        case 2290:   // check constraint
        case 2291:   // parent key not found
        case 2292:   // child record found
        case 12899:  // value too large for column
        case 24381:  // array DML errors
            return true;
        default: return false;
    }
}

}  // namespace

std::error_code cursor_impl::execute(std::string_view sql, std::vector<std::vector<bind_slot>> bind_rows,
                                     const execute_options& opts, diagnostics& diag) {
    diag.clear();
    if (conn == nullptr) return client_errc::not_connected;
    release_statement();
    info = scan_sql(sql);
    columns.clear();
    column_types.clear();
    reset_results();
    row_count = 0;
    batch_errors.clear();
    dml_row_counts.clear();
    implicit_results.clear();
    bind_vars.clear();
    bind_types.clear();
    out_positions.clear();
    returning = false;
    tracker   = std::make_unique<ttc::reply_tracker>(conn->session.caps());

    const auto& caps = conn->session.caps();
    const bool query = info.kind == statement_kind::query;
    const bool plsql = info.kind == statement_kind::plsql;
    const bool ddl   = info.kind == statement_kind::ddl;
    more_rows        = query;
    stmt             = conn->stmt_cache.acquire(sql);

    // Metadata from the first row; values from every row.
    std::vector<ttc::bind_metadata> metas;
    std::vector<ttc::value_shape> shapes;
    const std::vector<bind_slot> none;
    const auto& first = bind_rows.empty() ? none : bind_rows.front();
    for (std::size_t i = 0; i < first.size(); ++i) {
        const auto& s = first[i];
        if (s.var) {
            auto m = metadata_of(*s.var);
            if (!plsql && info.kind == statement_kind::dml && i < info.returning.size() &&
                info.returning[i]) {
                m.is_return_bind = true;
                returning        = true;
                out_positions.push_back(i);
                s.var->returned.clear();
            }
            metas.push_back(m);
            bind_types.push_back(wire_type_of(*s.var));
        } else {
            auto shape = shape_for(s.v, caps);
            metas.push_back(shape.meta);
            bind_types.push_back(shape.wire);
        }
        bind_vars.push_back(s.var);
        shapes.push_back(ttc::shape_of(metas.back()));
    }
    // A wider value in a later row widens its bind (same type).
    for (std::size_t r = 1; r < bind_rows.size(); ++r) {
        for (std::size_t i = 0; i < bind_rows[r].size() && i < metas.size(); ++i) {
            if (bind_rows[r][i].var) continue;
            const auto shape = shape_for(bind_rows[r][i].v, caps);
            // Text or bytes too long for VARCHAR2 / RAW in a later row: the
            // bind becomes LONG / LONG RAW for all rows.
            const bool longer = (metas[i].ora_type == ttc::ora_type_num::varchar &&
                                 shape.meta.ora_type == ttc::ora_type_num::long_) ||
                                (metas[i].ora_type == ttc::ora_type_num::raw &&
                                 shape.meta.ora_type == ttc::ora_type_num::long_raw);
            if (longer) {
                metas[i].ora_type = shape.meta.ora_type;
                bind_types[i]     = shape.wire;
            }
            if (longer || shape.meta.ora_type == metas[i].ora_type || is_null(first[i].v)) {
                if (is_null(first[i].v) && !is_null(bind_rows[r][i].v)) {
                    metas[i].ora_type   = shape.meta.ora_type;
                    metas[i].cs_form    = shape.meta.cs_form;
                    metas[i].charset_id = shape.meta.charset_id;
                    bind_types[i]       = shape.wire;
                }
                metas[i].buffer_size = std::max(metas[i].buffer_size, shape.meta.buffer_size);
            }
        }
    }
    for (std::size_t i = 0; i < metas.size(); ++i)
        shapes[i] = ttc::shape_of(metas[i]);
    std::vector<ttc::bind_row> wire_rows;
    for (const auto& br : bind_rows) {
        ttc::bind_row row;
        for (std::size_t i = 0; i < br.size() && i < bind_types.size(); ++i) {
            ttc::column_value cv;
            if (auto ec = encode_slot(br[i], bind_types[i], cv)) return ec;
            row.push_back(std::move(cv));
        }
        wire_rows.push_back(std::move(row));
    }
    tracker->set_binds(shapes);
    if (returning) {
        std::vector<ttc::value_shape> outs;
        for (auto p : out_positions)
            outs.push_back(shapes[p]);
        tracker->set_out_binds(std::move(outs));
        tracker->set_returning(true);
    }
    tracker->set_dml_rowcounts(opts.dml_rowcounts);
    const std::uint32_t executions = static_cast<std::uint32_t>(std::max<std::size_t>(1, bind_rows.size()));

    // A re-execute of the cached cursor needs the same bind metadata, no
    // batch errors (they need a full execute) and a statement that is not
    // DDL or PL/SQL (whose out binds the full execute's I/O vector names).
    const bool reexecute = stmt->cursor_id != 0 && !ddl && !plsql && !opts.batch_errors &&
                           !opts.dml_rowcounts && same_metadata(stmt->binds, metas) &&
                           (!query || stmt->describe);
    stmt->binds = metas;
    if (query && reexecute && stmt->describe) {
        set_columns(*stmt->describe);
        tracker->set_describe(*stmt->describe);
    }
    cursor_id = stmt->cursor_id;

    std::function<void(proto::writer&)> body;
    ttc::execute_request m;
    ttc::reexecute_request rx;
    if (reexecute) {
        rx.cursor_id  = stmt->cursor_id;
        rx.with_fetch = query && prefetch > 0;
        if (rx.with_fetch) {
            rx.options1  = ttc::exec_option::execute;
            rx.num_iters = prefetch;
        } else {
            rx.num_iters = query ? 0 : executions;
            if (conn->autocommit) rx.options2 = ttc::exec_option::commit_reexecute;
        }
        if (!metas.empty()) rx.bind_rows = std::move(wire_rows);
        body = [&](proto::writer& w) {
            rx.seq = conn->session.next_seq();
            ttc::encode(w, rx, metas, false, caps);
        };
        if (query && !rx.with_fetch) more_rows = true;
    } else {
        m.cursor_id = stmt->cursor_id;
        m.has_sql   = stmt->cursor_id == 0 || ddl;
        if (m.has_sql) m.sql.assign(sql.begin(), sql.end());
        std::uint32_t options = ttc::exec_option::execute;
        if (m.has_sql) options |= ttc::exec_option::parse;
        std::uint32_t iters = 1;
        if (query) {
            iters = stmt->cursor_id == 0 ? prefetch : arraysize;
            if (iters > 0) options |= ttc::exec_option::fetch;
        }
        if (!plsql) options |= ttc::exec_option::not_plsql;
        if (!metas.empty()) {
            options |= ttc::exec_option::bind;
            if (plsql) options |= ttc::exec_option::plsql_bind;
            m.binds     = metas;
            m.bind_rows = std::move(wire_rows);
        }
        if (opts.batch_errors) options |= ttc::exec_option::batch_errors;
        if (conn->autocommit) options |= ttc::exec_option::commit;
        m.options                            = options;
        m.prefetch_rows                      = iters;
        m.al8i4[ttc::al8i4::parse]           = m.has_sql ? 1 : 0;
        m.al8i4[ttc::al8i4::execution_count] = query ? (stmt->cursor_id == 0 ? 0 : iters) : executions;
        m.al8i4[ttc::al8i4::is_query]        = query ? 1 : 0;
        m.al8i4[ttc::al8i4::exec_flags] =
            ttc::exec_flag::implicit_resultset | (opts.dml_rowcounts ? ttc::exec_flag::dml_rowcounts : 0);
        if (opts.dml_rowcounts) {
            m.dml_rowcounts      = true;
            m.dml_rowcounts_size = executions;
        }
        body = [&](proto::writer& w) {
            m.seq = conn->session.next_seq();
            ttc::encode(w, m, caps);
        };
    }
    auto ec = conn->call(reexecute ? "re-execute" : "execute", body, this, query, call_timeout, diag);
    if (ec == ora_error(static_cast<int>(ttc::ora_array_dml_errors)) && opts.batch_errors) {
        ec = {};  // the rows that failed are in batch_errors
        diag.clear();
    }
    if (cursor_id != 0) stmt->cursor_id = cursor_id;
    if (query && tracker->describe() != nullptr && !stmt->describe)
        stmt->describe = std::make_shared<const ttc::describe_info>(*tracker->describe());
    if (ec) {
        more_rows = false;
        if (ec.category() == ora_category() ? !keeps_cursor(ec.value()) : true) release_statement(false);
        return ec;
    }
    if (!query) more_rows = false;
    // DDL cursors are not kept (both thin clients close them with the next call).
    if (ddl) release_statement(false);
    if (query && !value_error) {
        // LOB columns: the server holds the rows until the client defines them.
        if (auto lec = define_lob_columns(*this, fetch_lobs_inline, diag)) {
            more_rows = false;
            return lec;
        }
    }
    return value_error;
}

}  // namespace oranet::detail

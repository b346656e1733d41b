// server_session: execute, re-execute and fetch on the SQL backend: queries,
// array DML (per-row counts, batch errors), DML RETURNING INTO, PL/SQL OUT
// binds (I/O vector, out-bind row, REF CURSORs) and implicit results.
#include "emulate/lob_rows.hpp"
#include "emulate/server_session.hpp"
#include "emulate/ttc_replies.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>

#include <algorithm>
#include <cctype>

namespace oranet::emulate {

namespace {

using proto::types::ora_type;

constexpr std::uint32_t exec_flag_dml_rowcounts = 0x4000;
constexpr std::uint8_t cursor_value_length      = 1;  // the fixed length byte of a REF CURSOR value

// One execution's binds when the client sent only metadata (every bind a
// RETURNING INTO bind).
std::vector<wire_bind> binds_of_meta(const std::vector<bind_meta>& metas) {
    std::vector<wire_bind> out;
    for (const auto& m : metas) {
        wire_bind b;
        b.declared     = static_cast<ora_type>(m.type);
        b.is_array     = (m.flags & 0x40) != 0;
        b.max_elements = m.max_elements;
        b.max_size     = m.cs_form == 2 ? 0 : m.buffer_size;
        out.push_back(std::move(b));
    }
    return out;
}

// Which binds carry a value in the rows: RETURNING INTO binds never; on a
// re-execute of PL/SQL, not the OUT binds of the last I/O vector.
std::vector<bool> sent_binds(const bind_plan& plan, const std::vector<bind_dir>& io_dirs, std::size_t n,
                             bool reexecute) {
    std::vector<bool> sent(n, true);
    for (std::size_t i = 0; i < n; ++i) {
        if (plan.is_plsql) {
            if (reexecute && i < io_dirs.size() && io_dirs[i] == bind_dir::out) sent[i] = false;
        } else if (i < plan.dirs.size() && plan.dirs[i] == bind_dir::out) {
            sent[i] = false;
        }
    }
    return sent;
}

std::uint16_t charset_of(const bind_meta& m, const proto::ttc::caps& c) {
    if (m.charset != 0) return m.charset;
    return m.cs_form == 2 ? c.ncharset_id : proto::types::charset::al32utf8;
}

}  // namespace

void server_session::write_rows(cursor& cur, std::uint32_t cursor_id, std::uint32_t max_rows,
                                proto::writer& w) {
    const std::size_t total = cur.result.rows.size();
    const std::size_t end   = std::min<std::size_t>(total, cur.next_row + max_rows);
    if (cur.next_row < end) write_row_header(w);
    for (; cur.next_row < end; ++cur.next_row) {
        // Text travels in the client's character set, which every client
        // declares in its data types message: AL32UTF8 for python-oracledb,
        // node-oracledb and ours. A real server converts from the database
        // character set (python 1.2.1 decodes row text as UTF-8 whatever the
        // database character set is).
        if (has_lob_columns(cur.result.columns)) {
            write_lob_row(w, cur.result.columns, cur.defines, cur.result.rows[cur.next_row], *lobs_, cur.sql);
            continue;
        }
        write_row(w, cur.result.columns, cur.result.rows[cur.next_row], proto::types::charset::al32utf8);
    }
    error_block e;
    e.call_status = call_status();
    e.cursor_id   = static_cast<std::uint16_t>(cursor_id);
    e.row_count   = cur.next_row;
    if (cur.next_row >= total) {
        e.error_num = 1403;
        e.message   = "ORA-01403: no data found\n";
    }
    write_error(w, e, caps_);
}

void server_session::write_exec_error(proto::writer& w, std::uint32_t cursor_id, const exec_result& res,
                                      std::uint64_t rows) {
    if (ctx_.log) log_info("ORA-" + std::to_string(res.ora_code) + ": " + res.message);
    error_block e;
    e.call_status = call_status();
    e.error_num   = static_cast<std::uint32_t>(res.ora_code);
    e.message     = res.message + "\n";
    e.position    = res.error_offset;
    e.cursor_id   = static_cast<std::uint16_t>(cursor_id);
    e.row_count   = rows;
    write_error(w, e, caps_);
}

std::uint32_t server_session::open_result_cursor(query_rows rows) {
    const std::uint32_t id = next_cursor_++;
    cursor& c              = cursors_[id];
    c.is_query             = true;
    c.plan.is_query        = true;
    c.result.is_query      = true;
    c.result.columns       = std::move(rows.columns);
    c.result.rows          = std::move(rows.rows);
    return id;
}

void server_session::run_plsql(std::uint32_t cursor_id, cursor& cur, const std::vector<wire_bind>& binds,
                               const exec_call& call, proto::writer& w) {
    exec_result res = sql_->execute(cur.sql, binds);
    if (res.ora_code != 0) return write_exec_error(w, cursor_id, res, 0);
    if (call.commit) (void)sql_->commit();
    cur.is_query = false;
    if (!binds.empty()) {
        // The I/O vector: each bind's direction as the block uses it.
        std::vector<bind_dir> dirs(binds.size(), bind_dir::in);
        for (std::size_t i = 0; i < dirs.size(); ++i) {
            if (i < res.binds.size()) {
                dirs[i] = res.binds[i].dir;
            } else if (i < cur.plan.dirs.size()) {
                dirs[i] = cur.plan.dirs[i];
            }
        }
        write_io_vector(w, dirs);
        cur.io_dirs = dirs;
        const bool any_out =
            std::any_of(dirs.begin(), dirs.end(), [](bind_dir d) { return d != bind_dir::in; });
        if (any_out) {
            // One row of the OUT and IN OUT values, in bind order.
            w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::row_data));
            for (std::size_t i = 0; i < dirs.size(); ++i) {
                if (dirs[i] == bind_dir::in) continue;
                const bind_meta m      = i < cur.binds.size() ? cur.binds[i] : bind_meta{};
                const auto type        = static_cast<ora_type>(m.type);
                const std::uint16_t cs = charset_of(m, caps_);
                out_bind empty;
                out_bind& o = i < res.binds.size() ? res.binds[i] : empty;
                if ((m.flags & 0x40) != 0) {
                    w.ub4(static_cast<std::uint32_t>(o.elements.size()));
                    for (const auto& v : o.elements)
                        write_out_value(w, type, m.cs_form, cs, v);
                } else if (type == ora_type::cursor) {
                    query_rows q;
                    if (o.ref_cursor) q = std::move(*o.ref_cursor);
                    w.u8(cursor_value_length);
                    write_describe_body(w, q.columns, caps_);
                    const std::uint32_t id = open_result_cursor(std::move(q));
                    w.ub2(static_cast<std::uint16_t>(id));
                    w.sb4(0);
                } else {
                    write_out_value(w, type, m.cs_form, cs, o.v);
                }
            }
        }
    }
    if (!res.implicit_results.empty()) {
        // Message 27: count, then per result a (empty) prefix, the describe
        // and the cursor id the client fetches from.
        w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::implicit_resultset));
        w.ub4(static_cast<std::uint32_t>(res.implicit_results.size()));
        for (auto& q : res.implicit_results) {
            w.u8(0);
            write_describe_body(w, q.columns, caps_);
            w.ub2(static_cast<std::uint16_t>(open_result_cursor(std::move(q))));
        }
    }
    error_block e;
    e.call_status = call_status();
    e.cursor_id   = static_cast<std::uint16_t>(cursor_id);
    e.row_count   = 1;
    write_error(w, e, caps_);
}

void server_session::run_dml(std::uint32_t cursor_id, cursor& cur,
                             const std::vector<std::vector<wire_bind>>& bind_rows, const exec_call& call,
                             proto::writer& w) {
    std::vector<std::uint64_t> counts;
    std::vector<row_error> failed;
    std::uint64_t total = 0;
    exec_result res;
    bool stopped        = false;
    std::size_t stop_at = 0;
    const std::vector<wire_bind> meta_row =
        bind_rows.empty() ? binds_of_meta(cur.binds) : std::vector<wire_bind>{};
    const std::size_t runs = std::max<std::size_t>(bind_rows.size(), 1);
    proto::writer returning;  // the RETURNING INTO rows, one message per execution
    for (std::size_t i = 0; i < runs; ++i) {
        res = sql_->execute(cur.sql, bind_rows.empty() ? meta_row : bind_rows[i]);
        if (res.ora_code != 0) {
            if (!call.batch_errors) {
                stopped = true;
                stop_at = i;
                break;
            }
            failed.push_back(row_error{static_cast<std::uint16_t>(res.ora_code),
                                       static_cast<std::uint32_t>(i), res.message});
            counts.push_back(0);
            continue;
        }
        total += res.row_count;
        counts.push_back(res.row_count);
        if (std::any_of(res.binds.begin(), res.binds.end(),
                        [](const out_bind& o) { return o.is_returning; })) {
            returning.u8(static_cast<std::uint8_t>(proto::ttc::message_type::row_data));
            for (std::size_t b = 0; b < res.binds.size(); ++b) {
                const out_bind& o = res.binds[b];
                if (!o.is_returning) continue;
                const bind_meta m = b < cur.binds.size() ? cur.binds[b] : bind_meta{};
                returning.ub4(static_cast<std::uint32_t>(o.returning.size()));
                for (const auto& v : o.returning)
                    write_out_value(returning, static_cast<ora_type>(m.type), m.cs_form, charset_of(m, caps_),
                                    v);
            }
        }
    }
    if (stopped) {
        // As a real server: the rows before the failing one stay done, the
        // row count says how many, the error's position is the row's offset.
        exec_result err  = res;
        err.error_offset = static_cast<std::uint16_t>(bind_rows.size() > 1 ? stop_at : res.error_offset);
        w.bytes(returning.data());
        return write_exec_error(w, cursor_id, err, total);
    }
    if (call.commit) (void)sql_->commit();
    cur.is_query = false;
    cur.result   = exec_result{};
    w.bytes(returning.data());
    if (cur.row_counts) write_row_counts(w, counts);
    error_block e;
    e.call_status = call_status();
    e.cursor_id   = static_cast<std::uint16_t>(cursor_id);
    e.row_count   = total;
    if (!failed.empty()) {
        e.error_num    = proto::ttc::ora_array_dml_errors;
        e.message      = "ORA-24381: error(s) in array DML\n";
        e.batch_errors = std::move(failed);
    }
    write_error(w, e, caps_);
}

void server_session::run_cursor(std::uint32_t cursor_id, cursor& cur,
                                std::vector<std::vector<wire_bind>>& bind_rows, const exec_call& call,
                                proto::writer& w) {
    if (cur.plan.is_plsql) {
        const std::vector<wire_bind> binds = bind_rows.empty() ? binds_of_meta(cur.binds) : bind_rows[0];
        return run_plsql(cursor_id, cur, binds, call, w);
    }
    if (cur.plan.known && !cur.plan.is_query) return run_dml(cursor_id, cur, bind_rows, call, w);
    exec_result res = sql_->execute(cur.sql, bind_rows.empty() ? std::vector<wire_bind>{} : bind_rows[0]);
    if (res.ora_code != 0) return write_exec_error(w, cursor_id, res, 0);
    if (call.commit) (void)sql_->commit();
    cur.is_query = res.is_query;
    cur.result   = std::move(res);
    size_lob_columns(cur.result.columns);
    cur.next_row = 0;
    if (cur.is_query) {
        if (call.describe) write_describe(w, cur.result.columns, caps_);
        if (call.fetch && call.fetch_rows > 0 && !holds_lob_rows(cur.result.columns, cur.defines))
            return write_rows(cur, cursor_id, call.fetch_rows, w);
    }
    error_block e;
    e.call_status = call_status();
    e.cursor_id   = static_cast<std::uint16_t>(cursor_id);
    e.row_count   = cur.is_query ? 0 : cur.result.row_count;
    write_error(w, e, caps_);
}

std::error_code server_session::handle_execute(proto::reader& r, proto::writer& w) {
    execute_request req;
    if (auto ec = decode_execute(r, caps_, req)) return ec;
    std::uint32_t id = req.cursor_id;
    const bool known = id != 0 && cursors_.find(id) != cursors_.end();
    if (id != 0 && !known && req.sql.empty()) {
        // A cursor the client closed (close-cursors piggyback) or never had.
        write_ora_error(w, 1001, "ORA-01001: invalid cursor");
        return {};
    }
    if (!known || !req.sql.empty()) {
        if (!known) id = next_cursor_++;
        cursor& c = cursors_[id];
        if (c.sql != req.sql || !known) {
            c.sql = req.sql;
            c.defines.clear();
            c.plan = sql_->plan(c.sql);
            c.io_dirs.clear();
        }
    }
    cursor& cur = cursors_[id];
    if ((req.options & exec_option::define) != 0) {
        // A re-define of the fetch types: the rows keep their described
        // types, LOB columns aside (locators with their size, or LONG).
        cur.defines = req.defines;
        write_rows(cur, id, req.prefetch_rows, w);
        return {};
    }
    cur.binds = req.binds;
    std::vector<std::vector<wire_bind>> rows;
    const std::size_t expected = req.is_query_hint || cur.plan.is_query || cur.plan.is_plsql
                                     ? 1
                                     : std::max<std::uint32_t>(req.exec_count, 1);
    if (auto ec = decode_bind_rows(r, cur.binds, sent_binds(cur.plan, cur.io_dirs, cur.binds.size(), false),
                                   cur.binds.empty() ? 0 : expected, rows))
        return ec;
    const bool execute  = (req.options & exec_option::execute) != 0;
    const bool describe = (req.options & exec_option::describe) != 0;
    if (!execute && (req.options & exec_option::fetch) != 0 && cur.is_query) {
        // A fetch through the execute call: how python-oracledb reads a
        // REF CURSOR or an implicit result the first time.
        write_rows(cur, id, std::max<std::uint32_t>(req.prefetch_rows, 1), w);
        return {};
    }
    if (!execute) {
        // Parse (and describe) only: nothing runs (python's cursor.parse(),
        // node's getStatementInfo()).
        error_block e;
        e.call_status = call_status();
        e.cursor_id   = static_cast<std::uint16_t>(id);
        if (describe) {
            exec_result res = sql_->describe(cur.sql);
            size_lob_columns(res.columns);
            if (res.ora_code != 0) {
                e.error_num = static_cast<std::uint32_t>(res.ora_code);
                e.message   = res.message + "\n";
                e.position  = res.error_offset;
            } else if (res.is_query) {
                write_describe(w, res.columns, caps_);
            }
        }
        write_error(w, e, caps_);
        return {};
    }
    cur.row_counts = (req.exec_flags & exec_flag_dml_rowcounts) != 0;
    exec_call call;
    call.describe     = true;
    call.fetch        = (req.options & exec_option::fetch) != 0;
    call.fetch_rows   = req.prefetch_rows;
    call.commit       = (req.options & exec_option::commit) != 0;
    call.batch_errors = (req.options & exec_option::batch_errors) != 0;
    run_cursor(id, cur, rows, call, w);
    return {};
}

std::error_code server_session::handle_reexecute(proto::reader& r, proto::writer& w, bool and_fetch) {
    reexecute_request req;
    if (auto ec = decode_reexecute(r, req)) return ec;
    auto it = cursors_.find(req.cursor_id);
    if (it == cursors_.end()) {
        write_ora_error(w, 1001, "ORA-01001: invalid cursor");
        return {};
    }
    cursor& cur = it->second;
    std::vector<std::vector<wire_bind>> rows;
    const std::size_t expected =
        cur.plan.is_query || cur.plan.is_plsql ? 1 : std::max<std::uint32_t>(req.iters, 1);
    const auto sent     = sent_binds(cur.plan, cur.io_dirs, cur.binds.size(), true);
    const bool any_sent = std::find(sent.begin(), sent.end(), true) != sent.end();
    if (auto ec = decode_bind_rows(r, cur.binds, sent, any_sent ? expected : 0, rows)) return ec;
    exec_call call;
    call.fetch      = and_fetch;
    call.fetch_rows = req.iters;
    call.commit     = (req.flags2 & 0x01) != 0;
    if (!cur.plan.is_query && !cur.plan.is_plsql && rows.size() < req.iters && !any_sent) {
        // RETURNING-only binds: one execution per iteration.
        rows.assign(req.iters, binds_of_meta(cur.binds));
    }
    run_cursor(req.cursor_id, cur, rows, call, w);
    return {};
}

std::error_code server_session::handle_fetch(proto::reader& r, proto::writer& w) {
    fetch_request req;
    if (auto ec = decode_fetch(r, req)) return ec;
    auto it = cursors_.find(req.cursor_id);
    if (it == cursors_.end() || !it->second.is_query) {
        write_ora_error(w, 1001, "ORA-01001: invalid cursor");
        return {};
    }
    write_rows(it->second, req.cursor_id, std::max<std::uint32_t>(req.array_size, 1), w);
    return {};
}

}  // namespace oranet::emulate

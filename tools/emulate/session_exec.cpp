// server_session: execute, re-execute and fetch on the SQL backend.
#include "emulate/server_session.hpp"
#include "emulate/ttc_replies.hpp"

#include <algorithm>
#include <cctype>

namespace oranet::emulate {

namespace {

std::vector<wire_bind> binds_of(const std::vector<value>& row) {
    std::vector<wire_bind> out;
    out.reserve(row.size());
    for (const auto& v : row)
        out.push_back(wire_bind{{}, v});
    return out;
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

void server_session::run_cursor(std::uint32_t cursor_id, cursor& cur,
                                const std::vector<std::vector<value>>& bind_rows, bool describe, bool fetch,
                                std::uint32_t fetch_rows, bool commit, proto::writer& w) {
    exec_result res;
    std::uint64_t rows     = 0;
    const std::size_t runs = std::max<std::size_t>(bind_rows.size(), 1);
    for (std::size_t i = 0; i < runs; ++i) {
        res = sql_->execute(cur.sql, bind_rows.empty() ? std::vector<wire_bind>{} : binds_of(bind_rows[i]));
        if (res.ora_code != 0) break;
        rows += res.row_count;
    }
    if (res.ora_code != 0) {
        if (ctx_.log) log_info("ORA-" + std::to_string(res.ora_code) + " for: " + cur.sql);
        error_block e;
        e.call_status = call_status();
        e.error_num   = static_cast<std::uint32_t>(res.ora_code);
        e.message     = res.message + "\n";
        e.position    = res.error_offset;
        e.cursor_id   = static_cast<std::uint16_t>(cursor_id);
        e.row_count   = rows;
        write_error(w, e, caps_);
        return;
    }
    if (commit) (void)sql_->commit();
    cur.is_query = res.is_query;
    cur.result   = std::move(res);
    cur.next_row = 0;
    if (cur.is_query) {
        if (describe) write_describe(w, cur.result.columns, caps_);
        if (fetch && fetch_rows > 0) return write_rows(cur, cursor_id, fetch_rows, w);
        error_block e;
        e.call_status = call_status();
        e.cursor_id   = static_cast<std::uint16_t>(cursor_id);
        write_error(w, e, caps_);
        return;
    }
    error_block e;
    e.call_status = call_status();
    e.cursor_id   = static_cast<std::uint16_t>(cursor_id);
    e.row_count   = rows;
    write_error(w, e, caps_);
}

std::error_code server_session::handle_execute(proto::reader& r, proto::writer& w) {
    execute_request req;
    if (auto ec = decode_execute(r, caps_, req)) return ec;
    std::uint32_t id = req.cursor_id;
    if (id == 0 || cursors_.find(id) == cursors_.end() || !req.sql.empty()) {
        if (id == 0 || cursors_.find(id) == cursors_.end()) id = next_cursor_++;
        cursor& c = cursors_[id];
        c.sql     = req.sql;
    }
    cursor& cur = cursors_[id];
    if (!req.binds.empty() || (req.options & exec_option::define) == 0) {
        if ((req.options & exec_option::define) == 0) cur.binds = req.binds;
    }
    if ((req.options & exec_option::define) != 0) {
        // A re-define of the fetch types: the rows keep their described types.
        write_rows(cur, id, req.prefetch_rows, w);
        return {};
    }
    const bool execute  = (req.options & exec_option::execute) != 0;
    const bool describe = (req.options & exec_option::describe) != 0;
    if (!execute) {
        // Parse (and describe) only: nothing runs (python's cursor.parse(),
        // node's getStatementInfo()).
        error_block e;
        e.call_status = call_status();
        e.cursor_id   = static_cast<std::uint16_t>(id);
        if (describe) {
            exec_result res = sql_->describe(cur.sql);
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
    run_cursor(id, cur, req.bind_rows, true, execute && (req.options & exec_option::fetch) != 0,
               req.prefetch_rows, (req.options & exec_option::commit) != 0, w);
    return {};
}

std::error_code server_session::handle_reexecute(proto::reader& r, proto::writer& w, bool and_fetch) {
    // The cursor id comes first; peek it to find the bind metadata.
    proto::reader peek(r.rest());
    const std::uint32_t id = peek.ub4();
    if (!peek.ok()) return peek.error();
    auto it = cursors_.find(id);
    static const std::vector<bind_meta> none;
    reexecute_request req;
    if (auto ec = decode_reexecute(r, it != cursors_.end() ? it->second.binds : none, req)) return ec;
    if (it == cursors_.end()) {
        write_ora_error(w, 1001, "ORA-01001: invalid cursor");
        return {};
    }
    run_cursor(id, it->second, req.bind_rows, false, and_fetch, req.iters, (req.flags2 & 0x01) != 0, w);
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

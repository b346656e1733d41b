// SQL inside PL/SQL: SELECT ... INTO, DML (with SQL%ROWCOUNT and RETURNING
// ... INTO) and EXECUTE IMMEDIATE.
#include "emulate/engine/plsql_interp.hpp"

#include <algorithm>

namespace oranet::emulate::plsql {

namespace {

bool has_returning(const std::vector<token>& t) {
    int depth = 0;
    for (const auto& k : t) {
        if (k.is_op("(")) ++depth;
        if (k.is_op(")")) --depth;
        if (depth == 0 && (k.is("RETURNING") || k.is("RETURN"))) return true;
    }
    return false;
}

void add_end(std::vector<token>& t) {
    token e;
    e.kind = tok::end;
    e.pos  = t.empty() ? 0 : t.back().pos;
    for (int k = 0; k < 8; ++k)
        t.push_back(e);
}

}  // namespace

void interp::exec_sql(const stmt& st) {
    std::vector<value> vals;
    auto t      = rewrite(st.e, vals, st.e2.b, st.e2.e);
    bool select = t_[st.e.b].is("SELECT") || t_[st.e.b].is("WITH");
    sql_ran_    = true;
    if (select) {
        if (st.into.empty())
            compile_fail(t_[st.e.b].pos, "PLS-00428: an INTO clause is expected in this SELECT statement");
        auto c = query(std::move(t), vals);
        std::vector<value> row, extra;
        sql_error err;
        bool got = c->fetch(row, err);
        if (err) throw ora_exception(err);
        if (!got) {
            rowcount_  = 0;
            sql_found_ = false;
            raise(1403, "no data found");
        }
        if (c->fetch(extra, err)) {
            rowcount_  = 2;
            sql_found_ = true;
            raise(1422, "exact fetch returns more than requested number of rows");
        }
        if (err) throw ora_exception(err);
        if (row.size() < st.into.size()) raise(947, "not enough values", t_[st.into.front().tok].pos);
        if (row.size() > st.into.size()) raise(913, "too many values", t_[st.into.front().tok].pos);
        for (std::size_t i = 0; i < row.size(); ++i)
            assign(st.into[i], row[i]);
        rowcount_  = 1;
        sql_found_ = true;
        return;
    }
    add_end(t);
    if (!st.into.empty() || has_returning(t)) {
        std::vector<std::vector<value>> rows;
        std::uint64_t n = 0;
        run_dml_returning(s_, t, sql_, vals, rows, n);
        rowcount_  = n;
        sql_found_ = n > 0;
        if (rows.size() > 1) raise(1422, "exact fetch returns more than requested number of rows");
        if (rows.size() == 1) {
            if (rows[0].size() != st.into.size()) raise(913, "too many values", t_[st.e.b].pos);
            for (std::size_t i = 0; i < rows[0].size(); ++i)
                assign(st.into[i], rows[0][i]);
        }
        return;
    }
    execute_result r;
    run_sql(s_, t, sql_, vals, r);
    rowcount_  = r.row_count;
    sql_found_ = r.row_count > 0;
}

void interp::exec_immediate(const stmt& st) {
    value text = to_text(eval(st.e));
    if (is_null(text)) raise(6535, "statement string in EXECUTE IMMEDIATE is NULL or 0 length");
    std::string sql = std::get<std::string>(text);
    while (!sql.empty() && (sql.back() == ' ' || sql.back() == '\n' || sql.back() == ';'))
        sql.pop_back();
    std::vector<value> args;
    for (const auto& a : st.args)
        args.push_back(eval(a));
    auto t = tokenize(sql);
    if (t[0].is("BEGIN") || t[0].is("DECLARE")) unimplemented(t_[st.e.b].pos);
    // USING binds by position: the n-th distinct placeholder name takes the n-th argument.
    std::vector<std::string> names;
    std::vector<value> vals;
    for (const auto& k : t)
        if (k.kind == tok::bind) {
            auto it         = std::find(names.begin(), names.end(), k.name);
            std::size_t idx = static_cast<std::size_t>(it - names.begin());
            if (it == names.end()) names.push_back(k.name);
            if (idx >= args.size()) raise(1008, "not all variables bound", k.pos);
            vals.push_back(args[idx]);
        }
    if (names.size() < args.size()) raise(1006, "bind variable does not exist");
    statement_kind kind = session::classify(sql);
    execute_result r;
    if (kind == statement_kind::query || kind == statement_kind::dml) {
        load_catalog(*s_);
        run_sql(s_, t, sql, vals, r);
    } else {
        // DDL and the rest: through the session (DDL commits)
        bind_values b;
        b.by_position = args;
        sql_error e   = ses_.execute(sql, b, r);
        if (e) throw ora_exception(e);
        load_catalog(*s_);
    }
    sql_ran_ = true;
    if (r.rows) {
        std::vector<value> row, extra;
        sql_error err;
        bool got = r.rows->fetch(row, err);
        if (err) throw ora_exception(err);
        if (st.into.empty()) return;  // a query without INTO is only parsed and run
        if (!got) raise(1403, "no data found");
        if (r.rows->fetch(extra, err)) raise(1422, "exact fetch returns more than requested number of rows");
        if (row.size() != st.into.size()) raise(913, "too many values");
        for (std::size_t i = 0; i < row.size(); ++i)
            assign(st.into[i], row[i]);
        rowcount_ = 1;
        return;
    }
    rowcount_  = r.row_count;
    sql_found_ = r.row_count > 0;
}

}  // namespace oranet::emulate::plsql

// DML ... RETURNING: the values of the rows an INSERT/UPDATE/DELETE touched.
// INSERT and UPDATE collect the SQLite rowids of the changed rows and read
// the expressions from them afterwards; DELETE reads them before deleting
// (with the statement's own WHERE clause).
#include "emulate/engine/state.hpp"

namespace oranet::emulate {
namespace {

std::vector<token> slice(const std::vector<token>& t, std::size_t b, std::size_t e) {
    std::vector<token> r(t.begin() + static_cast<std::ptrdiff_t>(b),
                         t.begin() + static_cast<std::ptrdiff_t>(e));
    token end;
    end.kind = tok::end;
    end.pos  = e < t.size() ? t[e].pos : 0;
    for (int k = 0; k < 8; ++k)
        r.push_back(end);
    return r;
}

bool alias_word(const token& k) {
    return k.kind == tok::ident && !k.is("SET") && !k.is("WHERE") && !k.is("VALUES") && !k.is("SELECT") &&
           !k.is("WITH") && !k.is("RETURNING") && !k.is("RETURN");
}

std::size_t binds_in(const std::vector<token>& t, std::size_t b, std::size_t e) {
    std::size_t n = 0;
    for (std::size_t i = b; i < e; ++i)
        n += t[i].kind == tok::bind;
    return n;
}

}  // namespace

void run_dml_returning(const std::shared_ptr<session_state>& owner, const std::vector<token>& t,
                       std::string_view sql, const std::vector<value>& values,
                       std::vector<std::vector<value>>& rows, std::uint64_t& row_count) {
    session_state& s = *owner;
    std::size_t end  = 0;
    while (t[end].kind != tok::end)
        ++end;
    std::size_t ret = end;
    int depth       = 0;
    for (std::size_t i = 0; i < end; ++i) {
        if (t[i].is_op("(")) ++depth;
        if (t[i].is_op(")")) --depth;
        if (depth == 0 && (t[i].is("RETURNING") || t[i].is("RETURN"))) {
            ret = i;
            break;
        }
    }
    if (ret == end || ret + 1 == end) raise(936, "missing expression", t[end].pos);
    // The target table (and alias).
    std::size_t tb = t[0].is("INSERT") ? 2 : (t[0].is("DELETE") && t[1].is("FROM")) ? 2 : 1;
    std::size_t te = tb + 1;
    if (t[te].is_op(".") && (t[te + 1].kind == tok::ident || t[te + 1].kind == tok::quoted)) te += 2;
    if (!t[0].is("INSERT") && alias_word(t[te])) ++te;
    std::size_t n_dml = binds_in(t, 0, ret);
    std::vector<value> dml_vals(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n_dml));
    std::vector<value> expr_vals(values.begin() + static_cast<std::ptrdiff_t>(n_dml), values.end());

    // SELECT <exprs> FROM <table> [alias]
    std::vector<token> q;
    token sel = t[ret];
    sel.kind  = tok::ident;
    sel.text = sel.name = "SELECT";
    token from          = sel;
    from.text = from.name = "FROM";
    q.push_back(sel);
    q.insert(q.end(), t.begin() + static_cast<std::ptrdiff_t>(ret + 1),
             t.begin() + static_cast<std::ptrdiff_t>(end));
    q.push_back(from);
    q.insert(q.end(), t.begin() + static_cast<std::ptrdiff_t>(tb),
             t.begin() + static_cast<std::ptrdiff_t>(te));
    std::vector<token> dml = slice(t, 0, ret);
    rows.clear();

    if (t[0].is("DELETE")) {
        // the rows as they are before the delete, with its WHERE clause
        q.insert(q.end(), t.begin() + static_cast<std::ptrdiff_t>(te),
                 t.begin() + static_cast<std::ptrdiff_t>(ret));
        std::vector<value> qv = expr_vals;
        qv.insert(qv.end(), dml_vals.begin(), dml_vals.end());
        begin_write(s);
        execute_result r;
        run_sql(owner, slice(q, 0, q.size()), sql, qv, r);
        std::vector<value> row;
        sql_error err;
        while (r.rows->fetch(row, err))
            rows.push_back(row);
        if (err) throw ora_exception(err);
        r.rows.reset();
        execute_result d;
        run_sql(owner, dml, sql, dml_vals, d);
        row_count = d.row_count;
        return;
    }

    // INSERT / UPDATE: the DML with RETURNING rowid, then the exprs per rowid.
    std::vector<column_type> types;
    for (const auto& v : dml_vals)
        types.push_back(bind_type(v));
    translation tr = translate(dml, translate_context{s.catalog, types, s.attrs.user});
    begin_write(s);
    sqlite3_stmt* st = nullptr;
    std::string text = tr.sql + " RETURNING _rowid_";
    int rc           = sqlite3_prepare_v2(s.conn, text.c_str(), -1, &st, nullptr);
    if (rc != SQLITE_OK) throw ora_exception(map_sqlite_error(s, rc, dml, &tr, tr.verb));
    for (std::size_t i = 0; i < dml_vals.size(); ++i)
        bind_storage(st, static_cast<int>(i + 1), dml_vals[i]);
    s.targets = tr.targets;
    std::vector<sqlite3_int64> ids;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ids.push_back(sqlite3_column_int64(st, 0));
    if (rc != SQLITE_DONE) {
        sql_error e = map_sqlite_error(s, rc, dml, &tr, tr.verb);
        sqlite3_finalize(st);
        throw ora_exception(e);
    }
    sqlite3_finalize(st);
    row_count = ids.size();

    std::vector<token> qt = slice(q, 0, q.size());
    types.clear();
    for (const auto& v : expr_vals)
        types.push_back(bind_type(v));
    translation qr = translate(qt, translate_context{s.catalog, types, s.attrs.user});
    text           = qr.sql + " WHERE _rowid_ = ?" + std::to_string(expr_vals.size() + 1);
    rc             = sqlite3_prepare_v2(s.conn, text.c_str(), -1, &st, nullptr);
    if (rc != SQLITE_OK) throw ora_exception(map_sqlite_error(s, rc, qt, &qr, 'S'));
    try {
        std::vector<bool> typed;
        auto cols = describe_columns(s, st, qr, typed);
        for (auto id : ids) {
            sqlite3_reset(st);
            for (std::size_t i = 0; i < expr_vals.size(); ++i)
                bind_storage(st, static_cast<int>(i + 1), expr_vals[i]);
            sqlite3_bind_int64(st, static_cast<int>(expr_vals.size() + 1), id);
            rc = sqlite3_step(st);
            if (rc != SQLITE_ROW) throw ora_exception(map_sqlite_error(s, rc, qt, &qr, 'S'));
            std::vector<value> row(cols.size());
            for (std::size_t i = 0; i < cols.size(); ++i) {
                column_type ct =
                    typed[i] ? cols[i].type : type_from_storage(sqlite3_column_type(st, static_cast<int>(i)));
                row[i] = load_value(st, static_cast<int>(i), ct, s.nls);
            }
            rows.push_back(std::move(row));
        }
    } catch (...) {
        sqlite3_finalize(st);
        throw;
    }
    sqlite3_finalize(st);
}

}  // namespace oranet::emulate

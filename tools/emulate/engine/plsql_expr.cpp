// PL/SQL expressions and embedded SQL: locals and binds become SQL binds and
// the text runs through the SQL engine; a few simple forms are computed here
// directly (so that loops do not prepare a statement per step).
#include "emulate/engine/plsql_interp.hpp"

#include <cmath>
#include <cstdlib>

namespace oranet::emulate::plsql {

namespace {

token make_tok(tok k, std::string text, std::uint32_t pos) {
    token r;
    r.kind = k;
    r.text = text;
    r.name = std::move(text);
    r.pos  = pos;
    return r;
}

void finish(std::vector<token>& t, std::uint32_t end_pos) {
    token e;
    e.kind = tok::end;
    e.pos  = end_pos;
    for (int k = 0; k < 8; ++k)
        t.push_back(e);
}

[[noreturn]] void value_error(const std::string& what = "") {
    raise(6502, "PL/SQL: numeric or value error" + (what.empty() ? std::string() : ": " + what));
}

bool is_numeric(const value& v) { return std::holds_alternative<number>(v); }

}  // namespace

void interp::push_value(std::vector<token>& out, std::vector<value>& vals, value v, std::uint32_t pos) {
    if (std::holds_alternative<bool>(v) || (false)) {
        bool b = std::get<bool>(v);
        out.push_back(make_tok(tok::op, "(", pos));
        out.push_back(make_tok(tok::number, "1", pos));
        out.push_back(make_tok(tok::op, "=", pos));
        out.push_back(make_tok(tok::number, b ? "1" : "0", pos));
        out.push_back(make_tok(tok::op, ")", pos));
        return;
    }
    token k = make_tok(tok::bind, "PLSQL$" + std::to_string(vals.size()), pos);
    k.text  = ":" + k.name;
    out.push_back(std::move(k));
    vals.push_back(std::move(v));
}

value interp::element(cell& c, const value& key, std::uint32_t) {
    if (is_null(key)) raise(6502, "PL/SQL: numeric or value error: NULL index table key value");
    if (c.type.string_keys) {
        auto it = c.sk.find(std::get<std::string>(to_text(key)));
        if (it == c.sk.end()) raise(1403, "no data found");
        return it->second;
    }
    var_type it;
    it.col         = number_expr();
    it.integer     = true;
    std::int64_t k = 0;
    if (!std::get<number>(convert(key, it)).to_int64(k)) value_error();
    auto f = c.ik.find(k);
    if (f == c.ik.end()) raise(1403, "no data found");
    return f->second;
}

std::vector<token> interp::rewrite(range r, std::vector<value>& vals, std::size_t skip_b,
                                   std::size_t skip_e) {
    std::vector<token> out;
    auto close_of = [&](std::size_t i) {
        int depth = 0;
        for (std::size_t j = i; j < r.e; ++j) {
            if (t_[j].is_op("(")) ++depth;
            if (t_[j].is_op(")") && --depth == 0) return j;
        }
        raise(907, "missing right parenthesis", t_[i].pos);
    };
    // Tables the text names: their columns win over locals of the same name (as in Oracle).
    std::vector<const table_info*> tables;
    for (std::size_t i = r.b; i < r.e; ++i)
        if (t_[i].kind == tok::ident || t_[i].kind == tok::quoted)
            if (const table_info* ti = s_->catalog.table(t_[i].name)) tables.push_back(ti);
    auto is_column = [&](const std::string& n) {
        for (const auto* ti : tables)
            if (ti->column(n)) return true;
        return false;
    };
    for (std::size_t i = r.b; i < r.e; ++i) {
        if (i >= skip_b && i < skip_e) continue;
        const token& k = t_[i];
        bool dotted    = i > r.b && t_[i - 1].is_op(".");
        cell* c        = nullptr;
        if (k.kind == tok::bind)
            c = &bind_cell(k.name);
        else if ((k.kind == tok::ident || k.kind == tok::quoted) && !dotted && !is_column(k.name))
            c = find(k.name);
        if (c && k.kind != tok::bind && t_[i + 1].is_op(".") && c->type.kind == var_kind::scalar)
            c = nullptr;  // a table alias or a column of that name
        if (c && c->type.kind == var_kind::record) {
            if (!t_[i + 1].is_op(".") || (t_[i + 2].kind != tok::ident && t_[i + 2].kind != tok::quoted))
                compile_fail(k.pos, "PLS-00382: expression is of wrong type");
            std::size_t f = 0;
            while (f < c->fields.size() && c->fields[f] != t_[i + 2].name)
                ++f;
            if (f == c->fields.size())
                compile_fail(t_[i + 2].pos, "PLS-00302: component '" + t_[i + 2].name + "' must be declared");
            push_value(out, vals, c->ik[static_cast<long long>(f)], k.pos);
            i += 2;
            continue;
        }
        if (c) {
            if (c->type.kind == var_kind::table) {
                if (t_[i + 1].is_op("(")) {
                    std::size_t cl = close_of(i + 1);
                    value key      = eval(range{i + 2, cl});
                    push_value(out, vals, element(*c, key, k.pos), k.pos);
                    i = cl;
                    continue;
                }
                if (t_[i + 1].is_op(".") && t_[i + 2].kind == tok::ident) {
                    const std::string& a = t_[i + 2].name;
                    std::size_t n        = c->type.string_keys ? c->sk.size() : c->ik.size();
                    if (a == "COUNT") {
                        push_value(out, vals, number::from_int64(static_cast<std::int64_t>(n)), k.pos);
                        i += 2;
                        continue;
                    }
                    if (a == "FIRST" || a == "LAST") {
                        value v;
                        if (n && c->type.string_keys)
                            v = a == "FIRST" ? c->sk.begin()->first : c->sk.rbegin()->first;
                        else if (n)
                            v = number::from_int64(a == "FIRST" ? c->ik.begin()->first
                                                                : c->ik.rbegin()->first);
                        push_value(out, vals, v, k.pos);
                        i += 2;
                        continue;
                    }
                    if ((a == "EXISTS" || a == "NEXT" || a == "PRIOR") && t_[i + 3].is_op("(")) {
                        std::size_t cl = close_of(i + 3);
                        value key      = eval(range{i + 4, cl});
                        value res;
                        if (c->type.string_keys) {
                            std::string s = is_null(key) ? "" : std::get<std::string>(to_text(key));
                            if (a == "EXISTS") res = !is_null(key) && c->sk.count(s) > 0;
                            if (a == "NEXT" && !is_null(key))
                                if (auto it = c->sk.upper_bound(s); it != c->sk.end()) res = it->first;
                            if (a == "PRIOR" && !is_null(key))
                                if (auto it = c->sk.lower_bound(s); it != c->sk.begin())
                                    res = std::prev(it)->first;
                        } else {
                            var_type it;
                            it.col         = number_expr();
                            it.integer     = true;
                            std::int64_t x = 0;
                            bool ok        = !is_null(key) && std::get<number>(convert(key, it)).to_int64(x);
                            if (a == "EXISTS") res = ok && c->ik.count(x) > 0;
                            if (a == "NEXT" && ok)
                                if (auto f = c->ik.upper_bound(x); f != c->ik.end())
                                    res = number::from_int64(f->first);
                            if (a == "PRIOR" && ok)
                                if (auto f = c->ik.lower_bound(x); f != c->ik.begin())
                                    res = number::from_int64(std::prev(f)->first);
                        }
                        push_value(out, vals, res, k.pos);
                        i = cl;
                        continue;
                    }
                }
                compile_fail(k.pos, "PLS-00382: expression is of wrong type");
            }
            if (c->type.kind != var_kind::scalar)
                compile_fail(k.pos, "PLS-00382: expression is of wrong type");
            if (c->type.boolean && is_null(c->v)) {
                // an unknown truth value
                out.push_back(make_tok(tok::op, "(", k.pos));
                out.push_back(make_tok(tok::number, "1", k.pos));
                out.push_back(make_tok(tok::op, "=", k.pos));
                out.push_back(make_tok(tok::ident, "NULL", k.pos));
                out.push_back(make_tok(tok::op, ")", k.pos));
                continue;
            }
            push_value(out, vals, c->v, k.pos);
            continue;
        }
        if (k.kind == tok::ident && !dotted) {
            if (k.name == "SQL" && t_[i + 1].is_op("%") && t_[i + 2].kind == tok::ident) {
                const std::string& a = t_[i + 2].name;
                if (a == "ROWCOUNT")
                    push_value(
                        out, vals,
                        sql_ran_ ? value{number::from_int64(static_cast<std::int64_t>(rowcount_))} : value{},
                        k.pos);
                else if (a == "FOUND" || a == "NOTFOUND")
                    push_value(out, vals, sql_ran_ ? value{a == "FOUND" ? sql_found_ : !sql_found_} : value{},
                               k.pos);
                else if (a == "ISOPEN")
                    push_value(out, vals, false, k.pos);
                else
                    compile_fail(t_[i + 2].pos,
                                 "PLS-00207: identifier '" + a +
                                     "', applied to implicit cursor SQL, is not a legal cursor attribute");
                i += 2;
                continue;
            }
            if (k.name == "SQLCODE") {
                int code = handling_.empty() ? 0 : handling_.back().code;
                push_value(out, vals, number::from_int64(code == 1403 ? 100 : -code), k.pos);
                continue;
            }
            if (k.name == "SQLERRM" && !t_[i + 1].is_op("(")) {
                std::string m =
                    handling_.empty() ? "ORA-0000: normal, successful completion" : handling_.back().message;
                if (auto nl = m.find('\n'); nl != std::string::npos) m.erase(nl);
                if (auto mk = m.find('\x01'); mk != std::string::npos) m = "User-Defined Exception";
                push_value(out, vals, m, k.pos);
                continue;
            }
            if (k.name == "TRUE" || k.name == "FALSE") {
                push_value(out, vals, k.name == "TRUE", k.pos);
                continue;
            }
        }
        out.push_back(k);
    }
    return out;
}

std::unique_ptr<cursor> interp::query(std::vector<token> t, const std::vector<value>& vals) {
    finish(t, t.empty() ? 0 : t.back().pos);
    execute_result r;
    try {
        run_sql(s_, t, sql_, vals, r);
    } catch (const ora_exception& e) {
        if (e.error.code == 904) {
            const std::string& m = e.error.message;
            auto q1 = m.find('"'), q2 = m.find('"', q1 + 1);
            if (q1 != std::string::npos && q2 != std::string::npos)
                compile_fail(e.error.offset, "PLS-00201: identifier '" + m.substr(q1 + 1, q2 - q1 - 1) +
                                                 "' must be declared");
        }
        throw;
    }
    return std::move(r.rows);
}

const value* interp::simple_operand(std::size_t i) {
    const token& k = t_[i];
    if (k.kind == tok::bind) {
        cell& c = bind_cell(k.name);
        return c.type.kind == var_kind::scalar ? &c.v : nullptr;
    }
    if (k.kind == tok::ident || k.kind == tok::quoted) {
        cell* c = find(k.name);
        return c && c->type.kind == var_kind::scalar ? &c->v : nullptr;
    }
    return nullptr;
}

bool interp::fast_value(range r, value& out) {
    auto operand = [&](std::size_t i, value& v) {
        const token& k = t_[i];
        if (k.kind == tok::number) {
            number n;
            if (!number::parse(k.text, n)) return false;
            v = n;
            return true;
        }
        if (k.kind == tok::string && !k.national) {
            v = k.text.empty() ? value{} : value{k.text};
            return true;
        }
        if (k.is("NULL")) {
            v = value{};
            return true;
        }
        if (const value* p = simple_operand(i)) {
            v = *p;
            return true;
        }
        if ((k.is("TRUE") || k.is("FALSE")) && !find(k.name)) {
            v = k.is("TRUE");
            return true;
        }
        return false;
    };
    std::size_t n = r.e - r.b;
    if (n == 1) return operand(r.b, out);
    if (n == 3) {
        value a, b;
        if (!operand(r.b, a) || !operand(r.b + 2, b)) return false;
        const token& op = t_[r.b + 1];
        if (op.is_op("||")) {
            auto txt = [](const value& v, std::string& s) {
                if (is_null(v)) return true;
                if (auto p = std::get_if<std::string>(&v)) {
                    s = *p;
                    return true;
                }
                if (auto p = std::get_if<number>(&v); p && p->is_integer()) {
                    s = p->text();
                    return true;
                }
                return false;
            };
            std::string x, y;
            if (!txt(a, x) || !txt(b, y)) return false;
            x += y;
            out = x.empty() ? value{} : value{x};
            return true;
        }
        if (!(op.is_op("+") || op.is_op("-") || op.is_op("*"))) return false;
        if (is_null(a) || is_null(b)) {
            if ((is_null(a) || is_numeric(a)) && (is_null(b) || is_numeric(b))) {
                out = value{};
                return true;
            }
            return false;
        }
        if (!is_numeric(a) || !is_numeric(b)) return false;
        std::int64_t x = 0, y = 0, z = 0;
        if (!std::get<number>(a).to_int64(x) || !std::get<number>(b).to_int64(y)) return false;
        bool overflow = op.is_op("+")   ? __builtin_add_overflow(x, y, &z)
                        : op.is_op("-") ? __builtin_sub_overflow(x, y, &z)
                                        : __builtin_mul_overflow(x, y, &z);
        if (overflow) return false;
        out = number::from_int64(z);
        return true;
    }
    return false;
}

int interp::fast_cond(range r) {
    std::size_t n = r.e - r.b;
    auto truth    = [](const value& v) -> int {
        if (auto p = std::get_if<bool>(&v)) return *p ? 1 : 0;
        if (is_null(v)) return 0;
        return -1;
    };
    if (n == 1) {
        value v;
        if (!fast_value(r, v)) return -1;
        return truth(v);
    }
    if (n == 2 && t_[r.b].is("NOT")) {
        value v;
        if (!fast_value(range{r.b + 1, r.e}, v)) return -1;
        if (is_null(v)) return 0;
        int x = truth(v);
        return x < 0 ? -1 : !x;
    }
    if ((n == 3 || n == 4) && t_[r.b + 1].is("IS") && t_[r.e - 1].is("NULL")) {
        if (n == 4 && !t_[r.b + 2].is("NOT")) return -1;
        value v;
        if (!fast_value(range{r.b, r.b + 1}, v)) return -1;
        return (is_null(v) || (std::holds_alternative<std::string>(v) && std::get<std::string>(v).empty())) !=
               (n == 4);
    }
    if (n == 3) {
        const token& op = t_[r.b + 1];
        value a, b;
        if (!fast_value(range{r.b, r.b + 1}, a) || !fast_value(range{r.b + 2, r.e}, b)) return -1;
        if (is_null(a) || is_null(b)) {
            if (op.kind == tok::op) return 0;
            return -1;
        }
        int c = 0;
        if (is_numeric(a) && is_numeric(b)) {
            auto o = std::get<number>(a) <=> std::get<number>(b);
            c      = o < 0 ? -1 : o > 0 ? 1 : 0;
        } else {
            return -1;
        }
        if (op.is_op("=")) return c == 0;
        if (op.is_op("<>") || op.is_op("!=") || op.is_op("^=")) return c != 0;
        if (op.is_op("<")) return c < 0;
        if (op.is_op("<=")) return c <= 0;
        if (op.is_op(">")) return c > 0;
        if (op.is_op(">=")) return c >= 0;
    }
    return -1;
}

value interp::eval(range r, bool want_bool) {
    value v;
    if (want_bool) {
        int f = fast_cond(r);
        if (f >= 0 && !(r.e - r.b == 1 && fast_value(r, v) && is_null(v))) return f == 1;
        if (r.e - r.b == 1 && fast_value(r, v)) return v;
        std::vector<value> vals;
        std::vector<token> t{make_tok(tok::ident, "SELECT", t_[r.b].pos),
                             make_tok(tok::ident, "CASE", t_[r.b].pos),
                             make_tok(tok::ident, "WHEN", t_[r.b].pos), make_tok(tok::op, "(", t_[r.b].pos)};
        auto a = rewrite(r, vals);
        t.insert(t.end(), a.begin(), a.end());
        for (const char* w : {")", "THEN", "1", "WHEN", "NOT", "("}) {
            tok kind = std::string_view(w) == "1"     ? tok::number
                       : (w[0] == ')' || w[0] == '(') ? tok::op
                                                      : tok::ident;
            t.push_back(make_tok(kind, w, t_[r.b].pos));
        }
        auto b = rewrite(r, vals);
        t.insert(t.end(), b.begin(), b.end());
        for (const char* w : {")", "THEN", "0", "END", "FROM", "DUAL"}) {
            tok kind = std::string_view(w) == "0" ? tok::number : w[0] == ')' ? tok::op : tok::ident;
            t.push_back(make_tok(kind, w, t_[r.e - 1].pos));
        }
        auto c = query(std::move(t), vals);
        std::vector<value> row;
        sql_error err;
        if (!c->fetch(row, err)) throw ora_exception(err);
        if (is_null(row[0])) return value{};
        return !std::get<number>(row[0]).is_zero();
    }
    if (fast_value(r, v)) return v;
    std::vector<value> vals;
    std::vector<token> t{make_tok(tok::ident, "SELECT", t_[r.b].pos)};
    auto a = rewrite(r, vals);
    t.insert(t.end(), a.begin(), a.end());
    t.push_back(make_tok(tok::ident, "FROM", t_[r.e - 1].pos));
    t.push_back(make_tok(tok::ident, "DUAL", t_[r.e - 1].pos));
    auto c = query(std::move(t), vals);
    std::vector<value> row;
    sql_error err;
    if (!c->fetch(row, err)) {
        if (err) throw ora_exception(err);
        return value{};
    }
    return row[0];
}

bool interp::cond(range r) {
    int f = fast_cond(r);
    if (f >= 0) return f == 1;
    std::vector<value> vals;
    std::uint32_t p = t_[r.b].pos;
    std::vector<token> t{make_tok(tok::ident, "SELECT", p), make_tok(tok::number, "1", p),
                         make_tok(tok::ident, "FROM", p),   make_tok(tok::ident, "DUAL", p),
                         make_tok(tok::ident, "WHERE", p),  make_tok(tok::op, "(", p)};
    auto a = rewrite(r, vals);
    t.insert(t.end(), a.begin(), a.end());
    t.push_back(make_tok(tok::op, ")", t_[r.e - 1].pos));
    auto c = query(std::move(t), vals);
    std::vector<value> row;
    sql_error err;
    bool any = c->fetch(row, err);
    if (err) throw ora_exception(err);
    return any;
}

bool interp::equal(const value& a, const value& b) {
    if (is_null(a) || is_null(b)) return false;
    if (is_numeric(a) && is_numeric(b)) return std::get<number>(a) == std::get<number>(b);
    if (std::holds_alternative<std::string>(a) && std::holds_alternative<std::string>(b))
        return std::get<std::string>(a) == std::get<std::string>(b);
    std::vector<value> vals;
    std::vector<token> t{make_tok(tok::ident, "SELECT", 0), make_tok(tok::number, "1", 0),
                         make_tok(tok::ident, "FROM", 0), make_tok(tok::ident, "DUAL", 0),
                         make_tok(tok::ident, "WHERE", 0)};
    push_value(t, vals, a, 0);
    t.push_back(make_tok(tok::op, "=", 0));
    push_value(t, vals, b, 0);
    auto c = query(std::move(t), vals);
    std::vector<value> row;
    sql_error err;
    bool any = c->fetch(row, err);
    if (err) throw ora_exception(err);
    return any;
}

value interp::sql_convert(const char* fn, const value& v, const value* second) {
    std::vector<token> t{make_tok(tok::ident, "SELECT", 0), make_tok(tok::ident, fn, 0),
                         make_tok(tok::op, "(", 0)};
    std::vector<value> vals;
    push_value(t, vals, v, 0);
    if (second) {
        t.push_back(make_tok(tok::op, ",", 0));
        push_value(t, vals, *second, 0);
    }
    t.push_back(make_tok(tok::op, ")", 0));
    t.push_back(make_tok(tok::ident, "FROM", 0));
    t.push_back(make_tok(tok::ident, "DUAL", 0));
    finish(t, 0);
    execute_result r;
    run_sql(s_, t, sql_, vals, r);
    std::vector<value> row;
    sql_error err;
    if (!r.rows->fetch(row, err)) throw ora_exception(err);
    return row[0];
}

value interp::to_text(const value& v) {
    if (is_null(v)) return v;
    if (auto p = std::get_if<std::string>(&v)) return p->empty() ? value{} : v;
    if (auto p = std::get_if<number>(&v); p && p->is_integer()) return p->text();
    if (auto p = std::get_if<bool>(&v)) return std::string(*p ? "TRUE" : "FALSE");
    if (std::holds_alternative<raw_bytes>(v)) return sql_convert("RAWTOHEX", v);
    return sql_convert("TO_CHAR", v);
}

value interp::convert(const value& v, const var_type& to) {
    if (to.kind != var_kind::scalar || is_null(v)) return v;
    if (auto p = std::get_if<std::string>(&v); p && p->empty()) return value{};
    switch (to.col.type) {
        case ora_type::number:
        case ora_type::binary_integer: {
            value n;
            if (is_numeric(v))
                n = v;
            else if (auto s = std::get_if<std::string>(&v)) {
                std::string x = *s;
                while (!x.empty() && x.back() == ' ')
                    x.pop_back();
                while (!x.empty() && x.front() == ' ')
                    x.erase(0, 1);
                number r;
                if (!number::parse(x, r)) value_error("character to number conversion error");
                n = r;
            } else if (auto d = std::get_if<double>(&v)) {
                number r;
                if (!number::from_double(*d, r)) value_error();
                n = r;
            } else if (auto f = std::get_if<float>(&v)) {
                number r;
                if (!number::from_double(static_cast<double>(*f), r)) value_error();
                n = r;
            } else {
                value_error();
            }
            if (to.integer && !std::get<number>(n).is_integer()) n = sql_convert("ROUND", n);
            if (to.col.precision > 0 && to.col.scale != -127 && !to.col.is_float) {
                if (to.col.scale >= 0 && !std::get<number>(n).is_integer()) {
                    value sc = number::from_int64(to.col.scale);
                    n        = sql_convert("ROUND", n, &sc);
                }
                const std::string& tx = std::get<number>(n).text();
                std::size_t digits    = 0;
                for (char ch : tx.substr(0, tx.find('.')))
                    digits += ch >= '0' && ch <= '9' && !(digits == 0 && ch == '0');
                if (static_cast<int>(digits) > to.col.precision - to.col.scale)
                    value_error("number precision too large");
            }
            return n;
        }
        case ora_type::varchar:
        case ora_type::char_:
        case ora_type::long_:
        case ora_type::clob: {
            value s = to_text(v);
            if (to.col.max_chars && !is_null(s) && utf8_chars(std::get<std::string>(s)) > to.col.max_chars)
                value_error("character string buffer too small");
            return s;
        }
        case ora_type::date:
        case ora_type::timestamp:
        case ora_type::timestamp_ltz: {
            date_time d;
            if (auto pd = std::get_if<date_time>(&v))
                d = *pd;
            else if (auto pl = std::get_if<timestamp_ltz>(&v))
                d = pl->value;
            else if (std::holds_alternative<std::string>(v)) {
                value x = sql_convert(to.col.type == ora_type::date ? "TO_DATE" : "TO_TIMESTAMP", v);
                if (!std::holds_alternative<date_time>(x)) value_error();
                d = std::get<date_time>(x);
            } else if (auto pz = std::get_if<timestamp_tz>(&v)) {
                d = pz->utc;
            } else {
                value_error();
            }
            if (to.col.type == ora_type::date) d.nanosecond = 0;
            if (to.col.type == ora_type::timestamp_ltz) return timestamp_ltz{d};
            return d;
        }
        case ora_type::binary_double:
        case ora_type::binary_float: {
            double d = 0;
            if (auto pn = std::get_if<number>(&v))
                d = pn->to_double();
            else if (auto pd = std::get_if<double>(&v))
                d = *pd;
            else if (auto pf = std::get_if<float>(&v))
                d = static_cast<double>(*pf);
            else if (auto ps = std::get_if<std::string>(&v)) {
                char* end = nullptr;
                d         = std::strtod(ps->c_str(), &end);
                if (!end || *end) value_error("character to number conversion error");
            } else {
                value_error();
            }
            if (to.col.type == ora_type::binary_float) return static_cast<float>(d);
            return d;
        }
        case ora_type::boolean: {
            if (std::holds_alternative<bool>(v)) return v;
            if (auto pn = std::get_if<number>(&v)) return !pn->is_zero();
            if (auto ps = std::get_if<std::string>(&v)) {
                std::string u = *ps;
                for (auto& ch : u)
                    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                if (u == "TRUE" || u == "1" || u == "Y" || u == "YES") return true;
                if (u == "FALSE" || u == "0" || u == "N" || u == "NO") return false;
            }
            value_error();
        }
        case ora_type::raw:
            if (std::holds_alternative<raw_bytes>(v)) return v;
            if (std::holds_alternative<std::string>(v)) return sql_convert("HEXTORAW", v);
            value_error();
        default: return v;
    }
}

}  // namespace oranet::emulate::plsql

// Running anonymous PL/SQL blocks: statements, names, binds (see plsql_ast.hpp).
#include "emulate/engine/plsql.hpp"

#include "emulate/engine/plsql_interp.hpp"
#include "emulate/engine/state.hpp"

#include <algorithm>

namespace oranet::emulate {

using namespace plsql;

namespace plsql {

namespace {

sql_error with_line(sql_error e, std::string_view sql, std::uint32_t pos) {
    e.message += "\nORA-06512: at line " + std::to_string(line_of(sql, pos));
    return e;
}

int handler_code(const std::string& n) {
    if (n == "NO_DATA_FOUND") return 1403;
    if (n == "TOO_MANY_ROWS") return 1422;
    if (n == "ZERO_DIVIDE") return 1476;
    if (n == "VALUE_ERROR") return 6502;
    if (n == "INVALID_NUMBER") return 1722;
    if (n == "DUP_VAL_ON_INDEX") return 1;
    if (n == "INVALID_CURSOR") return 1001;
    if (n == "CURSOR_ALREADY_OPEN") return 6511;
    if (n == "LOGIN_DENIED") return 1017;
    if (n == "TIMEOUT_ON_RESOURCE") return 51;
    return 0;
}

// User-defined exceptions travel as ORA-06510 with their name after a marker.
constexpr std::string_view user_marker = "\x01user:";

}  // namespace

var_type type_of_wire(ora_type t) {
    var_type v;
    switch (t) {
        case ora_type::binary_integer: v.col = number_expr(); break;
        case ora_type::number: v.col = number_expr(); break;
        case ora_type::boolean:
            v.col     = simple_expr(ora_type::boolean);
            v.boolean = true;
            break;
        case ora_type::cursor: v.kind = var_kind::ref_cursor; break;
        case ora_type::char_:
        case ora_type::long_: v.col = varchar_expr(32767); break;
        case ora_type::varchar: v.col = varchar_expr(32767); break;
        default: v.col = simple_expr(t);
    }
    return v;
}

void interp::compile_fail(std::uint32_t pos, const std::string& pls) {
    throw ora_exception(compile_error(sql_, pos, pls));
}

cell* interp::find(const std::string& name) {
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
        if (it->first == name) return it->second;
    return nullptr;
}

cell& interp::bind_cell(const std::string& name) {
    for (std::size_t i = 0; i < bind_names_.size(); ++i)
        if (bind_names_[i] == name) return binds_[i];
    raise(1008, "not all variables bound");
}

cell& interp::resolve(const target& g) {
    cell* c = g.bind ? &bind_cell(g.name) : find(g.name);
    if (!c) compile_fail(t_[g.tok].pos, "PLS-00201: identifier '" + g.name + "' must be declared");
    return *c;
}

void interp::store(cell& c, value v, const var_type* elem_type) {
    if (elem_type && c.typed) v = convert(v, *elem_type);
    c.v = std::move(v);
}

void interp::assign(const target& g, value v) {
    cell& c = resolve(g);
    if (c.constant)
        compile_fail(t_[g.tok].pos,
                     "PLS-00363: expression '" + g.name + "' cannot be used as an assignment target");
    if (g.index.empty()) {
        if (c.type.kind == var_kind::table) {
            compile_fail(t_[g.tok].pos, "PLS-00382: expression is of wrong type");
        }
        if (c.typed) v = convert(v, c.type);
        if (c.max_out && !is_null(v)) {
            value x       = std::holds_alternative<raw_bytes>(v) ? v : to_text(v);
            std::size_t n = std::holds_alternative<raw_bytes>(x) ? std::get<raw_bytes>(x).data.size()
                            : is_null(x)                         ? 0
                                                                 : std::get<std::string>(x).size();
            if (n > c.max_out)
                raise(6502, "PL/SQL: numeric or value error: character string buffer too small");
        }
        c.v = std::move(v);
        return;
    }
    if (c.type.kind != var_kind::table)
        compile_fail(t_[g.tok].pos, "PLS-00222: no function with name '" + g.name + "' exists in this scope");
    value key = eval(g.index);
    if (is_null(key)) raise(6502, "PL/SQL: numeric or value error: NULL index table key value");
    var_type elem = c.type;
    elem.kind     = var_kind::scalar;
    if (c.typed) v = convert(v, elem);
    if (c.type.string_keys) {
        c.sk[std::get<std::string>(to_text(key))] = std::move(v);
    } else {
        var_type it;
        it.col         = number_expr();
        it.integer     = true;
        std::int64_t k = 0;
        if (!std::get<number>(convert(key, it)).to_int64(k)) raise(6502, "PL/SQL: numeric or value error");
        c.ik[k] = std::move(v);
    }
}

flow interp::exec_list(const std::vector<stmt>& l) {
    for (const auto& st : l) {
        flow f = exec(st);
        if (f != flow::normal) return f;
    }
    return flow::normal;
}

flow interp::exec(const stmt& st) {
    try {
        return exec_inner(st);
    } catch (const ora_exception& e) {
        if (!fail_tagged_ && e.error.code != 6550) {
            fail_tok_    = st.tok;
            fail_tagged_ = true;
        }
        throw;
    }
}

flow interp::exec_block(const block& b) {
    std::size_t mark = scope_.size();
    std::deque<cell> locals;
    try {
        for (const auto& d : b.decls) {
            cell& c    = locals.emplace_back();
            c.type     = d.type;
            c.constant = d.constant;
            if (!d.init.empty()) {
                value v;
                try {
                    v = eval(d.init, d.type.boolean);
                } catch (const ora_exception& e) {
                    if (!fail_tagged_ && e.error.code != 6550) {
                        fail_tok_    = d.tok;
                        fail_tagged_ = true;
                    }
                    throw;
                }
                c.v = convert(v, d.type);
            }
            scope_.emplace_back(d.name, &c);
        }
        flow f = exec_list(b.body);
        scope_.resize(mark);
        return f == flow::ret ? flow::ret : flow::normal;
    } catch (const ora_exception& e) {
        scope_.resize(std::min(scope_.size(), mark + locals.size()));
        if (e.error.code == 6550) throw;
        int code = e.error.code;
        std::string user;
        if (code == 6510 && e.error.message.find(user_marker) != std::string::npos)
            user = e.error.message.substr(e.error.message.find(user_marker) + user_marker.size());
        for (const auto& h : b.handlers) {
            bool match = false;
            for (const auto& n : h.names) {
                if (n == "OTHERS")
                    match = true;
                else if (!user.empty())
                    match |= n == user;
                else if (int hc = handler_code(n); hc && hc == code)
                    match = true;
                else if (code == 1013 && n == "OTHERS")
                    match = true;
            }
            if (!match) continue;
            fail_tagged_ = false;
            handling_.push_back(e.error);
            flow f = flow::normal;
            try {
                f = exec_list(h.body);
            } catch (...) {
                handling_.pop_back();
                scope_.resize(mark);
                throw;
            }
            handling_.pop_back();
            scope_.resize(mark);
            return f == flow::ret ? flow::ret : flow::normal;
        }
        scope_.resize(mark);
        throw;
    }
}

flow interp::exec_inner(const stmt& st) {
    if (ses_.interrupted()) throw ora_exception(cancelled_error());
    switch (st.k) {
        case stmt::kind::null_: return flow::normal;
        case stmt::kind::assign: {
            cell& c      = resolve(st.tgt);
            bool boolean = c.type.boolean && st.tgt.index.empty();
            if (c.type.kind == var_kind::ref_cursor)
                compile_fail(t_[st.tgt.tok].pos, "PLS-00382: expression is of wrong type");
            assign(st.tgt, eval(st.e, boolean));
            return flow::normal;
        }
        case stmt::kind::if_:
            for (std::size_t i = 0; i < st.conds.size(); ++i)
                if (cond(st.conds[i])) return exec_list(st.bodies[i]);
            return exec_list(st.else_body);
        case stmt::kind::for_: {
            var_type it;
            it.col          = number_expr();
            it.integer      = true;
            std::int64_t lo = 0, hi = 0;
            value a = convert(eval(st.e), it), b = convert(eval(st.e2), it);
            if (is_null(a) || is_null(b)) raise(6502, "PL/SQL: numeric or value error");
            (void)std::get<number>(a).to_int64(lo);
            (void)std::get<number>(b).to_int64(hi);
            cell c;
            c.type     = it;
            c.constant = true;
            scope_.emplace_back(st.name, &c);
            std::size_t mark = scope_.size() - 1;
            flow result      = flow::normal;
            try {
                for (std::int64_t i = st.reverse ? hi : lo; st.reverse ? i >= lo : i <= hi;
                     st.reverse ? --i : ++i) {
                    c.v    = number::from_int64(i);
                    flow f = exec_list(st.body);
                    if (f == flow::exit) break;
                    if (f == flow::ret) {
                        result = flow::ret;
                        break;
                    }
                }
            } catch (...) {
                scope_.resize(mark);
                throw;
            }
            scope_.resize(mark);
            return result;
        }
        case stmt::kind::case_: {
            value sel;
            if (!st.e.empty()) sel = eval(st.e);
            for (std::size_t i = 0; i < st.conds.size(); ++i) {
                bool hit = st.e.empty() ? cond(st.conds[i]) : equal(sel, eval(st.conds[i]));
                if (hit) return exec_list(st.bodies[i]);
            }
            if (!st.has_else) raise(6592, "CASE not found while executing CASE statement");
            return exec_list(st.else_body);
        }
        case stmt::kind::for_query: {
            std::vector<value> vals;
            auto c = query(rewrite(st.e, vals), vals);
            cell rec;
            rec.type.kind = var_kind::record;
            rec.constant  = true;
            for (const auto& col : c->columns())
                rec.fields.push_back(col.name);
            scope_.emplace_back(st.name, &rec);
            std::size_t mark = scope_.size() - 1;
            flow result      = flow::normal;
            try {
                std::vector<value> row;
                sql_error err;
                for (;;) {
                    if (!c->fetch(row, err)) {
                        if (err) throw ora_exception(err);
                        break;
                    }
                    for (std::size_t i = 0; i < row.size(); ++i)
                        rec.ik[static_cast<long long>(i)] = row[i];
                    flow f = exec_list(st.body);
                    if (f == flow::exit) break;
                    if (f == flow::ret) {
                        result = flow::ret;
                        break;
                    }
                }
            } catch (...) {
                scope_.resize(mark);
                throw;
            }
            scope_.resize(mark);
            return result;
        }
        case stmt::kind::while_:
        case stmt::kind::loop:
            for (;;) {
                if (st.k == stmt::kind::while_ && !cond(st.conds[0])) return flow::normal;
                flow f = exec_list(st.body);
                if (f == flow::exit) return flow::normal;
                if (f == flow::ret) return f;
                if (ses_.interrupted()) throw ora_exception(cancelled_error());
            }
        case stmt::kind::exit:
        case stmt::kind::continue_:
            if (!st.e.empty() && !cond(st.e)) return flow::normal;
            return st.k == stmt::kind::exit ? flow::exit : flow::cont;
        case stmt::kind::return_: return flow::ret;
        case stmt::kind::block: return exec_block(*st.sub);
        case stmt::kind::commit: end_txn(*s_, true); return flow::normal;
        case stmt::kind::rollback: end_txn(*s_, false); return flow::normal;
        case stmt::kind::raise: {
            if (st.name.empty()) {
                if (handling_.empty())
                    compile_fail(t_[st.tok].pos,
                                 "PLS-00367: a RAISE statement with no exception name must be inside an "
                                 "exception handler");
                throw ora_exception(handling_.back());
            }
            if (int hc = handler_code(st.name)) {
                static const std::map<int, std::string> texts = {
                    {1403, "no data found"},
                    {1422, "exact fetch returns more than requested number of rows"},
                    {1476, "divisor is equal to zero"},
                    {6502, "PL/SQL: numeric or value error"},
                    {1722, "invalid number"},
                    {1, "unique constraint violated"},
                    {1001, "invalid cursor"},
                    {6511, "PL/SQL: cursor already open"},
                    {1017, "invalid username/password; logon denied"},
                    {51, "timeout occurred while waiting for a resource"}};
                raise(hc, texts.at(hc));
            }
            cell* c = find(st.name);
            if (!c || c->type.kind != var_kind::exception)
                compile_fail(t_[st.tok + 1].pos, "PLS-00201: identifier '" + st.name + "' must be declared");
            throw ora_exception(make_ora(
                6510, "PL/SQL: unhandled user-defined exception" + std::string(user_marker) + st.name));
        }
        case stmt::kind::open_for: {
            cell& c = resolve(st.tgt);
            if (c.type.kind != var_kind::ref_cursor)
                compile_fail(t_[st.tgt.tok].pos, "PLS-00382: expression is of wrong type");
            std::vector<value> vals;
            auto q = rewrite(st.e, vals);
            c.cur  = query(std::move(q), vals);
            return flow::normal;
        }
        case stmt::kind::sql: exec_sql(st); return flow::normal;
        case stmt::kind::call: exec_call(st); return flow::normal;
        case stmt::kind::exec_immediate: exec_immediate(st); return flow::normal;
    }
    return flow::normal;
}

void interp::check_calls(const std::vector<stmt>& l) {
    static const char* known[] = {
        "DBMS_OUTPUT.ENABLE",    "DBMS_OUTPUT.DISABLE",     "DBMS_OUTPUT.PUT",
        "DBMS_OUTPUT.PUT_LINE",  "DBMS_OUTPUT.NEW_LINE",    "DBMS_OUTPUT.GET_LINE",
        "DBMS_OUTPUT.GET_LINES", "DBMS_SQL.RETURN_RESULT",  "DBMS_SESSION.SLEEP",
        "DBMS_LOCK.SLEEP",       "RAISE_APPLICATION_ERROR", "DBMS_UTILITY.TABLE_TO_COMMA"};
    for (const auto& st : l) {
        if (st.k == stmt::kind::call) {
            bool ok = false;
            for (const char* k : known)
                ok |= st.name == k;
            if (!ok) {
                std::string shown = st.name;
                if (auto dot = shown.find('.'); dot != std::string::npos && shown.rfind("DBMS_", 0) != 0)
                    shown = shown.substr(0, dot);
                compile_fail(t_[st.tok].pos, "PLS-00201: identifier '" + shown + "' must be declared");
            }
        }
        for (const auto& b : st.bodies)
            check_calls(b);
        check_calls(st.body);
        check_calls(st.else_body);
        if (st.sub) check_calls(*st.sub);
    }
}

void interp::check_calls(const block& b) {
    check_calls(b.body);
    for (const auto& h : b.handlers)
        check_calls(h.body);
}

void interp::run(const block& b, const bind_values& binds) {
    check_calls(b);
    // Bind slots: one per unique name in order of first appearance.
    for (const auto& k : t_)
        if (k.kind == tok::bind &&
            std::find(bind_names_.begin(), bind_names_.end(), k.name) == bind_names_.end())
            bind_names_.push_back(k.name);
    for (std::size_t i = 0; i < bind_names_.size(); ++i) {
        cell& c                = binds_.emplace_back();
        c.typed                = false;
        const bind_value* slot = i < binds.slots.size() ? &binds.slots[i] : nullptr;
        const value* v         = nullptr;
        for (const auto& [n, bv] : binds.by_name) {
            std::string u = n;
            if (!u.empty() && u[0] == ':') u.erase(0, 1);
            std::string up = u;
            for (auto& ch : up)
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (u == bind_names_[i] || up == bind_names_[i]) v = &bv;
        }
        if (slot) {
            if (slot->is_array) {
                c.type.kind = var_kind::table;
                c.type.col  = type_of_wire(slot->declared).col;
                c.typed     = true;
                long long k = 1;
                for (const auto& e : slot->elements)
                    c.ik[k++] = e;
            } else if (slot->declared == ora_type::cursor) {
                c.type.kind = var_kind::ref_cursor;
            } else {
                c.v    = slot->v;
                c.type = type_of_wire(slot->declared);
                if (slot->declared == ora_type::varchar || slot->declared == ora_type::char_ ||
                    slot->declared == ora_type::raw || slot->declared == ora_type::long_)
                    c.max_out = slot->max_size;
                c.type.boolean = slot->declared == ora_type::boolean;
            }
        } else if (v) {
            c.v = *v;
        } else if (binds.slots.empty() && i < binds.by_position.size()) {
            c.v = binds.by_position[i];
        } else {
            std::uint32_t pos = 0;
            for (const auto& k : t_)
                if (k.kind == tok::bind && k.name == bind_names_[i]) {
                    pos = k.pos;
                    break;
                }
            raise(1008, "not all variables bound", pos);
        }
    }
    bool was_in_txn = s_->in_txn;
    if (was_in_txn) emulate::exec_sql(s_->conn, "SAVEPOINT ORANET$PLSQL");
    try {
        exec_block(b);
    } catch (ora_exception& e) {
        // The block is one statement: what it changed is undone.
        if (was_in_txn && s_->in_txn)
            sqlite3_exec(s_->conn, "ROLLBACK TO ORANET$PLSQL; RELEASE ORANET$PLSQL", nullptr, nullptr,
                         nullptr);
        else if (!was_in_txn && s_->in_txn)
            end_txn(*s_, false);
        s_->output.visible = s_->output.lines.size();
        sql_error err      = e.error;
        if (auto m = err.message.find(user_marker); m != std::string::npos) err.message.erase(m);
        if (err.code != 6550 && err.code != 1013 && fail_tagged_)
            err = with_line(err, sql_, t_[fail_tok_].pos);
        throw ora_exception(err);
    }
    if (was_in_txn && s_->in_txn) sqlite3_exec(s_->conn, "RELEASE ORANET$PLSQL", nullptr, nullptr, nullptr);
    s_->output.visible = s_->output.lines.size();
    finish_binds(binds);
}

void interp::finish_binds(const bind_values& binds) {
    auto dirs = plsql_bind_directions(t_);
    for (std::size_t i = 0; i < bind_names_.size(); ++i) {
        bind_output& o = out_.binds.emplace_back();
        cell& c        = binds_[i];
        o.dir          = i < dirs.size() ? dirs[i] : bind_direction::in;
        if (o.dir == bind_direction::in) continue;
        const bind_value* slot = i < binds.slots.size() ? &binds.slots[i] : nullptr;
        if (c.type.kind == var_kind::ref_cursor) {
            o.ref_cursor = std::move(c.cur);
            continue;
        }
        if (c.type.kind == var_kind::table) {
            o.is_array = true;
            for (auto& [k, v] : c.ik)
                o.elements.push_back(v);
            if (slot && slot->max_elements && o.elements.size() > slot->max_elements)
                raise(6513, "PL/SQL: index for PL/SQL table out of range for host language array");
            continue;
        }
        o.v = slot ? convert(c.v, type_of_wire(slot->declared)) : c.v;
    }
}

void interp::dbms_output(const std::string& proc, const stmt& st) {
    dbms_output_state& o = s_->output;
    auto arg_text        = [&](std::size_t i) -> std::string {
        if (i >= st.args.size()) return {};
        value v = to_text(eval(st.args[i]));
        return is_null(v) ? std::string() : std::get<std::string>(v);
    };
    auto out_target = [&](std::size_t i) {
        if (i >= st.args.size())
            compile_fail(t_[st.tok].pos,
                         "PLS-00306: wrong number or types of arguments in call to '" + proc + "'");
        target g;
        g.tok          = st.args[i].b;
        const token& k = t_[g.tok];
        g.bind         = k.kind == tok::bind;
        g.name         = k.name;
        if (st.args[i].e != st.args[i].b + 1 || (k.kind != tok::bind && k.kind != tok::ident))
            compile_fail(k.pos, "PLS-00363: expression cannot be used as an assignment target");
        return g;
    };
    if (proc == "ENABLE") {
        o.enabled = true;
    } else if (proc == "DISABLE") {
        o = dbms_output_state{};
    } else if (proc == "PUT") {
        if (o.enabled) o.partial += arg_text(0);
    } else if (proc == "PUT_LINE") {
        if (o.enabled) {
            o.lines.push_back(o.partial + arg_text(0));
            o.partial.clear();
        }
    } else if (proc == "NEW_LINE") {
        if (o.enabled) {
            o.lines.push_back(o.partial);
            o.partial.clear();
        }
    } else if (proc == "GET_LINE") {
        target line = out_target(0), status = out_target(1);
        if (o.visible > 0 && !o.lines.empty()) {
            std::string l = std::move(o.lines.front());
            o.lines.pop_front();
            --o.visible;
            assign(line, l.empty() ? value{} : value{l});
            assign(status, number::from_int64(0));
        } else {
            assign(line, value{});
            assign(status, number::from_int64(1));
        }
    } else if (proc == "GET_LINES") {
        target lines = out_target(0), count = out_target(1);
        var_type it;
        it.col         = number_expr();
        it.integer     = true;
        value want     = convert(eval(st.args[1]), it);
        std::int64_t n = 0;
        if (!is_null(want)) (void)std::get<number>(want).to_int64(n);
        cell& arr = resolve(lines);
        if (arr.type.kind != var_kind::table)
            compile_fail(t_[lines.tok].pos,
                         "PLS-00306: wrong number or types of arguments in call to 'GET_LINES'");
        arr.ik.clear();
        arr.sk.clear();
        std::int64_t got = 0;
        while (got < n && o.visible > 0 && !o.lines.empty()) {
            std::string l = std::move(o.lines.front());
            o.lines.pop_front();
            --o.visible;
            arr.ik[++got] = l.empty() ? value{} : value{l};
        }
        assign(count, number::from_int64(got));
    }
}

void interp::exec_call(const stmt& st) {
    const std::string& n = st.name;
    if (n.rfind("DBMS_OUTPUT.", 0) == 0) {
        dbms_output(n.substr(12), st);
        return;
    }
    if (n == "RAISE_APPLICATION_ERROR") {
        if (st.args.size() < 2 || st.args.size() > 3)
            compile_fail(
                t_[st.tok].pos,
                "PLS-00306: wrong number or types of arguments in call to 'RAISE_APPLICATION_ERROR'");
        var_type it;
        it.col            = number_expr();
        it.integer        = true;
        value c           = convert(eval(st.args[0]), it);
        std::int64_t code = 0;
        if (!is_null(c)) (void)std::get<number>(c).to_int64(code);
        if (code > -20000 || code < -20999)
            raise(21000, "error number argument to raise_application_error of " + std::to_string(code) +
                             " is out of range");
        value m = to_text(eval(st.args[1]));
        throw ora_exception(make_ora(static_cast<int>(-code), is_null(m) ? "" : std::get<std::string>(m)));
    }
    if (n == "DBMS_SQL.RETURN_RESULT") {
        if (st.args.size() != 1)
            compile_fail(t_[st.tok].pos,
                         "PLS-00306: wrong number or types of arguments in call to 'RETURN_RESULT'");
        const token& k = t_[st.args[0].b];
        target g;
        g.tok   = st.args[0].b;
        g.bind  = k.kind == tok::bind;
        g.name  = k.name;
        cell& c = resolve(g);
        if (c.type.kind != var_kind::ref_cursor)
            compile_fail(k.pos, "PLS-00306: wrong number or types of arguments in call to 'RETURN_RESULT'");
        if (!c.cur) raise(1001, "invalid cursor");
        out_.implicit_results.push_back(std::move(c.cur));
        return;
    }
    if (n == "DBMS_UTILITY.TABLE_TO_COMMA") {
        // (tab IN table of names, tablen OUT, list OUT): the elements from
        // index 1 up to the first NULL (or gap), joined with commas.
        auto arg_target = [&](std::size_t i) {
            const token& k = t_[st.args[i].b];
            if (st.args[i].e != st.args[i].b + 1 || (k.kind != tok::bind && k.kind != tok::ident))
                compile_fail(k.pos,
                             "PLS-00306: wrong number or types of arguments in call to 'TABLE_TO_COMMA'");
            target g;
            g.tok  = st.args[i].b;
            g.bind = k.kind == tok::bind;
            g.name = k.name;
            return g;
        };
        if (st.args.size() != 3)
            compile_fail(t_[st.tok].pos,
                         "PLS-00306: wrong number or types of arguments in call to 'TABLE_TO_COMMA'");
        cell& tab = resolve(arg_target(0));
        if (tab.type.kind != var_kind::table)
            compile_fail(t_[st.args[0].b].pos,
                         "PLS-00306: wrong number or types of arguments in call to 'TABLE_TO_COMMA'");
        std::string list;
        std::int64_t count = 0;
        for (long long idx = 1;; ++idx) {
            auto it = tab.ik.find(idx);
            if (it == tab.ik.end() || is_null(it->second)) break;
            value v = to_text(it->second);
            list += (count++ > 0 ? "," : "") + std::get<std::string>(v);
        }
        assign(arg_target(1), number::from_int64(count));
        assign(arg_target(2), list.empty() ? value{} : value{list});
        return;
    }
    if (n == "DBMS_SESSION.SLEEP" || n == "DBMS_LOCK.SLEEP") {
        if (st.args.size() != 1)
            compile_fail(t_[st.tok].pos, "PLS-00306: wrong number or types of arguments in call to 'SLEEP'");
        value v = convert(eval(st.args[0]), type_of_wire(ora_type::number));
        if (is_null(v)) raise(6502, "PL/SQL: numeric or value error");
        sql_error e = ses_.sleep_for(std::get<number>(v).to_double());
        if (e) throw ora_exception(e);
        return;
    }
    compile_fail(t_[st.tok].pos, "PLS-00201: identifier '" + n + "' must be declared");
}

}  // namespace plsql

void run_plsql(session& ses, const std::shared_ptr<session_state>& s, const std::vector<token>& t,
               std::string_view sql, const bind_values& binds, execute_result& out) {
    auto b = parse(t, sql);
    load_catalog(*s);
    interp in(ses, s, t, sql, out);
    in.run(*b, binds);
    out.kind = statement_kind::plsql;
}

value convert_out(session& ses, const std::shared_ptr<session_state>& s, const value& v, ora_type to) {
    static const std::vector<token> none(8);
    execute_result unused;
    interp in(ses, s, none, "", unused);
    if (to == ora_type::cursor) return v;
    return in.convert(v, type_of_wire(to));
}

bool has_returning_into(const std::vector<token>& t) {
    int depth      = 0;
    bool returning = false;
    for (const auto& k : t) {
        if (k.is_op("(")) ++depth;
        if (k.is_op(")")) --depth;
        if (depth == 0 && (k.is("RETURNING") || k.is("RETURN"))) returning = true;
        if (depth == 0 && returning && k.is("INTO")) return true;
    }
    return false;
}

void run_returning_into(session& ses, const std::shared_ptr<session_state>& s, const std::vector<token>& t,
                        std::string_view sql, const std::vector<value>& values, const bind_values& binds,
                        execute_result& out) {
    std::size_t into = 0, n_before = 0;
    int depth      = 0;
    bool returning = false;
    for (std::size_t i = 0; t[i].kind != tok::end; ++i) {
        if (t[i].is_op("(")) ++depth;
        if (t[i].is_op(")")) --depth;
        if (depth == 0 && (t[i].is("RETURNING") || t[i].is("RETURN"))) returning = true;
        if (depth == 0 && returning && t[i].is("INTO")) {
            into = i;
            break;
        }
        n_before += t[i].kind == tok::bind;
    }
    std::vector<token> dml(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(into));
    std::size_t n_into = 0;
    for (std::size_t i = into + 1; t[i].kind != tok::end; ++i) {
        if (t[i].kind == tok::bind) {
            ++n_into;
            continue;
        }
        if (!t[i].is_op(",")) raise(933, "SQL command not properly ended", t[i].pos);
    }
    token e;
    e.kind = tok::end;
    e.pos  = t[into].pos;
    for (int k = 0; k < 8; ++k)
        dml.push_back(e);
    std::vector<value> vals(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n_before));
    std::vector<std::vector<value>> rows;
    std::uint64_t n = 0;
    run_dml_returning(s, dml, sql, vals, rows, n);
    if (!rows.empty() && rows[0].size() != n_into)
        raise(rows[0].size() < n_into ? 947 : 913,
              rows[0].size() < n_into ? "not enough values" : "too many values", t[into].pos);
    out.kind      = statement_kind::dml;
    out.row_count = n;
    for (std::size_t k = 0; k < n_before + n_into; ++k) {
        bind_output& o = out.binds.emplace_back();
        if (k < n_before) continue;
        o.dir          = bind_direction::out;
        o.is_returning = true;
        for (const auto& r : rows) {
            const value& v = r[k - n_before];
            o.returning.push_back(k < binds.slots.size() ? convert_out(ses, s, v, binds.slots[k].declared)
                                                         : v);
        }
    }
}

std::vector<bind_direction> plsql_bind_directions(const std::vector<token>& t) {
    std::vector<std::string> names;
    std::vector<char> read, written;
    auto slot = [&](const std::string& n) {
        auto it = std::find(names.begin(), names.end(), n);
        if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
        names.push_back(n);
        read.push_back(0);
        written.push_back(0);
        return names.size() - 1;
    };
    auto close_of = [&](std::size_t i) {
        int depth = 0;
        for (std::size_t j = i; j < t.size(); ++j) {
            if (t[j].is_op("(")) ++depth;
            if (t[j].is_op(")") && --depth == 0) return j;
        }
        return t.size() - 1;
    };
    bool into = false;  // inside an INTO list (SELECT/RETURNING/FETCH/EXECUTE IMMEDIATE)
    for (std::size_t i = 0; i < t.size(); ++i) {
        const token& k = t[i];
        if (k.is("INTO") && i > 0 && !t[i - 1].is("INSERT") && !t[i - 1].is("MERGE")) {
            into = true;
            continue;
        }
        if (into && (k.is("FROM") || k.is_op(";") || k.is("USING") || k.is("WHERE") || k.kind == tok::end))
            into = false;
        if (k.kind != tok::bind) continue;
        std::size_t s     = slot(k.name);
        std::size_t after = t[i + 1].is_op("(") ? close_of(i + 1) + 1 : i + 1;
        bool w            = into || t[after].is_op(":=") || (i > 0 && t[i - 1].is("OPEN"));
        // OUT arguments of the built-ins.
        if (i >= 4 && t[i - 1].is_op("(") && t[i - 3].is_op(".") && t[i - 4].is("DBMS_OUTPUT") &&
            (t[i - 2].is("GET_LINE") || t[i - 2].is("GET_LINES")))
            w = true;
        if (i >= 6 && t[i - 1].is_op(",") && t[i - 3].is_op("(") && t[i - 5].is_op(".") &&
            t[i - 6].is("DBMS_OUTPUT")) {
            if (t[i - 4].is("GET_LINE")) w = true;
            if (t[i - 4].is("GET_LINES")) {
                w       = true;
                read[s] = 1;
            }
        }
        // DBMS_UTILITY.TABLE_TO_COMMA(tab IN, tablen OUT, list OUT).
        if (i >= 6 && t[i - 1].is_op(",") && t[i - 3].is_op("(") && t[i - 5].is_op(".") &&
            t[i - 6].is("DBMS_UTILITY") && t[i - 4].is("TABLE_TO_COMMA"))
            w = true;
        if (i >= 8 && t[i - 1].is_op(",") && t[i - 3].is_op(",") && t[i - 5].is_op("(") &&
            t[i - 7].is_op(".") && t[i - 8].is("DBMS_UTILITY") && t[i - 6].is("TABLE_TO_COMMA"))
            w = true;
        if (w) {
            written[s] = 1;
        } else {
            read[s] = 1;
        }
    }
    std::vector<bind_direction> r;
    for (std::size_t i = 0; i < names.size(); ++i)
        r.push_back(!written[i] ? bind_direction::in
                    : read[i]   ? bind_direction::in_out
                                : bind_direction::out);
    return r;
}

}  // namespace oranet::emulate

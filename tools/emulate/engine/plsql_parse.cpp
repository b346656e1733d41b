// Parser of anonymous PL/SQL blocks (see plsql_ast.hpp).
#include "emulate/engine/plsql_ast.hpp"

#include <cstdio>

namespace oranet::emulate::plsql {

int line_of(std::string_view sql, std::uint32_t pos) {
    int line            = 1;
    std::uint32_t chars = 0;
    for (std::size_t i = 0; i < sql.size() && chars < pos; ++i) {
        auto c = static_cast<unsigned char>(sql[i]);
        if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
        if (c == '\n') ++line;
        ++chars;
    }
    return line;
}

sql_error compile_error(std::string_view sql, std::uint32_t pos, const std::string& pls) {
    int line = 1, col = 1;
    std::uint32_t chars = 0;
    for (std::size_t i = 0; i < sql.size() && chars < pos; ++i) {
        auto c = static_cast<unsigned char>(sql[i]);
        if ((c & 0xC0) == 0x80) continue;
        ++chars;
        if (c == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    char head[64];
    std::snprintf(head, sizeof head, "line %d, column %d:\n", line, col);
    sql_error e = make_ora(6550, head + pls, pos);
    return e;
}

namespace {

class parser {
public:
    parser(const std::vector<token>& t, std::string_view sql) : t_(t), sql_(sql) {}

    std::shared_ptr<block> top() {
        std::shared_ptr<block> b;
        if (t_[0].is("CALL")) {
            b  = std::make_shared<block>();
            i_ = 1;
            b->body.push_back(call_stmt());
            if (at_op(";")) ++i_;
        } else {
            b = parse_block();
            expect_op(";", "; <an identifier>");
        }
        if (t_[i_].kind != tok::end) unexpected("end-of-file");
        return b;
    }

private:
    const std::vector<token>& t_;
    std::string_view sql_;
    std::size_t i_ = 0;

    [[nodiscard]] bool at(std::string_view kw) const { return t_[i_].is(kw); }
    [[nodiscard]] bool at_op(std::string_view o) const { return t_[i_].is_op(o); }

    [[noreturn]] void unexpected(const std::string& expecting) const {
        const token& k = t_[i_];
        std::string sym;
        switch (k.kind) {
            case tok::end: sym = "end-of-file"; break;
            case tok::string: sym = "'" + k.text + "'"; break;
            case tok::ident: sym = k.name; break;
            case tok::quoted: sym = k.name; break;
            default: sym = k.text;
        }
        throw ora_exception(compile_error(sql_, k.pos,
                                          "PLS-00103: Encountered the symbol \"" + sym +
                                              "\" when expecting one of the following:\n\n   " + expecting +
                                              "\n"));
    }

    void expect(std::string_view kw, const std::string& expecting) {
        if (!at(kw)) unexpected(expecting);
        ++i_;
    }
    void expect_op(std::string_view o, const std::string& expecting) {
        if (!at_op(o)) unexpected(expecting);
        ++i_;
    }

    std::string ident(const std::string& expecting) {
        if (t_[i_].kind != tok::ident && t_[i_].kind != tok::quoted) unexpected(expecting);
        return t_[i_++].name;
    }

    // An expression up to (not including) a top-level stop word or operator.
    range expr(std::initializer_list<std::string_view> stop_words,
               std::initializer_list<std::string_view> stop_ops = {";"}) {
        range r{i_, i_};
        int depth      = 0;
        bool in_case   = false;
        int case_depth = 0;
        for (;; ++i_) {
            const token& k = t_[i_];
            if (k.kind == tok::end) break;
            if (k.is_op("(")) ++depth;
            if (k.is_op(")")) {
                if (depth == 0) break;
                --depth;
                continue;  // a nested call's ')' is not the caller's stop operator
            }
            if (k.is("CASE")) ++case_depth;
            if (k.is("END") && case_depth > 0) {
                --case_depth;
                continue;
            }
            if (depth == 0 && case_depth == 0) {
                bool stop = k.is_op(";");
                for (auto w : stop_words)
                    stop |= k.is(w);
                for (auto o : stop_ops)
                    stop |= k.is_op(o);
                if (k.is_op(".") && t_[i_ + 1].is_op(".")) stop |= true;
                if (stop) break;
            }
        }
        (void)in_case;
        r.e = i_;
        if (r.empty())
            unexpected("( - + case mod new not null <an identifier> <a number> <a single-quoted SQL string>");
        return r;
    }

    target parse_target() {
        target g;
        g.tok = i_;
        if (t_[i_].kind == tok::bind) {
            g.bind = true;
            g.name = t_[i_++].name;
        } else {
            g.name = ident("<an identifier> <a bind variable>");
        }
        if (at_op("(")) {
            ++i_;
            g.index = expr({}, {")"});
            expect_op(")", ")");
        }
        return g;
    }

    var_type parse_var_type() {
        var_type v;
        const token& k = t_[i_];
        if (k.kind != tok::ident) unexpected("<an identifier> <a double-quoted delimited-identifier>");
        const std::string& n = k.name;
        if (n == "PLS_INTEGER" || n == "BINARY_INTEGER" || n == "SIMPLE_INTEGER" || n == "NATURAL" ||
            n == "POSITIVE" || n == "NATURALN" || n == "POSITIVEN" || n == "SIGNTYPE") {
            ++i_;
            v.col     = number_expr();
            v.integer = true;
            return v;
        }
        if (n == "BOOLEAN") {
            ++i_;
            v.col     = simple_expr(ora_type::boolean);
            v.boolean = true;
            return v;
        }
        if (n == "SYS_REFCURSOR") {
            ++i_;
            v.kind = var_kind::ref_cursor;
            return v;
        }
        if (n == "EXCEPTION") {
            ++i_;
            v.kind = var_kind::exception;
            return v;
        }
        if (n == "STRING") {
            // STRING(n) is VARCHAR2(n)
            token copy = k;
            copy.name  = "VARCHAR2";
            std::vector<token> tmp(t_.begin() + static_cast<std::ptrdiff_t>(i_), t_.end());
            tmp[0]        = copy;
            std::size_t j = 0;
            v.col         = parse_type(tmp, j);
            i_ += j;
            return v;
        }
        try {
            v.col = parse_type(t_, i_);
        } catch (const ora_exception&) {
            throw ora_exception(
                compile_error(sql_, k.pos, "PLS-00201: identifier '" + n + "' must be declared"));
        }
        if (v.col.type == ora_type::boolean) v.boolean = true;
        return v;
    }

    std::shared_ptr<block> parse_block() {
        auto b = std::make_shared<block>();
        std::vector<std::pair<std::string, var_type>> types;  // TYPE t IS TABLE OF ...
        if (at("DECLARE")) {
            ++i_;
            while (!at("BEGIN")) {
                if (at("TYPE")) {
                    ++i_;
                    std::string tn = ident("<an identifier>");
                    expect("IS", "is");
                    expect("TABLE", "table record varray ref");
                    expect("OF", "of");
                    var_type v = parse_var_type();
                    if (v.kind != var_kind::scalar) unexpected("<a type name>");
                    v.kind = var_kind::table;
                    expect("INDEX", "index ;");
                    expect("BY", "by");
                    var_type key  = parse_var_type();
                    v.string_keys = !key.integer &&
                                    (key.col.type == ora_type::varchar || key.col.type == ora_type::char_);
                    if (!key.integer && !v.string_keys) unexpected("binary_integer pls_integer varchar2");
                    expect_op(";", ";");
                    types.emplace_back(tn, v);
                    continue;
                }
                decl d;
                d.tok  = i_;
                d.name = ident("begin function pragma procedure subtype type <an identifier> current cursor");
                if (at("CONSTANT")) {
                    d.constant = true;
                    ++i_;
                }
                bool found = false;
                if (t_[i_].kind == tok::ident)
                    for (auto it = types.rbegin(); it != types.rend(); ++it)
                        if (it->first == t_[i_].name) {
                            d.type = it->second;
                            found  = true;
                            ++i_;
                            break;
                        }
                if (!found) d.type = parse_var_type();
                if (at("NOT") && t_[i_ + 1].is("NULL")) i_ += 2;
                if (at_op(":=") || at("DEFAULT")) {
                    ++i_;
                    d.init = expr({});
                }
                expect_op(";", ":= . ( @ % ; not null range default character");
                b->decls.push_back(std::move(d));
            }
        }
        expect("BEGIN", "begin");
        b->body = statements({"EXCEPTION", "END"});
        if (b->body.empty())
            unexpected(
                "( begin case declare exit for goto if loop mod null raise return select update while with "
                "<an identifier>");
        if (at("EXCEPTION")) {
            ++i_;
            while (at("WHEN")) {
                ++i_;
                handler h;
                h.names.push_back(ident("others <an identifier>"));
                while (at("OR")) {
                    ++i_;
                    h.names.push_back(ident("<an identifier>"));
                }
                expect("THEN", "then or");
                h.body = statements({"WHEN", "END"});
                b->handlers.push_back(std::move(h));
            }
            if (b->handlers.empty()) unexpected("pragma when");
        }
        expect("END", "end");
        if (t_[i_].kind == tok::ident && !at_op(";")) ++i_;  // END label
        return b;
    }

    std::vector<stmt> statements(std::initializer_list<std::string_view> ends) {
        std::vector<stmt> r;
        for (;;) {
            for (auto w : ends)
                if (at(w)) return r;
            if (t_[i_].kind == tok::end)
                unexpected(std::string(*ends.begin() == "EXCEPTION" ? "end exception" : "end"));
            r.push_back(statement());
        }
    }

    stmt call_stmt() {
        stmt s;
        s.k    = stmt::kind::call;
        s.tok  = i_;
        s.name = ident("<an identifier>");
        while (at_op(".")) {
            ++i_;
            s.name += "." + ident("<an identifier>");
        }
        if (at_op("(")) {
            ++i_;
            if (!at_op(")")) {
                for (;;) {
                    s.args.push_back(expr({}, {",", ")"}));
                    if (at_op(",")) {
                        ++i_;
                        continue;
                    }
                    break;
                }
            }
            expect_op(")", ", )");
        }
        return s;
    }

    void end_stmt() { expect_op(";", ";"); }

    std::vector<target> targets() {
        std::vector<target> r;
        r.push_back(parse_target());
        while (at_op(",")) {
            ++i_;
            r.push_back(parse_target());
        }
        return r;
    }

    stmt statement() {
        stmt s;
        s.tok          = i_;
        const token& k = t_[i_];
        if (k.is("NULL") && t_[i_ + 1].is_op(";")) {
            i_ += 2;
            return s;
        }
        if (k.is("BEGIN") || k.is("DECLARE")) {
            s.k   = stmt::kind::block;
            s.sub = parse_block();
            end_stmt();
            return s;
        }
        if (k.is("IF")) {
            s.k = stmt::kind::if_;
            ++i_;
            s.conds.push_back(expr({"THEN"}));
            expect("THEN", "then and or");
            s.bodies.push_back(statements({"ELSIF", "ELSE", "END"}));
            while (at("ELSIF")) {
                ++i_;
                s.conds.push_back(expr({"THEN"}));
                expect("THEN", "then and or");
                s.bodies.push_back(statements({"ELSIF", "ELSE", "END"}));
            }
            if (at("ELSE")) {
                ++i_;
                s.else_body = statements({"END"});
            }
            expect("END", "end");
            expect("IF", "if");
            end_stmt();
            return s;
        }
        if (k.is("CASE")) {
            s.k = stmt::kind::case_;
            ++i_;
            if (!at("WHEN")) s.e = expr({"WHEN"});
            if (!at("WHEN")) unexpected("when");
            while (at("WHEN")) {
                ++i_;
                s.conds.push_back(expr({"THEN"}));
                expect("THEN", "then");
                s.bodies.push_back(statements({"WHEN", "ELSE", "END"}));
            }
            if (at("ELSE")) {
                ++i_;
                s.has_else  = true;
                s.else_body = statements({"END"});
            }
            expect("END", "end");
            expect("CASE", "case");
            end_stmt();
            return s;
        }
        if (k.is("FOR")) {
            s.k = stmt::kind::for_;
            ++i_;
            s.name = ident("<an identifier>");
            expect("IN", "in");
            if (at("REVERSE")) {
                s.reverse = true;
                ++i_;
            }
            if (at_op("(") && (t_[i_ + 1].is("SELECT") || t_[i_ + 1].is("WITH")) && !s.reverse) {
                s.k = stmt::kind::for_query;
                ++i_;
                s.e = expr({}, {")"});
                expect_op(")", ")");
                loop_body(s);
                return s;
            }
            s.e = expr({});
            if (!(at_op(".") && t_[i_ + 1].is_op("."))) unexpected("..");
            i_ += 2;
            s.e2 = expr({"LOOP"});
            loop_body(s);
            return s;
        }
        if (k.is("WHILE")) {
            s.k = stmt::kind::while_;
            ++i_;
            s.conds.push_back(expr({"LOOP"}));
            loop_body(s);
            return s;
        }
        if (k.is("LOOP")) {
            s.k = stmt::kind::loop;
            loop_body(s);
            return s;
        }
        if (k.is("EXIT") || k.is("CONTINUE")) {
            s.k = k.is("EXIT") ? stmt::kind::exit : stmt::kind::continue_;
            ++i_;
            if (at("WHEN")) {
                ++i_;
                s.e = expr({});
            }
            end_stmt();
            return s;
        }
        if (k.is("RETURN")) {
            s.k = stmt::kind::return_;
            ++i_;
            end_stmt();
            return s;
        }
        if (k.is("RAISE")) {
            s.k = stmt::kind::raise;
            ++i_;
            if (!at_op(";")) s.name = ident("<an identifier> ;");
            end_stmt();
            return s;
        }
        if ((k.is("COMMIT") || k.is("ROLLBACK")) && (t_[i_ + 1].is_op(";") || t_[i_ + 1].is("WORK"))) {
            s.k = k.is("COMMIT") ? stmt::kind::commit : stmt::kind::rollback;
            ++i_;
            if (at("WORK")) ++i_;
            end_stmt();
            return s;
        }
        if (k.is("OPEN")) {
            s.k = stmt::kind::open_for;
            ++i_;
            s.tgt = parse_target();
            expect("FOR", "for");
            s.e = expr({});
            end_stmt();
            return s;
        }
        if (k.is("EXECUTE") && t_[i_ + 1].is("IMMEDIATE")) {
            s.k = stmt::kind::exec_immediate;
            i_ += 2;
            s.e = expr({"INTO", "USING", "RETURNING"});
            if (at("INTO")) {
                ++i_;
                s.into = targets();
            }
            if (at("USING")) {
                ++i_;
                for (;;) {
                    if (at("IN") && !t_[i_ + 1].is("OUT")) ++i_;
                    if (at("OUT") || (at("IN") && t_[i_ + 1].is("OUT"))) unexpected("<an expression>");
                    s.args.push_back(expr({}, {","}));
                    if (!at_op(",")) break;
                    ++i_;
                }
            }
            end_stmt();
            return s;
        }
        if (k.is("SELECT") || k.is("INSERT") || k.is("UPDATE") || k.is("DELETE") || k.is("MERGE") ||
            k.is("WITH")) {
            s.k = stmt::kind::sql;
            sql_statement(s);
            return s;
        }
        if (k.kind == tok::bind || ((k.kind == tok::ident || k.kind == tok::quoted) && assignment_ahead())) {
            s.k   = stmt::kind::assign;
            s.tgt = parse_target();
            expect_op(":=", ":= . ( @ % ;");
            s.e = expr({});
            end_stmt();
            return s;
        }
        if (k.kind == tok::ident || k.kind == tok::quoted) {
            s = call_stmt();
            end_stmt();
            return s;
        }
        unexpected(
            "( begin case declare exit for goto if loop mod null pragma raise return select update while "
            "with <an identifier> <a double-quoted delimited-identifier> <a bind variable> << continue close "
            "current delete fetch lock insert open rollback savepoint set sql execute commit forall merge "
            "pipe purge");
    }

    bool assignment_ahead() const {
        std::size_t j = i_ + 1;
        if (t_[j].is_op("(")) {
            int depth = 0;
            for (; t_[j].kind != tok::end; ++j) {
                if (t_[j].is_op("(")) ++depth;
                if (t_[j].is_op(")") && --depth == 0) break;
            }
            ++j;
        }
        return t_[j].is_op(":=");
    }

    void loop_body(stmt& s) {
        expect("LOOP", "loop");
        s.body = statements({"END"});
        expect("END", "end");
        expect("LOOP", "loop");
        if (t_[i_].kind == tok::ident) ++i_;  // END LOOP label
        end_stmt();
    }

    // SQL up to ';'; a top-level `INTO targets` of a SELECT and a
    // `RETURNING ... INTO targets` of DML are cut out into s.into.
    void sql_statement(stmt& s) {
        std::size_t b = i_;
        int depth     = 0;
        std::vector<token> kept;
        bool select = t_[i_].is("SELECT") || t_[i_].is("WITH");
        for (; !(depth == 0 && at_op(";")); ++i_) {
            if (t_[i_].kind == tok::end) unexpected(";");
            if (at_op("(")) ++depth;
            if (at_op(")")) --depth;
            if (depth == 0 && at("INTO") && (select || returning_before(b))) {
                std::size_t ib = i_++;
                s.into         = targets();
                s.e2           = range{ib, i_};  // the INTO clause, cut out when run
                --i_;
                continue;
            }
        }
        s.e = range{b, i_};
        ++i_;
    }

    bool returning_before(std::size_t b) const {
        for (std::size_t j = i_; j > b; --j)
            if (t_[j - 1].is("RETURNING") || t_[j - 1].is("RETURN")) return true;
        return false;
    }
};

}  // namespace

std::shared_ptr<block> parse(const std::vector<token>& t, std::string_view sql) {
    return parser(t, sql).top();
}

}  // namespace oranet::emulate::plsql

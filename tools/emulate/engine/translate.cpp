#include "emulate/engine/translate.hpp"

#include "emulate/engine/datetime.hpp"
#include "emulate/engine/decimal.hpp"
#include "emulate/engine/error.hpp"
#include "emulate/engine/rowid.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace oranet::emulate {
namespace {

bool is_clause_word(std::string_view w) {
    static constexpr std::string_view words[] = {"WHERE",   "GROUP",  "HAVING", "ORDER",
                                                 "CONNECT", "START",  "UNION",  "INTERSECT",
                                                 "MINUS",   "EXCEPT", "FETCH",  "OFFSET"};
    for (auto x : words)
        if (x == w) return true;
    return false;
}

bool operand_end(const token& k) {
    return k.kind == tok::quoted || k.kind == tok::number || k.kind == tok::string || k.kind == tok::bind ||
           k.is_op(")") ||
           (k.kind == tok::ident && k.name != "AND" && k.name != "OR" && k.name != "NOT" &&
            k.name != "SELECT" && k.name != "WHEN" && k.name != "THEN" && k.name != "ELSE");
}

std::string upper_display(const token& k) {
    std::string s;
    switch (k.kind) {
        case tok::string: s = "'" + k.text + "'"; break;
        case tok::quoted: return "\"" + k.name + "\"";
        case tok::ident: return k.name;
        default: s = k.text;
    }
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

class translator {
public:
    translator(const std::vector<token>& t, const translate_context& ctx)
        : t_(t), ctx_(ctx), skip_(t.size(), 0) {
        int occ = 0;
        bind_.assign(t.size(), 0);
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i].kind == tok::bind) bind_[i] = ++occ;
            if (t[i].kind == tok::ident || t[i].kind == tok::quoted) {
                const table_info* ti = ctx.catalog.table(t[i].name);
                if (ti && std::find(scope_.begin(), scope_.end(), ti) == scope_.end()) scope_.push_back(ti);
            }
        }
    }

    translation run() {
        const token& first = t_[0];
        std::size_t end    = 0;
        while (t_[end].kind != tok::end)
            ++end;
        if (first.is("SELECT") || first.is("WITH")) {
            out_.verb = 'S';
            query(0, end);
        } else if (first.is("INSERT")) {
            insert(end);
        } else if (first.is("UPDATE")) {
            update(end);
        } else if (first.is("DELETE")) {
            remove(end);
        } else {
            raise(900, "invalid SQL statement", first.pos);
        }
        return std::move(out_);
    }

private:
    const std::vector<token>& t_;
    const translate_context& ctx_;
    translation out_;
    std::vector<int> bind_;
    std::vector<char> skip_;
    std::vector<const table_info*> scope_;
    bool in_select_list_                = false;
    std::vector<int>* positional_types_ = nullptr;
    std::size_t exact_next_ = static_cast<std::size_t>(-1);  // a select item's start: keep all digits
    std::size_t dual_gen_   = static_cast<std::size_t>(-1);
    std::size_t gen_b_ = 0, gen_e_ = 0;
    bool gen_lt_                  = false;
    std::size_t pending_offset_b_ = 0, pending_offset_e_ = 0;

    void put(const std::string& s, std::uint32_t pos) {
        if (!out_.sql.empty()) out_.sql += ' ';
        out_.map.emplace_back(out_.sql.size(), pos);
        out_.sql += s;
    }

    // CAST(expr AS type) opening at `open`: the position of its AS (0: none).
    std::size_t cast_as(std::size_t open, std::size_t close) const {
        int depth = 0;
        for (std::size_t j = open + 1; j < close; ++j) {
            if (t_[j].is_op("(")) ++depth;
            if (t_[j].is_op(")")) --depth;
            if (depth == 0 && t_[j].is("AS")) return j;
        }
        return 0;
    }

    // The type a CAST names (ORA-00902 when unknown, ORA-00907 when more follows).
    column_type cast_type(std::size_t as, std::size_t close) const {
        std::size_t j        = as + 1;
        const column_type ct = parse_type(t_, j);
        if (j != close) raise(907, "missing right parenthesis", t_[j].pos);
        return ct;
    }

    std::size_t close_of(std::size_t i) const {
        int depth = 0;
        for (std::size_t j = i; j < t_.size(); ++j) {
            if (t_[j].is_op("("))
                ++depth;
            else if (t_[j].is_op(")") && --depth == 0)
                return j;
        }
        raise(907, "missing right parenthesis", t_.back().pos);
    }

    // Top-level comma-separated ranges of [b, e).
    std::vector<std::pair<std::size_t, std::size_t>> split_commas(std::size_t b, std::size_t e) const {
        std::vector<std::pair<std::size_t, std::size_t>> r;
        int depth         = 0;
        std::size_t start = b;
        for (std::size_t i = b; i < e; ++i) {
            if (t_[i].is_op("("))
                ++depth;
            else if (t_[i].is_op(")"))
                --depth;
            else if (depth == 0 && t_[i].is_op(",")) {
                r.emplace_back(start, i);
                start = i + 1;
            }
        }
        r.emplace_back(start, e);
        return r;
    }

    std::size_t find_top(std::size_t b, std::size_t e, const char* word) const {
        int depth = 0;
        for (std::size_t i = b; i < e; ++i) {
            if (t_[i].is_op("("))
                ++depth;
            else if (t_[i].is_op(")"))
                --depth;
            else if (depth == 0 && t_[i].is(word))
                return i;
        }
        return e;
    }

    // ---- type inference ----------------------------------------------------
    std::optional<column_type> column_ref(std::size_t b, std::size_t e) const {
        std::string qual, col;
        if (e == b + 1 && (t_[b].kind == tok::ident || t_[b].kind == tok::quoted))
            col = t_[b].name;
        else if (e == b + 3 && t_[b + 1].is_op(".") && t_[b + 2].kind != tok::op) {
            qual = t_[b].name;
            col  = t_[b + 2].name;
        } else
            return std::nullopt;
        for (const table_info* ti : scope_)
            if (qual.empty() || ti->name == qual)
                if (const table_column* c = ti->column(col)) return c->type;
        for (const table_info* ti : scope_)
            if (const table_column* c = ti->column(col)) return c->type;
        return std::nullopt;
    }

    std::optional<column_type> infer(std::size_t b, std::size_t e) const {
        if (b >= e) return std::nullopt;
        int depth = 0, case_depth = 0;
        bool concat = false, muldiv = false;
        std::vector<std::size_t> adds;
        for (std::size_t i = b; i < e; ++i) {
            const token& k = t_[i];
            if (k.is_op("("))
                ++depth;
            else if (k.is_op(")"))
                --depth;
            else if (k.is("CASE"))
                ++case_depth;
            else if (k.is("END"))
                --case_depth;
            else if (depth == 0 && case_depth == 0 && i > b) {
                if (k.is_op("||"))
                    concat = true;
                else if ((k.is_op("+") || k.is_op("-")) && operand_end(t_[i - 1]))
                    adds.push_back(i);
                else if (k.is_op("*") || k.is_op("/"))
                    muldiv = true;
            }
        }
        if (concat) return varchar_expr(4000);
        if (!adds.empty()) {
            auto first = infer(b, adds[0]);
            bool date  = first && (first->type == ora_type::date || first->type == ora_type::timestamp);
            if (!date) return number_expr();
            if (adds.size() == 1 && t_[adds[0]].is_op("-")) {
                auto second = infer(adds[0] + 1, e);
                if (second && (second->type == ora_type::date || second->type == ora_type::timestamp))
                    return number_expr();
            }
            return date_expr();
        }
        if (muldiv) return number_expr();
        const token& k = t_[b];
        if (k.is_op("-") || k.is_op("+")) return infer(b + 1, e);
        if (k.is_op("(")) {
            if (close_of(b) == e - 1 && !t_[b + 1].is("SELECT")) return infer(b + 1, e - 1);
            return std::nullopt;
        }
        if (e == b + 1) {
            if (k.kind == tok::number) return number_expr();
            if (k.kind == tok::string)
                return k.text.empty() ? varchar_expr(0) : char_literal(k.text.size(), utf8_chars(k.text));
            if (k.kind == tok::bind) {
                auto occ = static_cast<std::size_t>(bind_[b]);
                if (occ >= 1 && occ <= ctx_.bind_types.size()) return ctx_.bind_types[occ - 1];
                return std::nullopt;
            }
            if (k.is("NULL")) return varchar_expr(0);
            if (k.is("SYSDATE") || k.is("CURRENT_DATE")) return date_expr();
            if (k.is("SYSTIMESTAMP") || k.is("CURRENT_TIMESTAMP"))
                return timestamp_expr(6, ora_type::timestamp_tz);
            if (k.is("LOCALTIMESTAMP")) return timestamp_expr(6);
            if (k.is("USER")) return varchar_expr(128);
            if (k.is("DBTIMEZONE")) return varchar_expr(6);
            if (k.is("SESSIONTIMEZONE")) return varchar_expr(75);
            if (k.is("LEVEL") || k.is("ROWNUM")) return number_expr();
            if (k.is("ROWID")) return simple_expr(ora_type::rowid);
        }
        if (e == b + 2 && k.is("DATE") && t_[b + 1].kind == tok::string) return date_expr();
        if (e == b + 2 && k.is("TIMESTAMP") && t_[b + 1].kind == tok::string) {
            std::string local;
            int zone = 0;
            return timestamp_expr(9, dt::split_zone(t_[b + 1].text, local, zone) ? ora_type::timestamp_tz
                                                                                 : ora_type::timestamp);
        }
        if (e == b + 3 && t_[b + 1].is_op(".") && (t_[b + 2].is("NEXTVAL") || t_[b + 2].is("CURRVAL")))
            return number_expr();
        if (k.is("CASE")) {
            std::size_t th = b;
            int cd         = 0;
            for (; th < e; ++th) {
                if (t_[th].is("CASE")) ++cd;
                if (t_[th].is("END")) --cd;
                if (cd == 1 && t_[th].is("THEN")) break;
            }
            std::size_t stop = th + 1;
            for (cd = 1; stop < e; ++stop) {
                if (t_[stop].is("CASE")) ++cd;
                if (t_[stop].is("END")) --cd;
                if (cd == 0 || (cd == 1 && (t_[stop].is("WHEN") || t_[stop].is("ELSE")))) break;
            }
            return infer(th + 1, stop);
        }
        if (k.kind == tok::ident && t_[b + 1].is_op("(") && close_of(b + 1) == e - 1)
            return infer_call(k.name, b + 1, e - 1);
        if (e == b + 3 && t_[b + 1].is_op(".") && t_[b + 2].is("ROWID")) return simple_expr(ora_type::rowid);
        return column_ref(b, e);
    }

    std::optional<column_type> infer_call(const std::string& f, std::size_t open, std::size_t close) const {
        auto args  = split_commas(open + 1, close);
        auto arg_t = [&](std::size_t n) -> std::optional<column_type> {
            if (n >= args.size()) return std::nullopt;
            return infer(args[n].first, args[n].second);
        };
        static const std::set<std::string> numbers = {
            "COUNT", "SUM",   "AVG",  "LENGTH", "LENGTHB",   "INSTR",          "MOD",   "ABS",    "CEIL",
            "FLOOR", "POWER", "SQRT", "SIGN",   "TO_NUMBER", "MONTHS_BETWEEN", "ASCII", "EXTRACT"};
        static const std::set<std::string> texts = {"UPPER", "LOWER",   "INITCAP", "TRIM", "LTRIM",
                                                    "RTRIM", "REPLACE", "SUBSTR",  "LPAD", "RPAD"};
        if (numbers.count(f)) return number_expr();
        if (f == "ROUND" || f == "TRUNC") {
            auto a = arg_t(0);
            if (a && (a->type == ora_type::date || a->type == ora_type::timestamp)) return date_expr();
            return number_expr();
        }
        if (f == "CAST") {
            const std::size_t as = cast_as(open, close);
            if (as == 0) return std::nullopt;
            return cast_type(as, close);
        }
        if (f == "TO_DATE" || f == "ADD_MONTHS" || f == "LAST_DAY") return date_expr();
        if (f == "TO_TIMESTAMP") return timestamp_expr(9);
        if (f == "MIN" || f == "MAX" || f == "NVL" || f == "COALESCE" || f == "GREATEST" || f == "LEAST") {
            std::size_t n = 0;
            while (n + 1 < args.size() && args[n].second == args[n].first + 1 && t_[args[n].first].is("NULL"))
                ++n;
            auto a = arg_t(n);
            if (a) a->nullable = true;
            return a;
        }
        if (f == "NVL2") return arg_t(1);
        if (f == "DECODE") return arg_t(2);
        if (texts.count(f)) {
            auto a = arg_t(0);
            if (a && (a->type == ora_type::varchar || a->type == ora_type::char_)) {
                column_type v = varchar_expr(a->max_chars);
                v.max_bytes   = a->max_bytes;
                return v;
            }
            return varchar_expr(4000);
        }
        if (f == "TO_CHAR" || f == "CONCAT" || f == "CHR" || f == "RAWTOHEX") return varchar_expr(4000);
        if (f == "SYS_CONTEXT") return varchar_expr(256);
        if (f == "HEXTORAW" || f == "SYS_GUID") return simple_expr(ora_type::raw);
        return std::nullopt;
    }

    int type_code(std::size_t b, std::size_t e) const {
        auto ty = infer(b, e);
        return ty ? static_cast<int>(ty->type) : 0;
    }

    // ---- emission ----------------------------------------------------------
    void emit(std::size_t b, std::size_t e, bool honour_skip = true) {
        for (std::size_t i = b; i < e; ++i) {
            if (honour_skip && skip_[i]) continue;
            std::vector<std::size_t> bars;
            std::size_t chain_end = 0;
            if ((i == b || boundary(t_[i - 1])) && concat_chain(i, e, bars, chain_end)) {
                // Oracle's || treats NULL as '': ora_concat(a, b, ...)
                put("ora_concat(", t_[i].pos);
                std::size_t start = i;
                for (std::size_t bar : bars) {
                    emit(start, bar, honour_skip);
                    put(",", t_[bar].pos);
                    start = bar + 1;
                }
                emit(start, chain_end, honour_skip);
                put(")", t_[i].pos);
                i = chain_end - 1;
                continue;
            }
            if ((i == b || boundary(t_[i - 1]) || t_[i - 1].is_op("||")) &&
                arith_chain(i, e, honour_skip, chain_end)) {
                i = chain_end - 1;
                continue;
            }
            const bool after_add = i >= b + 2 && (t_[i - 1].is_op("+") || t_[i - 1].is_op("-")) &&
                                   operand_end(t_[i - 2]) && !t_[i - 2].is_op(".");
            if (after_add && arith_chain(i, e, honour_skip, chain_end, true)) {
                i = chain_end - 1;
                continue;
            }
            i = emit_one(i, e);
        }
    }

    // A chain of NUMBER arithmetic at i ("a + b - c", or "a * b / c" within
    // one term): emitted as nested ora_arith calls so that NUMBER stays exact
    // and x / 0 is ORA-01476. DATE arithmetic stays native (Julian days).
    // `terms_only`: only a "a * b / c" term (after a + or - of DATE
    // arithmetic, which SQLite does: its 1/24 must still be exact).
    bool arith_chain(std::size_t i, std::size_t e, bool honour_skip, std::size_t& end,
                     bool terms_only = false) {
        bool exact = exact_next_ == i;
        for (int level = terms_only ? 1 : 0; level < 2; ++level) {
            std::vector<std::size_t> ops;
            int depth = 0, case_depth = 0;
            std::size_t j = i;
            for (; j < e; ++j) {
                const token& k = t_[j];
                if (k.is_op("("))
                    ++depth;
                else if (k.is_op(")")) {
                    if (--depth < 0) break;
                } else if (depth == 0 && k.is("CASE"))
                    ++case_depth;
                else if (depth == 0 && case_depth > 0 && k.is("END"))
                    --case_depth;
                else if (depth == 0 && case_depth == 0) {
                    bool binary = j > i && operand_end(t_[j - 1]) && !t_[j - 1].is_op(".");
                    bool add    = binary && (k.is_op("+") || k.is_op("-"));
                    bool mul    = binary && (k.is_op("*") || k.is_op("/"));
                    if (level == 0 && add)
                        ops.push_back(j);
                    else if (level == 1 && mul)
                        ops.push_back(j);
                    else if (level == 1 && add)
                        break;
                    else if (k.is_op("||") || boundary(k))
                        break;
                    else if (j > i && (k.kind == tok::ident || k.kind == tok::quoted) &&
                             operand_end(t_[j - 1]) && !t_[j - 1].is_op(".") &&
                             !(t_[j - 1].is("DATE") || t_[j - 1].is("TIMESTAMP")) && !t_[j + 1].is_op("(") &&
                             !t_[j + 1].is_op("."))
                        break;  // an alias
                }
            }
            if (ops.empty()) continue;
            // Operand types: leave date/time arithmetic to SQLite.
            std::size_t start = i;
            for (std::size_t n = 0; n <= ops.size(); ++n) {
                std::size_t stop = n < ops.size() ? ops[n] : j;
                auto ty          = infer(start, stop);
                // TIMESTAMP and INTERVAL arithmetic is not implemented: an
                // error, never SQLite's sum of a text and a number.
                if (ty && (ty->type == ora_type::timestamp || ty->type == ora_type::timestamp_tz ||
                           ty->type == ora_type::timestamp_ltz || ty->type == ora_type::interval_ym ||
                           ty->type == ora_type::interval_ds))
                    unimplemented(t_[n < ops.size() ? ops[n] : ops[n - 1]].pos);
                if (ty && ty->type != ora_type::number && ty->type != ora_type::binary_double &&
                    ty->type != ora_type::binary_float && ty->type != ora_type::varchar &&
                    ty->type != ora_type::char_)
                    return false;
                start = stop + 1;
            }
            for (std::size_t n = ops.size(); n-- > 0;)
                put("ora_arith(" + quote_string(t_[ops[n]].text) + ",", t_[i].pos);
            emit(i, ops[0], honour_skip);
            for (std::size_t n = 0; n < ops.size(); ++n) {
                put(",", t_[ops[n]].pos);
                emit(ops[n] + 1, n + 1 < ops.size() ? ops[n + 1] : j, honour_skip);
                put(exact ? ",1)" : ",0)", t_[ops[n]].pos);
            }
            end = j;
            return true;
        }
        return false;
    }

    static bool boundary(const token& k) {
        static const std::set<std::string> words = {
            "AND",    "OR",     "NOT",     "WHEN",      "THEN", "ELSE",     "END",    "FROM",
            "WHERE",  "AS",     "IS",      "LIKE",      "IN",   "BETWEEN",  "ORDER",  "GROUP",
            "HAVING", "UNION",  "MINUS",   "INTERSECT", "ASC",  "DESC",     "INTO",   "VALUES",
            "SET",    "ON",     "SELECT",  "BY",        "CASE", "DISTINCT", "ESCAPE", "RETURN",
            "FETCH",  "OFFSET", "CONNECT", "START",     "WITH", "EXCEPT",   "ALL",    "JOIN"};
        if (k.kind == tok::op)
            return k.is_op(",") || k.is_op("(") || k.is_op("=") || k.is_op("<") || k.is_op(">") ||
                   k.is_op("<=") || k.is_op(">=") || k.is_op("<>") || k.is_op("!=") || k.is_op("^=");
        return k.kind == tok::ident && words.count(k.name) != 0;
    }

    // A chain "x || y || z" starting at i: the positions of its bars and its end.
    bool concat_chain(std::size_t i, std::size_t e, std::vector<std::size_t>& bars, std::size_t& end) const {
        int depth = 0, case_depth = 0;
        std::size_t j = i;
        for (; j < e; ++j) {
            const token& k = t_[j];
            if (k.is_op("("))
                ++depth;
            else if (k.is_op(")")) {
                if (--depth < 0) break;
            } else if (depth == 0 && k.is("CASE"))
                ++case_depth;
            else if (depth == 0 && case_depth > 0 && k.is("END"))
                --case_depth;
            else if (depth == 0 && case_depth == 0) {
                if (k.is_op("||"))
                    bars.push_back(j);
                else if (boundary(k))
                    break;
                else if (j > i && (k.kind == tok::ident || k.kind == tok::quoted) && operand_end(t_[j - 1]) &&
                         !t_[j - 1].is_op(".") && !(t_[j - 1].is("DATE") || t_[j - 1].is("TIMESTAMP")) &&
                         !k.is_op(".") && !t_[j + 1].is_op("(") && !t_[j + 1].is_op("."))
                    break;  // an alias
            }
        }
        end = j;
        return !bars.empty();
    }

    // Emits token i (and those it consumes); returns the last index consumed.
    std::size_t emit_one(std::size_t i, std::size_t e) {
        const token& k = t_[i];
        switch (k.kind) {
            case tok::string: put(k.text.empty() ? "NULL" : quote_string(k.text), k.pos); return i;
            case tok::number: {
                std::string c;
                double d   = 0;
                bool plain = k.text.find_first_of(".eE") == std::string::npos && k.text.size() <= 18;
                if (plain || (decimal::canonical(k.text, c) && decimal::exact_as_double(c, d)))
                    put(k.text, k.pos);
                else
                    put(quote_string(decimal::canonical(k.text, c) ? c : k.text), k.pos);
                return i;
            }
            case tok::bind: put("?" + std::to_string(bind_[i]), k.pos); return i;
            case tok::quoted: put(quote_ident(k.name), k.pos); return i;
            case tok::op:
                if (k.is_op("(") && t_[i + 1].is_op("+") && t_[i + 2].is_op(")")) unimplemented(k.pos);
                if (k.is_op("(") && (t_[i + 1].is("SELECT") || t_[i + 1].is("WITH"))) {
                    std::size_t close = close_of(i);
                    put("(", k.pos);
                    query(i + 1, close, true);
                    put(")", t_[close].pos);
                    return close;
                }
                put(k.is_op("!=") || k.is_op("^=") ? "<>" : k.text, k.pos);
                return i;
            case tok::end: return i;
            case tok::ident: break;
        }
        const std::string& n = k.name;
        if (i == dual_gen_) {
            put("(WITH RECURSIVE ora_gen(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM ora_gen WHERE n + 1",
                k.pos);
            put(gen_lt_ ? "< CAST((" : "<= CAST((", k.pos);
            emit(gen_b_, gen_e_, false);
            put(") AS REAL)) SELECT n AS \"LEVEL\", 'X' AS \"DUMMY\" FROM ora_gen) \"DUAL\"", k.pos);
            return i;
        }
        if (t_[i + 1].is_op(".") && (t_[i + 2].is("NEXTVAL") || t_[i + 2].is("CURRVAL"))) {
            if (!ctx_.catalog.sequences.count(n)) raise(2289, "sequence does not exist", k.pos);
            put(std::string(t_[i + 2].is("NEXTVAL") ? "ora_nextval(" : "ora_currval(") + quote_string(n) +
                    ")",
                k.pos);
            return i + 2;
        }
        if (t_[i + 1].is_op(".") && t_[i + 2].is("ROWID")) {
            // t.ROWID, t a table of the statement or an alias of one
            const table_info* ti = ctx_.catalog.table(n);
            for (std::size_t j = 0; !ti && t_[j].kind != tok::end; ++j)
                if ((t_[j + 1].kind == tok::ident || t_[j + 1].kind == tok::quoted) && t_[j + 1].name == n)
                    ti = ctx_.catalog.table(t_[j].name);
            if (!ti) raise(904, "\"" + n + "\".\"ROWID\": invalid identifier", k.pos);
            put("ora_rowid(" + std::to_string(rowid_object_number(ti->name)) + ", " + quote_ident(n) +
                    ".rowid)",
                k.pos);
            return i + 2;
        }
        if (i > 0 && t_[i - 1].is_op(".")) {
            put(k.text, k.pos);
            return i;
        }
        if (n == "ROWNUM") {
            if (!in_select_list_) unimplemented(k.pos);
            put("row_number() OVER ()", k.pos);
            return i;
        }
        if (n == "SYSDATE") {
            put("ora_sysdate()", k.pos);
            return i;
        }
        if (n == "SYSTIMESTAMP" || n == "CURRENT_TIMESTAMP") {
            put("ora_systimestamp()", k.pos);
            return i;
        }
        if (n == "CURRENT_DATE") {
            put("ora_current_date()", k.pos);
            return i;
        }
        if (n == "LOCALTIMESTAMP") {
            put("ora_localtimestamp()", k.pos);
            return i;
        }
        if (n == "DBTIMEZONE" || n == "SESSIONTIMEZONE") {
            put(n == "DBTIMEZONE" ? "ora_dbtimezone()" : "ora_sessiontimezone()", k.pos);
            return i;
        }
        if (n == "USER" && !t_[i + 1].is_op("(")) {
            put("ora_user()", k.pos);
            return i;
        }
        if (n == "MINUS") {
            put("EXCEPT", k.pos);
            return i;
        }
        if (n == "CAST" && t_[i + 1].is_op("(")) {
            // Converted as a store into a column of that type converts.
            const std::size_t close = close_of(i + 1);
            const std::size_t as    = cast_as(i + 1, close);
            if (as == 0 || as == i + 2) raise(905, "missing keyword", t_[as == 0 ? close : as].pos);
            store_target st{cast_type(as, close), "", type_code(i + 2, as)};
            out_.targets.push_back(st);
            put("ora_store((", k.pos);
            emit(i + 2, as);
            put(")," + std::to_string(out_.targets.size() - 1) + ")", k.pos);
            return close;
        }
        if ((n == "DATE" || n == "TIMESTAMP") && t_[i + 1].kind == tok::string) {
            put(std::string(n == "DATE" ? "ora_date_literal(" : "ora_timestamp_literal(") +
                    quote_string(t_[i + 1].text) + ")",
                k.pos);
            return i + 1;
        }
        if (n == "CONNECT" || n == "PRIOR" || (n == "START" && t_[i + 1].is("WITH")) || n == "INTERVAL" ||
            n == "MERGE" || n == "RETURNING")
            unimplemented(k.pos);
        if (n == "ROWID") {
            // The first table the statement names (one-table queries and DML).
            if (scope_.empty()) unimplemented(k.pos);
            put("ora_rowid(" + std::to_string(rowid_object_number(scope_.front()->name)) + ", rowid)", k.pos);
            return i;
        }
        if (n == "OFFSET" && (t_[i + 2].is("ROWS") || t_[i + 2].is("ROW"))) {
            pending_offset_b_ = i + 1;
            pending_offset_e_ = i + 2;
            if (!t_[i + 3].is("FETCH")) {
                put("LIMIT -1 OFFSET", k.pos);
                emit(i + 1, i + 2);
                pending_offset_b_ = pending_offset_e_ = 0;
            }
            return i + 2;
        }
        if (n == "FETCH" && (t_[i + 1].is("FIRST") || t_[i + 1].is("NEXT"))) {
            std::size_t j = i + 2, vb = j;
            while (j < e && !t_[j].is("ROW") && !t_[j].is("ROWS"))
                ++j;
            if (j >= e || !t_[j + 1].is("ONLY")) unimplemented(k.pos);
            put("LIMIT", k.pos);
            if (vb == j)
                put("1", k.pos);
            else
                emit(vb, j);
            if (pending_offset_e_) {
                put("OFFSET", k.pos);
                emit(pending_offset_b_, pending_offset_e_);
                pending_offset_b_ = pending_offset_e_ = 0;
            }
            return j + 1;
        }
        if (t_[i + 1].is_op("(")) return emit_call(i);
        put(k.text, k.pos);
        return i;
    }

    std::size_t emit_call(std::size_t i) {
        const token& k   = t_[i];
        std::size_t open = i + 1, close = close_of(open);
        auto args            = split_commas(open + 1, close);
        const std::string& n = k.name;
        if (n == "TO_CHAR" || n == "TRUNC" || n == "ROUND" || n == "EXTRACT") {
            std::string fn = n == "TO_CHAR" ? "ora_to_char"
                             : n == "TRUNC" ? "ora_trunc"
                             : n == "ROUND" ? "ora_round"
                                            : "ora_extract";
            put(fn + "(", k.pos);
            if (n == "EXTRACT") {
                std::size_t from = find_top(open + 1, close, "FROM");
                if (from != open + 2) unimplemented(k.pos);
                put(quote_string(t_[open + 1].name) + ",", k.pos);
                emit(from + 1, close);
                put("," + std::to_string(type_code(from + 1, close)) + ")", k.pos);
                return close;
            }
            emit(args[0].first, args[0].second);
            put(",", k.pos);
            if (args.size() > 1)
                emit(args[1].first, args[1].second);
            else
                put("NULL", k.pos);
            put("," + std::to_string(type_code(args[0].first, args[0].second)) + ")", k.pos);
            return close;
        }
        static const std::map<std::string, std::string> renames = {{"NVL", "ifnull"},
                                                                   {"GREATEST", "max"},
                                                                   {"LEAST", "min"},
                                                                   {"SUBSTR", "ora_substr"},
                                                                   {"SUM", "ora_sum"},
                                                                   {"AVG", "ora_avg"},
                                                                   {"TO_DATE", "ora_to_date"},
                                                                   {"TO_TIMESTAMP", "ora_to_timestamp"},
                                                                   {"TO_NUMBER", "ora_to_number"},
                                                                   {"SYS_CONTEXT", "ora_sys_context"},
                                                                   {"NVL2", "ora_nvl2"},
                                                                   {"DECODE", "ora_decode"},
                                                                   {"MOD", "ora_mod"},
                                                                   {"INSTR", "ora_instr"},
                                                                   {"LPAD", "ora_lpad"},
                                                                   {"RPAD", "ora_rpad"},
                                                                   {"INITCAP", "ora_initcap"},
                                                                   {"ADD_MONTHS", "ora_add_months"},
                                                                   {"MONTHS_BETWEEN", "ora_months_between"},
                                                                   {"LAST_DAY", "ora_last_day"},
                                                                   {"CONCAT", "ora_concat"},
                                                                   {"CHR", "char"},
                                                                   {"ASCII", "unicode"},
                                                                   {"CEIL", "ora_ceil"},
                                                                   {"FLOOR", "ora_floor"},
                                                                   {"POWER", "ora_power"},
                                                                   {"SQRT", "ora_sqrt"},
                                                                   {"SIGN", "ora_sign"},
                                                                   {"LENGTHB", "ora_lengthb"},
                                                                   {"HEXTORAW", "ora_hextoraw"},
                                                                   {"RAWTOHEX", "hex"},
                                                                   {"SYS_GUID", "randomblob"}};
        auto it                                                 = renames.find(n);
        if (n == "SYS_GUID") {
            put("randomblob(16)", k.pos);
            return close;
        }
        if (n == "TRIM" && find_top(open + 1, close, "FROM") != close) unimplemented(k.pos);
        put(it != renames.end() ? it->second : k.text, k.pos);
        return i;
    }

    // ---- statements --------------------------------------------------------
    void query(std::size_t b, std::size_t e, bool nested = false) {
        // Per-level state of the rewrites (restored for the enclosing level).
        struct saved_state {
            std::size_t dual, gb, ge;
            bool lt;
        } saved{dual_gen_, gen_b_, gen_e_, gen_lt_};
        query_level(b, e, nested);
        dual_gen_ = saved.dual;
        gen_b_    = saved.gb;
        gen_e_    = saved.ge;
        gen_lt_   = saved.lt;
    }

    void query_level(std::size_t b, std::size_t e, bool nested) {
        std::size_t sel = find_top(b, e, "SELECT");
        if (sel == e) raise(928, "missing SELECT keyword", t_[b].pos);
        emit(b, sel);
        put("SELECT", t_[sel].pos);
        std::size_t i = sel + 1;
        if (t_[i].is("DISTINCT") || t_[i].is("UNIQUE"))
            put("DISTINCT", t_[i++].pos);
        else if (t_[i].is("ALL"))
            put("ALL", t_[i++].pos);
        std::size_t from = find_top(i, e, "FROM");
        if (from == e) raise(923, "FROM keyword not found where expected", t_[e].pos);
        // Clause boundaries at depth 0 after FROM.
        std::size_t where = find_top(from, e, "WHERE"), connect = find_top(from, e, "CONNECT");
        std::size_t order = find_top(from, e, "ORDER");
        bool set_op       = find_top(from, e, "UNION") != e || find_top(from, e, "MINUS") != e ||
                      find_top(from, e, "INTERSECT") != e || find_top(from, e, "EXCEPT") != e;
        auto clause_end = [&](std::size_t s) {
            int depth = 0;
            for (std::size_t j = s; j < e; ++j) {
                if (t_[j].is_op("("))
                    ++depth;
                else if (t_[j].is_op(")"))
                    --depth;
                else if (depth == 0 && t_[j].kind == tok::ident && is_clause_word(t_[j].name))
                    return j;
            }
            return e;
        };
        if (connect != e) {
            std::size_t from_end = std::min(where, connect);
            if (!t_[connect + 1].is("BY") || !t_[connect + 2].is("LEVEL") ||
                !(t_[connect + 3].is_op("<=") || t_[connect + 3].is_op("<")) || from_end != from + 2 ||
                !t_[from + 1].is("DUAL"))
                unimplemented(t_[connect].pos);
            gen_lt_ = t_[connect + 3].is_op("<");
            gen_b_  = connect + 4;
            gen_e_  = clause_end(gen_b_);
            if (gen_b_ == gen_e_) raise(936, "missing expression", t_[gen_e_].pos);
            dual_gen_ = from + 1;
            for (std::size_t j = connect; j < gen_e_; ++j)
                skip_[j] = 1;
        }
        // ROWNUM <= n as a conjunct of the top-level WHERE -> LIMIT.
        std::string limit_op;
        std::size_t limit_tok = 0;
        if (where != e) {
            std::size_t wend = clause_end(where + 1);
            int depth        = 0;
            for (std::size_t j = where + 1; j < wend; ++j) {
                if (t_[j].is_op("("))
                    ++depth;
                else if (t_[j].is_op(")"))
                    --depth;
                else if (depth == 0 && t_[j].is("OR"))
                    break;
                else if (depth == 0 && t_[j].is("ROWNUM") && limit_op.empty()) {
                    const token& op = t_[j + 1];
                    const token& v  = t_[j + 2];
                    bool prev_ok    = t_[j - 1].is("WHERE") || t_[j - 1].is("AND");
                    bool next_ok    = j + 3 == wend || t_[j + 3].is("AND");
                    if (!prev_ok || !next_ok || !(op.is_op("<=") || op.is_op("<") || op.is_op("=")) ||
                        (v.kind != tok::number && v.kind != tok::bind) || order != e || set_op)
                        unimplemented(t_[j].pos);
                    limit_op  = op.text;
                    limit_tok = j + 2;
                    skip_[j] = skip_[j + 1] = skip_[j + 2] = 1;
                    if (t_[j + 3].is("AND") && j + 3 < wend)
                        skip_[j + 3] = 1;
                    else if (t_[j - 1].is("AND"))
                        skip_[j - 1] = 1;
                    else if (j + 3 == wend)
                        skip_[where] = 1;
                }
            }
        }
        // The select list.
        auto items = split_commas(i, from);
        check_grouping(items, from, e, clause_end);
        std::vector<int>* positional = positional_types_;  // INSERT ... SELECT: items named by position
        positional_types_            = nullptr;
        for (std::size_t n = 0; n < items.size(); ++n) {
            auto [ib, ie] = items[n];
            if (ib == ie) raise(936, "missing expression", t_[ib].pos);
            if (n > 0) put(",", t_[ib - 1].pos);
            result_item item;
            if (t_[ie - 1].is_op("*")) {
                item.star = true;
                emit(ib, ie);
                if (!nested) out_.items.push_back(item);
                continue;
            }
            std::size_t xe    = ie;
            const token& last = t_[ie - 1];
            if (ie - ib >= 2 && (last.kind == tok::ident || last.kind == tok::quoted) && !last.is("END")) {
                if (t_[ie - 2].is("AS")) {
                    item.name = last.name;
                    xe        = ie - 2;
                } else if (operand_end(t_[ie - 2]) && !t_[ie - 2].is_op(".") &&
                           !(t_[ie - 2].is("DATE") || t_[ie - 2].is("TIMESTAMP"))) {
                    item.name = last.name;
                    xe        = ie - 1;
                }
            }
            if (item.name.empty()) {
                if (xe == ib + 1 && (t_[ib].kind == tok::ident || t_[ib].kind == tok::quoted))
                    item.name = t_[ib].name;
                else if (xe == ib + 3 && t_[ib + 1].is_op(".") && t_[ib + 2].kind != tok::op &&
                         !t_[ib + 2].is("NEXTVAL") && !t_[ib + 2].is("CURRVAL"))
                    item.name = t_[ib + 2].name;
                else
                    for (std::size_t j = ib; j < xe; ++j)
                        item.name += upper_display(t_[j]);
            }
            item.type       = infer(ib, xe);
            in_select_list_ = true;
            exact_next_     = ib;
            emit(ib, xe);
            exact_next_     = static_cast<std::size_t>(-1);
            in_select_list_ = false;
            if (positional) {
                item.name = "ORA$" + std::to_string(n + 1);
                positional->push_back(item.type ? static_cast<int>(item.type->type) : 0);
            }
            put("AS " + quote_ident(item.name), t_[ib].pos);
            if (!nested) out_.items.push_back(item);
        }
        emit(from, e);
        if (!limit_op.empty()) {
            const token& v = t_[limit_tok];
            if (limit_op == "=") {
                if (v.kind != tok::number) unimplemented(v.pos);
                put(v.text == "1" ? "LIMIT 1" : "LIMIT 0", v.pos);
            } else {
                put("LIMIT (", v.pos);
                emit_one(limit_tok, limit_tok + 1);
                put(limit_op == "<" ? ") - 1" : ")", v.pos);
            }
        }
    }

    // SQLite accepts bare columns beside aggregates; Oracle refuses them
    // (ORA-00937 without GROUP BY, ORA-00979 when not grouped).
    template <typename ClauseEnd>
    void check_grouping(const std::vector<std::pair<std::size_t, std::size_t>>& items, std::size_t from,
                        std::size_t e, ClauseEnd clause_end) const {
        static const std::set<std::string> aggregates = {"COUNT", "SUM",     "AVG",    "MIN",
                                                         "MAX",   "LISTAGG", "STDDEV", "VARIANCE"};
        auto plain_column                             = [&](std::size_t b, std::size_t x) -> const token* {
            if (x == b + 1 && (t_[b].kind == tok::ident || t_[b].kind == tok::quoted) && column_ref(b, x))
                return &t_[b];
            if (x == b + 3 && t_[b + 1].is_op(".") && column_ref(b, x)) return &t_[b + 2];
            return nullptr;
        };
        bool has_aggregate = false;
        for (auto [ib, ie] : items)
            for (std::size_t j = ib; j + 1 < ie; ++j)
                if (t_[j].kind == tok::ident && aggregates.count(t_[j].name) && t_[j + 1].is_op("(") &&
                    !t_[close_of(j + 1) + 1].is("OVER"))
                    has_aggregate = true;
        std::size_t group = find_top(from, e, "GROUP");
        if (group == e && !has_aggregate) return;
        std::vector<std::string> grouped;
        if (group != e)
            for (auto [gb, ge] : split_commas(group + 2, clause_end(group + 2)))
                if (const token* k = plain_column(gb, ge)) grouped.push_back(k->name);
        for (auto [ib, ie] : items) {
            std::size_t xe = ie;
            if (ie - ib >= 2 && t_[ie - 2].is("AS"))
                xe = ie - 2;
            else if (ie - ib == 2 || (ie - ib == 4 && t_[ib + 1].is_op(".")))
                xe = ie - 1;
            const token* k = plain_column(ib, xe);
            if (!k) k = plain_column(ib, ie);
            if (!k) continue;
            if (group == e) raise(937, "not a single-group group function", t_[ib].pos);
            if (std::find(grouped.begin(), grouped.end(), k->name) == grouped.end())
                raise(979, "not a GROUP BY expression", t_[ib].pos);
        }
    }

    // Table name at i (skipping a schema qualifier); returns the table.
    const table_info& target_table(std::size_t& i) {
        if (t_[i + 1].is_op(".")) i += 2;
        const token& k = t_[i];
        if (k.kind != tok::ident && k.kind != tok::quoted) raise(903, "invalid table name", k.pos);
        const table_info* ti = ctx_.catalog.table(k.name);
        if (!ti || k.name == "DUAL") raise(942, "table or view does not exist", k.pos);
        out_.table = ti->name;
        put(quote_ident(ti->name), k.pos);
        ++i;
        return *ti;
    }

    std::string qualified(const std::string& table, const std::string& col) const {
        return "\"" + ctx_.schema + "\".\"" + table + "\".\"" + col + "\"";
    }

    void store(const table_info& ti, const table_column& c, std::size_t b, std::size_t e) {
        store_target st{c.type, qualified(ti.name, c.name), type_code(b, e)};
        out_.targets.push_back(st);
        put("ora_store((", t_[b].pos);
        emit(b, e);
        put(")," + std::to_string(out_.targets.size() - 1) + ")", t_[b].pos);
    }

    void insert(std::size_t e) {
        out_.verb = 'I';
        if (!t_[1].is("INTO")) raise(925, "missing INTO keyword", t_[1].pos);
        put("INSERT INTO", t_[0].pos);
        std::size_t i        = 2;
        const table_info& ti = target_table(i);
        if (t_[i].kind == tok::ident && !t_[i].is("VALUES") && !t_[i].is("SELECT")) ++i;  // alias
        std::vector<const table_column*> cols;
        if (t_[i].is_op("(")) {
            std::size_t close = close_of(i);
            put("(", t_[i].pos);
            for (auto [cb, ce] : split_commas(i + 1, close)) {
                std::size_t k = ce - 1;
                if (ce - cb != 1 && !(ce - cb == 3 && t_[cb + 1].is_op(".")))
                    raise(904, "invalid column name", t_[cb].pos);
                const table_column* c = ti.column(t_[k].name);
                if (!c) raise(904, "\"" + t_[k].name + "\": invalid identifier", t_[k].pos);
                if (!cols.empty()) put(",", t_[k].pos);
                put(quote_ident(c->name), t_[k].pos);
                cols.push_back(c);
            }
            put(")", t_[close].pos);
            i = close + 1;
        } else {
            for (const auto& c : ti.columns)
                cols.push_back(&c);
        }
        if (t_[i].is("SELECT") || t_[i].is("WITH") || (t_[i].is_op("(") && t_[i + 1].is("SELECT"))) {
            // INSERT ... SELECT: SELECT ora_store("ORA$1", k), ... FROM (the query, items named by position)
            std::size_t sel = t_[i].is_op("(") ? i + 1 : i;
            std::size_t frm = find_top(sel, e, "FROM");
            bool star       = false;
            for (auto [ib, ie] : split_commas(sel + 1, frm))
                star |= ie > ib && t_[ie - 1].is_op("*");
            if (star || !t_[sel].is("SELECT")) {
                emit(i, e);  // stored as SQLite converts them: no Oracle checks for `*` and WITH
                return;
            }
            std::string outer;
            std::vector<int> types;
            put("SELECT * FROM (SELECT", t_[i].pos);
            std::size_t mark = out_.sql.size();
            put("", t_[i].pos);
            put("FROM (", t_[i].pos);
            positional_types_ = &types;
            query(i, e, true);
            positional_types_ = nullptr;
            put("))", t_[e].pos);
            if (types.size() < cols.size()) raise(947, "not enough values", t_[sel].pos);
            if (types.size() > cols.size()) raise(913, "too many values", t_[sel].pos);
            for (std::size_t n = 0; n < cols.size(); ++n) {
                out_.targets.push_back(
                    store_target{cols[n]->type, qualified(ti.name, cols[n]->name), types[n]});
                outer += (n ? ", " : " ") + std::string("ora_store(") +
                         quote_ident("ORA$" + std::to_string(n + 1)) + "," +
                         std::to_string(out_.targets.size() - 1) + ")";
            }
            out_.sql.insert(mark, outer);
            return;
        }
        if (!t_[i].is("VALUES")) raise(926, "missing VALUES keyword", t_[i].pos);
        put("VALUES (", t_[i].pos);
        ++i;
        if (!t_[i].is_op("(")) raise(906, "missing left parenthesis", t_[i].pos);
        std::size_t close = close_of(i);
        auto vals         = split_commas(i + 1, close);
        if (vals.size() < cols.size()) raise(947, "not enough values", t_[close].pos);
        if (vals.size() > cols.size()) raise(913, "too many values", t_[vals[cols.size()].first].pos);
        for (std::size_t n = 0; n < vals.size(); ++n) {
            if (n) put(",", t_[vals[n].first].pos);
            if (vals[n].first == vals[n].second) raise(936, "missing expression", t_[vals[n].first].pos);
            store(ti, *cols[n], vals[n].first, vals[n].second);
        }
        put(")", t_[close].pos);
        if (close + 1 != e) raise(933, "SQL command not properly ended", t_[close + 1].pos);
    }

    void update(std::size_t e) {
        out_.verb = 'U';
        put("UPDATE", t_[0].pos);
        std::size_t i        = 1;
        const table_info& ti = target_table(i);
        if (t_[i].kind == tok::ident && !t_[i].is("SET")) {
            put("AS " + t_[i].text, t_[i].pos);
            ++i;
        }
        if (!t_[i].is("SET")) raise(971, "missing SET keyword", t_[i].pos);
        put("SET", t_[i].pos);
        std::size_t where = find_top(i, e, "WHERE");
        auto sets         = split_commas(i + 1, where);
        for (std::size_t n = 0; n < sets.size(); ++n) {
            auto [sb, se] = sets[n];
            std::size_t k = sb;
            if (t_[k + 1].is_op(".")) k += 2;
            if (t_[sb].is_op("(")) unimplemented(t_[sb].pos);
            const table_column* c = ti.column(t_[k].name);
            if (!c) raise(904, "\"" + t_[k].name + "\": invalid identifier", t_[k].pos);
            if (!t_[k + 1].is_op("=")) raise(927, "missing equal sign", t_[k + 1].pos);
            if (n) put(",", t_[sb].pos);
            put(quote_ident(c->name) + " =", t_[k].pos);
            store(ti, *c, k + 2, se);
        }
        emit(where, e);
    }

    void remove(std::size_t e) {
        out_.verb = 'D';
        put("DELETE FROM", t_[0].pos);
        std::size_t i = t_[1].is("FROM") ? 2 : 1;
        (void)target_table(i);
        if (t_[i].kind == tok::ident && !t_[i].is("WHERE")) {
            put("AS " + t_[i].text, t_[i].pos);
            ++i;
        }
        emit(i, e);
    }
};

}  // namespace

translation translate(const std::vector<token>& t, const translate_context& ctx) {
    return translator(t, ctx).run();
}

std::vector<std::string> bind_occurrences(const std::vector<token>& t) {
    std::vector<std::string> r;
    for (const auto& k : t)
        if (k.kind == tok::bind) r.push_back(k.name);
    return r;
}

}  // namespace oranet::emulate

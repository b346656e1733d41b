// session::bind_directions: which binds of a statement the engine writes.
#include "emulate/engine/engine.hpp"
#include "emulate/engine/lexer.hpp"
#include "emulate/engine/plsql.hpp"

#include <algorithm>

namespace oranet::emulate {

std::vector<bind_direction> session::bind_directions(std::string_view sql, sql_error& err) {
    std::vector<bind_direction> r;
    try {
        auto t = tokenize(sql);
        if (t[0].is("BEGIN") || t[0].is("DECLARE") || t[0].is("CALL")) return plsql_bind_directions(t);
        // SQL: one per occurrence; the binds after RETURNING ... INTO are OUT.
        bool into      = false;
        int depth      = 0;
        bool returning = false;
        for (const auto& k : t) {
            if (k.is_op("(")) ++depth;
            if (k.is_op(")")) --depth;
            if (depth == 0 && (k.is("RETURNING") || k.is("RETURN"))) returning = true;
            if (returning && depth == 0 && k.is("INTO")) into = true;
            if (k.kind == tok::bind) r.push_back(into ? bind_direction::out : bind_direction::in);
        }
    } catch (const ora_exception& e) {
        err = e.error;
        r.clear();
    }
    return r;
}

}  // namespace oranet::emulate

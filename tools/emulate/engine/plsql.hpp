// Anonymous PL/SQL blocks in the emulator: a tree-walking interpreter whose
// expressions and SQL run through the engine's SQL path (so every function
// and type rule of the SQL side applies inside PL/SQL too).
#pragma once

#include "emulate/engine/engine.hpp"
#include "emulate/engine/lexer.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace oranet::emulate {

struct session_state;

// Runs the block `t` (the tokens of `sql`); `out.binds` gets one entry per
// bind slot (unique bind name, in order of first appearance). Throws ora_exception.
void run_plsql(session& ses, const std::shared_ptr<session_state>& s, const std::vector<token>& t,
               std::string_view sql, const bind_values& binds, execute_result& out);

// `v` converted to a bind's wire type as an OUT bind gets it (ORA-06502 when it cannot).
[[nodiscard]] value convert_out(session& ses, const std::shared_ptr<session_state>& s, const value& v,
                                ora_type to);

// DML `t` with `RETURNING exprs INTO binds` run for session::execute: `values`
// per bind occurrence; out.binds one per occurrence (the INTO ones returning).
void run_returning_into(session& ses, const std::shared_ptr<session_state>& s, const std::vector<token>& t,
                        std::string_view sql, const std::vector<value>& values, const bind_values& binds,
                        execute_result& out);
[[nodiscard]] bool has_returning_into(const std::vector<token>& t);

// The directions of the block's binds, one per unique name in order of first appearance.
[[nodiscard]] std::vector<bind_direction> plsql_bind_directions(const std::vector<token>& t);

}  // namespace oranet::emulate

#include "emulate/engine/plsql.hpp"

#include "emulate/engine/state.hpp"

#include <algorithm>

namespace oranet::emulate {

void run_plsql(session&, const std::shared_ptr<session_state>&, const std::vector<token>& t, std::string_view,
               const bind_values&, execute_result&) {
    unimplemented(t[0].pos);
}

std::vector<bind_direction> plsql_bind_directions(const std::vector<token>& t) {
    std::vector<std::string> names;
    for (const auto& k : t)
        if (k.kind == tok::bind && std::find(names.begin(), names.end(), k.name) == names.end())
            names.push_back(k.name);
    return std::vector<bind_direction>(names.size(), bind_direction::in);
}

}  // namespace oranet::emulate

// What the client must know of a SQL text before it sends it: the kind of
// statement (query, DML, DDL, PL/SQL) and its bind variable names, found
// outside quotes and comments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oranet::detail {

enum class statement_kind { query, dml, ddl, plsql };

struct sql_info {
    statement_kind kind = statement_kind::dml;
    std::vector<std::string> occurrences;  // bind names in order of appearance (upper-cased unless quoted)
    std::vector<std::string> unique;       // the same, each name once
    // Per occurrence: the bind is a target of a DML RETURNING ... INTO
    // clause (an OUT bind whose value the statement sends back per row).
    std::vector<bool> returning;
};

[[nodiscard]] sql_info scan_sql(std::string_view sql);

}  // namespace oranet::detail

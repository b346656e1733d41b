// Oracle SQL (queries and DML) -> SQLite SQL, with the Oracle types of the
// result columns and of the columns DML stores into.
#pragma once

#include "emulate/engine/catalog.hpp"
#include "emulate/engine/lexer.hpp"
#include "emulate/engine/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace oranet::emulate {

// One select-list item of the outermost query.
struct result_item {
    std::string name;                 // the column name Oracle reports
    std::optional<column_type> type;  // empty when it cannot be inferred before a row is seen
    bool star = false;                // `*` or `t.*`
};

// A column a DML statement stores into: ora_store(expr, k) converts to it.
struct store_target {
    column_type type;
    std::string qualified;  // "SCHEMA"."T"."C"
    int src = 0;            // inferred Oracle type of the stored expression
};

struct translation {
    std::string sql;
    std::vector<result_item> items;
    std::vector<store_target> targets;
    std::string table;  // DML: the target table
    char verb = 0;      // 'S' select, 'I' insert, 'U' update, 'D' delete
    // (offset in sql, character offset in the Oracle text) for each emitted token
    std::vector<std::pair<std::size_t, std::uint32_t>> map;
};

struct translate_context {
    const catalog_snapshot& catalog;
    const std::vector<column_type>& bind_types;  // per bind occurrence
    std::string schema;
};

// Throws ora_exception for what it refuses (ORA-03001, 00942, 00904, ...).
[[nodiscard]] translation translate(const std::vector<token>& t, const translate_context& ctx);

// Index of each bind occurrence (token index order) -> its name.
[[nodiscard]] std::vector<std::string> bind_occurrences(const std::vector<token>& t);

}  // namespace oranet::emulate

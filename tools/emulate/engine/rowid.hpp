// The ROWID pseudo column: SQLite's integer rowid of a table row shown as an
// Oracle extended rowid (object, file, block, slot in base 64), so that a
// fetched ROWID finds its row again in `WHERE ROWID = :r`.
#pragma once

#include <cstdint>
#include <string>

struct sqlite3;

namespace oranet::emulate {

// A stable data object number for a table (from its name).
[[nodiscard]] std::uint32_t rowid_object_number(const std::string& table);

// ora_rowid(object, rowid) -> the 18-character text.
void register_rowid_function(sqlite3* db);

}  // namespace oranet::emulate

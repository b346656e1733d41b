#include "emulate/engine/rowid.hpp"

#include <oranet/proto/types/rowid.hpp>

#include <sqlite3.h>

namespace oranet::emulate {
namespace {

// Rows as a real heap table holds them: file 12, blocks from 131 on, up to
// 256 slots a block (the numbers only need to be plausible and reversible).
constexpr std::uint16_t rowid_file        = 12;
constexpr std::uint32_t rowid_first_block = 131;

void fn_rowid(sqlite3_context* c, int argc, sqlite3_value** argv) {
    (void)argc;
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL) return sqlite3_result_null(c);
    const auto object = static_cast<std::uint32_t>(sqlite3_value_int64(argv[0]));
    const auto n      = static_cast<std::uint64_t>(sqlite3_value_int64(argv[1]));
    const rowid r     = proto::types::rowid_from_parts(object, rowid_file,
                                                       rowid_first_block + static_cast<std::uint32_t>(n >> 8),
                                                       static_cast<std::uint16_t>(n & 0xFF));
    sqlite3_result_text(c, r.text.data(), static_cast<int>(r.text.size()), SQLITE_TRANSIENT);
}

}  // namespace

std::uint32_t rowid_object_number(const std::string& table) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (unsigned char ch : table) {
        h ^= ch;
        h *= 16777619u;
    }
    return 70000 + h % 900000;  // user objects of a fresh database start near 70000
}

void register_rowid_function(sqlite3* db) {
    sqlite3_create_function_v2(db, "ora_rowid", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, fn_rowid,
                               nullptr, nullptr, nullptr);
}

}  // namespace oranet::emulate

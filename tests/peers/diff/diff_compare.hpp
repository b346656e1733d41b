// Field-by-field comparison of two decoded recordings, and the table of the
// fields that may legitimately differ between oranet and node-oracledb.
#pragma once

#include "wire_messages.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::test::diff {

// A field (or, with path "*", a whole message) that may differ, and why.
// `kind` and `path` match exactly, or by prefix when they end with '*'.
// With `ours`/`theirs` given, only that pair of values (oranet's, node's)
// is allowed.
struct mask {
    std::string_view kind;
    std::string_view path;
    std::string_view reason;
    std::string_view ours   = {};
    std::string_view theirs = {};
};

[[nodiscard]] const std::vector<mask>& masks();

struct diff_report {
    std::size_t differences     = 0;
    std::size_t fields_compared = 0;
    std::set<std::string> kinds_compared;
    std::string text;  // one line per difference, then the masked fields that did differ
};

// Messages are paired in order, after dropping the messages a mask with
// path "*" names.
[[nodiscard]] diff_report compare(const std::vector<wire_message>& ours,
                                  const std::vector<wire_message>& theirs, const std::vector<mask>& masks);

}  // namespace oranet::test::diff

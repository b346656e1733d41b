// Case mapping of UTF-8 text as Oracle's UPPER, LOWER and INITCAP do it for
// AL32UTF8: every letter with a simple one-to-one case mapping (é -> É,
// Greek, Cyrillic, ...), not only ASCII as SQLite's built-ins.
#pragma once

#include <string>
#include <string_view>

namespace oranet::emulate {

[[nodiscard]] std::string utf8_upper(std::string_view s);
[[nodiscard]] std::string utf8_lower(std::string_view s);
// First letter of each word upper case, the others lower case (a word is a
// run of letters and digits).
[[nodiscard]] std::string utf8_initcap(std::string_view s);

}  // namespace oranet::emulate

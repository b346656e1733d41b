// Value conversions shared by the descriptor and Easy Connect parsers, after
// python-oracledb's _set_bool_param/_set_uint_param/_set_duration_param.
// Private to lib/.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace oranet::detail {

[[nodiscard]] std::string to_upper(std::string_view s);
[[nodiscard]] std::string to_lower(std::string_view s);
[[nodiscard]] bool iequals(std::string_view a, std::string_view b) noexcept;
[[nodiscard]] std::string_view trim(std::string_view s) noexcept;

// on/yes/true and off/no/false, any case. False when it is neither.
[[nodiscard]] bool parse_bool(std::string_view s, bool& out) noexcept;
// Decimal digits only, at most `max`.
[[nodiscard]] bool parse_uint(std::string_view s, std::uint32_t max, std::uint32_t& out) noexcept;
// A decimal number (a fraction allowed) with an optional unit "ms", "sec"
// or "min"; no unit means seconds. At most one day.
[[nodiscard]] bool parse_duration(std::string_view s, std::chrono::milliseconds& out) noexcept;
// python-oracledb's form: "250ms" when not whole seconds, "2min" when whole
// minutes, else the seconds.
[[nodiscard]] std::string format_duration(std::chrono::milliseconds d);

// A value as a descriptor may carry it: quoted when it holds characters
// that would change the descriptor's structure ('"' inside becomes '\'').
[[nodiscard]] std::string descriptor_value(std::string_view v);

}  // namespace oranet::detail

// Internal: a NUMBER taken apart. value = 0.DIGITS x 10^point, where DIGITS
// has no leading or trailing zeros (empty for zero). Shared by the number
// class (protocol/src/value.cpp) and the NUMBER byte codec.
#pragma once

#include <string>
#include <string_view>

namespace oranet::proto::types::detail {

struct decimal {
    bool negative = false;
    bool infinity = false;
    std::string digits;  // significant digits, '1'..'9' at both ends
    int point = 0;       // decimal point position relative to the first digit

    [[nodiscard]] bool is_zero() const noexcept { return !infinity && digits.empty(); }
};

// Oracle NUMBER limits.
inline constexpr int max_point          = 126;   // |value| < 1e126
inline constexpr int min_point          = -129;  // |value| >= 1e-130
inline constexpr int max_mantissa_bytes = 20;

// Parses decimal text (optional sign, digits with an optional point, optional
// exponent) or the infinity texts "~" / "-~". False on bad syntax.
[[nodiscard]] bool parse_decimal(std::string_view text, decimal& out) noexcept;

// True when the value fits Oracle's byte form (range and 20 base-100 digits).
[[nodiscard]] bool representable(const decimal& d) noexcept;

// Canonical text: no exponent, no leading zeros, no trailing fraction zeros.
[[nodiscard]] std::string to_text(const decimal& d);

}  // namespace oranet::proto::types::detail

// Exact decimal arithmetic on canonical NUMBER text, for the emulator's
// storage, comparisons and aggregates (NUMBER never passes through a double).
#pragma once

#include <string>
#include <string_view>

namespace oranet::emulate::decimal {

// Canonical text: no exponent, no leading zeros, no trailing fraction zeros,
// "-" for negatives, "0" for zero. Accepts "+1.50", "1e-5", ".5", "5.".
[[nodiscard]] bool canonical(std::string_view text, std::string& out);
// Numeric order of two canonical texts: <0, 0, >0.
[[nodiscard]] int compare(std::string_view a, std::string_view b);
[[nodiscard]] std::string add(std::string_view a, std::string_view b);
[[nodiscard]] std::string negate(std::string_view a);
// a / n to `digits` significant digits (rounded half away from zero).
[[nodiscard]] std::string divide(std::string_view a, long long n, int digits = 40);
[[nodiscard]] std::string multiply(std::string_view a, std::string_view b);
// a / b to `digits` significant digits; false when b is zero.
[[nodiscard]] bool divide(std::string_view a, std::string_view b, std::string& out, int digits = 40);
// Rounds half away from zero to `scale` digits after the point (negative
// scale rounds left of the point).
[[nodiscard]] std::string round(std::string_view a, int scale);
// Number of digits left of the point (0 for |a| < 1).
[[nodiscard]] int integer_digits(std::string_view a);
// Shortest text that reads back as the same double (like %.17g, shortened).
[[nodiscard]] std::string from_double(double v);
// True when the text converts to a double and back to itself.
[[nodiscard]] bool exact_as_double(std::string_view a, double& out);

}  // namespace oranet::emulate::decimal

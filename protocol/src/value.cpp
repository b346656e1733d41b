// oranet::number: exact decimal value kept as canonical text. The parsing and
// the canonical form live in types/decimal.cpp, shared with the NUMBER codec.
#include "types/decimal.hpp"

#include <oranet/value.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace oranet {

using proto::types::detail::decimal;

namespace {

decimal parts_of(const std::string& canonical) noexcept {
    decimal d;
    (void)proto::types::detail::parse_decimal(canonical, d);  // canonical text always parses
    return d;
}

// -2: -inf, -1: negative, 0: zero, 1: positive, 2: +inf.
int rank(const decimal& d) noexcept {
    if (d.infinity) return d.negative ? -2 : 2;
    if (d.digits.empty()) return 0;
    return d.negative ? -1 : 1;
}

std::strong_ordering compare_magnitude(const decimal& a, const decimal& b) noexcept {
    if (a.point != b.point) return a.point <=> b.point;
    const int c = a.digits.compare(b.digits);
    return c < 0   ? std::strong_ordering::less
           : c > 0 ? std::strong_ordering::greater
                   : std::strong_ordering::equal;
}

}  // namespace

bool number::parse(std::string_view text, number& out) {
    decimal d;
    if (!proto::types::detail::parse_decimal(text, d)) return false;
    if (!proto::types::detail::representable(d)) return false;
    out = number(proto::types::detail::to_text(d));
    return true;
}

number number::from_int64(std::int64_t v) { return number(std::to_string(v)); }

bool number::from_double(double v, number& out) {
    if (std::isnan(v)) return false;
    if (std::isinf(v)) {
        out = v > 0 ? positive_infinity() : negative_infinity();
        return true;
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
    if (res.ec != std::errc{}) return false;
    return parse(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)), out);
}

number number::positive_infinity() { return number("~"); }
number number::negative_infinity() { return number("-~"); }

bool number::is_integer() const noexcept {
    if (is_infinity()) return false;
    return text_.find('.') == std::string::npos;  // canonical text has a point only when needed
}

bool number::to_int64(std::int64_t& out) const noexcept {
    if (!is_integer()) return false;
    const decimal d = parts_of(text_);
    if (d.digits.empty()) {
        out = 0;
        return true;
    }
    if (d.point > 19) return false;
    std::uint64_t magnitude   = 0;
    const std::uint64_t limit = d.negative
                                    ? std::uint64_t{1} << 63
                                    : static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    for (int i = 0; i < d.point; ++i) {
        const unsigned digit =
            i < static_cast<int>(d.digits.size()) ? static_cast<unsigned>(d.digits[i] - '0') : 0u;
        if (magnitude > (limit - digit) / 10) return false;
        magnitude = magnitude * 10 + digit;
    }
    out = d.negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    return true;
}

double number::to_double() const noexcept {
    if (text_ == "~") return std::numeric_limits<double>::infinity();
    if (text_ == "-~") return -std::numeric_limits<double>::infinity();
    double v = 0;
    (void)std::from_chars(text_.data(), text_.data() + text_.size(), v);  // correctly rounded
    return v;
}

std::strong_ordering operator<=>(const number& a, const number& b) noexcept {
    if (a.text_ == b.text_) return std::strong_ordering::equal;
    const decimal da = parts_of(a.text_);
    const decimal db = parts_of(b.text_);
    const int ra     = rank(da);
    const int rb     = rank(db);
    if (ra != rb) return ra <=> rb;
    if (ra == 1) return compare_magnitude(da, db);
    if (ra == -1) return compare_magnitude(db, da);
    return std::strong_ordering::equal;
}

}  // namespace oranet

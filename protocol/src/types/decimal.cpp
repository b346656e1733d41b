// Decimal text <-> the parts of a NUMBER (see decimal.hpp).
#include "decimal.hpp"

namespace oranet::proto::types::detail {

namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

bool parse_decimal(std::string_view text, decimal& out) noexcept {
    out             = decimal{};
    std::size_t pos = 0;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
        out.negative = text[pos] == '-';
        ++pos;
    }
    if (text.substr(pos) == "~") {
        out.infinity = true;
        return true;
    }
    long long point = 0;
    bool any_digit  = false;
    // Integer part: every digit after the first significant one moves the point.
    for (; pos < text.size() && is_digit(text[pos]); ++pos) {
        any_digit = true;
        if (out.digits.empty() && text[pos] == '0') continue;
        if (out.digits.size() > 100000) return false;
        out.digits += text[pos];
        ++point;
    }
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        // Fraction part: leading zeros move the point left.
        for (; pos < text.size() && is_digit(text[pos]); ++pos) {
            any_digit = true;
            if (out.digits.empty() && text[pos] == '0') {
                if (point > -100000) --point;
                continue;
            }
            if (out.digits.size() > 100000) return false;
            out.digits += text[pos];
        }
    }
    if (!any_digit) return false;
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        bool exp_negative = false;
        if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
            exp_negative = text[pos] == '-';
            ++pos;
        }
        if (pos == text.size() || !is_digit(text[pos])) return false;
        long long exponent = 0;
        for (; pos < text.size() && is_digit(text[pos]); ++pos) {
            if (exponent < 1000000) exponent = exponent * 10 + (text[pos] - '0');
        }
        point += exp_negative ? -exponent : exponent;
    }
    if (pos != text.size()) return false;
    while (!out.digits.empty() && out.digits.back() == '0')
        out.digits.pop_back();
    if (out.digits.empty()) {
        out.negative = false;
        out.point    = 0;
        return true;
    }
    if (point > 10000000 || point < -10000000) return false;
    out.point = static_cast<int>(point);
    return true;
}

bool representable(const decimal& d) noexcept {
    if (d.infinity || d.digits.empty()) return true;
    if (d.point > max_point || d.point < min_point) return false;
    const std::size_t aligned = d.digits.size() + (d.point % 2 != 0 ? 1 : 0);
    return (aligned + 1) / 2 <= static_cast<std::size_t>(max_mantissa_bytes);
}

std::string to_text(const decimal& d) {
    if (d.infinity) return d.negative ? "-~" : "~";
    if (d.digits.empty()) return "0";
    std::string s;
    if (d.negative) s += '-';
    const long long n = static_cast<long long>(d.digits.size());
    if (d.point <= 0) {
        s += "0.";
        s.append(static_cast<std::size_t>(-d.point), '0');
        s += d.digits;
    } else if (d.point >= n) {
        s += d.digits;
        s.append(static_cast<std::size_t>(d.point - n), '0');
    } else {
        s.append(d.digits, 0, static_cast<std::size_t>(d.point));
        s += '.';
        s.append(d.digits, static_cast<std::size_t>(d.point), std::string::npos);
    }
    return s;
}

}  // namespace oranet::proto::types::detail

#include "emulate/engine/decimal.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace oranet::emulate::decimal {
namespace {

// Digits and exponent: value = digits * 10^exp, digits without leading zeros.
struct parts {
    bool negative = false;
    std::string digits;  // "" means zero
    int exp = 0;
};

parts split(std::string_view c) {
    parts p;
    if (!c.empty() && c[0] == '-') {
        p.negative = true;
        c.remove_prefix(1);
    }
    auto dot = c.find('.');
    if (dot == std::string_view::npos) {
        p.digits = std::string(c);
    } else {
        p.digits = std::string(c.substr(0, dot)) + std::string(c.substr(dot + 1));
        p.exp    = -static_cast<int>(c.size() - dot - 1);
    }
    auto nz  = p.digits.find_first_not_of('0');
    p.digits = nz == std::string::npos ? std::string() : p.digits.substr(nz);
    if (p.digits.empty()) {
        p.negative = false;
        p.exp      = 0;
    }
    return p;
}

std::string join(parts p) {
    if (p.digits.empty()) return "0";
    while (p.exp < 0 && !p.digits.empty() && p.digits.back() == '0') {
        p.digits.pop_back();
        ++p.exp;
    }
    std::string s;
    if (p.exp >= 0) {
        s = p.digits + std::string(static_cast<std::size_t>(p.exp), '0');
    } else {
        auto frac = static_cast<std::size_t>(-p.exp);
        if (p.digits.size() <= frac) {
            s = "0." + std::string(frac - p.digits.size(), '0') + p.digits;
        } else {
            s = p.digits.substr(0, p.digits.size() - frac) + "." + p.digits.substr(p.digits.size() - frac);
        }
    }
    return p.negative ? "-" + s : s;
}

// Unsigned magnitude compare of digit strings aligned to the same exponent.
int cmp_mag(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string strip(std::string s) {
    auto nz = s.find_first_not_of('0');
    return nz == std::string::npos ? std::string() : s.substr(nz);
}

std::string add_mag(const std::string& a, const std::string& b) {
    std::string r;
    int carry = 0;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
        int d = carry;
        if (i < a.size()) d += a[a.size() - 1 - i] - '0';
        if (i < b.size()) d += b[b.size() - 1 - i] - '0';
        r.push_back(static_cast<char>('0' + d % 10));
        carry = d / 10;
    }
    std::reverse(r.begin(), r.end());
    return strip(r);
}

// a - b with a >= b.
std::string sub_mag(const std::string& a, const std::string& b) {
    std::string r;
    int borrow = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        int d = a[a.size() - 1 - i] - '0' - borrow;
        if (i < b.size()) d -= b[b.size() - 1 - i] - '0';
        borrow = d < 0;
        if (d < 0) d += 10;
        r.push_back(static_cast<char>('0' + d));
    }
    std::reverse(r.begin(), r.end());
    return strip(r);
}

void align(parts& a, parts& b) {
    int e = std::min(a.exp, b.exp);
    if (!a.digits.empty()) a.digits += std::string(static_cast<std::size_t>(a.exp - e), '0');
    if (!b.digits.empty()) b.digits += std::string(static_cast<std::size_t>(b.exp - e), '0');
    a.exp = b.exp = e;
}

}  // namespace

bool canonical(std::string_view t, std::string& out) {
    std::size_t i = 0;
    bool neg      = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
    std::string digits;
    int exp  = 0;
    bool any = false, dot = false;
    for (; i < t.size(); ++i) {
        char c = t[i];
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
            any = true;
            if (dot) --exp;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            break;
        }
    }
    if (!any) return false;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        bool eneg = false;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
        if (i >= t.size()) return false;
        long e = 0;
        for (; i < t.size(); ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            e = e * 10 + (t[i] - '0');
            if (e > 100000) return false;
        }
        exp += static_cast<int>(eneg ? -e : e);
    }
    if (i != t.size()) return false;
    parts p{neg, strip(digits), exp};
    if (p.digits.empty()) p = parts{};
    out = join(p);
    return true;
}

int compare(std::string_view a, std::string_view b) {
    parts x = split(a), y = split(b);
    if (x.negative != y.negative) return x.negative ? -1 : 1;
    align(x, y);
    int c = cmp_mag(x.digits, y.digits);
    return x.negative ? -c : c;
}

std::string add(std::string_view a, std::string_view b) {
    parts x = split(a), y = split(b);
    align(x, y);
    parts r;
    r.exp = x.exp;
    if (x.negative == y.negative) {
        r.digits   = add_mag(x.digits, y.digits);
        r.negative = x.negative;
    } else if (cmp_mag(x.digits, y.digits) >= 0) {
        r.digits   = sub_mag(x.digits, y.digits);
        r.negative = x.negative;
    } else {
        r.digits   = sub_mag(y.digits, x.digits);
        r.negative = y.negative;
    }
    if (r.digits.empty()) r = parts{};
    return join(r);
}

std::string negate(std::string_view a) {
    if (a == "0") return "0";
    return a[0] == '-' ? std::string(a.substr(1)) : "-" + std::string(a);
}

std::string round(std::string_view a, int scale) {
    parts p = split(a);
    if (p.digits.empty() || p.exp >= -scale) return std::string(a);
    auto drop = static_cast<std::size_t>(-scale - p.exp);
    bool up   = false;
    if (drop <= p.digits.size()) {
        up       = p.digits[p.digits.size() - drop] >= '5';
        p.digits = p.digits.substr(0, p.digits.size() - drop);
    } else {
        p.digits.clear();
    }
    p.exp = -scale;
    if (up) p.digits = add_mag(p.digits.empty() ? "0" : p.digits, "1");
    p.digits = strip(p.digits);
    if (p.digits.empty()) return "0";
    return join(p);
}

std::string divide(std::string_view a, long long n, int digits) {
    if (n == 0) return "0";
    parts p         = split(a);
    bool neg        = p.negative != (n < 0);
    auto d          = static_cast<unsigned long long>(n < 0 ? -n : n);
    std::string num = p.digits;
    int exp         = p.exp;
    while (static_cast<int>(num.size()) < digits + 22) {
        num.push_back('0');
        --exp;
    }
    std::string q;
    unsigned long long rem = 0;
    for (char c : num) {
        // rem < d <= 2^63, so rem * 10 + 9 may overflow: use 128-bit.
        unsigned __int128 cur = static_cast<unsigned __int128>(rem) * 10 + static_cast<unsigned>(c - '0');
        q.push_back(static_cast<char>('0' + static_cast<int>(cur / d)));
        rem = static_cast<unsigned long long>(cur % d);
    }
    parts r{neg, strip(q), exp};
    if (r.digits.empty()) return "0";
    std::string s = join(r);
    int ints      = integer_digits(s);
    // Round to `digits` significant digits.
    parts rr = split(s);
    int lead = static_cast<int>(rr.digits.size()) + rr.exp;  // position of first digit
    (void)ints;
    // An Oracle NUMBER holds 20 base-100 digits paired from the decimal
    // point: when the first significant digit is the low half of its pair
    // (an odd position), only 39 significant decimal digits fit (1/24 is
    // .0416...667 with 39, 1/3 .333...3 with 40).
    if (digits >= 40 && lead % 2 != 0) --digits;
    return round(s, digits - lead);
}

std::string multiply(std::string_view a, std::string_view b) {
    parts x = split(a), y = split(b);
    if (x.digits.empty() || y.digits.empty()) return "0";
    std::vector<int> acc(x.digits.size() + y.digits.size(), 0);
    for (std::size_t i = 0; i < x.digits.size(); ++i)
        for (std::size_t j = 0; j < y.digits.size(); ++j)
            acc[i + j + 1] += (x.digits[i] - '0') * (y.digits[j] - '0');
    for (std::size_t k = acc.size() - 1; k > 0; --k) {
        acc[k - 1] += acc[k] / 10;
        acc[k] %= 10;
    }
    std::string d;
    for (int v : acc)
        d.push_back(static_cast<char>('0' + v));
    parts r{x.negative != y.negative, strip(d), x.exp + y.exp};
    return join(r);
}

bool divide(std::string_view a, std::string_view b, std::string& out, int digits) {
    parts y = split(b);
    if (y.digits.empty()) return false;
    if (y.digits.size() > 18) {
        // Keep the 18 leading digits of the divisor (40-digit results stay close).
        y.exp += static_cast<int>(y.digits.size()) - 18;
        y.digits.resize(18);
    }
    long long d = std::stoll(y.digits);
    // a / (d * 10^exp) = (a * 10^-exp) / d
    std::string shifted;
    if (!canonical(std::string(a) + "e" + std::to_string(-y.exp), shifted)) return false;
    out = divide(shifted, y.negative ? -d : d, digits);
    return true;
}

int integer_digits(std::string_view a) {
    parts p = split(a);
    if (p.digits.empty()) return 0;
    return std::max(0, static_cast<int>(p.digits.size()) + p.exp);
}

std::string from_double(double v) {
    char buf[40];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    std::string out;
    if (!canonical(buf, out)) return "0";
    return out;
}

bool exact_as_double(std::string_view a, double& out) {
    parts p = split(a);
    if (p.digits.size() > 15) return false;
    out = std::strtod(std::string(a).c_str(), nullptr);
    return from_double(out) == a;
}

}  // namespace oranet::emulate::decimal

#include "emulate/value_wire.hpp"

#include <cmath>
#include <cstring>

namespace oranet::emulate {

namespace {

using proto::types::ora_type;

void put_u32be(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 3; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(v >> (i * 8)));
}

void encode_date(const date_time& d, bool with_fraction, std::vector<std::uint8_t>& out) {
    const int year = d.year;
    out.push_back(static_cast<std::uint8_t>(year / 100 + 100));
    out.push_back(static_cast<std::uint8_t>(year % 100 + 100));
    out.push_back(d.month);
    out.push_back(d.day);
    out.push_back(static_cast<std::uint8_t>(d.hour + 1));
    out.push_back(static_cast<std::uint8_t>(d.minute + 1));
    out.push_back(static_cast<std::uint8_t>(d.second + 1));
    if (with_fraction && d.nanosecond != 0) put_u32be(out, d.nanosecond);
}

void encode_double(double v, std::vector<std::uint8_t>& out) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    if ((bits >> 63) == 0) {
        bits |= std::uint64_t{1} << 63;
    } else {
        bits = ~bits;
    }
    for (int i = 7; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(bits >> (i * 8)));
}

std::string shortest_double_text(double v) {
    char buf[64];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

// "1.5e-3" -> "0.0015": plain decimal text from a %g rendering.
std::string plain_decimal(std::string s) {
    const auto e = s.find_first_of("eE");
    if (e == std::string::npos) return s;
    const int exp    = std::atoi(s.c_str() + e + 1);
    std::string mant = s.substr(0, e);
    bool neg         = !mant.empty() && mant[0] == '-';
    if (neg) mant.erase(0, 1);
    std::string digits;
    int point      = 0;
    const auto dot = mant.find('.');
    if (dot == std::string::npos) {
        digits = mant;
        point  = static_cast<int>(mant.size());
    } else {
        digits = mant.substr(0, dot) + mant.substr(dot + 1);
        point  = static_cast<int>(dot);
    }
    point += exp;
    std::string r;
    if (point <= 0) {
        r = "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    } else if (point >= static_cast<int>(digits.size())) {
        r = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
    } else {
        r = digits.substr(0, static_cast<std::size_t>(point)) + "." +
            digits.substr(static_cast<std::size_t>(point));
    }
    return neg ? "-" + r : r;
}

}  // namespace

bool number_bytes_from_text(std::string_view text, std::vector<std::uint8_t>& out) {
    out.clear();
    bool neg      = false;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
        neg = text[i] == '-';
        ++i;
    }
    std::string ip;
    std::string fp;
    bool seen_dot  = false;
    bool any_digit = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            if (seen_dot) return false;
            seen_dot = true;
        } else if (c >= '0' && c <= '9') {
            any_digit = true;
            (seen_dot ? fp : ip) += c;
        } else {
            return false;
        }
    }
    if (!any_digit) return false;
    const auto nz = ip.find_first_not_of('0');
    ip            = nz == std::string::npos ? std::string{} : ip.substr(nz);
    while (!fp.empty() && fp.back() == '0')
        fp.pop_back();
    if (ip.empty() && fp.empty()) {
        out.push_back(0x80);
        return true;
    }
    if (ip.size() % 2 != 0) ip.insert(ip.begin(), '0');
    if (fp.size() % 2 != 0) fp.push_back('0');
    std::string all = ip + fp;
    int exponent    = static_cast<int>(ip.size() / 2) - 1;
    while (all.size() >= 2 && all[0] == '0' && all[1] == '0') {
        all.erase(0, 2);
        --exponent;
    }
    while (all.size() >= 2 && all[all.size() - 1] == '0' && all[all.size() - 2] == '0')
        all.resize(all.size() - 2);
    std::vector<int> pairs;
    for (std::size_t k = 0; k + 1 < all.size(); k += 2)
        pairs.push_back((all[k] - '0') * 10 + (all[k + 1] - '0'));
    if (pairs.size() > 20) pairs.resize(20);  // 40 significant digits at most
    if (exponent > 62 || exponent < -65) return false;
    if (!neg) {
        out.push_back(static_cast<std::uint8_t>(0xc1 + exponent));
        for (int p : pairs)
            out.push_back(static_cast<std::uint8_t>(p + 1));
    } else {
        out.push_back(static_cast<std::uint8_t>(0x3e - exponent));
        for (int p : pairs)
            out.push_back(static_cast<std::uint8_t>(101 - p));
        if (pairs.size() < 20) out.push_back(102);
    }
    return true;
}

bool number_text_from_bytes(const std::uint8_t* p, std::size_t n, std::string& out) {
    out.clear();
    if (n == 0) return false;
    if (n == 1 && p[0] == 0x80) {
        out = "0";
        return true;
    }
    const bool pos = (p[0] & 0x80) != 0;
    int exponent   = pos ? p[0] - 0xc1 : 0x3e - p[0];
    std::string digits;
    for (std::size_t k = 1; k < n; ++k) {
        int d = pos ? p[k] - 1 : 101 - p[k];
        if (!pos && p[k] == 102) break;
        if (d < 0 || d > 99) return false;
        digits += static_cast<char>('0' + d / 10);
        digits += static_cast<char>('0' + d % 10);
    }
    // digits represent 0.d1d2... * 100^(exponent+1)
    int point = (exponent + 1) * 2;
    std::string r;
    if (point <= 0) {
        r = "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    } else if (point >= static_cast<int>(digits.size())) {
        r = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
    } else {
        r = digits.substr(0, static_cast<std::size_t>(point)) + "." +
            digits.substr(static_cast<std::size_t>(point));
    }
    if (r.find('.') != std::string::npos) {
        while (r.back() == '0')
            r.pop_back();
        if (r.back() == '.') r.pop_back();
    }
    const auto nz = r.find_first_not_of('0');
    if (nz == std::string::npos) {
        r = "0";
    } else if (r[nz] == '.') {
        r = r.substr(nz - 1);
    } else {
        r = r.substr(nz);
    }
    out = pos ? r : "-" + r;
    return true;
}

std::string number_value_text(const value& v) {
    if (const auto* n = std::get_if<number>(&v)) return n->text();
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* d = std::get_if<double>(&v)) return plain_decimal(shortest_double_text(*d));
    if (const auto* f = std::get_if<float>(&v)) return plain_decimal(shortest_double_text(*f));
    if (const auto* b = std::get_if<bool>(&v)) return *b ? "1" : "0";
    return {};
}

bool encode_cell(const proto::types::wire_type& t, const value& v, std::vector<std::uint8_t>& out) {
    out.clear();
    switch (t.type) {
        case ora_type::number:
        case ora_type::binary_integer: return number_bytes_from_text(number_value_text(v), out);
        case ora_type::binary_double: {
            double d = 0;
            if (const auto* p = std::get_if<double>(&v)) {
                d = *p;
            } else if (const auto* f = std::get_if<float>(&v)) {
                d = *f;
            } else {
                d = std::strtod(number_value_text(v).c_str(), nullptr);
            }
            encode_double(d, out);
            return true;
        }
        case ora_type::date:
        case ora_type::timestamp:
            if (const auto* d = std::get_if<date_time>(&v)) {
                encode_date(*d, t.type == ora_type::timestamp, out);
                return true;
            }
            return false;
        case ora_type::raw:
            if (const auto* r = std::get_if<raw_bytes>(&v)) {
                out = r->data;
                return true;
            }
            return false;
        default: break;
    }
    if (const auto* s = std::get_if<std::string>(&v)) {
        out.assign(s->begin(), s->end());
        return true;
    }
    const std::string text = number_value_text(v);
    out.assign(text.begin(), text.end());
    return true;
}

bool decode_bind(std::uint8_t type, const std::uint8_t* p, std::size_t n, value& out) {
    switch (static_cast<ora_type>(type)) {
        case ora_type::number:
        case ora_type::binary_integer: {
            std::string text;
            if (!number_text_from_bytes(p, n, text)) return false;
            out = text;  // decimal text; SQLite takes it with numeric affinity
            return true;
        }
        case ora_type::binary_double: {
            if (n != 8) return false;
            std::uint64_t bits = 0;
            for (std::size_t i = 0; i < 8; ++i)
                bits = (bits << 8) | p[i];
            if ((bits >> 63) != 0) {
                bits &= ~(std::uint64_t{1} << 63);
            } else {
                bits = ~bits;
            }
            double d = 0;
            std::memcpy(&d, &bits, sizeof d);
            out = d;
            return true;
        }
        case ora_type::date:
        case ora_type::timestamp:
        case ora_type::timestamp_ltz:
        case ora_type::timestamp_tz: {
            if (n < 7) return false;
            date_time d;
            d.year   = static_cast<std::int16_t>((p[0] - 100) * 100 + (p[1] - 100));
            d.month  = p[2];
            d.day    = p[3];
            d.hour   = static_cast<std::uint8_t>(p[4] - 1);
            d.minute = static_cast<std::uint8_t>(p[5] - 1);
            d.second = static_cast<std::uint8_t>(p[6] - 1);
            if (n >= 11) d.nanosecond = (std::uint32_t{p[7]} << 24) | (p[8] << 16) | (p[9] << 8) | p[10];
            out = d;
            return true;
        }
        case ora_type::raw:
        case ora_type::long_raw: out = raw_bytes{std::vector<std::uint8_t>(p, p + n)}; return true;
        default: out = std::string(reinterpret_cast<const char*>(p), n); return true;
    }
}

}  // namespace oranet::emulate

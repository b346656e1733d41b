#include <oranet/convert.hpp>

#include <cmath>
#include <cstdio>

namespace oranet {
namespace {

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

std::string two(unsigned v) {
    char b[4];
    std::snprintf(b, sizeof b, "%02u", v % 100);
    return b;
}

std::string date_text(const date_time& d, int frac) {
    char b[64];
    std::snprintf(b, sizeof b, "%04d-%02u-%02u %02u:%02u:%02u", static_cast<int>(d.year), unsigned{d.month},
                  unsigned{d.day}, unsigned{d.hour}, unsigned{d.minute}, unsigned{d.second});
    std::string s = b;
    if (frac != 0) {
        char ns[16];
        std::snprintf(ns, sizeof ns, "%09u", d.nanosecond);
        std::string digits = ns;
        if (frac < 0) {
            while (!digits.empty() && digits.back() == '0')
                digits.pop_back();
            if (digits.empty()) return s;
        } else {
            digits.resize(static_cast<std::size_t>(frac > 9 ? 9 : frac));
        }
        s += '.' + digits;
    }
    return s;
}

std::string hex_upper(const std::vector<std::uint8_t>& b) {
    static const char* digits = "0123456789ABCDEF";
    std::string s;
    s.reserve(b.size() * 2);
    for (std::uint8_t c : b) {
        s += digits[c >> 4];
        s += digits[c & 15];
    }
    return s;
}

std::string offset_text(int minutes) {
    const char sign  = minutes < 0 ? '-' : '+';
    const unsigned m = static_cast<unsigned>(minutes < 0 ? -minutes : minutes);
    return std::string(1, sign) + two(m / 60) + ":" + two(m % 60);
}

date_time add_minutes(date_time d, int minutes) {
    using namespace std::chrono;
    const std::int64_t days = days_from_civil(d.year, d.month, d.day);
    std::int64_t total      = days * 1440 + std::int64_t{d.hour} * 60 + d.minute + minutes;
    std::int64_t day        = total >= 0 ? total / 1440 : (total - 1439) / 1440;
    std::int64_t rest       = total - day * 1440;
    const auto ymd          = year_month_day{sys_days{std::chrono::days{day}}};
    d.year                  = static_cast<std::int16_t>(static_cast<int>(ymd.year()));
    d.month                 = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.month()));
    d.day                   = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.day()));
    d.hour                  = static_cast<std::uint8_t>(rest / 60);
    d.minute                = static_cast<std::uint8_t>(rest % 60);
    return d;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    // Howard Hinnant's algorithm (public domain description of the civil calendar).
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe         = static_cast<unsigned>(y - era * 400);
    const unsigned doy     = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe     = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

date_time from_time_point(std::chrono::system_clock::time_point tp) {
    using namespace std::chrono;
    const auto ns    = duration_cast<nanoseconds>(tp.time_since_epoch()).count();
    std::int64_t s   = ns >= 0 ? ns / 1000000000 : (ns - 999999999) / 1000000000;
    const auto frac  = ns - s * 1000000000;
    std::int64_t day = s >= 0 ? s / 86400 : (s - 86399) / 86400;
    const auto rest  = s - day * 86400;
    const auto ymd   = year_month_day{sys_days{std::chrono::days{day}}};
    date_time d;
    d.year       = static_cast<std::int16_t>(static_cast<int>(ymd.year()));
    d.month      = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.month()));
    d.day        = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.day()));
    d.hour       = static_cast<std::uint8_t>(rest / 3600);
    d.minute     = static_cast<std::uint8_t>(rest % 3600 / 60);
    d.second     = static_cast<std::uint8_t>(rest % 60);
    d.nanosecond = static_cast<std::uint32_t>(frac);
    return d;
}

std::string to_text(const value& v, int frac) {
    return std::visit(
        overloaded{
            [](const null_t&) { return std::string(); },
            [](const std::string& s) { return s; },
            [](const raw_bytes& b) { return hex_upper(b.data); },
            [](const number& n) { return n.text(); },
            [](double d) {
                number n;
                return number::from_double(d, n) ? n.text() : std::string("NaN");
            },
            [](float f) {
                char b[32];
                std::snprintf(b, sizeof b, "%.9g", static_cast<double>(f));
                return std::string(b);
            },
            [](bool b) { return std::string(b ? "TRUE" : "FALSE"); },
            [frac](const date_time& d) { return date_text(d, frac); },
            [frac](const timestamp_tz& t) {
                if (t.region_id != 0) {
                    return date_text(t.utc, frac) + " " +
                           (t.region_name.empty() ? "region " + std::to_string(t.region_id) : t.region_name);
                }
                return date_text(add_minutes(t.utc, t.offset_minutes), frac) + " " +
                       offset_text(t.offset_minutes);
            },
            [frac](const timestamp_ltz& t) { return date_text(t.value, frac); },
            [](const interval_ym& i) {
                const bool neg = i.years < 0 || i.months < 0;
                return std::string(neg ? "-" : "+") + std::to_string(std::abs(i.years)) + "-" +
                       two(static_cast<unsigned>(std::abs(i.months)));
            },
            [](const interval_ds& i) {
                const bool neg =
                    i.days < 0 || i.hours < 0 || i.minutes < 0 || i.seconds < 0 || i.nanoseconds < 0;
                char b[64];
                std::snprintf(b, sizeof b, "%s%d %02d:%02d:%02d.%09d", neg ? "-" : "+", std::abs(i.days),
                              std::abs(i.hours), std::abs(i.minutes), std::abs(i.seconds),
                              std::abs(i.nanoseconds));
                return std::string(b);
            },
            [](const rowid& r) { return r.text; },
            [](const lob_locator& l) {
                return std::string(l.ora_type == 113 ? "BLOB" : l.cs_form == 2 ? "NCLOB" : "CLOB");
            },
        },
        v);
}

std::error_code convert(const value& v, std::int64_t& out) {
    if (is_null(v)) return client_errc::null_value;
    if (const auto* n = std::get_if<number>(&v)) {
        if (!n->is_integer()) return client_errc::type_mismatch;
        return n->to_int64(out) ? std::error_code{} : make_error_code(client_errc::number_overflow);
    }
    double d = 0;
    if (const auto* p = std::get_if<double>(&v))
        d = *p;
    else if (const auto* f = std::get_if<float>(&v))
        d = *f;
    else if (const auto* b = std::get_if<bool>(&v)) {
        out = *b ? 1 : 0;
        return {};
    } else
        return client_errc::type_mismatch;
    if (std::trunc(d) != d) return client_errc::type_mismatch;
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return client_errc::number_overflow;
    out = static_cast<std::int64_t>(d);
    return {};
}

std::error_code convert(const value& v, double& out) {
    if (is_null(v)) return client_errc::null_value;
    if (const auto* n = std::get_if<number>(&v))
        out = n->to_double();
    else if (const auto* d = std::get_if<double>(&v))
        out = *d;
    else if (const auto* f = std::get_if<float>(&v))
        out = *f;
    else
        return client_errc::type_mismatch;
    return {};
}

std::error_code convert(const value& v, float& out) {
    double d = 0;
    if (auto ec = convert(v, d)) return ec;
    out = static_cast<float>(d);
    return {};
}

std::error_code convert(const value& v, number& out) {
    if (is_null(v)) return client_errc::null_value;
    if (const auto* n = std::get_if<number>(&v)) {
        out = *n;
        return {};
    }
    double d = 0;
    if (const auto* p = std::get_if<double>(&v))
        d = *p;
    else if (const auto* f = std::get_if<float>(&v))
        d = *f;
    else
        return client_errc::type_mismatch;
    return number::from_double(d, out) ? std::error_code{} : make_error_code(client_errc::invalid_number);
}

std::error_code convert(const value& v, std::string& out) {
    if (is_null(v)) return client_errc::null_value;
    out = to_text(v);
    return {};
}

std::error_code convert(const value& v, bool& out) {
    if (is_null(v)) return client_errc::null_value;
    if (const auto* b = std::get_if<bool>(&v)) {
        out = *b;
        return {};
    }
    if (const auto* n = std::get_if<number>(&v)) {
        if (n->text() == "0" || n->text() == "1") {
            out = n->text() == "1";
            return {};
        }
    }
    return client_errc::type_mismatch;
}

std::error_code convert(const value& v, date_time& out) {
    if (is_null(v)) return client_errc::null_value;
    if (const auto* d = std::get_if<date_time>(&v))
        out = *d;
    else if (const auto* t = std::get_if<timestamp_ltz>(&v))
        out = t->value;
    else if (const auto* z = std::get_if<timestamp_tz>(&v))
        out = z->utc;
    else
        return client_errc::type_mismatch;
    return {};
}

std::error_code convert(const value& v, std::chrono::system_clock::time_point& out) {
    date_time d;
    if (auto ec = convert(v, d)) return ec;
    using namespace std::chrono;
    const std::int64_t days = days_from_civil(d.year, d.month, d.day);
    const auto secs = days * 86400 + std::int64_t{d.hour} * 3600 + std::int64_t{d.minute} * 60 + d.second;
    out             = system_clock::time_point{
        duration_cast<system_clock::duration>(seconds{secs} + nanoseconds{d.nanosecond})};
    return {};
}

std::error_code convert(const value& v, raw_bytes& out) {
    if (is_null(v)) return client_errc::null_value;
    if (const auto* b = std::get_if<raw_bytes>(&v)) {
        out = *b;
        return {};
    }
    return client_errc::type_mismatch;
}

}  // namespace oranet

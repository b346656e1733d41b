#include "emulate/engine/datetime.hpp"

#include "emulate/engine/error.hpp"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace oranet::emulate::dt {
namespace {

constexpr const char* month_names[] = {"JANUARY", "FEBRUARY", "MARCH",     "APRIL",   "MAY",      "JUNE",
                                       "JULY",    "AUGUST",   "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
constexpr const char* day_names[]   = {"SUNDAY",   "MONDAY", "TUESDAY", "WEDNESDAY",
                                       "THURSDAY", "FRIDAY", "SATURDAY"};

long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe      = static_cast<unsigned>(y - era * 400);
    const unsigned doy  = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe  = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civil_from_days(long long z, int& y, int& m, int& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe      = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe  = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy  = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp   = (5 * doy + 2) / 153;
    d                   = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m                   = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y                   = static_cast<int>(static_cast<long long>(yoe) + era * 400 + (m <= 2));
}

std::string upper(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return r;
}

// Applies the case of a format element ("MON", "Mon", "mon") to a name.
std::string cased(std::string name, std::string_view element) {
    bool first_upper  = std::isupper(static_cast<unsigned char>(element[0])) != 0;
    bool second_upper = element.size() > 1 && std::isupper(static_cast<unsigned char>(element[1])) != 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        bool up = i == 0 ? first_upper : second_upper;
        name[i] = static_cast<char>(up ? std::toupper(static_cast<unsigned char>(name[i]))
                                       : std::tolower(static_cast<unsigned char>(name[i])));
    }
    return name;
}

// The format elements we know, longest first so that prefixes match last.
constexpr const char* elements[] = {"SYYYY", "YYYY", "RRRR", "MONTH", "HH24", "HH12", "SSSSS", "A.M.", "P.M.",
                                    "YYY",   "MON",  "DAY",  "DDD",   "TZH",  "TZM",  "TZR",   "FF1",  "FF2",
                                    "FF3",   "FF4",  "FF5",  "FF6",   "FF7",  "FF8",  "FF9",   "YY",   "RR",
                                    "MM",    "DD",   "DY",   "HH",    "MI",   "SS",   "FF",    "AM",   "PM",
                                    "FM",    "FX",   "Y",    "D",     "X"};

std::string match_element(std::string_view fmt, std::size_t i) {
    std::string rest = upper(fmt.substr(i, 5));
    for (const char* e : elements) {
        std::string_view ev(e);
        if (rest.compare(0, ev.size(), ev) == 0) return std::string(ev);
    }
    return {};
}

bool is_punct(char c) { return std::string_view("-/,.;: ").find(c) != std::string_view::npos; }

[[noreturn]] void bad_format() { raise(1821, "date format not recognized"); }

}  // namespace

int days_in_month(int year, int month) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return dm[(month - 1) % 12];
}

double to_julian(const date_time& d) {
    long long days = days_from_civil(d.year, d.month, d.day);
    double secs    = d.hour * 3600.0 + d.minute * 60.0 + d.second;
    return 2440587.5 + static_cast<double>(days) + secs / 86400.0;
}

date_time from_julian(double jd) {
    double t       = (jd - 2440587.5) * 86400.0;
    auto total     = static_cast<long long>(std::llround(t));
    long long days = total >= 0 ? total / 86400 : -((-total + 86399) / 86400);
    long long secs = total - days * 86400;
    int y = 0, m = 0, d = 0;
    civil_from_days(days, y, m, d);
    date_time r;
    r.year   = static_cast<std::int16_t>(y);
    r.month  = static_cast<std::uint8_t>(m);
    r.day    = static_cast<std::uint8_t>(d);
    r.hour   = static_cast<std::uint8_t>(secs / 3600);
    r.minute = static_cast<std::uint8_t>(secs / 60 % 60);
    r.second = static_cast<std::uint8_t>(secs % 60);
    return r;
}

std::string to_text(const date_time& d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02u:%02u:%02u.%09u", d.year, d.month, d.day, d.hour,
                  d.minute, d.second, d.nanosecond);
    return buf;
}

bool from_text(std::string_view s, date_time& out) {
    int y       = 0;
    unsigned mo = 0, d = 0, h = 0, mi = 0, se = 0;
    int n = 0;
    std::string str(s);
    if (std::sscanf(str.c_str(), "%d-%u-%u %u:%u:%u%n", &y, &mo, &d, &h, &mi, &se, &n) < 6) return false;
    date_time r;
    r.year   = static_cast<std::int16_t>(y);
    r.month  = static_cast<std::uint8_t>(mo);
    r.day    = static_cast<std::uint8_t>(d);
    r.hour   = static_cast<std::uint8_t>(h);
    r.minute = static_cast<std::uint8_t>(mi);
    r.second = static_cast<std::uint8_t>(se);
    auto i   = static_cast<std::size_t>(n);
    if (i < str.size() && str[i] == '.') {
        std::uint32_t ns = 0;
        int digits       = 0;
        for (++i; i < str.size() && std::isdigit(static_cast<unsigned char>(str[i])); ++i) {
            if (digits < 9) {
                ns = ns * 10 + static_cast<std::uint32_t>(str[i] - '0');
                ++digits;
            }
        }
        for (; digits < 9; ++digits)
            ns *= 10;
        r.nanosecond = ns;
    }
    out = r;
    return true;
}

std::string tz_to_text(const timestamp_tz& t) { return to_text(t.utc) + " " + offset_text(t.offset_minutes); }

bool tz_from_text(std::string_view s, timestamp_tz& out) {
    auto sp = s.rfind(' ');
    if (sp == std::string_view::npos || sp < 11) return false;
    int off = 0;
    if (!from_text(s.substr(0, sp), out.utc) || !parse_offset(s.substr(sp + 1), off)) return false;
    out.offset_minutes = static_cast<std::int16_t>(off);
    return true;
}

date_time add_minutes(const date_time& d, long long minutes) {
    long long days = days_from_civil(d.year, d.month, d.day);
    long long mins = days * 1440 + static_cast<long long>(d.hour) * 60 + d.minute + minutes;
    long long dd   = mins >= 0 ? mins / 1440 : -((-mins + 1439) / 1440);
    long long rem  = mins - dd * 1440;
    int y = 0, m = 0, day = 0;
    civil_from_days(dd, y, m, day);
    date_time r = d;
    r.year      = static_cast<std::int16_t>(y);
    r.month     = static_cast<std::uint8_t>(m);
    r.day       = static_cast<std::uint8_t>(day);
    r.hour      = static_cast<std::uint8_t>(rem / 60);
    r.minute    = static_cast<std::uint8_t>(rem % 60);
    return r;
}

date_time now_utc() {
    using namespace std::chrono;
    auto ns        = duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
    long long secs = ns / 1000000000;
    date_time r    = from_julian(
           2440587.5 +
           static_cast<double>(secs / 86400));  // NOLINT(bugprone-integer-division): whole days on purpose
    long long sod = secs % 86400;
    r.hour        = static_cast<std::uint8_t>(sod / 3600);
    r.minute      = static_cast<std::uint8_t>(sod / 60 % 60);
    r.second      = static_cast<std::uint8_t>(sod % 60);
    r.nanosecond =
        static_cast<std::uint32_t>(ns % 1000000000 / 1000 * 1000);  // microseconds, as Oracle's clock
    return r;
}

bool parse_offset(std::string_view s, int& minutes) {
    std::string u = upper(s);
    if (u == "UTC" || u == "GMT" || u == "Z" || u == "+00:00" || u == "-00:00") {
        minutes = 0;
        return true;
    }
    if (u.size() < 4 || (u[0] != '+' && u[0] != '-')) return false;
    unsigned h = 0, m = 0;
    if (std::sscanf(u.c_str() + 1, "%u:%u", &h, &m) != 2 || h > 14 || m > 59) return false;
    minutes = static_cast<int>(h * 60 + m) * (u[0] == '-' ? -1 : 1);
    return true;
}

std::string offset_text(int minutes) {
    char buf[16];
    int a = minutes < 0 ? -minutes : minutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
    return buf;
}

std::string format(const date_time& d, std::string_view fmt, int offset_minutes, bool has_zone) {
    std::string out;
    bool fm = false;
    char buf[32];
    auto num = [&](long v, int width) {
        std::snprintf(buf, sizeof buf, fm ? "%ld" : "%0*ld", width, v);
        out += buf;
    };
    for (std::size_t i = 0; i < fmt.size();) {
        char c = fmt[i];
        if (c == '"') {
            auto e = fmt.find('"', i + 1);
            if (e == std::string_view::npos) bad_format();
            out += fmt.substr(i + 1, e - i - 1);
            i = e + 1;
            continue;
        }
        if (is_punct(c)) {
            out.push_back(c);
            ++i;
            continue;
        }
        std::string e = match_element(fmt, i);
        if (e.empty()) bad_format();
        std::string_view raw = fmt.substr(i, e.size());
        i += e.size();
        int h12        = d.hour % 12 == 0 ? 12 : d.hour % 12;
        long long days = days_from_civil(d.year, d.month, d.day);
        int wday       = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
        if (e == "FM")
            fm = !fm;
        else if (e == "FX")
            continue;
        else if (e == "YYYY" || e == "RRRR" || e == "SYYYY")
            num(d.year, 4);
        else if (e == "YYY")
            num(d.year % 1000, 3);
        else if (e == "YY" || e == "RR")
            num(d.year % 100, 2);
        else if (e == "Y")
            num(d.year % 10, 1);
        else if (e == "MM")
            num(d.month, 2);
        else if (e == "MON")
            out += cased(std::string(month_names[d.month - 1]).substr(0, 3), raw);
        else if (e == "MONTH") {
            std::string n = cased(month_names[d.month - 1], raw);
            if (!fm) n.resize(9, ' ');
            out += n;
        } else if (e == "DD")
            num(d.day, 2);
        else if (e == "DDD")
            num(static_cast<long>(days - days_from_civil(d.year, 1, 1) + 1), 3);
        else if (e == "D")
            num(wday + 1, 1);
        else if (e == "DY")
            out += cased(std::string(day_names[wday]).substr(0, 3), raw);
        else if (e == "DAY") {
            std::string n = cased(day_names[wday], raw);
            if (!fm) n.resize(9, ' ');
            out += n;
        } else if (e == "HH" || e == "HH12")
            num(h12, 2);
        else if (e == "HH24")
            num(d.hour, 2);
        else if (e == "MI")
            num(d.minute, 2);
        else if (e == "SS")
            num(d.second, 2);
        else if (e == "SSSSS")
            num(d.hour * 3600 + d.minute * 60 + d.second, 5);
        else if (e == "X")
            out.push_back('.');
        else if (e.rfind("FF", 0) == 0) {
            int digits = e.size() == 3 ? e[2] - '0' : 9;
            std::snprintf(buf, sizeof buf, "%09u", d.nanosecond);
            out.append(buf, static_cast<std::size_t>(digits));
        } else if (e == "AM" || e == "PM")
            out += cased(d.hour < 12 ? "AM" : "PM", raw);
        else if (e == "A.M." || e == "P.M.")
            out += d.hour < 12 ? "A.M." : "P.M.";
        else if (e == "TZH" || e == "TZM" || e == "TZR") {
            if (!has_zone) bad_format();
            std::string o = offset_text(offset_minutes);
            out += e == "TZH" ? o.substr(0, 3) : e == "TZM" ? o.substr(4) : o;
        } else
            bad_format();
    }
    return out;
}

date_time parse(std::string_view text, std::string_view fmt) {
    date_time now = now_utc();
    date_time r;
    r.year  = now.year;
    r.month = now.month;
    bool pm = false, has_ampm = false;
    int h12         = -1;
    std::size_t p   = 0;
    auto skip_space = [&] {
        while (p < text.size() && text[p] == ' ')
            ++p;
    };
    auto read_num = [&](int max_digits, bool sign = false) -> long {
        skip_space();
        bool neg = false;
        if (sign && p < text.size() && (text[p] == '-' || text[p] == '+')) neg = text[p++] == '-';
        std::size_t start = p;
        long v            = 0;
        while (p < text.size() && p - start < static_cast<std::size_t>(max_digits) &&
               std::isdigit(static_cast<unsigned char>(text[p])))
            v = v * 10 + (text[p++] - '0');
        if (p == start) raise(1858, "a non-numeric character was found where a numeric was expected");
        return neg ? -v : v;
    };
    for (std::size_t i = 0; i < fmt.size();) {
        char c = fmt[i];
        if (c == '"') {
            auto e = fmt.find('"', i + 1);
            if (e == std::string_view::npos) bad_format();
            auto lit = fmt.substr(i + 1, e - i - 1);
            if (text.substr(p, lit.size()) != lit) raise(1861, "literal does not match format string");
            p += lit.size();
            i = e + 1;
            continue;
        }
        if (is_punct(c)) {
            ++i;
            if (p < text.size() && !std::isalnum(static_cast<unsigned char>(text[p])))
                ++p;
            else if (p < text.size() && c != ' ')
                raise(1861, "literal does not match format string");
            continue;
        }
        std::string e = match_element(fmt, i);
        if (e.empty()) bad_format();
        i += e.size();
        if (e == "FM" || e == "FX") continue;
        if (p >= text.size()) raise(1840, "input value not long enough for date format");
        if (e == "YYYY" || e == "SYYYY" || e == "RRRR") {
            long y = read_num(4, e == "SYYYY");
            if (y == 0 || y < -4712 || y > 9999)
                raise(1841, "(full) year must be between -4713 and +9999, and not be 0");
            if (e == "RRRR" && y < 100) y += y < 50 ? 2000 : 1900;
            r.year = static_cast<std::int16_t>(y);
        } else if (e == "YY" || e == "RR") {
            std::size_t start = p;
            long y            = read_num(e == "RR" ? 4 : 2);
            if (p - start <= 2)
                y = e == "RR" ? (y < 50 ? 2000 + y : 1900 + y)
                              : (static_cast<long>(now.year) / 100 * 100 + y);
            r.year = static_cast<std::int16_t>(y);
        } else if (e == "MM") {
            long m = read_num(2);
            if (m < 1 || m > 12) raise(1843, "not a valid month");
            r.month = static_cast<std::uint8_t>(m);
        } else if (e == "MON" || e == "MONTH") {
            skip_space();
            std::string rest = upper(text.substr(p));
            int found        = 0;
            for (int m = 0; m < 12 && !found; ++m) {
                std::string full(month_names[m]);
                if (rest.compare(0, full.size(), full) == 0) {
                    found = m + 1;
                    p += full.size();
                } else if (rest.compare(0, 3, full.substr(0, 3)) == 0) {
                    found = m + 1;
                    p += 3;
                }
            }
            if (!found) raise(1843, "not a valid month");
            r.month = static_cast<std::uint8_t>(found);
        } else if (e == "DD") {
            long d = read_num(2);
            if (d < 1 || d > 31) raise(1847, "day of month must be between 1 and last day of month");
            r.day = static_cast<std::uint8_t>(d);
        } else if (e == "HH24") {
            long h = read_num(2);
            if (h > 23) raise(1850, "hour must be between 0 and 23");
            r.hour = static_cast<std::uint8_t>(h);
        } else if (e == "HH" || e == "HH12") {
            long h = read_num(2);
            if (h < 1 || h > 12) raise(1849, "hour must be between 1 and 12");
            h12 = static_cast<int>(h);
        } else if (e == "MI") {
            long m = read_num(2);
            if (m > 59) raise(1851, "minutes must be between 0 and 59");
            r.minute = static_cast<std::uint8_t>(m);
        } else if (e == "SS") {
            long s = read_num(2);
            if (s > 59) raise(1852, "seconds must be between 0 and 59");
            r.second = static_cast<std::uint8_t>(s);
        } else if (e == "X") {
            if (text[p] != '.') raise(1861, "literal does not match format string");
            ++p;
        } else if (e.rfind("FF", 0) == 0) {
            std::size_t start = p;
            long v            = read_num(9);
            for (std::size_t k = p - start; k < 9; ++k)
                v *= 10;
            r.nanosecond = static_cast<std::uint32_t>(v);
        } else if (e == "AM" || e == "PM" || e == "A.M." || e == "P.M.") {
            skip_space();
            std::string rest = upper(text.substr(p, 4));
            has_ampm         = true;
            if (rest.rfind("AM", 0) == 0 || rest.rfind("PM", 0) == 0) {
                pm = rest[0] == 'P';
                p += 2;
            } else if (rest.rfind("A.M.", 0) == 0 || rest.rfind("P.M.", 0) == 0) {
                pm = rest[0] == 'P';
                p += 4;
            } else {
                raise(1855, "AM/A.M. or PM/P.M. required");
            }
        } else if (e == "DY" || e == "DAY") {
            skip_space();
            while (p < text.size() && std::isalpha(static_cast<unsigned char>(text[p])))
                ++p;
        } else {
            bad_format();
        }
    }
    skip_space();
    if (p < text.size()) raise(1830, "date format picture ends before converting entire input string");
    if (h12 >= 0) r.hour = static_cast<std::uint8_t>(h12 % 12 + (has_ampm && pm ? 12 : 0));
    if (r.day > days_in_month(r.year, r.month))
        raise(1847, "day of month must be between 1 and last day of month");
    return r;
}

bool split_zone(std::string_view s, std::string& local, int& minutes) {
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    const auto sp = s.rfind(' ');
    if (sp == std::string_view::npos || s.find(' ') == sp) return false;  // the date-time space only
    if (!parse_offset(s.substr(sp + 1), minutes)) return false;
    local = std::string(s.substr(0, sp));
    return true;
}

}  // namespace oranet::emulate::dt

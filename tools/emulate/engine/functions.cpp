// SQLite collations and functions that give the emulator Oracle semantics.
#include "emulate/engine/datetime.hpp"
#include "emulate/engine/decimal.hpp"
#include "emulate/engine/error.hpp"
#include "emulate/engine/rowid.hpp"
#include "emulate/engine/state.hpp"
#include "emulate/engine/unicode_case.hpp"

#include <cmath>
#include <cstring>

namespace oranet::emulate {
namespace {

session_state* state_of(sqlite3_context* c) { return static_cast<session_state*>(sqlite3_user_data(c)); }

std::string text(sqlite3_value* v) {
    const auto* p = sqlite3_value_text(v);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_value_bytes(v)))
             : "";
}

bool is_null(sqlite3_value* v) { return sqlite3_value_type(v) == SQLITE_NULL; }

void result_text(sqlite3_context* c, const std::string& s) {
    if (s.empty())
        sqlite3_result_null(c);  // '' is NULL
    else
        sqlite3_result_text(c, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

// A decimal result in the most useful SQLite form that keeps it exact.
void result_decimal(sqlite3_context* c, const std::string& d) {
    char* end    = nullptr;
    errno        = 0;
    long long iv = std::strtoll(d.c_str(), &end, 10);
    double dv    = 0;
    if (*end == 0 && errno == 0)
        sqlite3_result_int64(c, iv);
    else if (decimal::exact_as_double(d, dv))
        sqlite3_result_double(c, dv);
    else
        sqlite3_result_text(c, d.data(), static_cast<int>(d.size()), SQLITE_TRANSIENT);
}

std::string decimal_of(sqlite3_value* v) {
    switch (sqlite3_value_type(v)) {
        case SQLITE_INTEGER: return std::to_string(sqlite3_value_int64(v));
        case SQLITE_FLOAT: return decimal::from_double(sqlite3_value_double(v));
        default: {
            std::string s = text(v), d;
            while (!s.empty() && s.back() == ' ')
                s.pop_back();
            while (!s.empty() && s.front() == ' ')
                s.erase(0, 1);
            if (!decimal::canonical(s, d)) raise(1722, "invalid number");
            return d;
        }
    }
}

// A date/time argument of inferred type `code` as a wall-clock value.
date_time time_of(sqlite3_value* v, int code, const nls_settings& nls) {
    if (sqlite3_value_type(v) == SQLITE_FLOAT || sqlite3_value_type(v) == SQLITE_INTEGER)
        return dt::from_julian(sqlite3_value_double(v));
    std::string s = text(v);
    timestamp_tz z;
    if (code == int(ora_type::timestamp_tz) && dt::tz_from_text(s, z))
        return dt::add_minutes(z.utc, z.offset_minutes);
    date_time d;
    if (dt::from_text(s, d)) {
        if (code == int(ora_type::timestamp_ltz)) return dt::add_minutes(d, nls.time_zone_minutes);
        return d;
    }
    return dt::parse(s, nls.date_format);
}

bool is_date_code(int code) {
    return code == int(ora_type::date) || code == int(ora_type::timestamp) ||
           code == int(ora_type::timestamp_tz) || code == int(ora_type::timestamp_ltz);
}

template <typename F>
void guarded(sqlite3_context* c, F&& f) {
    try {
        f();
    } catch (const ora_exception& e) {
        sqlite3_result_error(c, e.error.message.c_str(), -1);
    } catch (const std::exception& e) {
        sqlite3_result_error(c, "ORA-00600: internal error code, arguments: [oranet]", -1);
    }
}

#define ORA_FN(name) void name(sqlite3_context* c, int argc, sqlite3_value** argv)
#define BODY(...) guarded(c, [&] { __VA_ARGS__ });

int cmp_num(void*, int n1, const void* a, int n2, const void* b) {
    std::string_view x(static_cast<const char*>(a), static_cast<std::size_t>(n1));
    std::string_view y(static_cast<const char*>(b), static_cast<std::size_t>(n2));
    std::string cx, cy;
    if (decimal::canonical(x, cx) && decimal::canonical(y, cy)) return decimal::compare(cx, cy);
    int r = x.compare(y);
    return r < 0 ? -1 : r > 0;
}

int cmp_char(void*, int n1, const void* a, int n2, const void* b) {
    std::string_view x(static_cast<const char*>(a), static_cast<std::size_t>(n1));
    std::string_view y(static_cast<const char*>(b), static_cast<std::size_t>(n2));
    while (!x.empty() && x.back() == ' ')
        x.remove_suffix(1);
    while (!y.empty() && y.back() == ' ')
        y.remove_suffix(1);
    int r = x.compare(y);
    return r < 0 ? -1 : r > 0;
}

ORA_FN(fn_store) {
    (void)argc;
    BODY({
        session_state* s = state_of(c);
        auto k           = static_cast<std::size_t>(sqlite3_value_int64(argv[1]));
        if (k >= s->targets.size()) unimplemented();
        const store_target& t = s->targets[k];
        store_value(c, argv[0], t.type, t.src, s->nls, t.qualified);
    })
}

ORA_FN(fn_sysdate) {
    (void)argc, (void)argv;
    date_time d  = dt::now_utc();
    d.nanosecond = 0;
    sqlite3_result_double(c, dt::to_julian(d));
}
ORA_FN(fn_systimestamp) {
    (void)argc, (void)argv;
    timestamp_tz z;
    z.utc = dt::now_utc();
    result_text(c, dt::tz_to_text(z));
}
ORA_FN(fn_current_date) {
    (void)argc, (void)argv;
    date_time d  = dt::add_minutes(dt::now_utc(), state_of(c)->nls.time_zone_minutes);
    d.nanosecond = 0;
    sqlite3_result_double(c, dt::to_julian(d));
}
ORA_FN(fn_localtimestamp) {
    (void)argc, (void)argv;
    result_text(c, dt::to_text(dt::add_minutes(dt::now_utc(), state_of(c)->nls.time_zone_minutes)));
}
// The database runs on UTC; the session zone is what ALTER SESSION set.
ORA_FN(fn_dbtimezone) {
    (void)argc, (void)argv;
    result_text(c, dt::offset_text(0));
}
ORA_FN(fn_sessiontimezone) {
    (void)argc, (void)argv;
    result_text(c, dt::offset_text(state_of(c)->nls.time_zone_minutes));
}
ORA_FN(fn_user) {
    (void)argc, (void)argv;
    result_text(c, state_of(c)->attrs.user);
}
ORA_FN(fn_date_literal) {
    (void)argc;
    BODY({ sqlite3_result_double(c, dt::to_julian(dt::parse(text(argv[0]), "YYYY-MM-DD"))); })
}
ORA_FN(fn_timestamp_literal) {
    (void)argc;
    BODY({
        std::string s = text(argv[0]), local;
        int zone      = 0;
        const bool tz = dt::split_zone(s, local, zone);
        if (tz) s = local;
        date_time d;
        if (!dt::from_text(s.find('.') == std::string::npos ? s + ".0" : s, d))
            d = dt::parse(s, "YYYY-MM-DD HH24:MI:SS");
        if (!tz) return result_text(c, dt::to_text(d));
        timestamp_tz z;
        z.utc            = dt::add_minutes(d, -zone);
        z.offset_minutes = static_cast<std::int16_t>(zone);
        result_text(c, dt::tz_to_text(z));
    })
}
ORA_FN(fn_nextval) {
    (void)argc;
    BODY({
        session_state* s = state_of(c);
        std::string name = text(argv[0]);
        long long v      = 0;
        {
            std::lock_guard<std::mutex> lock(s->db->mutex);
            auto it = s->db->sequences.find(name);
            if (it == s->db->sequences.end()) raise(2289, "sequence does not exist");
            v = it->second.next;
            it->second.next += it->second.increment;
        }
        s->currval[name] = v;
        sqlite3_result_int64(c, v);
    })
}
ORA_FN(fn_currval) {
    (void)argc;
    BODY({
        session_state* s = state_of(c);
        std::string name = text(argv[0]);
        auto it          = s->currval.find(name);
        if (it == s->currval.end())
            raise(8002, "sequence " + name + ".CURRVAL is not yet defined in this session");
        sqlite3_result_int64(c, it->second);
    })
}
ORA_FN(fn_sys_context) {
    (void)argc;
    BODY({
        session_state* s = state_of(c);
        std::string ns = text(argv[0]), p = text(argv[1]);
        for (auto& ch : ns)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        for (auto& ch : p)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (ns != "USERENV") {
            sqlite3_result_null(c);
            return;
        }
        const session_attributes& a = s->attrs;
        std::string v;
        if (p == "SESSION_USER" || p == "CURRENT_USER" || p == "CURRENT_SCHEMA" ||
            p == "AUTHENTICATED_IDENTITY")
            v = a.user;
        else if (p == "SID")
            v = std::to_string(a.sid);
        else if (p == "SESSIONID")
            v = std::to_string(a.sid);
        else if (p == "CLIENT_IDENTIFIER")
            v = a.client_identifier;
        else if (p == "MODULE")
            v = a.module;
        else if (p == "ACTION")
            v = a.action;
        else if (p == "CLIENT_INFO")
            v = a.client_info;
        else if (p == "DB_NAME" || p == "CON_NAME")
            v = p == "DB_NAME" ? a.db_name : a.service_name;
        else if (p == "SERVICE_NAME")
            v = a.service_name;
        else if (p == "INSTANCE_NAME")
            v = a.instance_name;
        else if (p == "HOST")
            v = a.host;
        else if (p == "OS_USER")
            v = a.os_user;
        else if (p == "TERMINAL")
            v = a.terminal;
        else if (p == "ISDBA")
            v = "FALSE";
        else if (p == "LANGUAGE")
            v = "AMERICAN_AMERICA.AL32UTF8";
        else if (p == "NLS_DATE_FORMAT")
            v = s->nls.date_format;
        else
            raise(2003, "invalid USERENV parameter");
        result_text(c, v);
    })
}

std::string number_to_char(const std::string& d, const std::string& fmt) {
    if (fmt.empty()) {
        // Oracle writes no leading zero: 0.5 -> ".5"
        if (d.rfind("0.", 0) == 0) return d.substr(1);
        if (d.rfind("-0.", 0) == 0) return "-" + d.substr(2);
        return d;
    }
    std::string f = fmt;
    bool fm       = false;
    if (f.size() >= 2 && (f.rfind("FM", 0) == 0 || f.rfind("fm", 0) == 0)) {
        fm = true;
        f  = f.substr(2);
    }
    auto dot     = f.find_first_of(".dD");
    int decimals = 0;
    if (dot != std::string::npos)
        for (std::size_t k = dot + 1; k < f.size(); ++k)
            decimals += f[k] == '9' || f[k] == '0';
    for (char ch : f)
        if (std::string_view("90.,dD").find(ch) == std::string_view::npos) unimplemented();
    std::string r = decimal::round(d, decimals);
    bool neg      = r[0] == '-';
    if (neg) r = r.substr(1);
    std::string ip = r.substr(0, r.find('.'));
    std::string fp = r.find('.') == std::string::npos ? "" : r.substr(r.find('.') + 1);
    fp.resize(static_cast<std::size_t>(decimals), '0');
    std::string ifmt = f.substr(0, dot == std::string::npos ? f.size() : dot);
    int slots = 0, zero_from = -1;
    for (std::size_t k = 0; k < ifmt.size(); ++k)
        if (ifmt[k] == '9' || ifmt[k] == '0') {
            if (ifmt[k] == '0' && zero_from < 0) zero_from = slots;
            ++slots;
        }
    if (ip == "0" && decimals > 0 && zero_from < 0) ip = "";
    if (static_cast<int>(ip.size()) > slots) return std::string(f.size() + 1, '#');
    std::string digits = std::string(static_cast<std::size_t>(slots) - ip.size(), ' ') + ip;
    if (zero_from >= 0)
        for (int k = zero_from; k < slots; ++k)
            if (digits[static_cast<std::size_t>(k)] == ' ') digits[static_cast<std::size_t>(k)] = '0';
    std::string out;
    int di = 0;
    for (char ch : ifmt) {
        if (ch == '9' || ch == '0')
            out.push_back(digits[static_cast<std::size_t>(di++)]);
        else
            out.push_back(out.empty() || out.back() == ' ' ? ' ' : ch);
    }
    if (dot != std::string::npos) out += "." + fp;
    auto first       = out.find_first_not_of(' ');
    std::string body = first == std::string::npos ? "" : out.substr(first);
    std::string pad  = first == std::string::npos ? out : out.substr(0, first);
    if (fm) return (neg ? "-" : "") + body;
    return " " + pad + (neg ? "-" : "") + body;  // one position for the sign
}

ORA_FN(fn_to_char) {
    (void)argc;
    BODY({
        if (is_null(argv[0])) return sqlite3_result_null(c);
        session_state* s = state_of(c);
        int code         = static_cast<int>(sqlite3_value_int64(argv[2]));
        bool has_fmt     = !is_null(argv[1]);
        if (is_date_code(code)) {
            std::string f = has_fmt                               ? text(argv[1])
                            : code == int(ora_type::date)         ? s->nls.date_format
                            : code == int(ora_type::timestamp_tz) ? s->nls.timestamp_tz_format
                                                                  : s->nls.timestamp_format;
            timestamp_tz z;
            if (code == int(ora_type::timestamp_tz) && dt::tz_from_text(text(argv[0]), z))
                return result_text(
                    c, dt::format(dt::add_minutes(z.utc, z.offset_minutes), f, z.offset_minutes, true));
            return result_text(c,
                               dt::format(time_of(argv[0], code, s->nls), f, s->nls.time_zone_minutes, true));
        }
        int st = sqlite3_value_type(argv[0]);
        if ((st == SQLITE_TEXT || st == SQLITE_BLOB) && code != int(ora_type::number)) {
            if (has_fmt) raise(1722, "invalid number");
            return result_text(c, text(argv[0]));
        }
        result_text(c, number_to_char(decimal_of(argv[0]), has_fmt ? text(argv[1]) : ""));
    })
}

date_time trunc_date(date_time d, std::string f) {
    for (auto& ch : f)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    d.nanosecond = 0;
    if (f == "MI") return d.second = 0, d;
    d.second = d.minute = 0;
    if (f == "HH" || f == "HH24" || f == "HH12") return d;
    d.hour = 0;
    if (f.empty() || f == "DD" || f == "DDD" || f == "J") return d;
    d.day = 1;
    if (f == "MM" || f == "MON" || f == "MONTH" || f == "RM") return d;
    d.month = 1;
    if (f == "YYYY" || f == "YEAR" || f == "YY" || f == "Y" || f == "SYYYY" || f == "RRRR" || f == "RR")
        return d;
    raise(1898, "too many precision specifiers");
}

ORA_FN(fn_trunc) {
    (void)argc;
    BODY({
        if (is_null(argv[0])) return sqlite3_result_null(c);
        int code = static_cast<int>(sqlite3_value_int64(argv[2]));
        if (is_date_code(code)) {
            date_time d =
                trunc_date(time_of(argv[0], code, state_of(c)->nls), is_null(argv[1]) ? "" : text(argv[1]));
            return sqlite3_result_double(c, dt::to_julian(d));
        }
        std::string d = decimal_of(argv[0]);
        long long n   = is_null(argv[1]) ? 0 : sqlite3_value_int64(argv[1]);
        // Truncation = rounding of |d| minus half a unit, toward zero.
        std::string r = decimal::round(d, static_cast<int>(n));
        if (decimal::compare(decimal::round(r, 60), d) != 0) {
            bool neg        = d[0] == '-';
            std::string mag = neg ? d.substr(1) : d;
            std::string rm  = decimal::round(mag, static_cast<int>(n));
            if (decimal::compare(rm, mag) > 0) {
                std::string unit = n >= 0 ? "0." + std::string(static_cast<std::size_t>(n), '0') : "1";
                if (n > 0) unit.back() = '1', unit = n == 0 ? "1" : unit;
                if (n == 0) unit = "1";
                if (n < 0) unit = "1" + std::string(static_cast<std::size_t>(-n), '0');
                rm = decimal::add(rm, decimal::negate(unit));
            }
            r = neg && rm != "0" ? "-" + rm : rm;
        }
        result_decimal(c, r);
    })
}

ORA_FN(fn_round) {
    (void)argc;
    BODY({
        if (is_null(argv[0])) return sqlite3_result_null(c);
        int code = static_cast<int>(sqlite3_value_int64(argv[2]));
        if (is_date_code(code)) {
            date_time d = time_of(argv[0], code, state_of(c)->nls);
            if (!is_null(argv[1]) && text(argv[1]) != "DD") unimplemented();
            double jd = dt::to_julian(trunc_date(d, "")) + (d.hour >= 12 ? 1.0 : 0.0);
            return sqlite3_result_double(c, jd);
        }
        long long n = is_null(argv[1]) ? 0 : sqlite3_value_int64(argv[1]);
        result_decimal(c, decimal::round(decimal_of(argv[0]), static_cast<int>(n)));
    })
}

ORA_FN(fn_extract) {
    (void)argc;
    BODY({
        if (is_null(argv[1])) return sqlite3_result_null(c);
        std::string f = text(argv[0]);
        date_time d   = time_of(argv[1], static_cast<int>(sqlite3_value_int64(argv[2])), state_of(c)->nls);
        if (f == "YEAR")
            sqlite3_result_int(c, d.year);
        else if (f == "MONTH")
            sqlite3_result_int(c, d.month);
        else if (f == "DAY")
            sqlite3_result_int(c, d.day);
        else if (f == "HOUR")
            sqlite3_result_int(c, d.hour);
        else if (f == "MINUTE")
            sqlite3_result_int(c, d.minute);
        else if (f == "SECOND")
            result_decimal(c, decimal::add(
                                  std::to_string(d.second), "0." + [&] {
                                      char b[16];
                                      std::snprintf(b, sizeof b, "%09u", d.nanosecond);
                                      return std::string(b);
                                  }()));
        else
            unimplemented();
    })
}

ORA_FN(fn_substr) {
    BODY({
        if (is_null(argv[0]) || is_null(argv[1]) || (argc > 2 && is_null(argv[2])))
            return sqlite3_result_null(c);
        std::string s = text(argv[0]);
        // Work on code points.
        std::vector<std::string> cps;
        for (std::size_t k = 0; k < s.size();) {
            std::size_t l = 1;
            while (k + l < s.size() && (static_cast<unsigned char>(s[k + l]) & 0xC0) == 0x80)
                ++l;
            cps.push_back(s.substr(k, l));
            k += l;
        }
        auto n      = static_cast<long long>(cps.size());
        long long p = static_cast<long long>(std::trunc(sqlite3_value_double(argv[1])));
        if (p == 0) p = 1;
        if (p < 0) p = n + p + 1;
        if (p < 1 || p > n) return sqlite3_result_null(c);
        long long len = argc > 2 ? static_cast<long long>(std::trunc(sqlite3_value_double(argv[2]))) : n;
        if (len < 1) return sqlite3_result_null(c);
        std::string r;
        for (long long k = p - 1; k < n && k < p - 1 + len; ++k)
            r += cps[static_cast<std::size_t>(k)];
        result_text(c, r);
    })
}

struct sum_ctx {
    std::string* total;
    long long count;
};

void sum_step(sqlite3_context* c, int, sqlite3_value** argv) {
    guarded(c, [&] {
        if (is_null(argv[0])) return;
        auto* a = static_cast<sum_ctx*>(sqlite3_aggregate_context(c, sizeof(sum_ctx)));
        if (!a) return;
        if (!a->total) a->total = new std::string("0");
        *a->total = decimal::add(*a->total, decimal_of(argv[0]));
        ++a->count;
    });
}

void sum_final(sqlite3_context* c) {
    auto* a = static_cast<sum_ctx*>(sqlite3_aggregate_context(c, 0));
    if (!a || !a->total) return sqlite3_result_null(c);
    result_decimal(c, *a->total);
    delete a->total;
    a->total = nullptr;
}

void avg_final(sqlite3_context* c) {
    auto* a = static_cast<sum_ctx*>(sqlite3_aggregate_context(c, 0));
    if (!a || !a->total) return sqlite3_result_null(c);
    result_decimal(c, decimal::divide(*a->total, a->count, 40));
    delete a->total;
    a->total = nullptr;
}

ORA_FN(fn_to_date){BODY({
    if (is_null(argv[0])) return sqlite3_result_null(c);
    if (sqlite3_value_type(argv[0]) == SQLITE_FLOAT)
        return sqlite3_result_double(c, sqlite3_value_double(argv[0]));
    std::string f = argc > 1 && !is_null(argv[1]) ? text(argv[1]) : state_of(c)->nls.date_format;
    date_time d   = dt::parse(text(argv[0]), f);
    d.nanosecond  = 0;
    sqlite3_result_double(c, dt::to_julian(d));
})} ORA_FN(fn_to_timestamp){BODY({
    if (is_null(argv[0])) return sqlite3_result_null(c);
    std::string f = argc > 1 && !is_null(argv[1]) ? text(argv[1]) : state_of(c)->nls.timestamp_format;
    result_text(c, dt::to_text(dt::parse(text(argv[0]), f)));
})} ORA_FN(fn_to_number){BODY({
    if (is_null(argv[0])) return sqlite3_result_null(c);
    if (argc > 1 && !is_null(argv[1])) {
        std::string f = text(argv[1]);
        if (f.find_first_not_of("90.,FMfmDd") != std::string::npos) unimplemented();
        std::string s = text(argv[0]);
        std::string cleaned;
        for (char ch : s)
            if (ch != ',') cleaned.push_back(ch);
        std::string d;
        if (!decimal::canonical(cleaned, d)) raise(1722, "invalid number");
        return result_decimal(c, d);
    }
    result_decimal(c, decimal_of(argv[0]));
})} ORA_FN(fn_nvl2) {
    (void)argc;
    sqlite3_result_value(c, is_null(argv[0]) ? argv[2] : argv[1]);
}
ORA_FN(fn_decode){BODY({
    if (argc < 3) raise(938, "not enough arguments for function");
    for (int k = 1; k + 1 < argc; k += 2) {
        bool eq = (is_null(argv[0]) && is_null(argv[k])) ||
                  (!is_null(argv[0]) && !is_null(argv[k]) && text(argv[0]) == text(argv[k]));
        if (!eq && !is_null(argv[0]) && !is_null(argv[k]) && sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
            std::string a, b;
            eq = decimal::canonical(text(argv[0]), a) && decimal::canonical(text(argv[k]), b) &&
                 decimal::compare(a, b) == 0;
        }
        if (eq) return sqlite3_result_value(c, argv[k + 1]);
    }
    if (argc % 2 == 0) return sqlite3_result_value(c, argv[argc - 1]);
    sqlite3_result_null(c);
})} ORA_FN(fn_mod) {
    (void)argc;
    BODY({
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(c);
        if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER && sqlite3_value_type(argv[1]) == SQLITE_INTEGER) {
            long long b = sqlite3_value_int64(argv[1]);
            return sqlite3_result_int64(
                c, b == 0 ? sqlite3_value_int64(argv[0]) : sqlite3_value_int64(argv[0]) % b);
        }
        double a = sqlite3_value_double(argv[0]), b = sqlite3_value_double(argv[1]);
        result_decimal(c, decimal::from_double(b == 0 ? a : std::fmod(a, b)));
    })
}
ORA_FN(fn_instr) {
    BODY({
        for (int k = 0; k < argc; ++k)
            if (is_null(argv[k])) return sqlite3_result_null(c);
        std::string s = text(argv[0]), sub = text(argv[1]);
        long long start = argc > 2 ? sqlite3_value_int64(argv[2]) : 1;
        long long nth   = argc > 3 ? sqlite3_value_int64(argv[3]) : 1;
        if (start < 0 || nth < 1) unimplemented();
        std::size_t pos = static_cast<std::size_t>(start == 0 ? 0 : start - 1);
        long long found = 0;
        while (true) {
            pos = s.find(sub, pos);
            if (pos == std::string::npos) return sqlite3_result_int(c, 0);
            if (++found == nth) break;
            ++pos;
        }
        sqlite3_result_int64(c, static_cast<long long>(utf8_chars(s.substr(0, pos))) + 1);
    })
}
void pad(sqlite3_context* c, int argc, sqlite3_value** argv, bool left) {
    guarded(c, [&] {
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(c);
        std::string s = text(argv[0]), fill = argc > 2 ? text(argv[2]) : " ";
        auto n = static_cast<std::size_t>(std::max<long long>(0, sqlite3_value_int64(argv[1])));
        if (fill.empty()) return sqlite3_result_null(c);
        if (s.size() >= n) return result_text(c, s.substr(0, n));
        std::string p;
        while (p.size() < n - s.size())
            p += fill;
        p.resize(n - s.size());
        result_text(c, left ? p + s : s + p);
    });
}
ORA_FN(fn_lpad) { pad(c, argc, argv, true); }
ORA_FN(fn_rpad) { pad(c, argc, argv, false); }
ORA_FN(fn_initcap) {
    (void)argc;
    if (is_null(argv[0])) return sqlite3_result_null(c);
    result_text(c, utf8_initcap(text(argv[0])));
}
// UPPER and LOWER of any letter, as AL32UTF8 Oracle (SQLite's are ASCII only).
ORA_FN(fn_upper) {
    (void)argc;
    if (is_null(argv[0])) return sqlite3_result_null(c);
    result_text(c, utf8_upper(text(argv[0])));
}
ORA_FN(fn_lower) {
    (void)argc;
    if (is_null(argv[0])) return sqlite3_result_null(c);
    result_text(c, utf8_lower(text(argv[0])));
}
ORA_FN(fn_add_months) {
    (void)argc;
    BODY({
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(c);
        date_time d = time_of(argv[0], int(ora_type::date), state_of(c)->nls);
        bool last   = d.day == dt::days_in_month(d.year, d.month);
        long long m = static_cast<long long>(d.year) * 12 + (d.month - 1) + sqlite3_value_int64(argv[1]);
        d.year      = static_cast<std::int16_t>(m / 12);
        d.month     = static_cast<std::uint8_t>(m % 12 + 1);
        int dim     = dt::days_in_month(d.year, d.month);
        if (last || d.day > dim) d.day = static_cast<std::uint8_t>(dim);
        sqlite3_result_double(c, dt::to_julian(d));
    })
}
ORA_FN(fn_months_between) {
    (void)argc;
    BODY({
        if (is_null(argv[0]) || is_null(argv[1])) return sqlite3_result_null(c);
        const nls_settings& n = state_of(c)->nls;
        date_time a = time_of(argv[0], int(ora_type::date), n), b = time_of(argv[1], int(ora_type::date), n);
        long long months = (static_cast<long long>(a.year) - b.year) * 12 + (a.month - b.month);
        bool a_last      = a.day == dt::days_in_month(a.year, a.month),
             b_last      = b.day == dt::days_in_month(b.year, b.month);
        if (a.day == b.day || (a_last && b_last)) return sqlite3_result_int64(c, months);
        double secs_a = a.day * 86400.0 + a.hour * 3600.0 + a.minute * 60.0 + a.second;
        double secs_b = b.day * 86400.0 + b.hour * 3600.0 + b.minute * 60.0 + b.second;
        result_decimal(
            c, decimal::from_double(static_cast<double>(months) + (secs_a - secs_b) / (31 * 86400.0)));
    })
}
ORA_FN(fn_last_day) {
    (void)argc;
    BODY({
        if (is_null(argv[0])) return sqlite3_result_null(c);
        date_time d = time_of(argv[0], int(ora_type::date), state_of(c)->nls);
        d.day       = static_cast<std::uint8_t>(dt::days_in_month(d.year, d.month));
        sqlite3_result_double(c, dt::to_julian(d));
    })
}
ORA_FN(fn_concat) {
    std::string r;
    for (int k = 0; k < argc; ++k)
        r += text(argv[k]);
    result_text(c, r);
}
ORA_FN(fn_math) {
    (void)argc;
    BODY({
        for (int k = 0; k < argc; ++k)
            if (is_null(argv[k])) return sqlite3_result_null(c);
        const char* name = static_cast<const char*>(nullptr);
        (void)name;
        double a      = sqlite3_value_double(argv[0]);
        auto kind     = reinterpret_cast<std::intptr_t>(sqlite3_user_data(c));
        std::string d = decimal_of(argv[0]);
        switch (kind) {
            case 1: {  // CEIL
                std::string t = decimal::round(d, 0);
                if (decimal::compare(t, d) < 0) t = decimal::add(t, "1");
                return result_decimal(c, t);
            }
            case 2: {  // FLOOR
                std::string t = decimal::round(d, 0);
                if (decimal::compare(t, d) > 0) t = decimal::add(t, "-1");
                return result_decimal(c, t);
            }
            case 3:
                return result_decimal(c, decimal::from_double(std::pow(a, sqlite3_value_double(argv[1]))));
            case 4:
                if (a < 0) raise(1428, "argument '" + d + "' is out of range");
                return result_decimal(c, decimal::from_double(std::sqrt(a)));
            case 5: return sqlite3_result_int(c, d == "0" ? 0 : d[0] == '-' ? -1 : 1);
            default: unimplemented();
        }
    })
}
// ora_arith(op, a, b, exact): NUMBER arithmetic on exact decimals. With
// `exact` the result keeps all its digits (as text when a double cannot hold
// it); otherwise it is rounded to a double so that SQLite compares it.
ORA_FN(fn_arith) {
    (void)argc;
    BODY({
        if (is_null(argv[1]) || is_null(argv[2])) return sqlite3_result_null(c);
        std::string op = text(argv[0]), a = decimal_of(argv[1]), b = decimal_of(argv[2]), r;
        if (op == "+")
            r = decimal::add(a, b);
        else if (op == "-")
            r = decimal::add(a, decimal::negate(b));
        else if (op == "*")
            r = decimal::multiply(a, b);
        else if (!decimal::divide(a, b, r, 40))
            raise(1476, "divisor is equal to zero");
        double d     = 0;
        char* end    = nullptr;
        errno        = 0;
        long long iv = std::strtoll(r.c_str(), &end, 10);
        if (*end == 0 && errno == 0) return sqlite3_result_int64(c, iv);
        if (sqlite3_value_int(argv[3]) != 0 || decimal::exact_as_double(r, d)) return result_decimal(c, r);
        sqlite3_result_double(c, std::strtod(r.c_str(), nullptr));
    })
}

ORA_FN(fn_lengthb) {
    (void)argc;
    if (is_null(argv[0])) return sqlite3_result_null(c);
    sqlite3_result_int(c, sqlite3_value_bytes(argv[0]));
}
ORA_FN(fn_hextoraw) {
    (void)argc;
    BODY({
        if (is_null(argv[0])) return sqlite3_result_null(c);
        std::string h = text(argv[0]);
        if (h.size() % 2) h = "0" + h;
        std::vector<unsigned char> b;
        for (std::size_t k = 0; k < h.size(); k += 2) {
            if (!std::isxdigit(static_cast<unsigned char>(h[k])) ||
                !std::isxdigit(static_cast<unsigned char>(h[k + 1])))
                raise(1465, "invalid hex number");
            b.push_back(static_cast<unsigned char>(std::stoi(h.substr(k, 2), nullptr, 16)));
        }
        sqlite3_result_blob(c, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
    })
}

}  // namespace

void register_functions(sqlite3* db, session_state* s) {
    sqlite3_create_collation(db, "ORANUM", SQLITE_UTF8, nullptr, cmp_num);
    sqlite3_create_collation(db, "ORACHAR", SQLITE_UTF8, nullptr, cmp_char);
    struct entry {
        const char* name;
        int args;
        void (*fn)(sqlite3_context*, int, sqlite3_value**);
        bool deterministic;
    };
    const entry entries[] = {
        {"ora_store", 2, fn_store, false},
        {"ora_sysdate", 0, fn_sysdate, false},
        {"ora_systimestamp", 0, fn_systimestamp, false},
        {"ora_current_date", 0, fn_current_date, false},
        {"ora_localtimestamp", 0, fn_localtimestamp, false},
        {"ora_user", 0, fn_user, false},
        {"ora_dbtimezone", 0, fn_dbtimezone, false},
        {"ora_sessiontimezone", 0, fn_sessiontimezone, false},
        {"ora_date_literal", 1, fn_date_literal, true},
        {"ora_timestamp_literal", 1, fn_timestamp_literal, true},
        {"ora_nextval", 1, fn_nextval, false},
        {"ora_currval", 1, fn_currval, false},
        {"ora_sys_context", 2, fn_sys_context, false},
        {"ora_sys_context", 3, fn_sys_context, false},
        {"ora_to_char", 3, fn_to_char, false},
        {"ora_trunc", 3, fn_trunc, false},
        {"ora_round", 3, fn_round, false},
        {"ora_extract", 3, fn_extract, false},
        {"ora_substr", 2, fn_substr, true},
        {"ora_substr", 3, fn_substr, true},
        {"ora_to_date", 1, fn_to_date, false},
        {"ora_to_date", 2, fn_to_date, false},
        {"ora_to_timestamp", 1, fn_to_timestamp, false},
        {"ora_to_timestamp", 2, fn_to_timestamp, false},
        {"ora_to_number", 1, fn_to_number, true},
        {"ora_to_number", 2, fn_to_number, true},
        {"ora_nvl2", 3, fn_nvl2, true},
        {"ora_decode", -1, fn_decode, true},
        {"ora_mod", 2, fn_mod, true},
        {"ora_instr", 2, fn_instr, true},
        {"ora_instr", 3, fn_instr, true},
        {"ora_instr", 4, fn_instr, true},
        {"ora_lpad", 2, fn_lpad, true},
        {"ora_lpad", 3, fn_lpad, true},
        {"ora_rpad", 2, fn_rpad, true},
        {"ora_rpad", 3, fn_rpad, true},
        {"ora_initcap", 1, fn_initcap, true},
        {"upper", 1, fn_upper, true},
        {"lower", 1, fn_lower, true},
        {"ora_add_months", 2, fn_add_months, false},
        {"ora_months_between", 2, fn_months_between, false},
        {"ora_last_day", 1, fn_last_day, false},
        {"ora_concat", -1, fn_concat, true},
        {"ora_lengthb", 1, fn_lengthb, true},
        {"ora_hextoraw", 1, fn_hextoraw, true},
        {"ora_arith", 4, fn_arith, true},
    };
    for (const auto& e : entries)
        sqlite3_create_function_v2(db, e.name, e.args,
                                   SQLITE_UTF8 | (e.deterministic ? SQLITE_DETERMINISTIC : 0), s, e.fn,
                                   nullptr, nullptr, nullptr);
    const std::pair<const char*, int> math[] = {
        {"ora_ceil", 1}, {"ora_floor", 2}, {"ora_power", 3}, {"ora_sqrt", 4}, {"ora_sign", 5}};
    for (const auto& [name, kind] : math)
        sqlite3_create_function_v2(db, name, kind == 3 ? 2 : 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                   reinterpret_cast<void*>(static_cast<std::intptr_t>(kind)), fn_math,
                                   nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(db, "ora_sum", 1, SQLITE_UTF8, s, nullptr, sum_step, sum_final, nullptr);
    sqlite3_create_function_v2(db, "ora_avg", 1, SQLITE_UTF8, s, nullptr, sum_step, avg_final, nullptr);
    register_rowid_function(db);
}

}  // namespace oranet::emulate

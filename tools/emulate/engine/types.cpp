#include "emulate/engine/types.hpp"

#include "emulate/engine/datetime.hpp"
#include "emulate/engine/decimal.hpp"
#include "emulate/engine/error.hpp"

#include <oranet/proto/types/rowid.hpp>

#include <sqlite3.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace oranet::emulate {
namespace {

long read_int(const std::vector<token>& t, std::size_t& i) {
    if (t[i].kind != tok::number) raise(2017, "integer value required", t[i].pos);
    long v = std::strtol(t[i].text.c_str(), nullptr, 10);
    ++i;
    return v;
}

bool accept_op(const std::vector<token>& t, std::size_t& i, const char* o) {
    if (t[i].is_op(o)) {
        ++i;
        return true;
    }
    return false;
}

void expect_op(const std::vector<token>& t, std::size_t& i, const char* o) {
    if (!accept_op(t, i, o)) raise(907, "missing right parenthesis", t[i].pos);
}

std::string type_name(ora_type t) {
    switch (t) {
        case ora_type::number: return "NUMBER";
        case ora_type::date: return "DATE";
        case ora_type::timestamp: return "TIMESTAMP";
        case ora_type::timestamp_tz: return "TIMESTAMP WITH TIME ZONE";
        case ora_type::timestamp_ltz: return "TIMESTAMP WITH LOCAL TIME ZONE";
        case ora_type::raw: return "RAW";
        case ora_type::char_: return "CHAR";
        case ora_type::binary_float: return "BINARY_FLOAT";
        case ora_type::binary_double: return "BINARY_DOUBLE";
        case ora_type::clob: return "CLOB";
        case ora_type::blob: return "BLOB";
        case ora_type::interval_ym: return "INTERVAL YEAR TO MONTH";
        case ora_type::interval_ds: return "INTERVAL DAY TO SECOND";
        case ora_type::boolean: return "BOOLEAN";
        case ora_type::rowid: return "ROWID";
        default: return "VARCHAR2";
    }
}

[[noreturn]] void inconsistent(ora_type expected, const std::string& got) {
    raise(932, "inconsistent datatypes: expected " + type_name(expected) + " got " + got);
}

std::string got_name(int sqlite_type, int src) {
    if (src != 0) return type_name(static_cast<ora_type>(src));
    switch (sqlite_type) {
        case SQLITE_INTEGER:
        case SQLITE_FLOAT: return "NUMBER";
        case SQLITE_BLOB: return "BINARY";
        default: return "CHAR";
    }
}

std::string text_of(sqlite3_value* v) {
    const auto* p = sqlite3_value_text(v);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_value_bytes(v)))
             : std::string();
}

std::string trim(std::string s) {
    auto b = s.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(' ');
    return s.substr(b, e - b + 1);
}

bool is_time_src(int src) {
    return src == int(ora_type::date) || src == int(ora_type::timestamp) ||
           src == int(ora_type::timestamp_tz) || src == int(ora_type::timestamp_ltz);
}

// A value read as a point in time (local wall clock for TZ values).
date_time as_time(sqlite3_value* v, int src, const std::string& nls_format, const nls_settings& nls) {
    int st = sqlite3_value_type(v);
    if (st == SQLITE_FLOAT && (src == 0 || src == int(ora_type::date)))
        return dt::from_julian(sqlite3_value_double(v));
    if (st == SQLITE_TEXT) {
        std::string s = text_of(v);
        if (src == int(ora_type::timestamp_tz)) {
            timestamp_tz tz;
            if (dt::tz_from_text(s, tz)) return dt::add_minutes(tz.utc, tz.offset_minutes);
        }
        if (src == int(ora_type::timestamp_ltz)) {
            date_time d;
            if (dt::from_text(s, d)) return dt::add_minutes(d, nls.time_zone_minutes);
        }
        date_time d;
        if (is_time_src(src) && dt::from_text(s, d)) return d;
        return dt::parse(s, nls_format);
    }
    inconsistent(ora_type::date, got_name(st, src));
}

std::string char_text(sqlite3_value* v, int src, const nls_settings& nls) {
    int st = sqlite3_value_type(v);
    if (src == int(ora_type::date)) return dt::format(as_time(v, src, nls.date_format, nls), nls.date_format);
    if (src == int(ora_type::timestamp) || src == int(ora_type::timestamp_ltz))
        return dt::format(as_time(v, src, nls.timestamp_format, nls), nls.timestamp_format);
    switch (st) {
        case SQLITE_INTEGER: return std::to_string(sqlite3_value_int64(v));
        case SQLITE_FLOAT: return decimal::from_double(sqlite3_value_double(v));
        case SQLITE_BLOB: {
            std::string h;
            const auto* b          = static_cast<const unsigned char*>(sqlite3_value_blob(v));
            static const char* hex = "0123456789ABCDEF";
            for (int k = 0; k < sqlite3_value_bytes(v); ++k) {
                h.push_back(hex[b[k] >> 4]);
                h.push_back(hex[b[k] & 15]);
            }
            return h;
        }
        default: return text_of(v);
    }
}

date_time round_fraction(date_time d, int scale) {
    if (scale >= 9) return d;
    std::uint32_t unit = 1;
    for (int k = scale; k < 9; ++k)
        unit *= 10;
    std::uint32_t ns = (d.nanosecond + unit / 2) / unit * unit;
    if (ns >= 1000000000u) {
        d            = dt::from_julian(dt::to_julian(d) + 1.0 / 86400.0);
        d.nanosecond = 0;
    } else {
        d.nanosecond = ns;
    }
    return d;
}

// Oracle's interval text: "[+-]Y-M" (months) or "[+-]D HH:MI:SS[.f]"
// (nanoseconds), as an implicit VARCHAR2 -> INTERVAL conversion reads it.
bool interval_from_text(const std::string& s, bool ym, long long& out) {
    std::size_t i = 0;
    bool neg      = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    auto digits = [&](long long& v, std::size_t max) {
        std::size_t b = i;
        v             = 0;
        while (i < s.size() && i - b < max && std::isdigit(static_cast<unsigned char>(s[i])))
            v = v * 10 + (s[i++] - '0');
        return i > b;
    };
    auto sep    = [&](char ch) { return i < s.size() && s[i++] == ch; };
    long long a = 0, b = 0;
    if (!digits(a, 9)) return false;
    if (ym) {
        if (!sep('-') || !digits(b, 2) || b > 11 || i != s.size()) return false;
        out = a * 12 + b;
    } else {
        long long h = 0, m = 0, sec = 0, frac = 0;
        if (!sep(' ') || !digits(h, 2) || !sep(':') || !digits(m, 2) || !sep(':') || !digits(sec, 2) ||
            h > 23 || m > 59 || sec > 59)
            return false;
        if (i < s.size()) {
            if (!sep('.')) return false;
            std::size_t b0 = i;
            if (!digits(frac, 9)) return false;
            for (std::size_t k = i - b0; k < 9; ++k)
                frac *= 10;
        }
        if (i != s.size()) return false;
        out = (((a * 24 + h) * 60 + m) * 60 + sec) * 1000000000LL + frac;
    }
    if (neg) out = -out;
    return true;
}

void result_text(sqlite3_context* ctx, const std::string& s) {
    sqlite3_result_text(ctx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

}  // namespace

std::size_t utf8_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

column_type number_expr() {
    column_type c;
    c.type      = ora_type::number;
    c.declared  = "NUMBER";
    c.max_bytes = 22;
    c.scale     = -127;
    return c;
}

column_type char_literal(std::size_t bytes, std::size_t chars) {
    column_type c;
    c.type      = ora_type::char_;
    c.declared  = "CHAR(" + std::to_string(chars) + ")";
    c.max_bytes = static_cast<std::uint32_t>(bytes);
    c.max_chars = static_cast<std::uint32_t>(chars);
    return c;
}

column_type varchar_expr(std::uint32_t chars) {
    column_type c;
    c.type      = ora_type::varchar;
    c.declared  = "VARCHAR2(" + std::to_string(chars) + ")";
    c.max_bytes = chars;
    c.max_chars = chars;
    return c;
}

column_type date_expr() { return simple_expr(ora_type::date); }

column_type timestamp_expr(int scale, ora_type t) {
    column_type c = simple_expr(t);
    c.scale       = static_cast<std::int16_t>(scale);
    return c;
}

column_type simple_expr(ora_type t) {
    column_type c;
    c.type     = t;
    c.declared = type_name(t);
    switch (t) {
        case ora_type::number: return number_expr();
        case ora_type::date: c.max_bytes = 7; break;
        case ora_type::timestamp:
        case ora_type::timestamp_ltz:
            c.max_bytes = 11;
            c.scale     = 6;
            break;
        case ora_type::timestamp_tz:
            c.max_bytes = 13;
            c.scale     = 6;
            break;
        case ora_type::interval_ym:
            c.max_bytes = 5;
            c.precision = 2;
            break;
        case ora_type::interval_ds:
            c.max_bytes = 11;
            c.precision = 2;
            c.scale     = 6;
            break;
        case ora_type::binary_float: c.max_bytes = 4; break;
        case ora_type::binary_double: c.max_bytes = 8; break;
        case ora_type::boolean: c.max_bytes = 4; break;
        case ora_type::raw: c.max_bytes = 2000; break;
        case ora_type::rowid: c.max_bytes = 10; break;  // the stored (restricted) rowid size
        default: break;
    }
    if (t == ora_type::clob || t == ora_type::blob) c.max_bytes = 0;
    if (t == ora_type::blob || t == ora_type::raw || t == ora_type::date || t == ora_type::binary_double ||
        t == ora_type::binary_float || t == ora_type::boolean || t == ora_type::interval_ds ||
        t == ora_type::interval_ym || t == ora_type::timestamp || t == ora_type::timestamp_tz ||
        t == ora_type::timestamp_ltz || t == ora_type::rowid)
        c.form = cs_form::none;
    return c;
}

column_type parse_type(const std::vector<token>& t, std::size_t& i) {
    const token& k = t[i];
    if (k.kind != tok::ident) raise(902, "invalid datatype", k.pos);
    std::string n = k.name;
    ++i;
    column_type c;
    if (n == "NUMBER" || n == "DECIMAL" || n == "NUMERIC" || n == "INTEGER" || n == "INT" ||
        n == "SMALLINT") {
        c = number_expr();
        if (n == "INTEGER" || n == "INT" || n == "SMALLINT") {
            c.precision = 38;
            c.scale     = 0;
            c.declared  = "NUMBER(38)";
        } else if (accept_op(t, i, "(")) {
            if (accept_op(t, i, "*")) {
                c.precision = 0;
            } else {
                c.precision = static_cast<std::int16_t>(read_int(t, i));
                if (c.precision < 1 || c.precision > 38)
                    raise(1727, "numeric precision specifier is out of range (1 to 38)", t[i - 1].pos);
            }
            c.scale = 0;
            if (accept_op(t, i, ",")) {
                bool neg = accept_op(t, i, "-");
                long s   = read_int(t, i);
                c.scale  = static_cast<std::int16_t>(neg ? -s : s);
                if (c.scale < -84 || c.scale > 127)
                    raise(1728, "numeric scale specifier is out of range (-84 to 127)", t[i - 1].pos);
            }
            expect_op(t, i, ")");
            c.declared = "NUMBER(" + (c.precision ? std::to_string(c.precision) : std::string("*")) +
                         (c.scale ? "," + std::to_string(c.scale) : std::string()) + ")";
        } else if (n != "NUMBER") {
            c.precision = 38;
            c.scale     = 0;
        }
    } else if (n == "FLOAT" || n == "REAL" || (n == "DOUBLE" && t[i].is("PRECISION"))) {
        c           = number_expr();
        c.is_float  = true;
        c.precision = n == "REAL" ? 63 : 126;
        if (n == "DOUBLE") ++i;
        if (n == "FLOAT" && accept_op(t, i, "(")) {
            c.precision = static_cast<std::int16_t>(read_int(t, i));
            expect_op(t, i, ")");
        }
        c.declared = "FLOAT(" + std::to_string(c.precision) + ")";
    } else if (n == "VARCHAR2" || n == "VARCHAR" || n == "NVARCHAR2" || n == "CHAR" || n == "NCHAR" ||
               n == "CHARACTER") {
        bool nat   = n[0] == 'N';
        bool fixed = n == "CHAR" || n == "NCHAR" || n == "CHARACTER";
        c.type     = fixed ? ora_type::char_ : ora_type::varchar;
        long len   = 1;
        bool chars = nat;
        if (accept_op(t, i, "(")) {
            len = read_int(t, i);
            if (t[i].is("CHAR")) {
                chars = true;
                ++i;
            } else if (t[i].is("BYTE")) {
                ++i;
            }
            expect_op(t, i, ")");
        } else if (!fixed) {
            raise(906, "missing left parenthesis", t[i].pos);
        }
        long limit = fixed ? 2000 : 4000;
        if (len < 1 || len > limit) raise(910, "specified length too long for its datatype", t[i - 2].pos);
        c.char_semantics = chars;
        c.max_chars      = static_cast<std::uint32_t>(len);
        c.max_bytes      = static_cast<std::uint32_t>(nat ? len * 2 : chars ? len * 4 : len);
        c.form           = nat ? cs_form::nchar : cs_form::implicit;
        std::string base = nat ? (fixed ? "NCHAR" : "NVARCHAR2") : (fixed ? "CHAR" : "VARCHAR2");
        c.declared       = base + "(" + std::to_string(len) + (!nat && chars ? " CHAR" : "") + ")";
    } else if (n == "DATE") {
        c = date_expr();
    } else if (n == "TIMESTAMP") {
        int scale = 6;
        if (accept_op(t, i, "(")) {
            scale = static_cast<int>(read_int(t, i));
            if (scale > 9) raise(30088, "datetime/interval precision is out of range", t[i - 1].pos);
            expect_op(t, i, ")");
        }
        ora_type tt = ora_type::timestamp;
        std::string suffix;
        if (t[i].is("WITH")) {
            ++i;
            if (t[i].is("LOCAL")) {
                tt = ora_type::timestamp_ltz;
                ++i;
                suffix = " WITH LOCAL TIME ZONE";
            } else {
                tt     = ora_type::timestamp_tz;
                suffix = " WITH TIME ZONE";
            }
            if (!t[i].is("TIME") || !t[i + 1].is("ZONE")) raise(902, "invalid datatype", t[i].pos);
            i += 2;
        }
        c          = timestamp_expr(scale, tt);
        c.declared = "TIMESTAMP(" + std::to_string(scale) + ")" + suffix;
    } else if (n == "INTERVAL") {
        bool ym = t[i].is("YEAR");
        if (!ym && !t[i].is("DAY")) raise(902, "invalid datatype", t[i].pos);
        ++i;
        int lead = 2, frac = 6;
        if (accept_op(t, i, "(")) {
            lead = static_cast<int>(read_int(t, i));
            expect_op(t, i, ")");
        }
        if (!t[i].is("TO") || !t[i + 1].is(ym ? "MONTH" : "SECOND")) raise(902, "invalid datatype", t[i].pos);
        i += 2;
        if (!ym && accept_op(t, i, "(")) {
            frac = static_cast<int>(read_int(t, i));
            expect_op(t, i, ")");
        }
        c           = simple_expr(ym ? ora_type::interval_ym : ora_type::interval_ds);
        c.precision = static_cast<std::int16_t>(lead);
        c.scale     = static_cast<std::int16_t>(ym ? 0 : frac);
        c.declared =
            ym ? "INTERVAL YEAR(" + std::to_string(lead) + ") TO MONTH"
               : "INTERVAL DAY(" + std::to_string(lead) + ") TO SECOND(" + std::to_string(frac) + ")";
    } else if (n == "RAW") {
        expect_op(t, i, "(");
        long len = read_int(t, i);
        expect_op(t, i, ")");
        if (len < 1 || len > 2000) raise(910, "specified length too long for its datatype", t[i - 2].pos);
        c           = simple_expr(ora_type::raw);
        c.max_bytes = static_cast<std::uint32_t>(len);
        c.declared  = "RAW(" + std::to_string(len) + ")";
    } else if (n == "CLOB" || n == "NCLOB") {
        c = simple_expr(ora_type::clob);
        if (n == "NCLOB") {
            c.form     = cs_form::nchar;
            c.is_nclob = true;
            c.declared = "NCLOB";
        }
    } else if (n == "BLOB") {
        c = simple_expr(ora_type::blob);
    } else if (n == "BINARY_FLOAT") {
        c = simple_expr(ora_type::binary_float);
    } else if (n == "BINARY_DOUBLE") {
        c = simple_expr(ora_type::binary_double);
    } else if (n == "BOOLEAN") {
        c = simple_expr(ora_type::boolean);
    } else if (n == "LONG") {
        if (t[i].is("RAW")) unimplemented(t[i].pos);
        c          = simple_expr(ora_type::long_);
        c.is_long  = true;
        c.declared = "LONG";
    } else {
        raise(902, "invalid datatype", k.pos);
    }
    return c;
}

std::string sqlite_decl(const column_type& c) {
    switch (c.type) {
        case ora_type::number: return "TEXT COLLATE ORANUM";
        case ora_type::char_: return "TEXT COLLATE ORACHAR";
        case ora_type::date:
        case ora_type::binary_float:
        case ora_type::binary_double: return "REAL";
        case ora_type::interval_ym:
        case ora_type::interval_ds:
        case ora_type::boolean: return "INTEGER";
        case ora_type::raw:
        case ora_type::blob: return "BLOB";
        default: return "TEXT";
    }
}

void store_value(sqlite3_context* ctx, sqlite3_value* v, const column_type& c, int src,
                 const nls_settings& nls, const std::string& column) {
    int st = sqlite3_value_type(v);
    if (st == SQLITE_NULL || (st == SQLITE_TEXT && sqlite3_value_bytes(v) == 0) ||
        (st == SQLITE_BLOB && sqlite3_value_bytes(v) == 0)) {
        sqlite3_result_null(ctx);
        return;
    }
    auto too_large = [&](std::size_t actual, std::size_t max) {
        raise(12899, "value too large for column " + column + " (actual: " + std::to_string(actual) +
                         ", maximum: " + std::to_string(max) + ")");
    };
    switch (c.type) {
        case ora_type::number: {
            std::string d;
            if (is_time_src(src) || st == SQLITE_BLOB) inconsistent(ora_type::number, got_name(st, src));
            if (st == SQLITE_INTEGER)
                d = std::to_string(sqlite3_value_int64(v));
            else if (st == SQLITE_FLOAT)
                d = decimal::from_double(sqlite3_value_double(v));
            else if (!decimal::canonical(trim(text_of(v)), d))
                raise(1722, "invalid number");
            if (!c.is_float && c.scale != -127) {
                d = decimal::round(d, c.scale);
                if (c.precision > 0 && decimal::integer_digits(d) > c.precision - c.scale)
                    raise(1438, "value larger than specified precision allowed for this column");
            }
            result_text(ctx, d);
            return;
        }
        case ora_type::varchar:
        case ora_type::char_:
        case ora_type::clob:
        case ora_type::long_: {
            std::string s = char_text(v, src, nls);
            if (c.type == ora_type::varchar || c.type == ora_type::char_) {
                std::size_t n = c.char_semantics ? utf8_chars(s) : s.size();
                std::size_t m = c.char_semantics ? c.max_chars : c.max_bytes;
                if (n > m) too_large(n, m);
                if (c.type == ora_type::char_) s.append(m - n, ' ');
            }
            result_text(ctx, s);
            return;
        }
        case ora_type::date: {
            date_time d  = as_time(v, src, nls.date_format, nls);
            d.nanosecond = 0;
            sqlite3_result_double(ctx, dt::to_julian(d));
            return;
        }
        case ora_type::timestamp:
        case ora_type::timestamp_ltz:
        case ora_type::timestamp_tz: {
            bool tz_src = src == int(ora_type::timestamp_tz);
            timestamp_tz z;
            if (tz_src && st == SQLITE_TEXT && dt::tz_from_text(text_of(v), z)) {
                // keep the instant
            } else {
                date_time local  = as_time(v, src, nls.timestamp_format, nls);
                z.utc            = dt::add_minutes(local, -nls.time_zone_minutes);
                z.offset_minutes = static_cast<std::int16_t>(nls.time_zone_minutes);
            }
            z.utc = round_fraction(z.utc, c.scale);
            if (c.type == ora_type::timestamp)
                result_text(ctx, dt::to_text(dt::add_minutes(z.utc, z.offset_minutes)));
            else if (c.type == ora_type::timestamp_ltz)
                result_text(ctx, dt::to_text(z.utc));
            else
                result_text(ctx, dt::tz_to_text(z));
            return;
        }
        case ora_type::interval_ym:
        case ora_type::interval_ds: {
            long long n = 0;
            if (st == SQLITE_INTEGER)
                n = sqlite3_value_int64(v);
            else if (st != SQLITE_TEXT || src == int(ora_type::number) || is_time_src(src))
                inconsistent(c.type, got_name(st, src));
            else if (!interval_from_text(trim(text_of(v)), c.type == ora_type::interval_ym, n))
                raise(1867, "the interval is invalid");
            sqlite3_result_int64(ctx, n);
            return;
        }
        case ora_type::raw:
        case ora_type::blob: {
            std::vector<unsigned char> b;
            if (st == SQLITE_BLOB) {
                const auto* p = static_cast<const unsigned char*>(sqlite3_value_blob(v));
                b.assign(p, p + sqlite3_value_bytes(v));
            } else if (st == SQLITE_TEXT && src != int(ora_type::number)) {
                std::string h = text_of(v);
                if (h.size() % 2) h = "0" + h;
                for (std::size_t k = 0; k < h.size(); k += 2) {
                    char* end        = nullptr;
                    std::string byte = h.substr(k, 2);
                    long x           = std::strtol(byte.c_str(), &end, 16);
                    if (*end != 0 || !std::isxdigit(static_cast<unsigned char>(byte[0])))
                        raise(1465, "invalid hex number");
                    b.push_back(static_cast<unsigned char>(x));
                }
            } else {
                inconsistent(ora_type(c.type), got_name(st, src));
            }
            if (c.type == ora_type::raw && b.size() > c.max_bytes) too_large(b.size(), c.max_bytes);
            sqlite3_result_blob(ctx, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
            return;
        }
        case ora_type::binary_float:
        case ora_type::binary_double: {
            double d = 0;
            if (st == SQLITE_INTEGER || st == SQLITE_FLOAT) {
                if (is_time_src(src)) inconsistent(c.type, got_name(st, src));
                d = sqlite3_value_double(v);
            } else if (st == SQLITE_TEXT) {
                std::string s = trim(text_of(v));
                char* end     = nullptr;
                d             = std::strtod(s.c_str(), &end);
                if (s.empty() || *end != 0) raise(1722, "invalid number");
            } else {
                inconsistent(c.type, got_name(st, src));
            }
            if (c.type == ora_type::binary_float) d = static_cast<double>(static_cast<float>(d));
            sqlite3_result_double(ctx, d);
            return;
        }
        case ora_type::boolean: {
            if (st == SQLITE_INTEGER || st == SQLITE_FLOAT) {
                sqlite3_result_int(ctx, sqlite3_value_double(v) != 0);
                return;
            }
            std::string s = trim(text_of(v));
            for (auto& ch : s)
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            if (s == "TRUE" || s == "YES" || s == "ON" || s == "1" || s == "T" || s == "Y")
                sqlite3_result_int(ctx, 1);
            else if (s == "FALSE" || s == "NO" || s == "OFF" || s == "0" || s == "F" || s == "N")
                sqlite3_result_int(ctx, 0);
            else
                raise(61800, "invalid boolean value");  // not a 19c code; BOOLEAN is 23ai
            return;
        }
        default: unimplemented();
    }
}

value load_value(sqlite3_stmt* s, int i, const column_type& c, const nls_settings& nls) {
    int st = sqlite3_column_type(s, i);
    if (st == SQLITE_NULL) return null_t{};
    auto text = [&] {
        const auto* p = sqlite3_column_text(s, i);
        return std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
    };
    auto as_number = [&](const std::string& d) -> value {
        number n;
        if (number::parse(d, n)) return n;
        return d;
    };
    switch (c.type) {
        case ora_type::number: {
            if (st == SQLITE_INTEGER) return as_number(std::to_string(sqlite3_column_int64(s, i)));
            if (st == SQLITE_FLOAT) {
                double d = sqlite3_column_double(s, i);
                if (std::isinf(d)) return d > 0 ? number::positive_infinity() : number::negative_infinity();
                return as_number(decimal::from_double(d));
            }
            std::string d;
            if (st == SQLITE_TEXT && decimal::canonical(text(), d)) return as_number(d);
            break;
        }
        case ora_type::date: {
            if (st == SQLITE_FLOAT || st == SQLITE_INTEGER)
                return dt::from_julian(sqlite3_column_double(s, i));
            date_time d;
            if (st == SQLITE_TEXT && dt::from_text(text(), d)) {
                d.nanosecond = 0;
                return d;
            }
            break;
        }
        case ora_type::timestamp:
        case ora_type::timestamp_ltz:
        case ora_type::timestamp_tz: {
            date_time d;
            timestamp_tz z;
            if (st == SQLITE_FLOAT)
                d = dt::from_julian(sqlite3_column_double(s, i));
            else if (st == SQLITE_TEXT && dt::tz_from_text(text(), z)) {
                if (c.type == ora_type::timestamp_tz) return z;
                d = dt::add_minutes(z.utc, z.offset_minutes);
            } else if (st != SQLITE_TEXT || !dt::from_text(text(), d))
                break;
            if (c.type == ora_type::timestamp_ltz)
                return timestamp_ltz{dt::add_minutes(d, nls.time_zone_minutes)};
            if (c.type == ora_type::timestamp_tz) {
                z.utc            = dt::add_minutes(d, -nls.time_zone_minutes);
                z.offset_minutes = static_cast<std::int16_t>(nls.time_zone_minutes);
                return z;
            }
            return d;
        }
        case ora_type::interval_ym: {
            long long m = sqlite3_column_int64(s, i);
            return interval_ym{static_cast<std::int32_t>(m / 12), static_cast<std::int32_t>(m % 12)};
        }
        case ora_type::interval_ds: {
            long long ns = sqlite3_column_int64(s, i);
            interval_ds r;
            r.days = static_cast<std::int32_t>(ns / 86400000000000LL);
            ns %= 86400000000000LL;
            r.hours = static_cast<std::int32_t>(ns / 3600000000000LL);
            ns %= 3600000000000LL;
            r.minutes = static_cast<std::int32_t>(ns / 60000000000LL);
            ns %= 60000000000LL;
            r.seconds     = static_cast<std::int32_t>(ns / 1000000000LL);
            r.nanoseconds = static_cast<std::int32_t>(ns % 1000000000LL);
            return r;
        }
        case ora_type::binary_float: return static_cast<float>(sqlite3_column_double(s, i));
        case ora_type::binary_double: return sqlite3_column_double(s, i);
        case ora_type::boolean: return sqlite3_column_int64(s, i) != 0;
        case ora_type::rowid: {
            rowid r;
            if (st == SQLITE_TEXT && !proto::types::rowid_from_text(text(), r)) return r;
            break;
        }
        default: break;
    }
    if (st == SQLITE_BLOB) {
        const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(s, i));
        return raw_bytes{std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(s, i))};
    }
    if (c.type == ora_type::raw || c.type == ora_type::blob) {
        std::string t = text();
        return raw_bytes{std::vector<std::uint8_t>(t.begin(), t.end())};
    }
    if (st == SQLITE_INTEGER) return std::to_string(sqlite3_column_int64(s, i));
    if (st == SQLITE_FLOAT) return decimal::from_double(sqlite3_column_double(s, i));
    return text();
}

void bind_storage(sqlite3_stmt* s, int idx, const value& v) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, null_t>) {
                sqlite3_bind_null(s, idx);
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (x.empty())
                    sqlite3_bind_null(s, idx);
                else
                    sqlite3_bind_text(s, idx, x.data(), static_cast<int>(x.size()), SQLITE_TRANSIENT);
            } else if constexpr (std::is_same_v<T, raw_bytes>) {
                if (x.data.empty())
                    sqlite3_bind_null(s, idx);
                else
                    sqlite3_bind_blob(s, idx, x.data.data(), static_cast<int>(x.data.size()),
                                      SQLITE_TRANSIENT);
            } else if constexpr (std::is_same_v<T, number>) {
                const std::string& t = x.text();
                double d             = 0;
                char* end            = nullptr;
                long long iv         = std::strtoll(t.c_str(), &end, 10);
                if (t == "~" || t == "-~")
                    sqlite3_bind_double(s, idx, t[0] == '-' ? -HUGE_VAL : HUGE_VAL);
                else if (*end == 0 && errno != ERANGE && std::to_string(iv) == t)
                    sqlite3_bind_int64(s, idx, iv);
                else if (decimal::exact_as_double(t, d))
                    sqlite3_bind_double(s, idx, d);
                else
                    sqlite3_bind_text(s, idx, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
            } else if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
                sqlite3_bind_double(s, idx, static_cast<double>(x));
            } else if constexpr (std::is_same_v<T, bool>) {
                sqlite3_bind_int(s, idx, x ? 1 : 0);
            } else if constexpr (std::is_same_v<T, date_time>) {
                if (x.nanosecond == 0)
                    sqlite3_bind_double(s, idx, dt::to_julian(x));
                else {
                    std::string t = dt::to_text(x);
                    sqlite3_bind_text(s, idx, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
                }
            } else if constexpr (std::is_same_v<T, timestamp_tz>) {
                std::string t = dt::tz_to_text(x);
                sqlite3_bind_text(s, idx, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
            } else if constexpr (std::is_same_v<T, timestamp_ltz>) {
                std::string t = dt::to_text(x.value);
                sqlite3_bind_text(s, idx, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
            } else if constexpr (std::is_same_v<T, interval_ym>) {
                sqlite3_bind_int64(s, idx, static_cast<long long>(x.years) * 12 + x.months);
            } else if constexpr (std::is_same_v<T, interval_ds>) {
                long long ns =
                    (((static_cast<long long>(x.days) * 24 + x.hours) * 60 + x.minutes) * 60 + x.seconds) *
                        1000000000LL +
                    x.nanoseconds;
                sqlite3_bind_int64(s, idx, ns);
            } else if constexpr (std::is_same_v<T, rowid>) {
                sqlite3_bind_text(s, idx, x.text.data(), static_cast<int>(x.text.size()), SQLITE_TRANSIENT);
            }
        },
        v);
}

column_type bind_type(const value& v) {
    switch (v.index()) {
        case 1: return varchar_expr(4000);
        case 2: return simple_expr(ora_type::raw);
        case 3: return number_expr();
        case 4: return simple_expr(ora_type::binary_double);
        case 5: return simple_expr(ora_type::binary_float);
        case 6: return simple_expr(ora_type::boolean);
        case 7: return std::get<date_time>(v).nanosecond ? timestamp_expr(9) : date_expr();
        case 8: return timestamp_expr(9, ora_type::timestamp_tz);
        case 9: return timestamp_expr(9, ora_type::timestamp_ltz);
        case 10: return simple_expr(ora_type::interval_ym);
        case 11: return simple_expr(ora_type::interval_ds);
        default: return varchar_expr(4000);
    }
}

}  // namespace oranet::emulate

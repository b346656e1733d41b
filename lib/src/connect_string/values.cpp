#include "values.hpp"

#include <charconv>

namespace oranet::detail {

std::string to_upper(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return r;
}

std::string to_lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) noexcept {
    const char* ws = " \t\r\n\f\v";
    const auto b   = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(ws);
    return s.substr(b, e - b + 1);
}

bool parse_bool(std::string_view s, bool& out) noexcept {
    s = trim(s);
    for (const char* t : {"on", "yes", "true"})
        if (iequals(s, t)) return out = true, true;
    for (const char* f : {"off", "no", "false"})
        if (iequals(s, f)) return out = false, true;
    return false;
}

bool parse_uint(std::string_view s, std::uint32_t max, std::uint32_t& out) noexcept {
    s = trim(s);
    if (s.empty()) return false;
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<unsigned>(c - '0');
        if (v > max) return false;
    }
    out = static_cast<std::uint32_t>(v);
    return true;
}

bool parse_duration(std::string_view s, std::chrono::milliseconds& out) noexcept {
    s                      = trim(s);
    std::uint64_t scale_ms = 1000;  // seconds when there is no unit
    const auto ends_with   = [&](std::string_view suffix) {
        return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
    };
    if (ends_with("ms")) {
        scale_ms = 1;
        s.remove_suffix(2);
    } else if (ends_with("sec")) {
        s.remove_suffix(3);
    } else if (ends_with("min")) {
        scale_ms = 60000;
        s.remove_suffix(3);
    }
    s = trim(s);
    // Whole part and up to 3 fraction digits, in thousandths of the unit.
    const auto dot               = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    std::string_view frac        = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (whole.empty() && frac.empty()) return false;
    constexpr std::uint64_t max_ms = 86400000;
    std::uint64_t w                = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') return false;
        w = w * 10 + static_cast<unsigned>(c - '0');
        if (w > max_ms) return false;
    }
    std::uint64_t f = 0, fscale = 1;
    for (char c : frac) {
        if (c < '0' || c > '9') return false;
        if (fscale < 1000) {
            f = f * 10 + static_cast<unsigned>(c - '0');
            fscale *= 10;
        }
    }
    const std::uint64_t ms = w * scale_ms + f * scale_ms / fscale;
    if (ms > max_ms) return false;
    out = std::chrono::milliseconds(static_cast<std::int64_t>(ms));
    return true;
}

std::string format_duration(std::chrono::milliseconds d) {
    const auto ms = d.count();
    if (ms % 1000 != 0) return std::to_string(ms) + "ms";
    const auto sec = ms / 1000;
    if (sec % 60 == 0 && sec != 0) return std::to_string(sec / 60) + "min";
    return std::to_string(sec);
}

std::string descriptor_value(std::string_view v) {
    // Spaces around a plain value would be trimmed by a parser: quote them.
    bool needs_quotes = !v.empty() && trim(v).size() != v.size();
    for (char c : v)
        if (c == '(' || c == ')' || c == '=' || c == '"' || c == '#') needs_quotes = true;
    if (!needs_quotes) return std::string(v);
    std::string r = "\"";
    for (char c : v)
        r += c == '"' ? '\'' : c;
    r += '"';
    return r;
}

}  // namespace oranet::detail

#include "emulate/engine/unicode_case.hpp"

#include <cwctype>
#include <locale.h>

namespace oranet::emulate {

namespace {

// The C.UTF-8 locale's character classes (built into glibc, also in a
// static binary); nullptr leaves non-ASCII letters as they are.
locale_t utf8_locale() {
    static const locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    return loc;
}

// Decodes one code point at s[i] (advancing i); invalid bytes pass as themselves.
char32_t next(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int n        = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + static_cast<std::size_t>(n) >= s.size() + (n == 0 ? 1 : 0)) {
        ++i;
        return static_cast<char32_t>(0xDC00 + b);  // an unpaired byte: kept as is
    }
    char32_t cp = n == 0 ? b : b & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return static_cast<char32_t>(0xDC00 + b);
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += static_cast<std::size_t>(n) + 1;
    return cp;
}

void put(std::string& out, char32_t cp) {
    if (cp >= 0xDC80 && cp <= 0xDCFF) {
        out.push_back(static_cast<char>(cp - 0xDC00));
    } else if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

char32_t map_case(char32_t cp, bool up) {
    if (cp >= 0xDC80 && cp <= 0xDCFF) return cp;
    if (cp < 0x80) {
        if (up && cp >= 'a' && cp <= 'z') return cp - 32;
        if (!up && cp >= 'A' && cp <= 'Z') return cp + 32;
        return cp;
    }
    const locale_t loc = utf8_locale();
    if (loc == static_cast<locale_t>(nullptr)) return cp;
    const auto w = static_cast<wint_t>(cp);
    return static_cast<char32_t>(up ? towupper_l(w, loc) : towlower_l(w, loc));
}

bool is_alnum(char32_t cp) {
    if (cp >= 0xDC80 && cp <= 0xDCFF) return false;
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    const locale_t loc = utf8_locale();
    return loc != static_cast<locale_t>(nullptr) && iswalnum_l(static_cast<wint_t>(cp), loc) != 0;
}

std::string convert(std::string_view s, bool up) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();)
        put(out, map_case(next(s, i), up));
    return out;
}

}  // namespace

std::string utf8_upper(std::string_view s) { return convert(s, true); }
std::string utf8_lower(std::string_view s) { return convert(s, false); }

std::string utf8_initcap(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool start = true;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = next(s, i);
        put(out, map_case(cp, start));
        start = !is_alnum(cp);
    }
    return out;
}

}  // namespace oranet::emulate

// Character set conversions (see charset.hpp).
#include <oranet/proto/types/charset.hpp>

#include <array>

namespace oranet::proto::types {

namespace {

constexpr char32_t none = 0xffffffff;

// WE8MSWIN1252 bytes 0x80..0x9f (the rest of the set is Latin-1); `none`
// marks the five bytes that have no character.
constexpr std::array<char32_t, 32> cp1252_high = {
    0x20ac, none,   0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, none,   0x017d, none,   none,   0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, none,   0x017e, 0x0178,
};

void put_utf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | cp >> 6);
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | cp >> 12);
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | cp >> 18);
        out += static_cast<char>(0x80 | (cp >> 12 & 0x3f));
        out += static_cast<char>(0x80 | (cp >> 6 & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

// Reads one code point at `pos`; false on any ill-formed sequence.
bool next_utf8(std::string_view s, std::size_t& pos, char32_t& cp) noexcept {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    int extra     = 0;
    char32_t min  = 0;
    if (b0 < 0x80) {
        cp = b0;
        ++pos;
        return true;
    }
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        extra = 1;
        cp    = b0 & 0x1f;
        min   = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        extra = 2;
        cp    = b0 & 0x0f;
        min   = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        extra = 3;
        cp    = b0 & 0x07;
        min   = 0x10000;
    } else {
        return false;
    }
    if (s.size() - pos <= static_cast<std::size_t>(extra)) return false;
    for (int i = 1; i <= extra; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
        if ((b & 0xc0) != 0x80) return false;
        cp = cp << 6 | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    pos += static_cast<std::size_t>(extra) + 1;
    return true;
}

std::string_view as_chars(bytes_view in) noexcept {
    return {reinterpret_cast<const char*>(in.data()), in.size()};
}

std::error_code utf16_to_utf8(bytes_view in, std::string& out) {
    if (in.size() % 2 != 0) return client_errc::invalid_utf16;
    for (std::size_t i = 0; i < in.size(); i += 2) {
        char32_t unit = static_cast<char32_t>(in[i] << 8 | in[i + 1]);
        if (unit >= 0xdc00 && unit <= 0xdfff) return client_errc::invalid_utf16;  // lone low surrogate
        if (unit >= 0xd800 && unit <= 0xdbff) {
            if (i + 3 >= in.size()) return client_errc::invalid_utf16;
            const char32_t low = static_cast<char32_t>(in[i + 2] << 8 | in[i + 3]);
            if (low < 0xdc00 || low > 0xdfff) return client_errc::invalid_utf16;
            unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
            i += 2;
        }
        put_utf8(unit, out);
    }
    return {};
}

std::error_code single_byte_to_utf8(std::uint16_t charset_id, bytes_view in, std::string& out) {
    for (std::uint8_t b : in) {
        char32_t cp = b;
        if (charset_id == charset::we8mswin1252 && b >= 0x80 && b <= 0x9f) {
            cp = cp1252_high[b - 0x80];
            if (cp == none) return client_errc::unmappable_character;
        }
        put_utf8(cp, out);
    }
    return {};
}

int single_byte_of(std::uint16_t charset_id, char32_t cp) noexcept {
    if (charset_id == charset::we8iso8859p1) return cp <= 0xff ? static_cast<int>(cp) : -1;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) return static_cast<int>(cp);
    for (std::size_t i = 0; i < cp1252_high.size(); ++i)
        if (cp1252_high[i] == cp) return static_cast<int>(0x80 + i);
    return -1;
}

}  // namespace

bool is_supported_charset(std::uint16_t id) noexcept {
    return id == charset::al32utf8 || id == charset::utf8 || id == charset::al16utf16 ||
           id == charset::we8mswin1252 || id == charset::we8iso8859p1;
}

std::error_code validate_utf8(std::string_view text) noexcept {
    char32_t cp   = 0;
    std::size_t p = 0;
    while (p < text.size())
        if (!next_utf8(text, p, cp)) return client_errc::invalid_utf8;
    return {};
}

std::error_code to_utf8(std::uint16_t charset_id, bytes_view in, std::string& out) {
    out.clear();
    std::error_code ec;
    switch (charset_id) {
        case charset::al32utf8:
        case charset::utf8:
            ec = validate_utf8(as_chars(in));
            if (!ec) out.assign(as_chars(in));
            break;
        case charset::al16utf16: ec = utf16_to_utf8(in, out); break;
        case charset::we8mswin1252:
        case charset::we8iso8859p1: ec = single_byte_to_utf8(charset_id, in, out); break;
        default: ec = client_errc::unsupported_charset; break;
    }
    if (ec) out.clear();
    return ec;
}

std::error_code from_utf8(std::uint16_t charset_id, std::string_view in, std::vector<std::uint8_t>& out) {
    out.clear();
    if (!is_supported_charset(charset_id)) return client_errc::unsupported_charset;
    out.reserve(charset_id == charset::al16utf16 ? in.size() * 2 : in.size());
    char32_t cp   = 0;
    std::size_t p = 0;
    while (p < in.size()) {
        if (!next_utf8(in, p, cp)) {
            out.clear();
            return client_errc::invalid_utf8;
        }
        if (charset_id == charset::al32utf8 || charset_id == charset::utf8) continue;
        if (charset_id == charset::al16utf16) {
            auto put16 = [&out](char32_t u) {
                out.push_back(static_cast<std::uint8_t>(u >> 8));
                out.push_back(static_cast<std::uint8_t>(u));
            };
            if (cp >= 0x10000) {
                put16(0xd800 + ((cp - 0x10000) >> 10));
                put16(0xdc00 + ((cp - 0x10000) & 0x3ff));
            } else {
                put16(cp);
            }
            continue;
        }
        const int b = single_byte_of(charset_id, cp);
        if (b < 0) {
            out.clear();
            return client_errc::unmappable_character;
        }
        out.push_back(static_cast<std::uint8_t>(b));
    }
    if (charset_id == charset::al32utf8 || charset_id == charset::utf8)
        out.assign(reinterpret_cast<const std::uint8_t*>(in.data()),
                   reinterpret_cast<const std::uint8_t*>(in.data()) + in.size());
    return {};
}

}  // namespace oranet::proto::types

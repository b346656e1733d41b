// Character sets: AL32UTF8, AL16UTF16, WE8MSWIN1252, WE8ISO8859P1 <-> UTF-8.
#include "hex.hpp"

#include <oranet/proto/types/charset.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace oranet;
using namespace oranet::proto::types;
using oranet::test::from_hex;
using oranet::test::to_hex;

namespace {

std::string utf8_of(char32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xc0 | cp >> 6);
        s += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xe0 | cp >> 12);
        s += static_cast<char>(0x80 | (cp >> 6 & 0x3f));
        s += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        s += static_cast<char>(0xf0 | cp >> 18);
        s += static_cast<char>(0x80 | (cp >> 12 & 0x3f));
        s += static_cast<char>(0x80 | (cp >> 6 & 0x3f));
        s += static_cast<char>(0x80 | (cp & 0x3f));
    }
    return s;
}

std::string as_string(const std::vector<std::uint8_t>& b) { return {b.begin(), b.end()}; }

}  // namespace

TEST_CASE("AL32UTF8: well-formed text passes, ill-formed is invalid_utf8") {
    std::string out;
    REQUIRE(!to_utf8(charset::al32utf8, from_hex("616c706861"), out));
    CHECK(out == "alpha");
    REQUIRE(!to_utf8(charset::al32utf8, from_hex("e282ac f09f9880"), out));
    CHECK(out == "\u20ac\U0001F600");
    // Unicode 15, 3.9 "Well-Formed UTF-8 Byte Sequences" (table 3-7).
    for (const char* bad : {"80", "c0af", "c1bf", "e080af", "eda080", "edbfbf", "f4908080", "f5808080", "ff",
                            "e282", "f09f98", "c3", "61e2"}) {
        INFO(bad);
        CHECK(to_utf8(charset::al32utf8, from_hex(bad), out) == client_errc::invalid_utf8);
        CHECK(out.empty());
        std::vector<std::uint8_t> wire;
        CHECK(from_utf8(charset::al16utf16, as_string(from_hex(bad)), wire) == client_errc::invalid_utf8);
    }
}

TEST_CASE("AL16UTF16: big-endian with surrogate pairs") {
    // RFC 2781 section 2.1: U+10437 is D801 DC37; U+20AC is one unit.
    std::vector<std::uint8_t> wire;
    REQUIRE(!from_utf8(charset::al16utf16, "a\u20ac\U00010437", wire));
    CHECK(to_hex(wire) == "006120acd801dc37");
    std::string out;
    REQUIRE(!to_utf8(charset::al16utf16, wire, out));
    CHECK(out == "a\u20ac\U00010437");
    for (const char* bad : {"00", "d801", "d80100", "dc37", "d8010061", "d801d801"}) {
        INFO(bad);
        CHECK(to_utf8(charset::al16utf16, from_hex(bad), out) == client_errc::invalid_utf16);
    }
}

TEST_CASE("WE8MSWIN1252 and WE8ISO8859P1") {
    // Microsoft's cp1252 table (unicode.org MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT):
    // 0x80 is U+20AC, 0x9F U+0178; 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined.
    std::string out;
    REQUIRE(!to_utf8(charset::we8mswin1252, from_hex("80 9f e9 41"), out));
    CHECK(out == "\u20ac\u0178\u00e9A");
    for (const char* undefined : {"81", "8d", "8f", "90", "9d"})
        CHECK(to_utf8(charset::we8mswin1252, from_hex(undefined), out) == client_errc::unmappable_character);
    std::vector<std::uint8_t> wire;
    REQUIRE(!from_utf8(charset::we8mswin1252, "\u20ac\u0178\u00e9A", wire));
    CHECK(to_hex(wire) == "809fe941");
    CHECK(from_utf8(charset::we8mswin1252, "\u0100", wire) == client_errc::unmappable_character);
    CHECK(from_utf8(charset::we8mswin1252, "\u0081", wire) == client_errc::unmappable_character);
    // ISO 8859-1: every byte is the code point of the same number.
    REQUIRE(!to_utf8(charset::we8iso8859p1, from_hex("80 9f e9 ff"), out));
    CHECK(out == "\u0080\u009f\u00e9\u00ff");
    CHECK(from_utf8(charset::we8iso8859p1, "\u20ac", wire) == client_errc::unmappable_character);
    CHECK(wire.empty());
    CHECK(to_utf8(1, from_hex("41"), out) == client_errc::unsupported_charset);
    CHECK(from_utf8(1, "A", wire) == client_errc::unsupported_charset);
}

TEST_CASE("charsets: random code points round-trip") {
    std::mt19937 rng(23);
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        std::string latin1;
        for (int k = 0; k < 20; ++k) {
            char32_t cp = static_cast<char32_t>(rng() % 0x110000);
            if (cp >= 0xd800 && cp <= 0xdfff) cp = 0x41;
            text += utf8_of(cp);
            latin1 += utf8_of(static_cast<char32_t>(rng() % 0x100));
        }
        for (std::uint16_t cs : {charset::al32utf8, charset::al16utf16}) {
            std::vector<std::uint8_t> wire;
            REQUIRE(!from_utf8(cs, text, wire));
            std::string back;
            REQUIRE(!to_utf8(cs, wire, back));
            CHECK(back == text);
        }
        std::vector<std::uint8_t> wire;
        REQUIRE(!from_utf8(charset::we8iso8859p1, latin1, wire));
        CHECK(wire.size() == 20);
        std::string back;
        REQUIRE(!to_utf8(charset::we8iso8859p1, wire, back));
        CHECK(back == latin1);
    }
    // Every defined cp1252 byte round-trips.
    for (int b = 0; b < 256; ++b) {
        const std::vector<std::uint8_t> one{static_cast<std::uint8_t>(b)};
        std::string text;
        if (to_utf8(charset::we8mswin1252, one, text)) continue;
        std::vector<std::uint8_t> wire;
        REQUIRE(!from_utf8(charset::we8mswin1252, text, wire));
        CHECK(wire == one);
    }
}

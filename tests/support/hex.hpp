// Test helpers: hex strings to bytes and back, and access to ../shared/vectors.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::test {

inline std::vector<std::uint8_t> from_hex(std::string_view hex) {
    std::vector<std::uint8_t> out;
    int hi = -1;
    for (char c : hex) {
        int v = -1;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            continue;  // spaces, colons and newlines separate bytes
        if (hi < 0) {
            hi = v;
        } else {
            out.push_back(static_cast<std::uint8_t>(hi * 16 + v));
            hi = -1;
        }
    }
    return out;
}

template <class Bytes>
std::string to_hex(const Bytes& b) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (std::uint8_t c : b) {
        s += digits[c >> 4];
        s += digits[c & 15];
    }
    return s;
}

// The path of a file in ../shared/vectors, or nullopt when the folder is absent.
inline std::optional<std::filesystem::path> vector_file(std::string_view rel) {
    std::filesystem::path p = std::filesystem::path(ORANET_VECTORS_DIR) / rel;
    if (!std::filesystem::exists(p)) return std::nullopt;
    return p;
}

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace oranet::test

// Skips the rest of a test case, saying why, when a vector file is absent.
#define ORANET_REQUIRE_VECTOR(var, rel)                                                      \
    auto var##_opt = ::oranet::test::vector_file(rel);                                       \
    if (!var##_opt) {                                                                        \
        WARN("skipped: ../shared/vectors/" << rel << " is absent (a fresh clone has none)"); \
        return;                                                                              \
    }                                                                                        \
    const std::filesystem::path var = *var##_opt

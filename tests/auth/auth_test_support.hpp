// Helpers for the auth tests: a scripted random source, vector file lines,
// and a small scan of a packet dump for O5Logon key/value pairs.
#pragma once

#include <oranet/auth/crypto.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::auth::test {

// Hands out the scripted chunks in order (each request must have the size of
// the next chunk); once they are used up, deterministic pseudo-random bytes.
struct scripted_random {
    std::shared_ptr<std::deque<std::vector<std::uint8_t>>> chunks =
        std::make_shared<std::deque<std::vector<std::uint8_t>>>();
    std::shared_ptr<std::mt19937> prng  = std::make_shared<std::mt19937>(1234);
    std::shared_ptr<bool> size_mismatch = std::make_shared<bool>(false);

    void push(std::vector<std::uint8_t> c) { chunks->push_back(std::move(c)); }
    [[nodiscard]] bool used_up() const { return chunks->empty(); }

    random_source source() const {
        auto c = chunks;
        auto p = prng;
        auto m = size_mismatch;
        return [c, p, m](std::span<std::uint8_t> out) -> std::error_code {
            if (!c->empty()) {
                if (c->front().size() != out.size()) *m = true;
                for (std::size_t i = 0; i < out.size() && i < c->front().size(); ++i)
                    out[i] = c->front()[i];
                c->pop_front();
                return {};
            }
            for (auto& b : out)
                b = static_cast<std::uint8_t>((*p)() & 0xff);
            return {};
        };
    }
};

inline std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto at = s.find(sep, start);
        out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return out;
}

// Non-comment, non-empty lines of a vector file.
inline std::vector<std::string> data_lines(const std::string& text) {
    std::vector<std::string> out;
    for (auto& line : split(text, '\n')) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        out.push_back(line);
    }
    return out;
}

// One TTC auth key/value pair found in raw bytes: after the key's text come
// the value as UB4 length + length byte + text, then the UB4 flags.
struct found_pair {
    std::string value;
    std::uint32_t flags = 0;
};

inline std::optional<found_pair> scan_pair(const std::vector<std::uint8_t>& bytes, std::string_view key) {
    const std::string hay(bytes.begin(), bytes.end());
    const auto at = hay.find(key);
    if (at == std::string::npos) return std::nullopt;
    std::size_t i = at + key.size();
    auto ub4      = [&](std::uint32_t& v) {
        if (i >= bytes.size()) return false;
        const std::size_t n = bytes[i++];
        if (n > 4 || i + n > bytes.size()) return false;
        v = 0;
        for (std::size_t k = 0; k < n; ++k)
            v = (v << 8) | bytes[i++];
        return true;
    };
    std::uint32_t len = 0;
    if (!ub4(len)) return std::nullopt;
    found_pair p;
    if (len > 0) {
        if (i >= bytes.size() || bytes[i] != len || len >= 0xfe) return std::nullopt;
        ++i;
        if (i + len > bytes.size()) return std::nullopt;
        p.value.assign(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                       bytes.begin() + static_cast<std::ptrdiff_t>(i + len));
        i += len;
    }
    if (!ub4(p.flags)) return std::nullopt;
    return p;
}

}  // namespace oranet::auth::test

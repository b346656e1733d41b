// A byte buffer for secrets (passwords, keys): wiped with OPENSSL_cleanse when
// it is destroyed or reassigned, never printed. Copies are explicit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace oranet::auth {

class secret_bytes {
public:
    secret_bytes() = default;
    explicit secret_bytes(std::size_t n) : buf_(n, 0) {}
    explicit secret_bytes(std::span<const std::uint8_t> b) : buf_(b.begin(), b.end()) {}
    explicit secret_bytes(std::string_view s) : buf_(s.begin(), s.end()) {}
    secret_bytes(const secret_bytes&)            = delete;
    secret_bytes& operator=(const secret_bytes&) = delete;
    secret_bytes(secret_bytes&& other) noexcept : buf_(std::move(other.buf_)) { other.buf_.clear(); }
    secret_bytes& operator=(secret_bytes&& other) noexcept;
    ~secret_bytes() { wipe(); }

    [[nodiscard]] secret_bytes clone() const { return secret_bytes(std::span<const std::uint8_t>(buf_)); }
    void wipe() noexcept;
    void resize(std::size_t n);
    void append(std::span<const std::uint8_t> b);

    [[nodiscard]] std::uint8_t* data() noexcept { return buf_.data(); }
    [[nodiscard]] const std::uint8_t* data() const noexcept { return buf_.data(); }
    [[nodiscard]] std::size_t size() const noexcept { return buf_.size(); }
    [[nodiscard]] bool empty() const noexcept { return buf_.empty(); }
    [[nodiscard]] std::span<const std::uint8_t> view() const noexcept { return buf_; }
    [[nodiscard]] std::span<std::uint8_t> span() noexcept { return buf_; }
    std::uint8_t& operator[](std::size_t i) noexcept { return buf_[i]; }
    const std::uint8_t& operator[](std::size_t i) const noexcept { return buf_[i]; }

private:
    std::vector<std::uint8_t> buf_;
};

}  // namespace oranet::auth

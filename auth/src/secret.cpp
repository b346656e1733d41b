#include <oranet/auth/secret.hpp>

#include <openssl/crypto.h>

namespace oranet::auth {

secret_bytes& secret_bytes::operator=(secret_bytes&& other) noexcept {
    if (this != &other) {
        wipe();
        buf_ = std::move(other.buf_);
        other.buf_.clear();
    }
    return *this;
}

void secret_bytes::wipe() noexcept {
    if (!buf_.empty()) OPENSSL_cleanse(buf_.data(), buf_.size());
    buf_.clear();
}

void secret_bytes::resize(std::size_t n) {
    // Grow into a fresh buffer so that no stale copy of the secret is left
    // behind by the vector's reallocation.
    std::vector<std::uint8_t> fresh(n, 0);
    const std::size_t keep = n < buf_.size() ? n : buf_.size();
    for (std::size_t i = 0; i < keep; ++i)
        fresh[i] = buf_[i];
    wipe();
    buf_ = std::move(fresh);
}

void secret_bytes::append(std::span<const std::uint8_t> b) {
    const std::size_t old = buf_.size();
    resize(old + b.size());
    for (std::size_t i = 0; i < b.size(); ++i)
        buf_[old + i] = b[i];
}

}  // namespace oranet::auth

#include <oranet/connect_params.hpp>

#include <openssl/crypto.h>

namespace oranet {

secret_string& secret_string::operator=(const secret_string& o) {
    if (this != &o) {
        clear();
        buf_ = o.buf_;
    }
    return *this;
}

secret_string& secret_string::operator=(secret_string&& o) noexcept {
    if (this != &o) {
        clear();
        buf_ = std::move(o.buf_);
        o.buf_.clear();
    }
    return *this;
}

void secret_string::clear() noexcept {
    if (!buf_.empty()) OPENSSL_cleanse(buf_.data(), buf_.size());
    buf_.clear();
}

}  // namespace oranet

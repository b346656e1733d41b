#include <oranet/auth/crypto.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>

namespace oranet::auth {

namespace {

constexpr std::size_t aes_block = 16;

std::error_code failure() noexcept { return client_errc::auth_crypto_failure; }

struct md_ctx_free {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
struct cipher_ctx_free {
    void operator()(EVP_CIPHER_CTX* c) const noexcept { EVP_CIPHER_CTX_free(c); }
};

std::error_code digest(const EVP_MD* md, std::initializer_list<byte_view> parts, secret_bytes& out) {
    std::unique_ptr<EVP_MD_CTX, md_ctx_free> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1) return failure();
    for (byte_view p : parts)
        if (!p.empty() && EVP_DigestUpdate(ctx.get(), p.data(), p.size()) != 1) return failure();
    out.resize(static_cast<std::size_t>(EVP_MD_size(md)));
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(ctx.get(), out.data(), &n) != 1 || n != out.size()) {
        out.wipe();
        return failure();
    }
    return {};
}

const EVP_CIPHER* aes_cbc_for(std::size_t key_size) noexcept {
    switch (key_size) {
        case 16: return EVP_aes_128_cbc();
        case 24: return EVP_aes_192_cbc();
        case 32: return EVP_aes_256_cbc();
        default: return nullptr;
    }
}

// Raw CBC over whole blocks; padding is done by the callers.
std::error_code cbc(byte_view key, byte_view in, bool encrypt, secret_bytes& out) {
    const EVP_CIPHER* cipher = aes_cbc_for(key.size());
    if (cipher == nullptr || in.size() % aes_block != 0 || in.size() > INT_MAX) return failure();
    std::unique_ptr<EVP_CIPHER_CTX, cipher_ctx_free> ctx(EVP_CIPHER_CTX_new());
    const std::uint8_t iv[aes_block] = {};
    if (!ctx || EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(), iv, encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1)
        return failure();
    out.resize(in.size());
    int n = 0;
    if (!in.empty() &&
        (EVP_CipherUpdate(ctx.get(), out.data(), &n, in.data(), static_cast<int>(in.size())) != 1 ||
         static_cast<std::size_t>(n) != in.size())) {
        out.wipe();
        return failure();
    }
    int tail = 0;
    if (EVP_CipherFinal_ex(ctx.get(), out.data() + n, &tail) != 1 || tail != 0) {
        out.wipe();
        return failure();
    }
    return {};
}

}  // namespace

random_source system_random() {
    return [](std::span<std::uint8_t> out) { return random_bytes(out); };
}

std::error_code random_bytes(std::span<std::uint8_t> out) noexcept {
    if (out.empty()) return {};
    if (out.size() > INT_MAX || RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) return failure();
    return {};
}

std::error_code sha1(std::initializer_list<byte_view> parts, secret_bytes& out) {
    return digest(EVP_sha1(), parts, out);
}

std::error_code sha512(std::initializer_list<byte_view> parts, secret_bytes& out) {
    return digest(EVP_sha512(), parts, out);
}

std::error_code md5(std::initializer_list<byte_view> parts, secret_bytes& out) {
    return digest(EVP_md5(), parts, out);
}

std::error_code pbkdf2_sha512(byte_view password, byte_view salt, std::uint32_t iterations,
                              std::size_t length, secret_bytes& out) {
    if (iterations == 0 || iterations > INT_MAX || length == 0 || length > INT_MAX ||
        password.size() > INT_MAX || salt.size() > INT_MAX)
        return failure();
    out.resize(length);
    // libcrypto wants a non-null pointer even for an empty password.
    static const char empty = 0;
    const char* pw          = password.empty() ? &empty : reinterpret_cast<const char*>(password.data());
    if (PKCS5_PBKDF2_HMAC(pw, static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                          static_cast<int>(iterations), EVP_sha512(), static_cast<int>(length),
                          out.data()) != 1) {
        out.wipe();
        return failure();
    }
    return {};
}

std::error_code aes_cbc_encrypt(byte_view key, byte_view plain, padding pad, secret_bytes& out) {
    if (pad == padding::none) return cbc(key, plain, true, out);
    const std::size_t n = aes_block - plain.size() % aes_block;  // 1..16
    secret_bytes padded(plain);
    padded.resize(plain.size() + n);
    for (std::size_t i = plain.size(); i < padded.size(); ++i)
        padded[i] = static_cast<std::uint8_t>(n);
    return cbc(key, padded.view(), true, out);
}

std::error_code aes_cbc_decrypt(byte_view key, byte_view cipher, padding pad, secret_bytes& out) {
    if (auto ec = cbc(key, cipher, false, out)) return ec;
    if (pad == padding::none) return {};
    if (out.empty()) return failure();
    const std::uint8_t n = out[out.size() - 1];
    bool ok              = n >= 1 && n <= aes_block && n <= out.size();
    for (std::size_t i = 0; ok && i < n; ++i)
        ok = out[out.size() - 1 - i] == n;
    if (!ok) {
        out.wipe();
        return failure();
    }
    out.resize(out.size() - n);
    return {};
}

bool equal_constant_time(byte_view a, byte_view b) noexcept {
    return a.size() == b.size() && (a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0);
}

}  // namespace oranet::auth

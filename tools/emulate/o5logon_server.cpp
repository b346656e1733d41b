#include "emulate/o5logon_server.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace oranet::emulate {

namespace {

const EVP_CIPHER* cipher_for(std::size_t key_len) {
    switch (key_len) {
        case 16: return EVP_aes_128_cbc();
        case 24: return EVP_aes_192_cbc();
        case 32: return EVP_aes_256_cbc();
        default: return nullptr;
    }
}

// AES-CBC with a zero IV and no padding; `in` must be a multiple of 16.
bool aes_cbc(const byte_vec& key, const byte_vec& in, bool encrypt, byte_vec& out) {
    const EVP_CIPHER* c = cipher_for(key.size());
    if (c == nullptr || in.size() % 16 != 0) return false;
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        EVP_CIPHER_CTX_free);
    if (!ctx) return false;
    const unsigned char iv[16] = {};
    if (EVP_CipherInit_ex(ctx.get(), c, nullptr, key.data(), iv, encrypt ? 1 : 0) != 1) return false;
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    out.assign(in.size() + 16, 0);
    int n1 = 0;
    int n2 = 0;
    if (EVP_CipherUpdate(ctx.get(), out.data(), &n1, in.data(), static_cast<int>(in.size())) != 1)
        return false;
    if (EVP_CipherFinal_ex(ctx.get(), out.data() + n1, &n2) != 1) return false;
    out.resize(static_cast<std::size_t>(n1 + n2));
    return true;
}

byte_vec pad_n(byte_vec v) {
    const std::size_t n = 16 - v.size() % 16;
    v.insert(v.end(), n, static_cast<std::uint8_t>(n));
    return v;
}

bool random_bytes(byte_vec& out, std::size_t n) {
    out.assign(n, 0);
    return RAND_bytes(out.data(), static_cast<int>(n)) == 1;
}

bool pbkdf2_sha512(std::string_view pass, const byte_vec& salt, std::uint32_t iter, std::size_t len,
                   byte_vec& out) {
    out.assign(len, 0);
    return PKCS5_PBKDF2_HMAC(pass.data(), static_cast<int>(pass.size()), salt.data(),
                             static_cast<int>(salt.size()), static_cast<int>(iter), EVP_sha512(),
                             static_cast<int>(len), out.data()) == 1;
}

bool digest(const EVP_MD* md, const byte_vec& in, byte_vec& out) {
    out.assign(EVP_MAX_MD_SIZE, 0);
    unsigned int n = 0;
    if (EVP_Digest(in.data(), in.size(), out.data(), &n, md, nullptr) != 1) return false;
    out.resize(n);
    return true;
}

}  // namespace

std::string to_hex_upper(const byte_vec& b) {
    static const char* digits = "0123456789ABCDEF";
    std::string s;
    s.reserve(b.size() * 2);
    for (std::uint8_t c : b) {
        s += digits[c >> 4];
        s += digits[c & 15];
    }
    return s;
}

std::optional<byte_vec> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    byte_vec out;
    out.reserve(hex.size() / 2);
    auto nib = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = nib(hex[i]);
        const int lo = nib(hex[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    return out;
}

bool make_challenge(verifier_kind kind, std::string_view password, o5logon_challenge& out) {
    out      = o5logon_challenge{};
    out.kind = kind;
    if (!random_bytes(out.csk_salt, 16)) return false;
    if (kind == verifier_kind::v12c) {
        if (!random_bytes(out.vfr_data, 16) || !random_bytes(out.server_key, 32)) return false;
        byte_vec salt                 = out.vfr_data;
        const std::string_view suffix = "AUTH_PBKDF2_SPEEDY_KEY";
        salt.insert(salt.end(), suffix.begin(), suffix.end());
        byte_vec password_key;
        if (!pbkdf2_sha512(password, salt, out.vgen_count, 64, password_key)) return false;
        byte_vec h = password_key;
        h.insert(h.end(), out.vfr_data.begin(), out.vfr_data.end());
        byte_vec d;
        if (!digest(EVP_sha512(), h, d)) return false;
        out.password_hash.assign(d.begin(), d.begin() + 32);
    } else {
        if (!random_bytes(out.vfr_data, 10) || !random_bytes(out.server_key, 48)) return false;
        byte_vec h(password.begin(), password.end());
        h.insert(h.end(), out.vfr_data.begin(), out.vfr_data.end());
        byte_vec d;
        if (!digest(EVP_sha1(), h, d)) return false;
        d.resize(24, 0);
        out.password_hash = d;
    }
    byte_vec enc;
    if (!aes_cbc(out.password_hash, out.server_key, true, enc)) return false;
    out.encoded_server_key = to_hex_upper(enc);
    return true;
}

std::optional<byte_vec> combo_key(const o5logon_challenge& c, std::string_view client_key_hex) {
    auto enc = from_hex(client_key_hex);
    if (!enc || enc->empty()) return std::nullopt;
    byte_vec client_key;
    if (!aes_cbc(c.password_hash, *enc, false, client_key)) return std::nullopt;
    const std::size_t key_len = c.kind == verifier_kind::v12c ? 32 : 24;
    if (c.server_key.size() == 48 && client_key.size() == 48) {
        // The classic 11g scheme (node-oracledb answers a 48-byte key in kind).
        byte_vec x(24);
        for (std::size_t i = 0; i < 24; ++i)
            x[i] = c.server_key[16 + i] ^ client_key[16 + i];
        byte_vec p1;
        byte_vec p2;
        if (!digest(EVP_md5(), byte_vec(x.begin(), x.begin() + 16), p1)) return std::nullopt;
        if (!digest(EVP_md5(), byte_vec(x.begin() + 16, x.end()), p2)) return std::nullopt;
        p1.insert(p1.end(), p2.begin(), p2.end());
        p1.resize(key_len);
        return p1;
    }
    if (client_key.size() < key_len || c.server_key.size() < key_len) return std::nullopt;
    byte_vec mix(client_key.begin(), client_key.begin() + static_cast<std::ptrdiff_t>(key_len));
    mix.insert(mix.end(), c.server_key.begin(), c.server_key.begin() + static_cast<std::ptrdiff_t>(key_len));
    const std::string mix_hex = to_hex_upper(mix);
    byte_vec combo;
    if (!pbkdf2_sha512(mix_hex, c.csk_salt, c.sder_count, key_len, combo)) return std::nullopt;
    return combo;
}

std::optional<std::string> decrypt_password(const byte_vec& combo, std::string_view hex) {
    auto enc = from_hex(hex);
    if (!enc || enc->size() < 32) return std::nullopt;
    byte_vec plain;
    if (!aes_cbc(combo, *enc, false, plain)) return std::nullopt;
    const std::uint8_t n = plain.back();
    if (n == 0 || n > 16 || plain.size() < 16u + n) return std::nullopt;
    for (std::size_t i = plain.size() - n; i < plain.size(); ++i) {
        if (plain[i] != n) return std::nullopt;
    }
    return std::string(plain.begin() + 16, plain.end() - n);
}

std::string server_response(const byte_vec& combo) {
    byte_vec plain;
    if (!random_bytes(plain, 16)) plain.assign(16, 0x5a);
    const std::string_view tag = "SERVER_TO_CLIENT";
    plain.insert(plain.end(), tag.begin(), tag.end());
    byte_vec enc;
    if (!aes_cbc(combo, pad_n(plain), true, enc)) return {};
    return to_hex_upper(enc);
}

}  // namespace oranet::emulate

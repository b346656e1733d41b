#include "o5logon_detail.hpp"

namespace oranet::auth::detail {

namespace {

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

template <class Out>
bool decode_hex(std::string_view hex, Out& out) {
    if (hex.size() % 2 != 0) return false;
    out.resize(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = hex_value(hex[i]);
        const int lo = hex_value(hex[i + 1]);
        if (hi < 0 || lo < 0) {
            out.resize(0);
            return false;
        }
        out[i / 2] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return true;
}

constexpr char upper_digits[] = "0123456789ABCDEF";

}  // namespace

bool from_hex(std::string_view hex, std::vector<std::uint8_t>& out) { return decode_hex(hex, out); }

bool from_hex(std::string_view hex, secret_bytes& out) { return decode_hex(hex, out); }

std::string to_hex_upper(byte_view b) {
    std::string s;
    s.reserve(b.size() * 2);
    for (std::uint8_t c : b) {
        s += upper_digits[c >> 4];
        s += upper_digits[c & 15];
    }
    return s;
}

void to_hex_upper(byte_view b, secret_bytes& out) {
    out.resize(b.size() * 2);
    for (std::size_t i = 0; i < b.size(); ++i) {
        out[2 * i]     = static_cast<std::uint8_t>(upper_digits[b[i] >> 4]);
        out[2 * i + 1] = static_cast<std::uint8_t>(upper_digits[b[i] & 15]);
    }
}

bool parse_decimal(std::string_view text, std::uint32_t& out) {
    if (text.empty() || text.size() > 10) return false;
    std::uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (v > 0xffffffffu) return false;
    out = static_cast<std::uint32_t>(v);
    return true;
}

std::error_code make_combo_key(combo_scheme scheme, std::size_t key_size, byte_view server_part,
                               byte_view client_part, byte_view csk_salt, std::uint32_t sder_count,
                               secret_bytes& out) {
    if (scheme == combo_scheme::md5_xor) {
        // Bytes 16..40 of both parts, XORed; MD5 of the first 16 and of the last 8.
        constexpr std::size_t from = 16, len = 24;
        if (server_part.size() < from + len || client_part.size() < from + len || key_size > 32)
            return client_errc::auth_crypto_failure;
        secret_bytes x(len);
        for (std::size_t i = 0; i < len; ++i)
            x[i] = server_part[from + i] ^ client_part[from + i];
        secret_bytes h1, h2;
        if (auto ec = md5({x.view().first(16)}, h1)) return ec;
        if (auto ec = md5({x.view().subspan(16)}, h2)) return ec;
        out = std::move(h1);
        out.append(h2.view());
        out.resize(key_size);
        return {};
    }
    if (server_part.size() < key_size || client_part.size() < key_size)
        return client_errc::auth_crypto_failure;
    secret_bytes mixed(client_part.first(key_size));
    mixed.append(server_part.first(key_size));
    secret_bytes text;
    to_hex_upper(mixed.view(), text);
    return pbkdf2_sha512(text.view(), csk_salt, sder_count, key_size, out);
}

std::error_code encrypt_salted(byte_view combo_key, byte_view salt, byte_view secret, std::string& hex_out) {
    secret_bytes plain(salt);
    plain.append(secret);
    secret_bytes cipher;
    if (auto ec = aes_cbc_encrypt(combo_key, plain.view(), padding::pkcs7, cipher)) return ec;
    hex_out = to_hex_upper(cipher.view());
    return {};
}

std::error_code decrypt_salted(byte_view combo_key, std::string_view hex, secret_bytes& secret_out) {
    std::vector<std::uint8_t> cipher;
    if (!from_hex(hex, cipher) || cipher.empty() || cipher.size() % 16 != 0)
        return client_errc::auth_bad_parameter;
    secret_bytes plain;
    if (auto ec = aes_cbc_decrypt(combo_key, cipher, padding::pkcs7, plain)) return ec;
    if (plain.size() < salt_prefix) return client_errc::auth_crypto_failure;
    secret_out = secret_bytes(plain.view().subspan(salt_prefix));
    return {};
}

}  // namespace oranet::auth::detail

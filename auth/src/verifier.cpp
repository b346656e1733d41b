#include "o5logon_detail.hpp"

#include <oranet/auth/o5logon.hpp>
#include <oranet/auth/verifier.hpp>

#include <cstdio>

namespace oranet::auth {

namespace {

constexpr std::size_t hash_size_11g = 20;
constexpr std::size_t hash_size_12c = 64;

bool known_type(verifier_type t) noexcept {
    const auto v = static_cast<std::uint32_t>(t);
    return is_11g(v) || is_12c(v);
}

// The 64-byte PBKDF2 key of a 12c verifier.
std::error_code password_key_12c(byte_view password, byte_view salt, std::uint32_t vgen_count,
                                 secret_bytes& out) {
    std::vector<std::uint8_t> s(salt.begin(), salt.end());
    const byte_view label = detail::as_bytes(detail::speedy_key_label);
    s.insert(s.end(), label.begin(), label.end());
    return pbkdf2_sha512(password, s, vgen_count, hash_size_12c, out);
}

}  // namespace

std::string verifier_type_name(std::uint32_t t) {
    const char* family = is_12c(t) ? "12c" : is_11g(t) ? "11g" : t == 0x939 ? "10g" : "unknown";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s (0x%x)", family, static_cast<unsigned>(t));
    return buf;
}

stored_verifier stored_verifier::clone() const {
    stored_verifier v;
    v.type       = type;
    v.hash       = hash.clone();
    v.salt       = salt;
    v.vgen_count = vgen_count;
    return v;
}

std::error_code make_verifier(verifier_type type, std::string_view password, const random_source& rng,
                              stored_verifier& out, std::uint32_t vgen_count) {
    if (!known_type(type)) return client_errc::auth_verifier_unsupported;
    std::vector<std::uint8_t> salt(is_12c(static_cast<std::uint32_t>(type)) ? salt_size_12c : salt_size_11g);
    if (!rng) return client_errc::auth_crypto_failure;
    if (auto ec = rng(salt)) return ec;
    return make_verifier_with_salt(type, password, salt, vgen_count, out);
}

std::error_code make_verifier_with_salt(verifier_type type, std::string_view password, byte_view salt,
                                        std::uint32_t vgen_count, stored_verifier& out) {
    if (!known_type(type)) return client_errc::auth_verifier_unsupported;
    if (password.size() > max_password_size) return client_errc::auth_password_too_long;
    const bool v12c = is_12c(static_cast<std::uint32_t>(type));
    if (salt.size() != (v12c ? salt_size_12c : salt_size_11g)) return client_errc::auth_bad_parameter;
    if (v12c && (vgen_count < min_vgen_count || vgen_count > max_vgen_count))
        return client_errc::auth_bad_parameter;
    stored_verifier v;
    v.type             = type;
    v.salt             = std::vector<std::uint8_t>(salt.begin(), salt.end());
    v.vgen_count       = v12c ? vgen_count : default_vgen_count;
    const byte_view pw = detail::as_bytes(password);
    if (v12c) {
        secret_bytes key;
        if (auto ec = password_key_12c(pw, salt, vgen_count, key)) return ec;
        if (auto ec = sha512({key.view(), salt}, v.hash)) return ec;
    } else if (auto ec = sha1({pw, salt}, v.hash)) {
        return ec;
    }
    out = std::move(v);
    return {};
}

std::error_code parse_verifier(verifier_type type, std::string_view text, stored_verifier& out,
                               std::uint32_t vgen_count) {
    if (!known_type(type)) return client_errc::auth_verifier_unsupported;
    const bool v12c = is_12c(static_cast<std::uint32_t>(type));
    if (text.size() > 2 && text[1] == ':') {
        if ((v12c && text[0] != 'T') || (!v12c && text[0] != 'S')) return client_errc::auth_bad_parameter;
        text.remove_prefix(2);
    }
    secret_bytes raw;
    const std::size_t hash_size = v12c ? hash_size_12c : hash_size_11g;
    const std::size_t salt_size = v12c ? salt_size_12c : salt_size_11g;
    if (!detail::from_hex(text, raw) || raw.size() != hash_size + salt_size)
        return client_errc::auth_bad_parameter;
    if (v12c && (vgen_count < min_vgen_count || vgen_count > max_vgen_count))
        return client_errc::auth_bad_parameter;
    stored_verifier v;
    v.type       = type;
    v.hash       = secret_bytes(raw.view().first(hash_size));
    v.salt       = std::vector<std::uint8_t>(raw.view().begin() + static_cast<std::ptrdiff_t>(hash_size),
                                       raw.view().end());
    v.vgen_count = v12c ? vgen_count : default_vgen_count;
    out          = std::move(v);
    return {};
}

std::string format_verifier(const stored_verifier& v) {
    std::string s = is_12c(static_cast<std::uint32_t>(v.type)) ? "T:" : "S:";
    s += detail::to_hex_upper(v.hash.view());
    s += detail::to_hex_upper(v.salt);
    return s;
}

std::error_code derive_password_keys(std::uint32_t type, byte_view password, byte_view vfr_data,
                                     std::uint32_t vgen_count, secret_bytes& sesskey_key,
                                     secret_bytes& password_key) {
    password_key.wipe();
    if (is_11g(type)) {
        if (auto ec = sha1({password, vfr_data}, sesskey_key)) return ec;
        sesskey_key.resize(24);  // AES-192: the SHA-1 and four zero bytes
        return {};
    }
    if (!is_12c(type)) return client_errc::auth_verifier_unsupported;
    if (auto ec = password_key_12c(password, vfr_data, vgen_count, password_key)) return ec;
    if (auto ec = sha512({password_key.view(), vfr_data}, sesskey_key)) return ec;
    sesskey_key.resize(32);
    return {};
}

std::error_code sesskey_key_from_verifier(const stored_verifier& v, secret_bytes& sesskey_key) {
    const auto t = static_cast<std::uint32_t>(v.type);
    if (is_11g(t) && v.hash.size() == hash_size_11g) {
        sesskey_key = v.hash.clone();
        sesskey_key.resize(24);
        return {};
    }
    if (is_12c(t) && v.hash.size() == hash_size_12c) {
        sesskey_key = secret_bytes(v.hash.view().first(32));
        return {};
    }
    return client_errc::auth_bad_parameter;
}

}  // namespace oranet::auth

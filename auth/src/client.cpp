#include "o5logon_detail.hpp"

#include <oranet/auth/client.hpp>

#include <utility>

namespace oranet::auth {

namespace {

// The server's values once checked and decoded.
struct checked_params {
    std::vector<std::uint8_t> sesskey;
    std::vector<std::uint8_t> vfr_data;
    std::vector<std::uint8_t> csk_salt;
    std::uint32_t vgen_count = 0;
    std::uint32_t sder_count = 0;
};

std::string range_text(std::uint32_t lo, std::uint32_t hi) {
    return std::to_string(lo) + ".." + std::to_string(hi);
}

}  // namespace

o5logon_client::o5logon_client(client_options opts, random_source rng) : opts_(opts), rng_(std::move(rng)) {}

std::error_code o5logon_client::fail(std::error_code ec, std::string msg) {
    diag_ = std::move(msg);
    combo_key_.wipe();
    return ec;
}

std::error_code o5logon_client::respond(const phase_one_params& server, std::string_view password,
                                        std::optional<std::string_view> new_password,
                                        phase_two_request& out) {
    diag_.clear();
    combo_key_.wipe();
    verifier_ = server.verifier_type;

    // 1. Policy and parameter checks: nothing secret is derived before they pass.
    if (password.size() > max_password_size || (new_password && new_password->size() > max_password_size))
        return fail(client_errc::auth_password_too_long, "the password is longer than 1024 bytes");
    const std::uint32_t type = server.verifier_type;
    const std::string name   = verifier_type_name(type);
    if (type == static_cast<std::uint32_t>(verifier_type::v10g))
        return fail(client_errc::auth_verifier_10g_refused,
                    "the server offered password verifier type " + name + ", which oranet refuses");
    if (!is_11g(type) && !is_12c(type))
        return fail(client_errc::auth_verifier_unsupported,
                    "the server offered password verifier type " + name + ", which oranet does not support");
    if (is_11g(type) && opts_.require_12c)
        return fail(client_errc::auth_12c_required, "the server offered password verifier type " + name +
                                                        " but the 12c verifier is required");
    const bool v12c = is_12c(type);

    checked_params p;
    auto hex_param = [&](std::string_view key, std::string_view value, std::size_t size,
                         std::vector<std::uint8_t>& to) -> std::error_code {
        if (value.empty())
            return fail(client_errc::auth_missing_parameter, "the server did not send " + std::string(key));
        if (!detail::from_hex(value, to))
            return fail(client_errc::auth_bad_parameter, "the server's " + std::string(key) + " is not hex");
        if (to.size() != size)
            return fail(client_errc::auth_bad_parameter,
                        "the server's " + std::string(key) + " has " + std::to_string(to.size()) +
                            " bytes; " + std::to_string(size) + " are required for verifier type " + name);
        return {};
    };
    auto count_param = [&](std::string_view key, std::string_view value, std::uint32_t lo, std::uint32_t hi,
                           std::uint32_t& to) -> std::error_code {
        if (value.empty())
            return fail(client_errc::auth_missing_parameter, "the server did not send " + std::string(key));
        if (!detail::parse_decimal(value, to) || to < lo || to > hi)
            return fail(client_errc::auth_bad_parameter,
                        "the server's " + std::string(key) + " is not a count in " + range_text(lo, hi));
        return {};
    };

    const std::size_t sesskey_size = v12c ? server_sesskey_size_12c : server_sesskey_size_11g;
    if (auto ec = hex_param("AUTH_SESSKEY", server.sesskey, sesskey_size, p.sesskey)) return ec;
    if (auto ec =
            hex_param("AUTH_VFR_DATA", server.vfr_data, v12c ? salt_size_12c : salt_size_11g, p.vfr_data))
        return ec;
    if (v12c) {
        if (auto ec = count_param("AUTH_PBKDF2_VGEN_COUNT", server.vgen_count, min_vgen_count, max_vgen_count,
                                  p.vgen_count))
            return ec;
    }
    const combo_scheme scheme =
        (v12c || opts_.pbkdf2_combo_for_11g) ? combo_scheme::pbkdf2 : combo_scheme::md5_xor;
    if (scheme == combo_scheme::pbkdf2) {
        if (auto ec = hex_param("AUTH_PBKDF2_CSK_SALT", server.csk_salt, csk_salt_size, p.csk_salt))
            return ec;
        if (auto ec = count_param("AUTH_PBKDF2_SDER_COUNT", server.sder_count, min_sder_count, max_sder_count,
                                  p.sder_count))
            return ec;
    }
    if (!rng_) return fail(client_errc::auth_crypto_failure, "no random source");
    scheme_ = scheme;

    // 2. The key that wraps the session key parts, from the password.
    secret_bytes wrap_key, password_key;
    if (auto ec = derive_password_keys(type, detail::as_bytes(password), p.vfr_data, p.vgen_count, wrap_key,
                                       password_key))
        return fail(ec, "password key derivation failed");

    // 3. Unwrap the server's part, make and wrap ours.
    secret_bytes server_part;
    if (auto ec = aes_cbc_decrypt(wrap_key.view(), p.sesskey, padding::none, server_part))
        return fail(ec, "AUTH_SESSKEY could not be decrypted");
    secret_bytes client_part(scheme == combo_scheme::md5_xor ? std::size_t{48} : std::size_t{32});
    if (auto ec = rng_(client_part.span())) return fail(ec, "the random source failed");
    secret_bytes wrapped;
    if (auto ec = aes_cbc_encrypt(wrap_key.view(), client_part.view(), padding::none, wrapped))
        return fail(ec, "AUTH_SESSKEY could not be encrypted");

    // 4. The combo key.
    const std::size_t key_size = v12c ? 32 : 24;
    secret_bytes combo;
    if (auto ec = detail::make_combo_key(scheme, key_size, server_part.view(), client_part.view(), p.csk_salt,
                                         p.sder_count, combo))
        return fail(ec, "combo key derivation failed");

    phase_two_request req;
    req.sesskey = detail::to_hex_upper(wrapped.view());

    // 5. 12c: the speedy key proves the PBKDF2 key itself.
    if (v12c) {
        secret_bytes plain(detail::salt_prefix);
        if (auto ec = rng_(plain.span())) return fail(ec, "the random source failed");
        plain.append(password_key.view());
        secret_bytes cipher;
        if (auto ec = aes_cbc_encrypt(combo.view(), plain.view(), padding::none, cipher))
            return fail(ec, "AUTH_PBKDF2_SPEEDY_KEY could not be encrypted");
        req.speedy_key = detail::to_hex_upper(cipher.view());
    }

    // 6. The passwords, behind one shared random salt.
    secret_bytes salt(detail::salt_prefix);
    if (auto ec = rng_(salt.span())) return fail(ec, "the random source failed");
    if (auto ec = detail::encrypt_salted(combo.view(), salt.view(), detail::as_bytes(password), req.password))
        return fail(ec, "AUTH_PASSWORD could not be encrypted");
    if (new_password) {
        if (auto ec = detail::encrypt_salted(combo.view(), salt.view(), detail::as_bytes(*new_password),
                                             req.newpassword))
            return fail(ec, "AUTH_NEWPASSWORD could not be encrypted");
    }

    combo_key_ = std::move(combo);
    out        = std::move(req);
    return {};
}

std::error_code o5logon_client::verify_server(std::string_view svr_response_hex) const {
    if (combo_key_.empty()) return client_errc::auth_server_not_verified;
    std::vector<std::uint8_t> cipher;
    if (!detail::from_hex(svr_response_hex, cipher) || cipher.size() < 32 || cipher.size() % 16 != 0)
        return client_errc::auth_server_not_verified;
    secret_bytes plain;
    if (aes_cbc_decrypt(combo_key_.view(), cipher, padding::none, plain))
        return client_errc::auth_server_not_verified;
    const byte_view tag = plain.view().subspan(16, detail::server_to_client.size());
    if (!equal_constant_time(tag, detail::as_bytes(detail::server_to_client)))
        return client_errc::auth_server_not_verified;
    return {};
}

std::error_code o5logon_client::encrypt_password_change(std::string_view password,
                                                        std::string_view new_password,
                                                        phase_two_request& out) const {
    if (combo_key_.empty()) return client_errc::bad_argument;
    if (password.size() > max_password_size || new_password.size() > max_password_size)
        return client_errc::auth_password_too_long;
    if (!rng_) return client_errc::auth_crypto_failure;
    std::uint8_t salt[detail::salt_prefix];
    if (auto ec = rng_(salt)) return ec;
    std::string pw, npw;
    if (auto ec = detail::encrypt_salted(combo_key_.view(), salt, detail::as_bytes(password), pw)) return ec;
    if (auto ec = detail::encrypt_salted(combo_key_.view(), salt, detail::as_bytes(new_password), npw))
        return ec;
    out.password    = std::move(pw);
    out.newpassword = std::move(npw);
    return {};
}

}  // namespace oranet::auth

#include "o5logon_detail.hpp"

#include <oranet/auth/server.hpp>

#include <utility>

namespace oranet::auth {

namespace {

// Upper bound on AUTH_PASSWORD / AUTH_NEWPASSWORD: salt, 1024 bytes, padding.
constexpr std::size_t max_salted_hex = 2 * (detail::salt_prefix + max_password_size + 16);

std::error_code denied() noexcept { return ora_error(1017); }

}  // namespace

o5logon_server::o5logon_server(const stored_verifier& v, server_options opts, random_source rng)
    : verifier_(v.clone()), opts_(opts), rng_(std::move(rng)) {}

std::error_code o5logon_server::fail(std::error_code ec, std::string msg) {
    diag_ = std::move(msg);
    return ec;
}

std::error_code o5logon_server::challenge(phase_one_params& out) {
    diag_.clear();
    server_part_.wipe();
    combo_key_.wipe();
    csk_salt_.clear();
    const auto type = static_cast<std::uint32_t>(verifier_.type);
    const bool v12c = is_12c(type);
    secret_bytes wrap_key;
    if (!is_11g(type) && !v12c)
        return fail(client_errc::auth_bad_parameter,
                    "the stored verifier's type " + verifier_type_name(type) + " cannot be offered");
    if (sesskey_key_from_verifier(verifier_, wrap_key) ||
        verifier_.salt.size() != (v12c ? salt_size_12c : salt_size_11g))
        return fail(client_errc::auth_bad_parameter, "the stored verifier is malformed");
    if (opts_.sder_count < min_sder_count || opts_.sder_count > max_sder_count)
        return fail(client_errc::auth_bad_parameter, "the SDER count is outside the accepted range");
    if (!rng_) return fail(client_errc::auth_crypto_failure, "no random source");

    // 12c: 32 random bytes. 11g: 40 random bytes and 8 bytes of padding, as
    // the keys of real 11g servers decrypt.
    secret_bytes part(v12c ? std::size_t{32} : std::size_t{40});
    if (auto ec = rng_(part.span())) return fail(ec, "the random source failed");
    secret_bytes wrapped;
    if (auto ec =
            aes_cbc_encrypt(wrap_key.view(), part.view(), v12c ? padding::none : padding::pkcs7, wrapped))
        return fail(ec, "AUTH_SESSKEY could not be encrypted");
    if (auto ec = aes_cbc_decrypt(wrap_key.view(), wrapped.view(), padding::none, server_part_))
        return fail(ec, "AUTH_SESSKEY could not be decrypted");

    phase_one_params p;
    p.sesskey       = detail::to_hex_upper(wrapped.view());
    p.vfr_data      = detail::to_hex_upper(verifier_.salt);
    p.verifier_type = type;
    if (v12c) p.vgen_count = std::to_string(verifier_.vgen_count);
    if (v12c || opts_.pbkdf2_params_for_11g) {
        csk_salt_.resize(csk_salt_size);
        if (auto ec = rng_(csk_salt_)) return fail(ec, "the random source failed");
        p.csk_salt   = detail::to_hex_upper(csk_salt_);
        p.sder_count = std::to_string(opts_.sder_count);
    }
    out = std::move(p);
    return {};
}

std::error_code o5logon_server::check(const phase_two_request& in, server_verdict& out) {
    diag_.clear();
    if (server_part_.empty()) return fail(client_errc::bad_argument, "check() before challenge()");
    const auto type = static_cast<std::uint32_t>(verifier_.type);
    const bool v12c = is_12c(type);

    // The combo scheme, from the size of the client's key part.
    if (in.sesskey.empty())
        return fail(client_errc::auth_missing_parameter, "the client sent no AUTH_SESSKEY");
    if (in.password.empty())
        return fail(client_errc::auth_missing_parameter, "the client sent no AUTH_PASSWORD");
    combo_scheme scheme;
    if (in.sesskey.size() == 64 && !csk_salt_.empty())
        scheme = combo_scheme::pbkdf2;
    else if (in.sesskey.size() == 96 && !v12c)
        scheme = combo_scheme::md5_xor;
    else
        return fail(client_errc::auth_bad_parameter, "the client's AUTH_SESSKEY has an unexpected length");
    if (in.password.size() > max_salted_hex || in.newpassword.size() > max_salted_hex)
        return fail(client_errc::auth_bad_parameter, "the client's password value is too long");

    secret_bytes wrap_key;
    if (auto ec = sesskey_key_from_verifier(verifier_, wrap_key))
        return fail(ec, "the stored verifier is malformed");
    std::vector<std::uint8_t> wrapped;
    if (!detail::from_hex(in.sesskey, wrapped))
        return fail(client_errc::auth_bad_parameter, "the client's AUTH_SESSKEY is not hex");
    secret_bytes client_part;
    if (auto ec = aes_cbc_decrypt(wrap_key.view(), wrapped, padding::none, client_part))
        return fail(ec, "AUTH_SESSKEY could not be decrypted");

    const std::size_t key_size = v12c ? 32 : 24;
    secret_bytes combo;
    if (auto ec = detail::make_combo_key(scheme, key_size, server_part_.view(), client_part.view(), csk_salt_,
                                         opts_.sder_count, combo))
        return fail(ec, "combo key derivation failed");

    // The password must decrypt, and hash to the stored verifier.
    if (auto ec = check_password(combo.view(), in.password)) return ec;

    // 12c: the speedy key must hold the PBKDF2 key behind the stored hash.
    if (v12c) {
        std::vector<std::uint8_t> cipher;
        if (in.speedy_key.empty())
            return fail(client_errc::auth_missing_parameter, "the client sent no AUTH_PBKDF2_SPEEDY_KEY");
        if (!detail::from_hex(in.speedy_key, cipher) || cipher.size() != detail::speedy_key_size)
            return fail(client_errc::auth_bad_parameter, "the client's AUTH_PBKDF2_SPEEDY_KEY is malformed");
        secret_bytes plain, hash;
        if (auto ec = aes_cbc_decrypt(combo.view(), cipher, padding::none, plain))
            return fail(ec, "AUTH_PBKDF2_SPEEDY_KEY could not be decrypted");
        if (auto ec = sha512({plain.view().subspan(detail::salt_prefix), verifier_.salt}, hash))
            return fail(ec, "hashing failed");
        if (!equal_constant_time(hash.view(), verifier_.hash.view()))
            return fail(denied(), "AUTH_PBKDF2_SPEEDY_KEY does not match the stored verifier");
    }

    server_verdict v;
    v.scheme = scheme;
    if (!in.newpassword.empty()) {
        if (auto ec = detail::decrypt_salted(combo.view(), in.newpassword, v.new_password)) {
            if (ec == client_errc::auth_bad_parameter)
                return fail(ec, "the client's AUTH_NEWPASSWORD is malformed");
            return fail(denied(), "AUTH_NEWPASSWORD does not decrypt under the combo key");
        }
        if (v.new_password.size() > max_password_size)
            return fail(client_errc::auth_password_too_long, "the new password is longer than 1024 bytes");
        v.password_change = true;
    }

    // Proof for the client: 16 random bytes and "SERVER_TO_CLIENT".
    secret_bytes proof(detail::salt_prefix);
    if (!rng_) return fail(client_errc::auth_crypto_failure, "no random source");
    if (auto ec = rng_(proof.span())) return fail(ec, "the random source failed");
    proof.append(detail::as_bytes(detail::server_to_client));
    secret_bytes cipher;
    if (auto ec = aes_cbc_encrypt(combo.view(), proof.view(), padding::pkcs7, cipher))
        return fail(ec, "AUTH_SVR_RESPONSE could not be encrypted");
    v.svr_response = detail::to_hex_upper(cipher.view());
    combo_key_     = std::move(combo);
    out            = std::move(v);
    return {};
}

std::error_code o5logon_server::check_password(byte_view combo, std::string_view password_hex) {
    secret_bytes password;
    if (auto ec = detail::decrypt_salted(combo, password_hex, password)) {
        if (ec == client_errc::auth_bad_parameter) return fail(ec, "the client's AUTH_PASSWORD is malformed");
        return fail(denied(), "AUTH_PASSWORD does not decrypt under the combo key");
    }
    if (password.size() > max_password_size) return fail(denied(), "the password is longer than 1024 bytes");
    stored_verifier candidate;
    const std::string_view text(reinterpret_cast<const char*>(password.data()), password.size());
    if (auto ec =
            make_verifier_with_salt(verifier_.type, text, verifier_.salt, verifier_.vgen_count, candidate))
        return fail(ec, "the password could not be hashed");
    if (!equal_constant_time(candidate.hash.view(), verifier_.hash.view()))
        return fail(denied(), "the password does not match the stored verifier");
    return {};
}

std::error_code o5logon_server::check_password_change(std::string_view password_hex,
                                                      std::string_view newpassword_hex,
                                                      secret_bytes& new_password) {
    diag_.clear();
    if (combo_key_.empty())
        return fail(client_errc::bad_argument, "no successful login to change the password on");
    if (password_hex.empty() || newpassword_hex.empty())
        return fail(client_errc::auth_missing_parameter,
                    "AUTH_PASSWORD and AUTH_NEWPASSWORD are both required");
    if (password_hex.size() > max_salted_hex || newpassword_hex.size() > max_salted_hex)
        return fail(client_errc::auth_bad_parameter, "the client's password value is too long");
    if (auto ec = check_password(combo_key_.view(), password_hex)) return ec;
    secret_bytes fresh;
    if (auto ec = detail::decrypt_salted(combo_key_.view(), newpassword_hex, fresh)) {
        if (ec == client_errc::auth_bad_parameter)
            return fail(ec, "the client's AUTH_NEWPASSWORD is malformed");
        return fail(denied(), "AUTH_NEWPASSWORD does not decrypt under the combo key");
    }
    if (fresh.size() > max_password_size)
        return fail(client_errc::auth_password_too_long, "the new password is longer than 1024 bytes");
    new_password = std::move(fresh);
    return {};
}

}  // namespace oranet::auth

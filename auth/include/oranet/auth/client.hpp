// O5Logon, client role. One object per login:
//
//   o5logon_client c(opts);                 // rng defaults to libcrypto's
//   phase_two_request req;
//   if (auto ec = c.respond(params, password, {}, req)) ... c.diagnostics()
//   ... send req, read the phase-two reply ...
//   if (auto ec = c.verify_server(reply["AUTH_SVR_RESPONSE"])) ...  // mutual auth
//
// respond() checks every server value first (verifier type, sizes, counts;
// see o5logon.hpp) and derives nothing when one is wrong. The random source is
// called in this order: client key part (48 bytes for md5_xor, 32 for pbkdf2),
// then for 12c the speedy key salt (16), then the password salt (16, shared
// by AUTH_PASSWORD and AUTH_NEWPASSWORD).
#pragma once

#include <oranet/auth/crypto.hpp>
#include <oranet/auth/o5logon.hpp>
#include <oranet/auth/secret.hpp>
#include <oranet/auth/verifier.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace oranet::auth {

struct client_options {
    // Refuse the 11g verifiers (client_errc::auth_12c_required), like
    // sqlnet.ora's ALLOWED_LOGON_VERSION_CLIENT=12a.
    bool require_12c = false;
    // Use the PBKDF2 combo key with a 32-byte client key part even when an 11g
    // server sends a 48-byte key, as python-oracledb 1.x does (testing only:
    // a real 11g server sends no CSK salt and cannot accept it).
    bool pbkdf2_combo_for_11g = false;
};

class o5logon_client {
public:
    explicit o5logon_client(client_options opts = {}, random_source rng = system_random());

    // From the server's phase-one values and the password (and a new password
    // for a change at login), the values of the phase-two request. Errors:
    // auth_verifier_10g_refused, auth_verifier_unsupported, auth_12c_required,
    // auth_missing_parameter, auth_bad_parameter, auth_password_too_long,
    // auth_crypto_failure. diagnostics() then says which value and why.
    [[nodiscard]] std::error_code respond(const phase_one_params& server, std::string_view password,
                                          std::optional<std::string_view> new_password,
                                          phase_two_request& out);

    // Mutual authentication: AUTH_SVR_RESPONSE from the phase-two reply must
    // decrypt under the combo key to 16 bytes || "SERVER_TO_CLIENT".
    // auth_server_not_verified otherwise, also when it is absent (empty).
    [[nodiscard]] std::error_code verify_server(std::string_view svr_response_hex) const;

    // After a successful login: AUTH_PASSWORD and AUTH_NEWPASSWORD for a
    // password change on the open session, under the same combo key (sets
    // out.password and out.newpassword only).
    [[nodiscard]] std::error_code encrypt_password_change(std::string_view password,
                                                          std::string_view new_password,
                                                          phase_two_request& out) const;

    // Facts for the caller's log (never secrets): the verifier the server
    // offered, whether it is one of the weak 11g ones (lib warns), the scheme.
    [[nodiscard]] std::uint32_t verifier() const noexcept { return verifier_; }
    [[nodiscard]] bool weak_verifier() const noexcept { return is_11g(verifier_); }
    [[nodiscard]] combo_scheme scheme() const noexcept { return scheme_; }
    // Why the last call failed, in words (names the verifier type or the
    // parameter); empty after success. Never contains a secret.
    [[nodiscard]] const std::string& diagnostics() const noexcept { return diag_; }

private:
    std::error_code fail(std::error_code ec, std::string msg);

    client_options opts_;
    random_source rng_;
    std::uint32_t verifier_ = 0;
    combo_scheme scheme_    = combo_scheme::pbkdf2;
    secret_bytes combo_key_;
    std::string diag_;
};

}  // namespace oranet::auth

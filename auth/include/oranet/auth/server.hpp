// O5Logon, server role (the emulator's side). One object per login:
//
//   o5logon_server s(user_verifier);         // stored_verifier of the user
//   phase_one_params p;  s.challenge(p);     // -> AUTH_SESSKEY, AUTH_VFR_DATA ...
//   ... send them, read the client's phase-two values ...
//   server_verdict v;
//   if (auto ec = s.check(req, v)) -> answer ORA-01017 (whatever ec is)
//   else send AUTH_SVR_RESPONSE = v.svr_response; if v.new_password: store it
//
// Both 11g combo schemes are accepted, told apart by the length of the
// client's AUTH_SESSKEY (96 hex digits: md5_xor; 64: pbkdf2). The random
// source is called: server key part (40 bytes for 11g, padded to 48 as real
// 11g servers do; 32 for 12c), then the CSK salt (16; 12c, and 11g when
// pbkdf2_params_for_11g) in challenge(); the 16 bytes before
// "SERVER_TO_CLIENT" in check().
#pragma once

#include <oranet/auth/crypto.hpp>
#include <oranet/auth/o5logon.hpp>
#include <oranet/auth/secret.hpp>
#include <oranet/auth/verifier.hpp>

#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet::auth {

struct server_options {
    std::uint32_t sder_count = min_sder_count;  // AUTH_PBKDF2_SDER_COUNT
    // Also send AUTH_PBKDF2_CSK_SALT and SDER_COUNT to 11g users, as a 12c+
    // server does; needed by python-oracledb 1.x. Off = a real 11g server.
    bool pbkdf2_params_for_11g = true;
};

struct server_verdict {
    std::string svr_response;      // AUTH_SVR_RESPONSE (upper-case hex)
    bool password_change = false;  // the client sent AUTH_NEWPASSWORD
    secret_bytes new_password;     // its plain text (make_verifier() it)
    combo_scheme scheme = combo_scheme::pbkdf2;
};

class o5logon_server {
public:
    explicit o5logon_server(const stored_verifier& v, server_options opts = {},
                            random_source rng = system_random());

    // The phase-one values for the client. auth_bad_parameter when the stored
    // verifier is malformed or of a refused type.
    [[nodiscard]] std::error_code challenge(phase_one_params& out);

    // Checks the client's phase-two values: AUTH_PASSWORD must decrypt to the
    // user's password and, for 12c, AUTH_PBKDF2_SPEEDY_KEY to the PBKDF2 key
    // behind the stored hash. ora_error(1017) when they do not;
    // auth_bad_parameter/auth_missing_parameter for malformed or missing
    // values; auth_password_too_long for a new password over 1024 bytes.
    [[nodiscard]] std::error_code check(const phase_two_request& in, server_verdict& out);

    // After a successful check(): a password change on the open session
    // (the client's encrypt_password_change()), under the same combo key.
    // AUTH_PASSWORD must hold the current password (else ora_error(1017));
    // new_password receives the new one.
    [[nodiscard]] std::error_code check_password_change(std::string_view password_hex,
                                                        std::string_view newpassword_hex,
                                                        secret_bytes& new_password);

    [[nodiscard]] const std::string& diagnostics() const noexcept { return diag_; }

private:
    std::error_code fail(std::error_code ec, std::string msg);
    std::error_code check_password(byte_view combo, std::string_view password_hex);

    stored_verifier verifier_;
    server_options opts_;
    random_source rng_;
    secret_bytes server_part_;  // the plain server key part (32 or 48 bytes)
    std::vector<std::uint8_t> csk_salt_;
    secret_bytes combo_key_;  // kept after a successful check()
    std::string diag_;
};

}  // namespace oranet::auth

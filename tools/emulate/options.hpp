// Command-line options of `oranet emulate` and their parser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::emulate {

// Which password verifier a user has, as the server's AUTH_VFR_DATA says.
enum class verifier_kind : std::uint8_t { v11g, v12c };

struct user_spec {
    std::string name;  // as given; compared case-insensitively, as Oracle does for unquoted names
    std::string password;
    verifier_kind verifier = verifier_kind::v12c;
    bool expired           = false;  // must change the password at login (ORA-28001)
};

// A server release the emulator plays: TNS version, TTC field version and
// the banner and version number it reports.
enum class profile : std::uint8_t { v12_1, v19, v21, v23 };

struct options {
    std::string host   = "127.0.0.1";
    std::uint16_t port = 1521;
    std::vector<std::string> services;  // default {"FREEPDB1"}
    std::vector<user_spec> users;       // default {demo/demo 12c}
    std::string db           = ":memory:";
    profile prof             = profile::v19;
    std::uint16_t charset_id = 873;  // AL32UTF8
    // TCPS: when tls_cert is set the listener speaks TLS 1.2/1.3 only, with
    // this certificate chain and key (PEM); with tls_ca it also requires a
    // client certificate issued by one of those CAs (mutual TLS).
    std::string tls_cert;
    std::string tls_key;
    std::string tls_ca;
    // --redirect-to HOST:PORT: a listener only, as a connection manager or a
    // SCAN listener is: every CONNECT is answered with a REDIRECT to this
    // address carrying the client's own connect data (redirect_port 0: off).
    std::string redirect_host;
    std::uint16_t redirect_port = 0;
};

// Parses the arguments that follow `emulate`. On failure returns false and
// sets `error` to a one-line message. `help` is set for --help.
[[nodiscard]] bool parse_options(const std::vector<std::string_view>& args, options& out, bool& help,
                                 std::string& error);

[[nodiscard]] bool parse_user_spec(std::string_view text, user_spec& out, std::string& error);
[[nodiscard]] bool parse_profile(std::string_view text, profile& out) noexcept;
[[nodiscard]] std::string_view profile_name(profile p) noexcept;
// Oracle character set id for a name (AL32UTF8, WE8MSWIN1252, WE8ISO8859P1); 0 when unknown.
[[nodiscard]] std::uint16_t charset_id_from_name(std::string_view name) noexcept;

extern const char* const usage_text;

}  // namespace oranet::emulate

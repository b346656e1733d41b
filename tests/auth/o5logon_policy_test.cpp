// What the client refuses from the server, before it derives or sends any
// secret (DECISIONS.md, docs/SECURITY.md): verifier types 0x939 and unknown
// ones (the message names the type), 11g when 12c is required, PBKDF2 counts
// out of range, salts and session keys of the wrong size, missing values,
// passwords over 1024 bytes. And what the server refuses from the client.
#include "auth_test_support.hpp"

#include <oranet/auth/client.hpp>
#include <oranet/auth/server.hpp>

#include <catch2/catch.hpp>

using namespace oranet::auth;
using oranet::client_errc;

namespace {

// A well-formed 12c or 11g challenge from our own server.
phase_one_params valid_params(verifier_type t) {
    stored_verifier v;
    REQUIRE_FALSE(make_verifier(t, "pw", system_random(), v));
    o5logon_server s(v);
    phase_one_params p;
    REQUIRE_FALSE(s.challenge(p));
    return p;
}

// Runs respond() with a random source that records whether it was called:
// a refusal must come before any random (and so any secret) is drawn.
std::error_code refused(const phase_one_params& p, std::string* diag = nullptr, client_options opts = {},
                        std::string_view password                    = "pw",
                        std::optional<std::string_view> new_password = std::nullopt) {
    auto called = std::make_shared<bool>(false);
    o5logon_client c(opts, [called](std::span<std::uint8_t>) -> std::error_code {
        *called = true;
        return {};
    });
    phase_two_request req;
    req.sesskey   = "untouched";
    const auto ec = c.respond(p, password, new_password, req);
    CHECK(ec);
    CHECK_FALSE(*called);
    CHECK(req.sesskey == "untouched");
    CHECK_FALSE(c.diagnostics().empty());
    CHECK(c.diagnostics().find("pw") == std::string::npos);
    if (diag) *diag = c.diagnostics();
    return ec;
}

}  // namespace

TEST_CASE("o5logon policy: verifier types") {
    auto p = valid_params(verifier_type::v12c);
    std::string diag;

    p.verifier_type = 0x939;
    CHECK(refused(p, &diag) == client_errc::auth_verifier_10g_refused);
    CHECK(diag.find("0x939") != std::string::npos);

    p.verifier_type = 0x1234;
    CHECK(refused(p, &diag) == client_errc::auth_verifier_unsupported);
    CHECK(diag.find("0x1234") != std::string::npos);

    p.verifier_type = 0;
    CHECK(refused(p) == client_errc::auth_verifier_unsupported);

    auto p11 = valid_params(verifier_type::v11g_2);
    CHECK(refused(p11, &diag, {.require_12c = true}) == client_errc::auth_12c_required);
    CHECK(diag.find("0x1b25") != std::string::npos);

    // 12c passes when 12c is required.
    o5logon_client c({.require_12c = true});
    phase_two_request req;
    CHECK_FALSE(c.respond(valid_params(verifier_type::v12c), "pw", std::nullopt, req));
    CHECK(c.diagnostics().empty());
}

TEST_CASE("o5logon policy: PBKDF2 counts") {
    const auto base = valid_params(verifier_type::v12c);
    for (const char* bad : {"4095", "10000001", "0", "-4096", " 4096", "4096 ", "0x1000", "4096.0",
                            "99999999999", "18446744073709551617"}) {
        INFO("VGEN " << bad);
        auto p       = base;
        p.vgen_count = bad;
        std::string diag;
        CHECK(refused(p, &diag) == client_errc::auth_bad_parameter);
        CHECK(diag.find("AUTH_PBKDF2_VGEN_COUNT") != std::string::npos);
    }
    for (const char* bad : {"2", "1000001", "0", "-3", "3x"}) {
        INFO("SDER " << bad);
        auto p       = base;
        p.sder_count = bad;
        CHECK(refused(p) == client_errc::auth_bad_parameter);
    }
    auto p       = base;
    p.vgen_count = "";
    CHECK(refused(p) == client_errc::auth_missing_parameter);
    p            = base;
    p.sder_count = "";
    CHECK(refused(p) == client_errc::auth_missing_parameter);
}

TEST_CASE("o5logon policy: salts and session keys of the wrong size") {
    const auto p12 = valid_params(verifier_type::v12c);
    const auto p11 = valid_params(verifier_type::v11g_1);
    auto p         = p12;
    p.vfr_data     = p12.vfr_data.substr(2);  // 15 bytes
    CHECK(refused(p) == client_errc::auth_bad_parameter);
    p          = p12;
    p.vfr_data = p12.vfr_data + "00";  // 17 bytes
    CHECK(refused(p) == client_errc::auth_bad_parameter);
    p          = p11;
    p.vfr_data = p12.vfr_data;  // 16 bytes for 11g
    CHECK(refused(p) == client_errc::auth_bad_parameter);
    p          = p12;
    p.csk_salt = p12.csk_salt.substr(2);
    CHECK(refused(p) == client_errc::auth_bad_parameter);
    p          = p12;
    p.csk_salt = "";
    CHECK(refused(p) == client_errc::auth_missing_parameter);
    p         = p12;
    p.sesskey = p11.sesskey;  // 48 bytes for 12c
    CHECK(refused(p) == client_errc::auth_bad_parameter);
    p         = p11;
    p.sesskey = p12.sesskey;  // 32 bytes for 11g
    CHECK(refused(p) == client_errc::auth_bad_parameter);
    p         = p12;
    p.sesskey = p12.sesskey.substr(1);  // odd length
    CHECK(refused(p) == client_errc::auth_bad_parameter);
    p            = p12;
    p.sesskey[5] = 'G';
    CHECK(refused(p) == client_errc::auth_bad_parameter);
    p         = p12;
    p.sesskey = "";
    CHECK(refused(p) == client_errc::auth_missing_parameter);
    p          = p11;
    p.vfr_data = "";
    CHECK(refused(p) == client_errc::auth_missing_parameter);
    // 11g with the PBKDF2 combo key needs a 16-byte CSK salt as well.
    p          = p11;
    p.csk_salt = "00";
    CHECK(refused(p, nullptr, {.require_12c = false, .pbkdf2_combo_for_11g = true}) ==
          client_errc::auth_bad_parameter);
}

TEST_CASE("o5logon policy: passwords over 1024 bytes") {
    const auto p = valid_params(verifier_type::v12c);
    CHECK(refused(p, nullptr, {}, std::string(1025, 'x')) == client_errc::auth_password_too_long);
    CHECK(refused(p, nullptr, {}, "pw", std::string(1025, 'x')) == client_errc::auth_password_too_long);
}

TEST_CASE("o5logon policy: the server refuses malformed client values") {
    stored_verifier v;
    REQUIRE_FALSE(make_verifier(verifier_type::v12c, "pw", system_random(), v));
    o5logon_server s(v);
    server_verdict verdict;
    phase_two_request req;
    CHECK(s.check(req, verdict) == client_errc::bad_argument);  // before challenge()
    phase_one_params p;
    REQUIRE_FALSE(s.challenge(p));
    o5logon_client c;
    phase_two_request good;
    REQUIRE_FALSE(c.respond(p, "pw", std::nullopt, good));

    req = good;
    req.sesskey += "00";
    CHECK(s.check(req, verdict) == client_errc::auth_bad_parameter);
    req = good;
    req.sesskey.clear();
    CHECK(s.check(req, verdict) == client_errc::auth_missing_parameter);
    req = good;
    req.password.clear();
    CHECK(s.check(req, verdict) == client_errc::auth_missing_parameter);
    req = good;
    req.password.pop_back();
    CHECK(s.check(req, verdict) == client_errc::auth_bad_parameter);
    req          = good;
    req.password = std::string(4000, 'A');
    CHECK(s.check(req, verdict) == client_errc::auth_bad_parameter);
    req = good;
    req.speedy_key.clear();
    CHECK(s.check(req, verdict) == client_errc::auth_missing_parameter);
    req            = good;
    req.speedy_key = req.speedy_key.substr(32);
    CHECK(s.check(req, verdict) == client_errc::auth_bad_parameter);
    req         = good;
    req.sesskey = std::string(96, '0');  // the MD5 scheme is 11g only
    CHECK(s.check(req, verdict) == client_errc::auth_bad_parameter);
    CHECK_FALSE(s.diagnostics().empty());
    // The untouched answer still passes after all that.
    CHECK_FALSE(s.check(good, verdict));
}

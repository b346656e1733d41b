// The client role against the server role, for each verifier type and both
// 11g combo schemes, with random passwords (ASCII and non-ASCII UTF-8, up to
// 1024 bytes): the right password is accepted and the server proven, a wrong
// one is refused with ORA-01017, and the client detects a server that cannot
// prove it knows the password. Password change at login and after login.
#include "auth_test_support.hpp"

#include <oranet/auth/client.hpp>
#include <oranet/auth/server.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace oranet::auth;
using oranet::client_errc;

namespace {

struct setup {
    verifier_type type;
    bool pbkdf2_for_11g;  // the client behaves as python-oracledb 1.x
    const char* name;
};

const setup setups[] = {
    {verifier_type::v12c, false, "12c"},
    {verifier_type::v11g_1, false, "11g 0xb152, MD5 combo key"},
    {verifier_type::v11g_2, false, "11g 0x1b25, MD5 combo key"},
    {verifier_type::v11g_1, true, "11g 0xb152, PBKDF2 combo key"},
};

void append_utf8(std::string& s, char32_t c) {
    if (c < 0x80) {
        s += static_cast<char>(c);
    } else if (c < 0x800) {
        s += static_cast<char>(0xc0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        s += static_cast<char>(0xe0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        s += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        s += static_cast<char>(0xf0 | (c >> 18));
        s += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        s += static_cast<char>(0x80 | (c & 0x3f));
    }
}

// A random UTF-8 password of at most max_bytes bytes (whole characters).
std::string random_password(std::mt19937& g, std::size_t max_bytes) {
    static const char32_t pool[] = {U'a',      U'Z',      U'7',          U'#',         U' ',
                                    U'"',      U'\u00e9', U'\u00df',     U'\u0416',    U'\u20ac',
                                    U'\u4e2d', U'\u65e5', U'\U0001F600', U'\U00010348'};
    const std::size_t target     = 1 + g() % max_bytes;
    std::string s;
    for (;;) {
        std::string c;
        append_utf8(c, pool[g() % std::size(pool)]);
        if (s.size() + c.size() > target) break;
        s += c;
    }
    if (s.empty()) s = "x";
    return s;
}

struct login_result {
    std::error_code client_ec, server_ec, verify_ec;
    server_verdict verdict;
};

login_result login(const setup& st, const stored_verifier& v, const std::string& password,
                   std::optional<std::string_view> new_password = std::nullopt,
                   o5logon_client* keep_client = nullptr, o5logon_server* keep_server = nullptr) {
    o5logon_client local_client({.require_12c = false, .pbkdf2_combo_for_11g = st.pbkdf2_for_11g},
                                system_random());
    o5logon_server local_server(v, {}, system_random());
    o5logon_client& c = keep_client ? *keep_client : local_client;
    o5logon_server& s = keep_server ? *keep_server : local_server;
    login_result r;
    phase_one_params p;
    REQUIRE_FALSE(s.challenge(p));
    phase_two_request req;
    r.client_ec = c.respond(p, password, new_password, req);
    if (r.client_ec) return r;
    CHECK(req.sesskey.size() == (c.scheme() == combo_scheme::md5_xor ? 96u : 64u));
    CHECK((req.speedy_key.size() == 160) == (st.type == verifier_type::v12c));
    r.server_ec = s.check(req, r.verdict);
    if (r.server_ec) return r;
    r.verify_ec = c.verify_server(r.verdict.svr_response);
    return r;
}

}  // namespace

TEST_CASE("o5logon round trip: random passwords, right accepted, wrong refused") {
    std::mt19937 g(20261124);
    for (const auto& st : setups) {
        for (int i = 0; i < 6; ++i) {
            const std::size_t max = i == 0 ? 1024 : (i == 1 ? 8 : 300);
            std::string password  = random_password(g, max);
            if (i == 0) password.resize(1024, 'p');  // exactly the limit
            INFO(st.name << ", password of " << password.size() << " bytes");
            stored_verifier v;
            REQUIRE_FALSE(make_verifier(st.type, password, system_random(), v));

            auto ok = login(st, v, password);
            REQUIRE_FALSE(ok.client_ec);
            CHECK_FALSE(ok.server_ec);
            CHECK_FALSE(ok.verify_ec);
            CHECK(ok.verdict.scheme == ((st.type == verifier_type::v12c || st.pbkdf2_for_11g)
                                            ? combo_scheme::pbkdf2
                                            : combo_scheme::md5_xor));
            CHECK_FALSE(ok.verdict.password_change);

            std::string wrong = password;
            wrong[g() % wrong.size()] ^= 0x01;
            auto bad = login(st, v, wrong);
            REQUIRE_FALSE(bad.client_ec);
            CHECK(bad.server_ec == oranet::ora_error(1017));

            auto other = login(st, v, random_password(g, 40) + "!");
            CHECK(other.server_ec == oranet::ora_error(1017));
        }
    }
}

TEST_CASE("o5logon round trip: the client detects a server that does not know the password") {
    for (const auto& st : setups) {
        INFO(st.name);
        stored_verifier v;
        REQUIRE_FALSE(make_verifier(st.type, "correct horse", system_random(), v));
        // A genuine proof from another session (a replay) is bound to that
        // session's combo key and does not verify here.
        auto earlier = login(st, v, "correct horse");
        REQUIRE_FALSE(earlier.server_ec);

        o5logon_client c({.require_12c = false, .pbkdf2_combo_for_11g = st.pbkdf2_for_11g});
        o5logon_server impostor(v);  // has the challenge values, sends no real proof
        phase_one_params p;
        REQUIRE_FALSE(impostor.challenge(p));
        phase_two_request req;
        REQUIRE_FALSE(c.respond(p, "correct horse", std::nullopt, req));
        CHECK(c.verify_server(earlier.verdict.svr_response) == client_errc::auth_server_not_verified);
        CHECK(c.verify_server("") == client_errc::auth_server_not_verified);
        CHECK(c.verify_server(std::string(96, 'A')) == client_errc::auth_server_not_verified);
        CHECK(c.verify_server("not hex") == client_errc::auth_server_not_verified);
        CHECK(c.verify_server(std::string(30, '0')) == client_errc::auth_server_not_verified);

        // A server whose verifier is for another password cannot complete either.
        stored_verifier stranger;
        REQUIRE_FALSE(make_verifier(st.type, "correct horsE", system_random(), stranger));
        auto r = login(st, stranger, "correct horse");
        CHECK(r.server_ec == oranet::ora_error(1017));
    }
}

TEST_CASE("o5logon round trip: password change at login and on an open session") {
    for (const auto& st : setups) {
        INFO(st.name);
        stored_verifier v;
        REQUIRE_FALSE(make_verifier(st.type, "expired pw", system_random(), v));
        const std::string fresh = "n\xc3\xa9w p\xc3\xa4ss \xe2\x82\xac";
        auto r                  = login(st, v, "expired pw", fresh);
        REQUIRE_FALSE(r.client_ec);
        REQUIRE_FALSE(r.server_ec);
        CHECK_FALSE(r.verify_ec);
        REQUIRE(r.verdict.password_change);
        CHECK(std::string(r.verdict.new_password.view().begin(), r.verdict.new_password.view().end()) ==
              fresh);

        // The emulator stores the new verifier; old password out, new one in.
        stored_verifier changed;
        REQUIRE_FALSE(make_verifier(st.type, fresh, system_random(), changed));
        CHECK(login(st, changed, "expired pw").server_ec == oranet::ora_error(1017));
        CHECK_FALSE(login(st, changed, fresh).server_ec);

        // A wrong old password with a new one is still refused.
        CHECK(login(st, v, "expired pW", fresh).server_ec == oranet::ora_error(1017));

        // On an open session, under the login's combo key.
        o5logon_client c({.require_12c = false, .pbkdf2_combo_for_11g = st.pbkdf2_for_11g});
        o5logon_server s(v);
        REQUIRE_FALSE(login(st, v, "expired pw", std::nullopt, &c, &s).server_ec);
        phase_two_request change;
        REQUIRE_FALSE(c.encrypt_password_change("expired pw", "second", change));
        secret_bytes got;
        REQUIRE_FALSE(s.check_password_change(change.password, change.newpassword, got));
        CHECK(std::string(got.view().begin(), got.view().end()) == "second");
        REQUIRE_FALSE(c.encrypt_password_change("guess", "second", change));
        CHECK(s.check_password_change(change.password, change.newpassword, got) == oranet::ora_error(1017));
    }
}

TEST_CASE("o5logon round trip: a python-oracledb 1.x style client on an 11g user with no CSK salt") {
    // A server configured as a real 11g server sends no AUTH_PBKDF2_CSK_SALT:
    // the PBKDF2-combo client reports the missing parameter.
    stored_verifier v;
    REQUIRE_FALSE(make_verifier(verifier_type::v11g_1, "pw", system_random(), v));
    o5logon_server s(v, {.sder_count = 3, .pbkdf2_params_for_11g = false});
    phase_one_params p;
    REQUIRE_FALSE(s.challenge(p));
    CHECK(p.csk_salt.empty());
    o5logon_client c({.require_12c = false, .pbkdf2_combo_for_11g = true});
    phase_two_request req;
    CHECK(c.respond(p, "pw", std::nullopt, req) == client_errc::auth_missing_parameter);
    // The default client uses the MD5 combo key and logs in.
    o5logon_client d;
    REQUIRE_FALSE(d.respond(p, "pw", std::nullopt, req));
    server_verdict verdict;
    REQUIRE_FALSE(s.check(req, verdict));
    CHECK_FALSE(d.verify_server(verdict.svr_response));
}

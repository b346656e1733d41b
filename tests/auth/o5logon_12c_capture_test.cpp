// O5Logon with the 12c verifier against a real exchange: python-oracledb 4.0.1
// logging in to Oracle Database Free 23.26.1 as pythontest/pythontest
// (../shared/vectors/captures/free23-python-oracledb/fetch_df_session.txt;
// PROVENANCE.md: verifier 0x4815, VGEN 4096, SDER 3, AUTH_PASSWORD decrypts to
// the password, AUTH_SVR_RESPONSE to 16 bytes + SERVER_TO_CLIENT). Op 5 is
// the server's phase-one reply, op 6 the client's phase two, op 7 the
// server's phase-two reply. The pairs are found by a plain scan for the key
// names (the TTC decoders are tested elsewhere).
#include "auth_test_support.hpp"

#include <oranet/auth/client.hpp>
#include <oranet/auth/server.hpp>

#include <catch2/catch.hpp>

#include <hex.hpp>
#include <packet_dump.hpp>

using namespace oranet::auth;
using oranet::test::from_hex;

namespace {

struct captured_login {
    phase_one_params server;
    phase_two_request client;
    std::string svr_response;
};

const std::vector<std::uint8_t>& op_bytes(const std::vector<oranet::test::dumped_packet>& pk, int op) {
    for (const auto& p : pk)
        if (p.op == op) return p.bytes;
    FAIL("op " << op << " is not in the dump");
    static const std::vector<std::uint8_t> none;
    return none;
}

std::string value(const std::vector<std::uint8_t>& bytes, std::string_view key,
                  std::uint32_t* flags = nullptr) {
    auto p = test::scan_pair(bytes, key);
    REQUIRE(p.has_value());
    if (flags) *flags = p->flags;
    return p->value;
}

captured_login read_login(const std::filesystem::path& file) {
    const auto pk = oranet::test::read_packet_dump(file);
    captured_login l;
    const auto& one     = op_bytes(pk, 5);
    l.server.sesskey    = value(one, "AUTH_SESSKEY");
    l.server.vfr_data   = value(one, "AUTH_VFR_DATA", &l.server.verifier_type);
    l.server.csk_salt   = value(one, "AUTH_PBKDF2_CSK_SALT");
    l.server.vgen_count = value(one, "AUTH_PBKDF2_VGEN_COUNT");
    l.server.sder_count = value(one, "AUTH_PBKDF2_SDER_COUNT");
    const auto& two     = op_bytes(pk, 6);
    l.client.sesskey    = value(two, "AUTH_SESSKEY");
    l.client.password   = value(two, "AUTH_PASSWORD");
    l.client.speedy_key = value(two, "AUTH_PBKDF2_SPEEDY_KEY");
    l.svr_response      = value(op_bytes(pk, 7), "AUTH_SVR_RESPONSE");
    return l;
}

const std::string password = "pythontest";
byte_view text(const std::string& s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

std::vector<std::uint8_t> to_vec(byte_view b) { return {b.begin(), b.end()}; }

// PBKDF2-HMAC-SHA512 over upper-case hex(client part || server part), salt
// AUTH_PBKDF2_CSK_SALT, 3 iterations, 32 bytes.
secret_bytes combo_of(const captured_login& l, const secret_bytes& wrap, const secret_bytes& client_part) {
    secret_bytes server_part;
    REQUIRE_FALSE(aes_cbc_decrypt(wrap.view(), from_hex(l.server.sesskey), padding::none, server_part));
    std::string hex_text;
    for (const secret_bytes* part : std::initializer_list<const secret_bytes*>{&client_part, &server_part})
        for (auto c : part->view()) {
            static const char* d = "0123456789ABCDEF";
            hex_text += d[c >> 4];
            hex_text += d[c & 15];
        }
    secret_bytes combo;
    REQUIRE_FALSE(pbkdf2_sha512(text(hex_text), from_hex(l.server.csk_salt), 3, 32, combo));
    return combo;
}

}  // namespace

TEST_CASE("o5logon 12c capture: the values are what PROVENANCE.md says") {
    ORANET_REQUIRE_VECTOR(file, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto l = read_login(file);
    CHECK(l.server.verifier_type == 0x4815);
    CHECK(l.server.vgen_count == "4096");
    CHECK(l.server.sder_count == "3");
    CHECK(l.server.sesskey.size() == 64);
    CHECK(l.client.sesskey.size() == 64);
    CHECK(l.client.speedy_key.size() == 160);
    CHECK(l.svr_response.size() == 96);
}

TEST_CASE(
    "o5logon 12c capture: the client role reproduces python-oracledb's values and verifies the server") {
    ORANET_REQUIRE_VECTOR(file, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto l = read_login(file);

    // Recover what python-oracledb drew at random: its key part (unwrapped
    // with the password's key) and the two salts (under the combo key, which
    // a first run of our client yields).
    secret_bytes wrap, pk, client_part;
    REQUIRE_FALSE(derive_password_keys(0x4815, text(password), from_hex(l.server.vfr_data), 4096, wrap, pk));
    REQUIRE_FALSE(aes_cbc_decrypt(wrap.view(), from_hex(l.client.sesskey), padding::none, client_part));

    test::scripted_random first;
    first.push(to_vec(client_part.view()));
    o5logon_client probe({}, first.source());
    phase_two_request unused;
    REQUIRE_FALSE(probe.respond(l.server, password, std::nullopt, unused));
    CHECK(unused.sesskey == l.client.sesskey);
    // The server's proof verifies under the combo key we derived.
    CHECK_FALSE(probe.verify_server(l.svr_response));
    CHECK(probe.scheme() == combo_scheme::pbkdf2);
    CHECK_FALSE(probe.weak_verifier());

    // The two salts: decrypt the captured speedy key and password under the
    // combo key, derived here by hand from the two key parts (o5logon.hpp).
    const secret_bytes combo = combo_of(l, wrap, client_part);
    secret_bytes speedy_plain, pw_plain;
    REQUIRE_FALSE(aes_cbc_decrypt(combo.view(), from_hex(l.client.speedy_key), padding::none, speedy_plain));
    REQUIRE_FALSE(aes_cbc_decrypt(combo.view(), from_hex(l.client.password), padding::pkcs7, pw_plain));
    CHECK(std::string(pw_plain.view().begin() + 16, pw_plain.view().end()) == password);
    CHECK(oranet::test::to_hex(speedy_plain.view().subspan(16)) == oranet::test::to_hex(pk.view()));

    test::scripted_random rng;
    rng.push(to_vec(client_part.view()));
    rng.push(to_vec(speedy_plain.view().first(16)));
    rng.push(to_vec(pw_plain.view().first(16)));
    o5logon_client c({}, rng.source());
    phase_two_request req;
    REQUIRE_FALSE(c.respond(l.server, password, std::nullopt, req));
    CHECK(*rng.size_mismatch == false);
    CHECK(rng.used_up());
    CHECK(req.sesskey == l.client.sesskey);
    CHECK(req.speedy_key == l.client.speedy_key);
    CHECK(req.password == l.client.password);
    CHECK(req.newpassword.empty());
    CHECK_FALSE(c.verify_server(l.svr_response));

    // With the wrong password the client cannot verify the real server.
    o5logon_client wrong({}, test::scripted_random{}.source());
    REQUIRE_FALSE(wrong.respond(l.server, "pythontesT", std::nullopt, req));
    CHECK(wrong.verify_server(l.svr_response) == oranet::client_errc::auth_server_not_verified);
}

TEST_CASE("o5logon 12c capture: the server role reproduces the server's values and accepts the client") {
    ORANET_REQUIRE_VECTOR(file, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto l = read_login(file);
    stored_verifier v;
    REQUIRE_FALSE(
        make_verifier_with_salt(verifier_type::v12c, password, from_hex(l.server.vfr_data), 4096, v));

    secret_bytes wrap, server_part;
    REQUIRE_FALSE(sesskey_key_from_verifier(v, wrap));
    REQUIRE_FALSE(aes_cbc_decrypt(wrap.view(), from_hex(l.server.sesskey), padding::none, server_part));

    // Script the server's random draws with the captured ones: its key part,
    // the CSK salt, and the 16 bytes before SERVER_TO_CLIENT in its proof.
    secret_bytes pk, client_part, proof;
    REQUIRE_FALSE(aes_cbc_decrypt(wrap.view(), from_hex(l.client.sesskey), padding::none, client_part));
    REQUIRE_FALSE(aes_cbc_decrypt(combo_of(l, wrap, client_part).view(), from_hex(l.svr_response),
                                  padding::pkcs7, proof));
    REQUIRE(proof.size() == 32);
    CHECK(std::string(proof.view().begin() + 16, proof.view().end()) == "SERVER_TO_CLIENT");
    test::scripted_random first;
    first.push(to_vec(server_part.view()));
    first.push(from_hex(l.server.csk_salt));
    first.push(to_vec(proof.view().first(16)));
    o5logon_server probe(v, {}, first.source());
    phase_one_params p;
    REQUIRE_FALSE(probe.challenge(p));
    CHECK(p.sesskey == l.server.sesskey);
    CHECK(p.vfr_data == l.server.vfr_data);
    CHECK(p.csk_salt == l.server.csk_salt);
    CHECK(p.vgen_count == "4096");
    CHECK(p.sder_count == "3");
    CHECK(p.verifier_type == 0x4815);
    server_verdict verdict;
    REQUIRE_FALSE(probe.check(l.client, verdict));
    CHECK(verdict.scheme == combo_scheme::pbkdf2);
    CHECK(verdict.svr_response == l.svr_response);
    CHECK(*first.size_mismatch == false);
    CHECK(first.used_up());

    // A wrong speedy key is refused even with the right password.
    auto tampered            = l.client;
    tampered.speedy_key[100] = tampered.speedy_key[100] == '0' ? '1' : '0';
    o5logon_server again(v, {}, [&] {
        test::scripted_random r;
        r.push(to_vec(server_part.view()));
        r.push(from_hex(l.server.csk_salt));
        return r.source();
    }());
    REQUIRE_FALSE(again.challenge(p));
    CHECK(again.check(tampered, verdict) == oranet::ora_error(1017));

    // A stored verifier for another password refuses the captured answer.
    stored_verifier other;
    REQUIRE_FALSE(
        make_verifier_with_salt(verifier_type::v12c, "pythontesT", from_hex(l.server.vfr_data), 4096, other));
    o5logon_server stranger(other, {}, test::scripted_random{}.source());
    REQUIRE_FALSE(stranger.challenge(p));
    CHECK(stranger.check(l.client, verdict));
}

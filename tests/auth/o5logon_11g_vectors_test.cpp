// O5Logon with the 11g verifier against John the Ripper's $o5logon$ vectors
// (../shared/vectors/auth/o5logon_11g_verifier_vectors.txt, from openwall/john
// src/o5logon_common_plug.c): server AUTH_SESSKEY and AUTH_VFR_DATA with the
// password, and on three lines the client's AUTH_PASSWORD and AUTH_SESSKEY.
// The file's header says how they were checked: the server key decrypts under
// SHA1(password || salt) || 00000000 to 40 bytes + eight 0x08 (all lines but
// one), and the classic MD5 combo key decrypts AUTH_PASSWORD.
#include "auth_test_support.hpp"

#include <oranet/auth/client.hpp>
#include <oranet/auth/server.hpp>

#include <catch2/catch.hpp>

#include <hex.hpp>

using namespace oranet::auth;
using oranet::test::from_hex;
using oranet::test::to_hex;

namespace {

struct o5_line {
    std::string server_sesskey, vfr_data, client_password, client_sesskey, password;
};

std::vector<o5_line> read_o5_lines(const std::filesystem::path& p) {
    std::vector<o5_line> out;
    for (const auto& line : test::data_lines(oranet::test::read_text(p))) {
        const auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const auto f = test::split(line.substr(0, tab), '*');
        o5_line l;
        l.server_sesskey = f.at(0);
        l.vfr_data       = f.at(1);
        if (f.size() == 4) {
            l.client_password = f[2];
            l.client_sesskey  = f[3];
        }
        l.password = line.substr(tab + 1);
        out.push_back(l);
    }
    return out;
}

byte_view text(const std::string& s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

// The AES-192 key that wraps the session keys, as the file's header derives it.
secret_bytes wrap_key(const o5_line& l) {
    secret_bytes key, unused;
    REQUIRE_FALSE(derive_password_keys(0xb152, text(l.password), from_hex(l.vfr_data), 0, key, unused));
    return key;
}

}  // namespace

TEST_CASE("o5logon 11g vectors: the server key decrypts under SHA1(password || salt)") {
    ORANET_REQUIRE_VECTOR(file, "auth/o5logon_11g_verifier_vectors.txt");
    const auto lines = read_o5_lines(file);
    REQUIRE(lines.size() == 13);
    int padded = 0;
    for (const auto& l : lines) {
        INFO("password '" << l.password << "'");
        secret_bytes plain;
        REQUIRE_FALSE(aes_cbc_decrypt(wrap_key(l).view(), from_hex(l.server_sesskey), padding::none, plain));
        REQUIRE(plain.size() == 48);
        if (to_hex(plain.view().subspan(40)) == "0808080808080808") ++padded;
    }
    CHECK(padded == 12);  // all but the password1234567890 line, as the header says
}

TEST_CASE("o5logon 11g vectors: the client role reproduces the captured client values") {
    ORANET_REQUIRE_VECTOR(file, "auth/o5logon_11g_verifier_vectors.txt");
    int checked = 0;
    for (const auto& l : read_o5_lines(file)) {
        if (l.client_sesskey.empty()) continue;
        INFO("password '" << l.password << "'");
        // Recover the client's random key part and password salt, then script
        // the random source with them: the output must match byte for byte.
        secret_bytes client_part, server_part, combo, pw_plain;
        REQUIRE_FALSE(
            aes_cbc_decrypt(wrap_key(l).view(), from_hex(l.client_sesskey), padding::none, client_part));
        REQUIRE_FALSE(
            aes_cbc_decrypt(wrap_key(l).view(), from_hex(l.server_sesskey), padding::none, server_part));
        // combo key per the header: MD5(x[16..32]) || MD5(x[32..40])[0..8]
        std::vector<std::uint8_t> x(24);
        for (int i = 0; i < 24; ++i)
            x[i] = server_part[16 + i] ^ client_part[16 + i];
        secret_bytes h1, h2;
        REQUIRE_FALSE(md5({byte_view(x).first(16)}, h1));
        REQUIRE_FALSE(md5({byte_view(x).subspan(16)}, h2));
        combo = std::move(h1);
        combo.append(h2.view().first(8));
        REQUIRE_FALSE(aes_cbc_decrypt(combo.view(), from_hex(l.client_password), padding::pkcs7, pw_plain));
        REQUIRE(std::string(pw_plain.view().begin() + 16, pw_plain.view().end()) == l.password);

        test::scripted_random rng;
        rng.push(std::vector<std::uint8_t>(client_part.view().begin(), client_part.view().end()));
        rng.push(std::vector<std::uint8_t>(pw_plain.view().begin(), pw_plain.view().begin() + 16));
        o5logon_client c({}, rng.source());
        phase_one_params p;
        p.sesskey       = l.server_sesskey;
        p.vfr_data      = l.vfr_data;
        p.verifier_type = 0xb152;
        phase_two_request req;
        REQUIRE_FALSE(c.respond(p, l.password, std::nullopt, req));
        CHECK(*rng.size_mismatch == false);
        CHECK(rng.used_up());
        CHECK(c.scheme() == combo_scheme::md5_xor);
        CHECK(c.weak_verifier());
        CHECK(req.sesskey == l.client_sesskey);
        CHECK(req.password == l.client_password);
        CHECK(req.speedy_key.empty());
        ++checked;
    }
    CHECK(checked == 3);
}

TEST_CASE("o5logon 11g vectors: the server role reproduces the server key and accepts the client") {
    ORANET_REQUIRE_VECTOR(file, "auth/o5logon_11g_verifier_vectors.txt");
    int checked = 0;
    for (const auto& l : read_o5_lines(file)) {
        INFO("password '" << l.password << "'");
        secret_bytes server_part;
        REQUIRE_FALSE(
            aes_cbc_decrypt(wrap_key(l).view(), from_hex(l.server_sesskey), padding::none, server_part));
        if (to_hex(server_part.view().subspan(40)) != "0808080808080808")
            continue;  // not a padded 40-byte key
        stored_verifier v;
        REQUIRE_FALSE(
            make_verifier_with_salt(verifier_type::v11g_1, l.password, from_hex(l.vfr_data), 4096, v));
        test::scripted_random rng;
        rng.push(std::vector<std::uint8_t>(server_part.view().begin(), server_part.view().begin() + 40));
        o5logon_server s(v, {.sder_count = 3, .pbkdf2_params_for_11g = false}, rng.source());
        phase_one_params p;
        REQUIRE_FALSE(s.challenge(p));
        CHECK(p.sesskey == l.server_sesskey);
        CHECK(p.vfr_data == l.vfr_data);
        CHECK(p.verifier_type == 0xb152);
        CHECK(p.csk_salt.empty());
        CHECK(p.vgen_count.empty());
        if (!l.client_sesskey.empty()) {
            phase_two_request req;
            req.sesskey  = l.client_sesskey;
            req.password = l.client_password;
            server_verdict verdict;
            REQUIRE_FALSE(s.check(req, verdict));
            CHECK(verdict.scheme == combo_scheme::md5_xor);
            CHECK_FALSE(verdict.password_change);
            CHECK(verdict.svr_response.size() == 96);
            ++checked;
        }
    }
    CHECK(checked == 2);  // the third client line belongs to the unpadded server key
}

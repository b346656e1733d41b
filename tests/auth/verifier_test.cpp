// Password verifiers against ../shared/vectors/auth/oracle_password_verifier_vectors.txt:
// the 11g "S:" lines (John the Ripper oracle11_fmt_plug.c, hashcat module 112)
// and the 12c "T:" lines (John the Ripper oracle12c_fmt_plug.c, hashcat module
// 12300), each hex(hash || salt) with its password. The file's header gives the
// derivations (checked there with python hashlib); the 10g DES lines are skipped.
#include "auth_test_support.hpp"

#include <oranet/auth/verifier.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <hex.hpp>

using namespace oranet::auth;
using oranet::test::from_hex;
using oranet::test::to_hex;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

struct verifier_line {
    verifier_type type;
    std::string hex;  // hash || salt
    std::string password;
};

std::vector<verifier_line> read_verifier_lines(const std::filesystem::path& p) {
    std::vector<verifier_line> out;
    for (const auto& line : test::data_lines(oranet::test::read_text(p))) {
        auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::string hex = line.substr(0, tab), password = line.substr(tab + 1);
        if (password.find('\t') != std::string::npos) continue;          // 10g: USER<TAB>hash<TAB>password
        hex.erase(std::remove(hex.begin(), hex.end(), ':'), hex.end());  // hashcat's hash:salt
        if (hex.size() == 60)
            out.push_back({verifier_type::v11g_1, hex, password});
        else if (hex.size() == 160)
            out.push_back({verifier_type::v12c, hex, password});
    }
    return out;
}

}  // namespace

TEST_CASE("verifier: 11g and 12c known answers from John the Ripper and hashcat") {
    ORANET_REQUIRE_VECTOR(file, "auth/oracle_password_verifier_vectors.txt");
    const auto lines = read_verifier_lines(file);
    int n11 = 0, n12 = 0;
    for (const auto& l : lines) {
        INFO("verifier " << l.hex << " password " << l.password);
        const auto raw           = from_hex(l.hex);
        const std::size_t hash_n = l.type == verifier_type::v12c ? 64 : 20;
        const std::vector<std::uint8_t> salt(raw.begin() + static_cast<std::ptrdiff_t>(hash_n), raw.end());
        stored_verifier v;
        REQUIRE_FALSE(make_verifier_with_salt(l.type, l.password, salt, default_vgen_count, v));
        CHECK(to_hex(v.hash.view()) == lower(l.hex.substr(0, hash_n * 2)));
        CHECK(lower(format_verifier(v).substr(2)) == lower(l.hex));

        stored_verifier parsed;
        REQUIRE_FALSE(parse_verifier(l.type, l.hex, parsed));
        CHECK(to_hex(parsed.hash.view()) == to_hex(v.hash.view()));
        CHECK(parsed.salt == v.salt);
        (l.type == verifier_type::v12c ? n12 : n11)++;
    }
    CHECK(n11 == 8);
    CHECK(n12 == 3);
}

TEST_CASE("verifier: the key that wraps AUTH_SESSKEY is the same from the password and from the verifier") {
    for (auto type : {verifier_type::v11g_1, verifier_type::v11g_2, verifier_type::v12c}) {
        test::scripted_random rng;
        stored_verifier v;
        REQUIRE_FALSE(make_verifier(type, "Tiger\xc3\xa9", rng.source(), v));
        secret_bytes from_verifier, from_password, pk;
        REQUIRE_FALSE(sesskey_key_from_verifier(v, from_verifier));
        REQUIRE_FALSE(
            derive_password_keys(static_cast<std::uint32_t>(type),
                                 byte_view(reinterpret_cast<const std::uint8_t*>("Tiger\xc3\xa9"), 7), v.salt,
                                 v.vgen_count, from_password, pk));
        CHECK(to_hex(from_verifier.view()) == to_hex(from_password.view()));
        CHECK(from_password.size() == (type == verifier_type::v12c ? 32u : 24u));
        CHECK(pk.size() == (type == verifier_type::v12c ? 64u : 0u));
        CHECK(format_verifier(v).substr(0, 2) == (type == verifier_type::v12c ? "T:" : "S:"));
    }
}

TEST_CASE("verifier: refusals") {
    test::scripted_random rng;
    stored_verifier v;
    CHECK(make_verifier(verifier_type::v10g, "x", rng.source(), v) ==
          oranet::client_errc::auth_verifier_unsupported);
    CHECK(make_verifier(static_cast<verifier_type>(0x1234), "x", rng.source(), v) ==
          oranet::client_errc::auth_verifier_unsupported);
    CHECK(make_verifier(verifier_type::v12c, "x", rng.source(), v, 100) ==
          oranet::client_errc::auth_bad_parameter);
    CHECK(make_verifier(verifier_type::v12c, std::string(1025, 'x'), rng.source(), v) ==
          oranet::client_errc::auth_password_too_long);
    CHECK(make_verifier_with_salt(verifier_type::v11g_1, "x", std::vector<std::uint8_t>(9), 4096, v) ==
          oranet::client_errc::auth_bad_parameter);
    CHECK(parse_verifier(verifier_type::v12c, "S:00", v) == oranet::client_errc::auth_bad_parameter);
    CHECK(parse_verifier(verifier_type::v11g_1, std::string(60, 'g'), v) ==
          oranet::client_errc::auth_bad_parameter);
    CHECK(verifier_type_name(0x939) == "10g (0x939)");
    CHECK(verifier_type_name(0x4815) == "12c (0x4815)");
    CHECK(verifier_type_name(0xb152) == "11g (0xb152)");
    CHECK(verifier_type_name(0x42) == "unknown (0x42)");
}

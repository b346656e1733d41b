// The libcrypto wrapper against published known answers: SHA-1/SHA-512/MD5
// of "abc" (FIPS 180 and RFC 1321 examples), PBKDF2-HMAC-SHA512 ("password",
// "salt", 1 iteration, the widely quoted RFC 6070-style vector), AES-128/192/256
// single blocks (FIPS-197 appendix C; CBC with a zero IV equals ECB for one block).
#include <oranet/auth/crypto.hpp>

#include <catch2/catch.hpp>

#include <hex.hpp>

using namespace oranet::auth;
using oranet::test::from_hex;
using oranet::test::to_hex;

namespace {
byte_view text(std::string_view s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }
}  // namespace

TEST_CASE("crypto: digests of \"abc\"") {
    secret_bytes out;
    REQUIRE_FALSE(sha1({text("a"), text("bc")}, out));
    CHECK(to_hex(out.view()) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    REQUIRE_FALSE(sha512({text("abc")}, out));
    CHECK(to_hex(out.view()) ==
          "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
          "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    REQUIRE_FALSE(md5({text("ab"), text(""), text("c")}, out));
    CHECK(to_hex(out.view()) == "900150983cd24fb0d6963f7d28e17f72");
}

TEST_CASE("crypto: PBKDF2-HMAC-SHA512") {
    secret_bytes out;
    REQUIRE_FALSE(pbkdf2_sha512(text("password"), text("salt"), 1, 64, out));
    CHECK(to_hex(out.view()) ==
          "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
          "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce");
    CHECK(pbkdf2_sha512(text("password"), text("salt"), 0, 64, out) ==
          oranet::client_errc::auth_crypto_failure);
    REQUIRE_FALSE(pbkdf2_sha512({}, text("salt"), 2, 16, out));  // an empty password is allowed
    CHECK(out.size() == 16);
}

TEST_CASE("crypto: AES-CBC single blocks, FIPS-197") {
    const auto plain       = from_hex("00112233445566778899aabbccddeeff");
    const char* expected[] = {"69c4e0d86a7b0430d8cdb78070b4c55a", "dda97ca4864cdfe06eaf70a0ec0d7191",
                              "8ea2b7ca516745bfeafc49904b496089"};
    int k                  = 0;
    for (std::size_t n : {16u, 24u, 32u}) {
        std::vector<std::uint8_t> key(n);
        for (std::size_t i = 0; i < n; ++i)
            key[i] = static_cast<std::uint8_t>(i);
        secret_bytes c, p;
        REQUIRE_FALSE(aes_cbc_encrypt(key, plain, padding::none, c));
        CHECK(to_hex(c.view()) == expected[k++]);
        REQUIRE_FALSE(aes_cbc_decrypt(key, c.view(), padding::none, p));
        CHECK(to_hex(p.view()) == to_hex(plain));
    }
}

TEST_CASE("crypto: PKCS#7 padding adds 1..16 bytes and is checked on decryption") {
    const std::vector<std::uint8_t> key(32, 7);
    for (std::size_t len = 0; len <= 48; ++len) {
        std::vector<std::uint8_t> plain(len, static_cast<std::uint8_t>(len));
        secret_bytes c, p, raw;
        REQUIRE_FALSE(aes_cbc_encrypt(key, plain, padding::pkcs7, c));
        CHECK(c.size() == (len / 16 + 1) * 16);
        REQUIRE_FALSE(aes_cbc_decrypt(key, c.view(), padding::pkcs7, p));
        CHECK(to_hex(p.view()) == to_hex(plain));
        REQUIRE_FALSE(aes_cbc_decrypt(key, c.view(), padding::none, raw));
        CHECK(raw[raw.size() - 1] == c.size() - len);
    }
    // The wrong key: the padding check fails unless the last byte happens to look like padding.
    secret_bytes c, p;
    REQUIRE_FALSE(aes_cbc_encrypt(key, from_hex("00"), padding::pkcs7, c));
    const std::vector<std::uint8_t> other(32, 8);
    secret_bytes raw;
    REQUIRE_FALSE(aes_cbc_decrypt(other, c.view(), padding::none, raw));
    const bool valid_pad = raw[15] >= 1 && raw[15] <= 16;
    if (!valid_pad)
        CHECK(aes_cbc_decrypt(other, c.view(), padding::pkcs7, p) ==
              oranet::client_errc::auth_crypto_failure);
}

TEST_CASE("crypto: bad sizes are errors, not crashes") {
    secret_bytes out;
    CHECK(aes_cbc_encrypt(std::vector<std::uint8_t>(20), std::vector<std::uint8_t>(16), padding::none, out) ==
          oranet::client_errc::auth_crypto_failure);
    CHECK(aes_cbc_encrypt(std::vector<std::uint8_t>(16), std::vector<std::uint8_t>(15), padding::none, out) ==
          oranet::client_errc::auth_crypto_failure);
    CHECK(aes_cbc_decrypt(std::vector<std::uint8_t>(16), {}, padding::pkcs7, out) ==
          oranet::client_errc::auth_crypto_failure);
}

TEST_CASE("crypto: random bytes and constant-time comparison") {
    std::vector<std::uint8_t> a(32), b(32);
    REQUIRE_FALSE(system_random()(a));
    REQUIRE_FALSE(random_bytes(b));
    CHECK(a != b);
    CHECK(equal_constant_time(a, a));
    CHECK_FALSE(equal_constant_time(a, b));
    CHECK_FALSE(equal_constant_time(a, byte_view(a).first(31)));
}

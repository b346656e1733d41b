#include <oranet/auth/secret.hpp>

#include <catch2/catch.hpp>

using oranet::auth::secret_bytes;

TEST_CASE("secret_bytes keeps its bytes, moves and wipes") {
    secret_bytes s(std::string_view("tiger"));
    CHECK(s.size() == 5);
    s.append(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>("!!"), 2));
    CHECK(std::string(s.view().begin(), s.view().end()) == "tiger!!");
    secret_bytes t = std::move(s);
    CHECK(s.empty());
    CHECK(t.size() == 7);
    secret_bytes u = t.clone();
    t.wipe();
    CHECK(t.empty());
    CHECK(u.size() == 7);
}

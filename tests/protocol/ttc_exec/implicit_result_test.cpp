// Implicit results (message 27): both roles. The layout python-oracledb
// (_process_implicit_result) and node-oracledb (processImplicitResultSet)
// read: UB4 count, then per cursor a length byte and opaque bytes, the
// describe body and the UB2 cursor id.
#include "hex.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/implicit_result.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

namespace {

caps caps_for(std::uint8_t fv) {
    caps c;
    c.ttc_field_version = fv;
    c.supports_oac_type = true;
    return c;
}

column_info number_column(std::string name) {
    column_info col;
    col.ora_type    = 2;
    col.buffer_size = 22;
    col.nullable    = 1;
    col.name        = std::move(name);
    return col;
}

implicit_results two_results() {
    implicit_results m;
    implicit_result a;
    a.describe.columns.push_back(number_column("LEVEL"));
    a.cursor_id = 7;
    implicit_result b;
    b.prefix = {0xaa, 0xbb};
    b.describe.columns.push_back(number_column("X"));
    b.describe.columns.push_back(number_column("Y"));
    b.cursor_id = 300;
    m.results   = {a, b};
    return m;
}

std::vector<std::uint8_t> encoded(const implicit_results& m, const caps& c) {
    writer w;
    encode(w, m, c);
    REQUIRE(w.ok());
    return w.take();
}

}  // namespace

TEST_CASE("implicit results: round trip across field versions") {
    for (std::uint8_t fv : {field_version::v12_1, field_version::v19_1, field_version::v23_1}) {
        const caps c     = caps_for(fv);
        const auto bytes = encoded(two_results(), c);
        REQUIRE(bytes[0] == static_cast<std::uint8_t>(message_type::implicit_resultset));
        CHECK(to_hex(bytes_view{bytes.data() + 1, 2}) == "0102");  // UB4 2: length byte 1, value 2
        reader r({bytes.data() + 1, bytes.size() - 1});
        implicit_results got;
        REQUIRE_FALSE(decode_body(r, got, c));
        CHECK(r.remaining() == 0);
        REQUIRE(got.results.size() == 2);
        CHECK(got.results[0].cursor_id == 7);
        CHECK(got.results[1].cursor_id == 300);
        CHECK(got.results[1].prefix == std::vector<std::uint8_t>{0xaa, 0xbb});
        REQUIRE(got.results[1].describe.columns.size() == 2);
        CHECK(got.results[1].describe.columns[1].name == "Y");
        CHECK(got.results[0].describe.columns[0].ora_type == 2);
        CHECK(to_hex(encoded(got, c)) == to_hex(bytes));
    }
}

TEST_CASE("implicit results: every strict prefix is truncated") {
    const caps c     = caps_for(field_version::v19_1);
    const auto bytes = encoded(two_results(), c);
    for (std::size_t n = 1; n < bytes.size(); ++n) {
        reader r({bytes.data() + 1, n - 1});
        implicit_results got;
        INFO("prefix " << n);
        CHECK(decode_body(r, got, c) == client_errc::truncated);
    }
}

TEST_CASE("implicit results: an empty list and a count the bytes cannot hold") {
    const caps c = caps_for(field_version::v19_1);
    implicit_results none;
    const auto bytes = encoded(none, c);
    CHECK(to_hex(bytes) == "1b00");
    reader r({bytes.data() + 1, bytes.size() - 1});
    implicit_results got;
    REQUIRE_FALSE(decode_body(r, got, c));
    CHECK(got.results.empty());
    const std::vector<std::uint8_t> huge = {0x04, 0x7f, 0xff, 0xff, 0xff, 0x00};
    reader r2(huge);
    CHECK(decode_body(r2, got, c));
}

TEST_CASE("implicit results: random lists round trip") {
    std::mt19937 rng(7);
    const caps c = caps_for(field_version::v21_1);
    for (int iter = 0; iter < 50; ++iter) {
        implicit_results m;
        const int n = static_cast<int>(rng() % 4);
        for (int i = 0; i < n; ++i) {
            implicit_result res;
            res.prefix.resize(rng() % 4, 0x11);
            const int cols = 1 + static_cast<int>(rng() % 3);
            for (int k = 0; k < cols; ++k)
                res.describe.columns.push_back(number_column("C" + std::to_string(k)));
            res.cursor_id = static_cast<std::uint16_t>(rng());
            m.results.push_back(std::move(res));
        }
        const auto bytes = encoded(m, c);
        reader r({bytes.data() + 1, bytes.size() - 1});
        implicit_results got;
        REQUIRE_FALSE(decode_body(r, got, c));
        CHECK(to_hex(encoded(got, c)) == to_hex(bytes));
    }
}

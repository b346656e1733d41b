// ANO negotiation: python-oracledb 1.2.1's request (rebuilt from its
// sources' layout), our "no services" reply checked the way python 1.2.1
// (magic, each service's error) and node-oracledb (supervisor status 0x1f,
// authentication status ok or "don't use") check it.
#include "handshake_support.hpp"

#include <oranet/proto/ttc/ano.hpp>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

namespace {

std::vector<std::uint8_t> bytes_of(const ano_message& m) {
    writer w;
    encode(w, m);
    return {w.data().begin(), w.data().end()};
}

}  // namespace

TEST_CASE("ano: python-oracledb 1.2.1's request layout") {
    const auto bytes = bytes_of(make_ano_request(0x0000101c66ec28eaULL));
    // Header: magic, total length, version 0x0b200200, 4 services, flags 0.
    CHECK(to_hex(bytes_view(bytes).first(13)) ==
          "deadbeef"
          "0085"
          "0b200200"
          "0004"
          "00");
    CHECK(bytes.size() == 0x85);  // 13 + supervisor 50 + auth 28 + encryption 21 + integrity 21
    // Supervisor first: id 4, 3 subpackets, error 0, version, CID, service array.
    CHECK(to_hex(bytes_view(bytes).subspan(13, 8)) ==
          "0004"
          "0003"
          "00000000");
    CHECK(to_hex(bytes_view(bytes).subspan(21, 8)) ==
          "0004"
          "0005"
          "0b200200");
    CHECK(to_hex(bytes_view(bytes).subspan(29, 12)) ==
          "0008"
          "0001"
          "0000101c66ec28ea");
    CHECK(to_hex(bytes_view(bytes).subspan(41, 22)) ==
          "0012"
          "0001"
          "deadbeef"
          "0003"
          "00000004"
          "0004000100020003");

    reader r(bytes);
    ano_message m;
    REQUIRE(!decode(r, m));
    REQUIRE(!r.finish());
    CHECK(m == make_ano_request(0x0000101c66ec28eaULL));
    CHECK(is_ano(bytes));
    oranet::test::check_prefixes_truncated(bytes, [](reader& rr) {
        ano_message x;
        return decode(rr, x);
    });
}

TEST_CASE("ano: the no-services reply passes both clients' checks") {
    const auto request_bytes = bytes_of(make_ano_request(1));
    reader rq(request_bytes);
    ano_message request;
    REQUIRE(!decode(rq, request));
    const ano_message reply = make_ano_no_services_reply(request);
    const auto bytes        = bytes_of(reply);
    reader r(bytes);
    ano_message back;
    REQUIRE(!decode(r, back));
    REQUIRE(!r.finish());
    CHECK(back == reply);
    CHECK(!check_ano_reply(back));
    REQUIRE(back.services.size() == 4);
    for (const auto& s : back.services) {
        CHECK(s.error == 0);
        REQUIRE(!s.subpackets.empty());
        CHECK(s.subpackets[0].type == ano::type_version);
    }
    // Supervisor: version, status 0x1f, then the array node reads (magic, UB2 type, count, ids).
    const ano_service& sup = back.services[0];
    CHECK(sup.id == ano::service_supervisor);
    REQUIRE(sup.subpackets.size() == 3);
    CHECK(to_hex(sup.subpackets[1].data) == "001f");
    CHECK(to_hex(sup.subpackets[2].data) ==
          "deadbeef"
          "0003"
          "00000004"
          "0004000100020003");
    // Authentication: "don't use" (0xfbff), which node accepts without an adapter.
    CHECK(back.services[1].id == ano::service_authentication);
    CHECK(to_hex(back.services[1].subpackets[1].data) == "fbff");
    // Encryption and integrity: the 13 bytes node's generic reader skips.
    CHECK(back.services[2].subpackets.size() == 2);
    CHECK(to_hex(back.services[2].subpackets[1].data) == "00");
}

TEST_CASE("ano: a refusing or malformed reply is rejected") {
    ano_message reply       = make_ano_no_services_reply(make_ano_request(1));
    reply.services[2].error = 12650;  // ORA-12650: no common encryption algorithm
    CHECK(check_ano_reply(reply) == client_errc::tns_refused);

    ano_message bad_sup                    = make_ano_no_services_reply(make_ano_request(1));
    bad_sup.services[0].subpackets[1].data = {0, 0};
    CHECK(check_ano_reply(bad_sup) == client_errc::malformed);

    auto bytes = bytes_of(make_ano_request(1));
    bytes[0] = 0xde, bytes[3] = 0xee;  // wrong magic
    reader r(bytes);
    ano_message m;
    CHECK(decode(r, m) == client_errc::malformed);

    auto bytes2 = bytes_of(make_ano_request(1));
    bytes2[5] ^= 1;  // total length disagrees with the content
    reader r2(bytes2);
    CHECK(decode(r2, m) == client_errc::malformed);
}

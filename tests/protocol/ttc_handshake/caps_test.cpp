// Capability negotiation: our client's offer against the caps python-oracledb
// 4.0.1 sent to a 23ai server, and the adjustments after ACCEPT and the
// server's protocol negotiation reply.
#include "handshake_support.hpp"

#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/data_types.hpp>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

TEST_CASE("caps: our offer after a 23ai ACCEPT equals python-oracledb's (fetch_df_session.txt op 4)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto packets   = oranet::test::read_packet_dump(path);
    const auto request   = oranet::test::data_payload(oranet::test::packet_of_op(packets, 4));
    const std::size_t at = 4 + 3 + std::string_view("python-oracledb").size() + 1 + 6;
    reader r(bytes_view(request).subspan(at));
    data_types_request sent;
    REQUIRE(!decode(r, sent));

    caps c = client_caps(client_profile::python_oracledb);
    adjust_for_accept(c, 319, gso_can_recv_attention,
                      accept_flag::has_end_of_response | accept_flag::fast_auth);
    // python-oracledb 4.0.1 sent 53 compile caps; the current one (and we) 55,
    // the extra ones being TTC6 (HA readiness) at index 54.
    REQUIRE(c.compile_caps.size() == ccap::count);
    CHECK(to_hex(bytes_view(c.compile_caps).first(53)) == to_hex(sent.compile_caps));
    CHECK(c.compile_caps[ccap::ttc6] == ccap::ttc6_ha_readiness);
    CHECK(to_hex(c.runtime_caps) == to_hex(sent.runtime_caps));
}

TEST_CASE("caps: ACCEPT decides OOB, fast auth and end of response") {
    caps old_server = client_caps();
    adjust_for_accept(old_server, 317, 0, accept_flag::has_end_of_response);  // flag ignored below TNS 319
    CHECK(!old_server.supports_end_of_response);
    CHECK((old_server.compile_caps[ccap::ttc4] & ccap::end_of_response) == 0);
    CHECK(!old_server.supports_oob);

    caps new_server = client_caps();
    adjust_for_accept(new_server, 319, gso_can_recv_attention, accept_flag::check_oob);
    CHECK(new_server.supports_oob);
    CHECK(new_server.supports_oob_check);
    CHECK(!new_server.supports_end_of_response);
    CHECK(!new_server.supports_fast_auth);
}

TEST_CASE("caps: the field version is the lower of both sides, in both roles") {
    for (std::uint8_t fv :
         {field_version::v12_1, field_version::v18_1, field_version::v21_1, field_version::v23_4}) {
        caps client             = client_caps();
        const caps server_offer = server_caps(fv, 318);
        adjust_for_server_compile_caps(client, server_offer.compile_caps);
        adjust_for_server_runtime_caps(client, server_offer.runtime_caps);
        CHECK(client.ttc_field_version == fv);
        CHECK(client.compile_caps[ccap::field_version] == fv);
        CHECK(client.max_string_size == 32767);

        caps server                  = server_caps(field_version::max, 319);
        const data_types_request req = make_data_types_request(client);
        apply(server, req);
        CHECK(server.ttc_field_version == fv);
    }
}

TEST_CASE("caps: request boundaries need both the server's ttc4 bit and its session state runtime cap") {
    caps c = client_caps();
    std::vector<std::uint8_t> cc(ccap::count, 0);
    cc[ccap::field_version] = field_version::v23_4;
    cc[ccap::ttc4]          = ccap::explicit_boundary;
    adjust_for_server_compile_caps(c, cc);
    CHECK(c.supports_request_boundaries);
    std::vector<std::uint8_t> rc(rcap::count, 0);
    rc[rcap::ttc] = rcap::ttc_32k;
    adjust_for_server_runtime_caps(c, rc);
    CHECK(!c.supports_request_boundaries);
    CHECK(c.max_string_size == 32767);
}

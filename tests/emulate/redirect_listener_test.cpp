// `oranet emulate --redirect-to HOST:PORT` (issue 8): the option, and the
// REDIRECT a session sends, read by the client session machine: header flag
// 0x02, the length alone in the REDIRECT and the data ("(ADDRESS=...)" NUL
// the client's connect data) in the DATA packet after it, as python-oracledb
// 1.2.1 requires; the connection ends there.
#include "emulate/options.hpp"
#include "emulate/server_context.hpp"
#include "emulate/server_session.hpp"

#include <oranet/proto/session/client_session.hpp>
#include <oranet/proto/tns/redirect.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oranet;
using namespace oranet::emulate;
namespace tns = oranet::proto::tns;

namespace {

std::vector<std::string_view> args(std::initializer_list<std::string_view> a) { return {a}; }

struct redirecting_listener {
    server_context ctx;
    redirecting_listener() {
        ctx.opts.services      = {"FREEPDB1"};
        ctx.opts.users         = {user_spec{"demo", "demo", verifier_kind::v12c, false}};
        ctx.opts.redirect_host = "10.1.2.3";
        ctx.opts.redirect_port = 1600;
        ctx.users              = std::make_unique<user_store>(ctx.opts.users);
        ctx.backend            = make_stub_backend(":memory:");
    }
};

// Runs the client machine's connect against one server session until the
// machine is done; returns the error it ended with.
std::error_code connect_once(proto::session::client_session& c, server_session& s, const std::string& cd,
                             std::vector<std::uint8_t>& server_bytes, int& writes) {
    proto::session::connect_request req;
    req.connect_data = cd;
    req.user         = "demo";
    auto a           = c.start_connect(req);
    for (int guard = 0; guard < 20; ++guard) {
        switch (a.kind) {
            case proto::session::action_kind::write:
                ++writes;
                s.on_bytes(a.data);
                a = c.on_write_done();
                break;
            case proto::session::action_kind::read: {
                auto out = s.take_output();
                REQUIRE_FALSE(out.empty());
                server_bytes.insert(server_bytes.end(), out.begin(), out.end());
                a = c.on_bytes(out);
                break;
            }
            case proto::session::action_kind::done: return a.ec;
            default: FAIL("unexpected action"); return {};
        }
    }
    FAIL("no end");
    return {};
}

}  // namespace

TEST_CASE("emulate redirect: --redirect-to HOST:PORT is parsed and checked") {
    options o;
    bool help = false;
    std::string err;
    REQUIRE(parse_options(args({"--redirect-to", "db2.example.com:1522"}), o, help, err));
    CHECK(o.redirect_host == "db2.example.com");
    CHECK(o.redirect_port == 1522);
    options v6;
    REQUIRE(parse_options(args({"--redirect-to", "[::1]:1600"}), v6, help, err));
    CHECK(v6.redirect_host == "::1");
    CHECK(v6.redirect_port == 1600);
    for (std::string_view bad : {"db2", "db2:x", "db2:70000", "db2:0", ":1521"}) {
        options b;
        INFO(bad);
        CHECK_FALSE(parse_options(args({"--redirect-to", bad}), b, help, err));
        CHECK_THAT(err, Catch::StartsWith("--redirect-to"));
    }
    options none;
    CHECK_FALSE(parse_options(args({"--redirect-to"}), none, help, err));
    CHECK(std::string(usage_text).find("--redirect-to HOST:PORT") != std::string::npos);
}

TEST_CASE("emulate redirect: every CONNECT gets a REDIRECT with the data in the next DATA packet") {
    for (const std::string& cd : {std::string("(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))"),
                                  "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=NOT_HERE)(CID=(PROGRAM=" +
                                      std::string(300, 'p') + "))))"}) {
        INFO(cd.size());
        redirecting_listener l;
        server_session s(l.ctx, "test");
        proto::session::client_session c;
        std::vector<std::uint8_t> bytes;
        int writes   = 0;
        const auto e = connect_once(c, s, cd, bytes, writes);
        CHECK(e == client_errc::tns_redirect);
        // Long connect data goes in a DATA packet after the CONNECT: the
        // emulator asks for it again first (RESEND), as 12.1 listeners do.
        CHECK(writes == (cd.size() > 230 ? 2 : 1));
        const auto t = tns::split_redirect_data(c.redirect_data());
        CHECK(t.address == "(ADDRESS=(PROTOCOL=TCP)(HOST=10.1.2.3)(PORT=1600))");
        CHECK(t.has_connect_data);
        CHECK(t.connect_data == cd);  // the service is not checked: the target does that
        CHECK(s.finished());

        // The REDIRECT: 10 bytes, flag 0x02, the length; then one DATA packet.
        std::size_t pos = 0;
        if (bytes.size() > 4 && bytes[4] == static_cast<std::uint8_t>(tns::packet_type::resend))
            pos = static_cast<std::size_t>(bytes[0] << 8 | bytes[1]);
        REQUIRE(bytes.size() >= pos + 10);
        CHECK(bytes[pos + 4] == static_cast<std::uint8_t>(tns::packet_type::redirect));
        CHECK(bytes[pos + 5] == tns::header_flags::redirect_separate);
        CHECK((bytes[pos] << 8 | bytes[pos + 1]) == 10);
        CHECK(static_cast<std::size_t>(bytes[pos + 8] << 8 | bytes[pos + 9]) == c.redirect_data().size());
        pos += 10;
        REQUIRE(bytes.size() > pos + 10);
        CHECK(bytes[pos + 4] == static_cast<std::uint8_t>(tns::packet_type::data));
        CHECK(static_cast<std::size_t>(bytes[pos] << 8 | bytes[pos + 1]) == bytes.size() - pos);
    }
}

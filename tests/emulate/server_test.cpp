// The wire side of `oranet emulate`: command line, connect data, the
// listener part of the session machine (REFUSE / RESEND / ACCEPT).
#include "emulate/connect_data.hpp"
#include "emulate/options.hpp"
#include "emulate/server_context.hpp"
#include "emulate/server_session.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace oranet::emulate;

namespace {

std::vector<std::string_view> args(std::initializer_list<std::string_view> a) { return {a}; }

// A CONNECT packet as the thin clients write it (TNS version 318/319, 74-byte
// header, large SDU at offset 58); `with_data` false leaves the connect data
// for a following DATA packet, as clients do above 230 bytes.
std::vector<std::uint8_t> connect_packet(std::uint16_t version, const std::string& cd,
                                         bool with_data = true) {
    std::vector<std::uint8_t> p(74, 0);
    auto put16 = [&](std::size_t off, std::uint16_t v) {
        p[off]     = static_cast<std::uint8_t>(v >> 8);
        p[off + 1] = static_cast<std::uint8_t>(v);
    };
    put16(8, version);
    put16(10, 300);
    put16(12, 0x0801);
    put16(14, 8192);
    put16(16, 65535);
    put16(22, 1);
    put16(24, static_cast<std::uint16_t>(cd.size()));
    put16(26, 74);
    p[58] = 0;
    p[59] = 0;
    p[60] = 0x20;  // large SDU 8192
    p[61] = 0;
    if (with_data) p.insert(p.end(), cd.begin(), cd.end());
    put16(0, static_cast<std::uint16_t>(p.size()));
    p[4] = 1;  // CONNECT
    return p;
}

std::vector<std::uint8_t> data_packet(const std::string& payload) {
    std::vector<std::uint8_t> p = {0, 0, 0, 0, 6, 0, 0, 0, 0, 0};
    p.insert(p.end(), payload.begin(), payload.end());
    p[0] = static_cast<std::uint8_t>(p.size() >> 8);
    p[1] = static_cast<std::uint8_t>(p.size());
    return p;
}

std::string descriptor(const std::string& service_clause) {
    return "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=127.0.0.1)(PORT=1521))(CONNECT_DATA=" + service_clause +
           "(CID=(PROGRAM=test)(HOST=h)(USER=u))))";
}

struct fixture {
    server_context ctx;
    fixture() {
        options o;
        bool help = false;
        std::string err;
        REQUIRE(parse_options(args({"--profile", "19"}), o, help, err));
        ctx.users   = std::make_unique<user_store>(o.users);
        ctx.backend = make_stub_backend(":memory:");
        ctx.opts    = o;
    }
};

}  // namespace

TEST_CASE("emulate options: defaults and every option") {
    options o;
    bool help = false;
    std::string err;
    REQUIRE(parse_options({}, o, help, err));
    CHECK(o.host == "127.0.0.1");
    CHECK(o.port == 1521);
    CHECK(o.services == std::vector<std::string>{"FREEPDB1"});
    REQUIRE(o.users.size() == 1);
    CHECK(o.users[0].name == "demo");
    CHECK(o.users[0].verifier == verifier_kind::v12c);

    options p;
    REQUIRE(parse_options(
        args({"--listen", "0.0.0.0:0", "--service", "A", "--service", "b", "--user", "x/p:w:11g", "--user",
              "y/q:12c:expired", "--db", "f.db", "--profile", "12.1", "--charset", "we8mswin1252"}),
        p, help, err));
    CHECK(p.host == "0.0.0.0");
    CHECK(p.port == 0);
    CHECK(p.services == std::vector<std::string>{"A", "b"});
    REQUIRE(p.users.size() == 2);
    CHECK(p.users[0].password == "p:w");  // suffixes are taken from the right
    CHECK(p.users[0].verifier == verifier_kind::v11g);
    CHECK(p.users[1].expired);
    CHECK(p.db == "f.db");
    CHECK(p.prof == profile::v12_1);
    CHECK(p.charset_id == 178);

    for (auto bad :
         {args({"--listen", "nope"}), args({"--listen", "h:99999"}), args({"--profile", "11"}),
          args({"--charset", "KOI8R"}), args({"--user", "nopassword"}), args({"--frob"}), args({"--db"})}) {
        options q;
        err.clear();
        CHECK_FALSE(parse_options(bad, q, help, err));
        CHECK_FALSE(err.empty());
    }
    REQUIRE(parse_options(args({"--help"}), o, help, err));
    CHECK(help);
}

TEST_CASE("emulate connect data: SERVICE_NAME and SID") {
    auto t = parse_connect_target(descriptor("(SERVICE_NAME=freepdb1)"));
    CHECK(t.service_name == "freepdb1");
    CHECK_FALSE(t.sid);
    t = parse_connect_target("(DESCRIPTION=(CONNECT_DATA=(SID = XE ))(ADDRESS=(PROTOCOL=TCP)))");
    CHECK(t.sid == "XE");
    t = parse_connect_target("(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)");  // unbalanced
    CHECK_FALSE(t.service_name);
    CHECK_FALSE(parse_connect_target("").service_name);
}

TEST_CASE("emulate listener: unknown service and SID are refused with ORA-12514 / ORA-12505") {
    for (auto [clause, code] : {std::pair{std::string("(SERVICE_NAME=NOPE)"), std::string("12514")},
                                std::pair{std::string("(SID=NOPE)"), std::string("12505")}}) {
        fixture f;
        server_session s(f.ctx, "test");
        s.on_bytes(connect_packet(318, descriptor(clause)));
        const auto out = s.take_output();
        REQUIRE(out.size() > 12);
        CHECK(out[4] == 4);  // REFUSE, 2-byte length form
        CHECK((out[0] << 8 | out[1]) == static_cast<int>(out.size()));
        const std::string text(out.begin() + 12, out.end());
        CHECK(text.find("(ERR=" + code + ")") != std::string::npos);
        CHECK(text.size() < 253);  // python 1.2.1 reads it with a one-byte length
        CHECK(s.finished());
    }
}

TEST_CASE("emulate listener: ACCEPT takes the lower version and the client's SDU") {
    fixture f;
    server_session s(f.ctx, "test");
    s.on_bytes(connect_packet(319, descriptor("(SERVICE_NAME=FreePdb1)")));
    const auto out = s.take_output();
    REQUIRE(out.size() >= 8 + 37);
    CHECK(out[4] == 2);                         // ACCEPT
    CHECK((out[8] << 8 | out[9]) == 318);       // profile 19 plays TNS 318
    CHECK((out[10] << 8 | out[11]) == 0x0001);  // no out-of-band attention offered (PEER-NOTES 4)
    CHECK((out[32] << 24 | out[33] << 16 | out[34] << 8 | out[35]) == 8192);  // large SDU
    CHECK(s.current_state() == server_session::state::session);
    CHECK_FALSE(s.finished());
}

TEST_CASE("emulate listener: connect data in a separate DATA packet gets RESEND first") {
    fixture f;
    server_session s(f.ctx, "test");
    const std::string cd = descriptor("(SERVICE_NAME=FREEPDB1)") + std::string(200, ' ');
    // Bytes may arrive split anywhere: feed them one at a time.
    auto feed = [&](const std::vector<std::uint8_t>& b) {
        for (std::uint8_t c : b)
            s.on_bytes(oranet::proto::bytes_view(&c, 1));
    };
    feed(connect_packet(318, cd, false));
    CHECK(s.take_output().empty());
    feed(data_packet(cd));
    const auto resend = s.take_output();
    REQUIRE(resend.size() == 8);
    CHECK(resend[4] == 11);  // RESEND
    feed(connect_packet(318, cd, false));
    feed(data_packet(cd));
    const auto accept = s.take_output();
    REQUIRE(accept.size() > 8);
    CHECK(accept[4] == 2);
}

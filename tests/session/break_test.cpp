// Breaking off a call (issue 7): a call timeout or a cancel sends an
// INTERRUPT marker (01 00 03, as python-oracledb's _break_external and
// node-oracledb's sendBreak without out-of-band data); the server answers
// BREAK, the client RESET, the server drops the call and sends RESET and
// ORA-01013; the session is ready again. Only a server that does not finish
// the break within the grace period leaves the session dead.
#include "fake_server.hpp"

#include <oranet/proto/ttc/simple_calls.hpp>

using namespace oranet;
using namespace oranet::test;
using proto::session::action;
using proto::session::action_kind;
using proto::session::client_session;
using proto::session::state;

namespace {

std::vector<std::uint8_t> ping_bytes(client_session& s) {
    proto::writer w;
    ttc::ping_request m;
    m.seq = s.next_seq();
    ttc::encode(w, m, s.caps());
    return w.take();
}

tns::marker_packet marker_of(const action& a, tns::length_mode mode) {
    REQUIRE(a.kind == action_kind::write);
    tns::packet_view p;
    REQUIRE_FALSE(tns::parse_packet(a.data, mode, p));
    REQUIRE(p.type() == tns::packet_type::marker);
    tns::marker_packet m;
    REQUIRE_FALSE(tns::decode_packet_as(p, m));
    return m;
}

void push_marker(fake_server& srv, tns::marker_type t) {
    proto::writer w;
    REQUIRE_FALSE(tns::write_packet(w, tns::make_marker(t), srv.mode()));
    srv.push(w);
}

// Logged in; a ping call sent and waiting for its reply.
struct call_in_flight {
    fake_server srv;
    client_session s;
    std::vector<std::uint8_t> ping;
    action a;
    explicit call_in_flight(std::uint16_t version = 318, std::uint32_t grace_ms = 700) {
        srv.tns_version = version;
        REQUIRE_FALSE(drive(s, s.start_connect(sample_connect_request()), srv).last.ec);
        ping = ping_bytes(s);
        proto::session::call_request call;
        call.ttc            = ping;
        call.timeout_ms     = 1000;
        call.break_grace_ms = grace_ms;
        a                   = s.start_call(call);
        REQUIRE(a.kind == action_kind::write);
        a = s.on_write_done();
        REQUIRE(a.kind == action_kind::read);
        REQUIRE(a.timeout_ms == 1000);
    }
    // After the INTERRUPT: its write completes, the server's BREAK comes,
    // our RESET goes out, then the server's RESET and ORA-01013.
    action server_breaks() {
        a = s.on_write_done();
        REQUIRE(a.kind == action_kind::read);
        return server_breaks_after_read();
    }
    action server_breaks_after_read() {
        push_marker(srv, tns::marker_type::break_marker);
        a = s.on_bytes(srv.take(1 << 20));
        CHECK(tns::is_reset(marker_of(a, srv.mode())));
        a = s.on_write_done();
        REQUIRE(a.kind == action_kind::read);
        proto::writer junk;  // what the server sent before its RESET is void
        junk.u8(0xee);
        srv.push_ttc(junk);
        push_marker(srv, tns::marker_type::reset_marker);
        proto::writer err;
        srv.end_items(err, 1013, "ORA-01013: user requested cancel of current operation\n");
        srv.push_ttc(err);
        return s.on_bytes(srv.take(1 << 20));
    }
    void next_call_works() {
        const auto again = ping_bytes(s);
        proto::session::call_request call;
        call.ttc = again;
        CHECK(drive(s, s.start_call(call), srv).last.ec == std::error_code{});
        CHECK(s.is_ready());
    }
};

}  // namespace

TEST_CASE("break: a call timeout sends INTERRUPT, resets, and the call fails with call_timeout") {
    for (std::uint16_t version : {std::uint16_t{318}, std::uint16_t{319}}) {
        DYNAMIC_SECTION("TNS " << version) {
            call_in_flight c(version);
            c.a                  = c.s.on_timeout();
            const auto interrupt = marker_of(c.a, c.srv.mode());
            CHECK(interrupt.kind == tns::marker_kind_one_byte);
            CHECK(interrupt.marker == tns::marker_type::interrupt_marker);
            CHECK(c.a.timeout_ms == 700);  // the grace period bounds the break
            CHECK_FALSE(c.s.is_dead());
            const action done = c.server_breaks();
            REQUIRE(done.kind == action_kind::done);
            CHECK(done.ec == client_errc::call_timeout);
            CHECK_FALSE(is_fatal(done.ec));
            CHECK(c.s.is_ready());
            CHECK(c.s.last_error().error_number == 1013);
            c.next_call_works();
        }
    }
}

TEST_CASE("break: a cancel sends INTERRUPT and the call fails with ORA-01013") {
    call_in_flight c;
    c.a = c.s.on_cancel();
    CHECK(marker_of(c.a, c.srv.mode()).marker == tns::marker_type::interrupt_marker);
    const action done = c.server_breaks();
    REQUIRE(done.kind == action_kind::done);
    CHECK(done.ec == ora_error(1013));
    CHECK(c.s.is_ready());
    c.next_call_works();
}

TEST_CASE("break: a server that never answers the break leaves the session dead after the grace") {
    SECTION("no BREAK at all") {
        call_in_flight c;
        c.a = c.s.on_timeout();
        c.a = c.s.on_write_done();
        REQUIRE(c.a.kind == action_kind::read);
        CHECK(c.a.timeout_ms == 700);
        c.a = c.s.on_timeout();  // the grace ran out
        CHECK(c.a.kind == action_kind::done);
        CHECK(c.a.ec == client_errc::timeout);
        CHECK(c.s.is_dead());
    }
    SECTION("BREAK but never RESET") {
        call_in_flight c;
        c.a = c.s.on_cancel();
        c.a = c.s.on_write_done();
        push_marker(c.srv, tns::marker_type::break_marker);
        c.a = c.s.on_bytes(c.srv.take(1 << 20));
        CHECK(tns::is_reset(marker_of(c.a, c.srv.mode())));
        c.a = c.s.on_write_done();
        c.a = c.s.on_timeout();
        CHECK(c.a.ec == client_errc::timeout);
        CHECK(c.s.is_dead());
    }
}

TEST_CASE("break: a cancel when the reply is already complete") {
    SECTION("between calls it does nothing") {
        call_in_flight c;
        proto::writer w;
        c.srv.status_items(w);
        c.srv.push_ttc(w);
        c.a = c.s.on_bytes(c.srv.take(1 << 20));
        REQUIRE(c.a.kind == action_kind::done);
        CHECK_FALSE(c.a.ec);
        const action a = c.s.on_cancel();
        CHECK(a.kind == action_kind::done);
        CHECK_FALSE(a.ec);
        CHECK(c.s.is_ready());
        c.next_call_works();
    }
    SECTION("the reply overtook the INTERRUPT: the server's break still comes and is drained") {
        call_in_flight c;
        c.a = c.s.on_cancel();
        CHECK(marker_of(c.a, c.srv.mode()).marker == tns::marker_type::interrupt_marker);
        c.a = c.s.on_write_done();
        proto::writer w;
        c.srv.status_items(w);
        c.srv.push_ttc(w);
        c.a = c.s.on_bytes(c.srv.take(1 << 20));
        CHECK(c.a.kind == action_kind::read);  // the whole reply, but the break is not over
        push_marker(c.srv, tns::marker_type::break_marker);
        c.a = c.s.on_bytes(c.srv.take(1 << 20));
        CHECK(tns::is_reset(marker_of(c.a, c.srv.mode())));
        c.a = c.s.on_write_done();
        push_marker(c.srv, tns::marker_type::reset_marker);
        proto::writer err;
        c.srv.end_items(err, 1013, "ORA-01013: user requested cancel of current operation\n");
        c.srv.push_ttc(err);
        c.a = c.s.on_bytes(c.srv.take(1 << 20));
        REQUIRE(c.a.kind == action_kind::done);
        CHECK(c.a.ec == ora_error(1013));
        CHECK(c.s.is_ready());
        c.next_call_works();
    }
    SECTION("a second cancel during the break is ignored") {
        call_in_flight c;
        c.a = c.s.on_cancel();
        c.a = c.s.on_write_done();
        c.a = c.s.on_cancel();
        CHECK(c.a.kind == action_kind::read);
        const action done = c.server_breaks_after_read();
        CHECK(done.ec == ora_error(1013));
        CHECK(c.s.is_ready());
    }
}

TEST_CASE("break: a timeout outside a call's read still kills the session") {
    fake_server srv;
    client_session s;
    REQUIRE_FALSE(drive(s, s.start_connect(sample_connect_request()), srv).last.ec);
    const auto ping = ping_bytes(s);
    proto::session::call_request call;
    call.ttc = ping;
    action a = s.start_call(call);
    REQUIRE(a.kind == action_kind::write);
    a = s.on_timeout();  // the request did not go out whole
    CHECK(a.ec == client_errc::timeout);
    CHECK(s.is_dead());
}

// The client session machine against a scripted server: the whole connect
// (CONNECT/ACCEPT, protocol and data type negotiation, both auth phases),
// calls, logoff; every event point with an injected I/O error or timeout;
// replies split at every size; events the state does not expect.
#include "fake_server.hpp"

#include <oranet/proto/ttc/simple_calls.hpp>

#include <cstring>

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

}  // namespace

TEST_CASE("session: connect, ping and close against a 318 server") {
    for (std::uint16_t version : {std::uint16_t{318}, std::uint16_t{319}}) {
        DYNAMIC_SECTION("TNS " << version) {
            fake_server srv;
            srv.tns_version = version;
            client_session s;
            auto r = drive(s, s.start_connect(sample_connect_request()), srv);
            REQUIRE(r.last.ec == std::error_code{});
            CHECK(s.is_ready());
            CHECK(srv.connects == 1);
            REQUIRE(srv.requests.size() == 4);  // protocol, data types, auth one, auth two
            CHECK(srv.requests[0][0] == 1);
            CHECK(srv.requests[1][0] == 2);
            CHECK(srv.requests[2][1] == static_cast<std::uint8_t>(ttc::function_code::auth_phase_one));
            CHECK(srv.requests[3][1] == static_cast<std::uint8_t>(ttc::function_code::auth_phase_two));
            CHECK(s.caps().supports_end_of_response == (version >= 319));
            CHECK(ttc::auth_value(s.auth_phase_two(), "AUTH_SVR_RESPONSE") == std::string_view("ABCD"));

            const auto ping = ping_bytes(s);
            proto::session::call_request call;
            call.ttc        = ping;
            call.timeout_ms = 1000;
            r               = drive(s, s.start_call(call), srv);
            CHECK(r.last.ec == std::error_code{});
            CHECK(s.is_ready());
            CHECK(srv.requests.back() == ping);

            r = drive(s, s.start_close(1000), srv);
            CHECK(r.last.ec == std::error_code{});
            CHECK(s.current_state() == state::closed);
            CHECK(srv.got_eof);
        }
    }
}

TEST_CASE("session: a RESEND makes the client send its CONNECT again") {
    fake_server srv;
    srv.resend_first = true;
    client_session s;
    const auto r = drive(s, s.start_connect(sample_connect_request()), srv);
    CHECK(r.last.ec == std::error_code{});
    CHECK(srv.connects == 2);
    CHECK(s.is_ready());
}

TEST_CASE("session: timeouts ride on the actions") {
    fake_server srv;
    client_session s;
    auto req       = sample_connect_request();
    req.timeout_ms = 1234;
    action a       = s.start_connect(req);
    CHECK(a.kind == action_kind::write);
    CHECK(a.timeout_ms == 1234);
    srv.on_client_bytes(a.data);
    a = s.on_write_done();
    CHECK(a.kind == action_kind::read);
    CHECK(a.timeout_ms == 1234);
}

TEST_CASE("session: an I/O error or timeout at any step ends the connect and kills the session") {
    // Count the events of a clean connect first.
    fake_server clean;
    client_session s0;
    const int steps = drive(s0, s0.start_connect(sample_connect_request()), clean).steps;
    REQUIRE(steps > 8);
    for (auto how : {inject::io_error, inject::timeout}) {
        for (int k = 0; k < steps; ++k) {
            DYNAMIC_SECTION("failure " << static_cast<int>(how) << " at event " << k) {
                fake_server srv;
                client_session s;
                const auto r = drive(s, s.start_connect(sample_connect_request()), srv, k, how);
                CHECK(r.last.kind == action_kind::done);
                CHECK(r.last.ec);
                CHECK(s.is_dead());
                // A dead session refuses calls without touching the wire.
                proto::session::call_request call;
                const auto a = s.start_call(call);
                CHECK(a.kind == action_kind::done);
                CHECK(a.ec == client_errc::session_dead);
            }
        }
    }
}

TEST_CASE("session: server replies split at every size give the same result") {
    for (std::size_t chunk :
         {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, std::size_t{64}}) {
        DYNAMIC_SECTION("chunks of " << chunk) {
            fake_server srv;
            srv.tns_version = 319;
            client_session s;
            auto r = drive(s, s.start_connect(sample_connect_request()), srv, -1, inject::none, chunk);
            REQUIRE(r.last.ec == std::error_code{});
            const auto ping = ping_bytes(s);
            proto::session::call_request call;
            call.ttc = ping;
            r        = drive(s, s.start_call(call), srv, -1, inject::none, chunk);
            CHECK(r.last.ec == std::error_code{});
            CHECK(s.is_ready());
        }
    }
}

TEST_CASE("session: ORA-01017 at phase two fails the login with the server's text") {
    fake_server srv;
    srv.auth_error = 1017;
    client_session s;
    const auto r = drive(s, s.start_connect(sample_connect_request()), srv);
    CHECK(r.last.ec == ora_error(1017));
    CHECK(s.last_error().message.find("ORA-01017") == 0);
    CHECK(s.is_dead());
}

TEST_CASE("session: an ORA error of a call leaves the session usable") {
    fake_server srv;
    client_session s;
    REQUIRE_FALSE(drive(s, s.start_connect(sample_connect_request()), srv).last.ec);
    srv.on_call = [&](const std::vector<std::uint8_t>&) {
        proto::writer w;
        srv.end_items(w, 942, "ORA-00942: table or view does not exist\n");
        return w.take();
    };
    const auto ping = ping_bytes(s);
    proto::session::call_request call;
    call.ttc     = ping;
    const auto r = drive(s, s.start_call(call), srv);
    CHECK(r.last.ec == ora_error(942));
    CHECK(s.last_error().error_number == 942);
    CHECK(s.is_ready());
}

TEST_CASE("session: a server BREAK is answered with RESET, then the error follows") {
    fake_server srv;
    client_session s;
    REQUIRE_FALSE(drive(s, s.start_connect(sample_connect_request()), srv).last.ec);
    const auto ping = ping_bytes(s);
    proto::session::call_request call;
    call.ttc = ping;
    action a = s.start_call(call);
    REQUIRE(a.kind == action_kind::write);
    a = s.on_write_done();
    REQUIRE(a.kind == action_kind::read);
    proto::writer w;
    REQUIRE_FALSE(tns::write_packet(w, tns::make_marker(tns::marker_type::break_marker), srv.mode()));
    a = s.on_bytes(w.data());
    REQUIRE(a.kind == action_kind::write);  // our RESET
    tns::packet_view p;
    REQUIRE_FALSE(tns::parse_packet(a.data, srv.mode(), p));
    tns::marker_packet m;
    REQUIRE_FALSE(tns::decode_packet_as(p, m));
    CHECK(tns::is_reset(m));
    a = s.on_write_done();
    REQUIRE(a.kind == action_kind::read);
    // Data before the server's RESET is dropped; the error comes after it.
    proto::writer junk;
    junk.u8(0xee);
    srv.push_ttc(junk);
    proto::writer reset;
    REQUIRE_FALSE(tns::write_packet(reset, tns::make_marker(tns::marker_type::reset_marker), srv.mode()));
    srv.push(reset);
    proto::writer err;
    srv.end_items(err, 1013, "ORA-01013: user requested cancel of current operation\n");
    srv.push_ttc(err);
    a = s.on_bytes(srv.take(1 << 20));
    CHECK(a.kind == action_kind::done);
    CHECK(a.ec == ora_error(1013));
    CHECK(s.is_ready());
}

TEST_CASE("session: events the state does not expect are errors, not asserts") {
    SECTION("bytes before anything was sent") {
        client_session s;
        const std::uint8_t b[1] = {0};
        const auto a            = s.on_bytes(b);
        CHECK(a.ec == client_errc::session_unexpected_event);
        CHECK(s.is_dead());
    }
    SECTION("bytes while a write is pending") {
        client_session s;
        REQUIRE(s.start_connect(sample_connect_request()).kind == action_kind::write);
        const std::uint8_t b[1] = {0};
        CHECK(s.on_bytes(b).ec == client_errc::session_unexpected_event);
    }
    SECTION("a write completion while reading") {
        fake_server srv;
        client_session s;
        auto a = s.start_connect(sample_connect_request());
        a      = s.on_write_done();
        REQUIRE(a.kind == action_kind::read);
        CHECK(s.on_write_done().ec == client_errc::session_unexpected_event);
    }
    SECTION("an auth response nobody asked for") {
        client_session s;
        CHECK(s.on_auth_response({}).ec == client_errc::session_unexpected_event);
        CHECK(s.is_dead());
    }
    SECTION("a call before connect, and a second connect") {
        client_session s;
        proto::session::call_request call;
        CHECK(s.start_call(call).ec == client_errc::not_connected);
        CHECK_FALSE(s.is_dead());
        REQUIRE(s.start_connect(sample_connect_request()).kind == action_kind::write);
        CHECK(s.start_call(call).ec == client_errc::operation_in_progress);
        CHECK(s.start_connect(sample_connect_request()).ec == client_errc::session_unexpected_event);
    }
    SECTION("a DATA packet in answer to CONNECT") {
        client_session s;
        auto a = s.start_connect(sample_connect_request());
        a      = s.on_write_done();
        proto::writer w;
        proto::writer payload;
        payload.u8(1);
        REQUIRE_FALSE(tns::write_data_packets(w, payload.data(), 8192, tns::length_mode::short_form, 0));
        CHECK(s.on_bytes(w.data()).ec == client_errc::tns_unexpected_packet);
        CHECK(s.is_dead());
    }
    SECTION("garbage where a TTC reply belongs") {
        fake_server srv;
        client_session s;
        REQUIRE_FALSE(drive(s, s.start_connect(sample_connect_request()), srv).last.ec);
        srv.on_call = [](const std::vector<std::uint8_t>&) { return std::vector<std::uint8_t>{0xfa, 0x01}; };
        const auto ping = ping_bytes(s);
        proto::session::call_request call;
        call.ttc     = ping;
        const auto r = drive(s, s.start_call(call), srv);
        CHECK(r.last.ec);
        CHECK(s.is_dead());
    }
}

TEST_CASE("session: a REFUSE ends the connect with the listener's ORA number") {
    client_session s;
    auto a = s.start_connect(sample_connect_request());
    a      = s.on_write_done();
    tns::refuse_packet ref;
    ref.data = "(DESCRIPTION=(TMP=)(VSNNUM=0)(ERR=12514)(ERROR_STACK=(ERROR=(CODE=12514)(EMFI=4))))";
    proto::writer w;
    REQUIRE_FALSE(tns::write_packet(w, ref, tns::length_mode::short_form));
    a = s.on_bytes(w.data());
    CHECK(a.kind == action_kind::done);
    CHECK(a.ec == ora_error(12514));
    CHECK(s.refuse_text() == ref.data);
}

namespace {

// A handler as a cursor has one: it keeps the reply tracker and the rows.
class row_collector final : public proto::session::reply_handler {
public:
    explicit row_collector(const ttc::caps& c) : tracker_(c) {}
    [[nodiscard]] ttc::reply_context context() const override { return tracker_.context(); }
    [[nodiscard]] std::error_code on_item(ttc::reply_item& item) override {
        tracker_.apply(item);
        if (const auto* r = std::get_if<ttc::row_data>(&item)) rows.push_back(*r);
        if (std::holds_alternative<ttc::describe_info>(item)) ++describes;
        return {};
    }
    std::vector<ttc::row_data> rows;
    int describes = 0;

private:
    ttc::reply_tracker tracker_;
};

}  // namespace

TEST_CASE("session: a query's describe and rows reach the handler and ORA-01403 ends the fetch") {
    for (std::uint16_t version : {std::uint16_t{318}, std::uint16_t{319}}) {
        DYNAMIC_SECTION("TNS " << version) {
            fake_server srv;
            srv.tns_version = version;
            client_session s;
            REQUIRE_FALSE(drive(s, s.start_connect(sample_connect_request()), srv).last.ec);
            srv.on_call = [&](const std::vector<std::uint8_t>&) {
                ttc::describe_info d;
                ttc::column_info c;
                c.ora_type    = 1;
                c.cs_form     = 1;
                c.charset_id  = 873;
                c.buffer_size = 4000;
                c.max_size    = 4000;
                c.name        = "NAME";
                d.columns.push_back(c);
                ttc::reply_context ctx;
                ctx.c = &srv.srv;
                proto::writer w;
                ttc::encode_reply_item(w, ttc::reply_item{d}, ctx);
                ctx.describe = &d;
                for (const char* text : {"alpha", "beta"}) {
                    ttc::row_data row;
                    ttc::column_value v;
                    v.state = ttc::value_state::present;
                    v.data.assign(text, text + std::strlen(text));
                    row.columns.push_back(v);
                    ttc::encode_reply_item(w, ttc::reply_item{ttc::row_header{}}, ctx);
                    ttc::encode_reply_item(w, ttc::reply_item{row}, ctx);
                }
                srv.end_items(w, 1403, "ORA-01403: no data found\n");
                return w.take();
            };
            const auto ping = ping_bytes(s);  // any call bytes do: the script answers with rows
            row_collector h(s.caps());
            proto::session::call_request call;
            call.ttc                  = ping;
            call.handler              = &h;
            call.no_data_found_is_end = true;
            const auto r              = drive(s, s.start_call(call), srv, -1, inject::none, 5);
            CHECK(r.last.ec == std::error_code{});
            CHECK(h.describes == 1);
            REQUIRE(h.rows.size() == 2);
            CHECK(std::string(h.rows[1].columns[0].data.begin(), h.rows[1].columns[0].data.end()) == "beta");
            CHECK(s.last_error().error_number == 1403);

            // Without no_data_found_is_end the same reply is an error (a PL/SQL NO_DATA_FOUND).
            row_collector h2(s.caps());
            call.handler              = &h2;
            call.no_data_found_is_end = false;
            CHECK(drive(s, s.start_call(call), srv).last.ec == ora_error(1403));
            CHECK(s.is_ready());
        }
    }
}

// A scripted server for the client session machine's tests: it answers each
// complete client request with the bytes a server would send, built with the
// protocol/ server-role encoders. It never sees a socket: the test moves
// bytes between it and the machine, and may split them or inject failures.
#pragma once

#include <oranet/proto/session/client_session.hpp>
#include <oranet/proto/tns/packet.hpp>
#include <oranet/proto/ttc/auth.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>
#include <oranet/proto/ttc/reply.hpp>

#include <catch2/catch.hpp>

#include <deque>
#include <functional>
#include <vector>

namespace oranet::test {

namespace tns = proto::tns;
namespace ttc = proto::ttc;

struct fake_server {
    // TNS version the ACCEPT says: 319 gives end-of-response, 318 does not.
    std::uint16_t tns_version = 318;
    std::uint32_t sdu         = 8192;
    bool resend_first         = false;  // answer the first CONNECT with RESEND (12.1 listeners)
    std::uint32_t auth_error  = 0;      // ORA number for the phase-two reply (1017: bad password)
    ttc::caps srv;
    std::vector<std::vector<std::uint8_t>> requests;  // TTC payloads of the client's DATA packets
    std::deque<std::uint8_t> pending;                 // bytes not yet delivered to the client
    // Answers the calls after login (request TTC bytes -> reply TTC bytes).
    std::function<std::vector<std::uint8_t>(const std::vector<std::uint8_t>&)> on_call;
    int connects = 0;
    bool got_eof = false;

    [[nodiscard]] tns::length_mode mode() const {
        return tns_version >= tns::version_min_large_sdu ? tns::length_mode::large_sdu
                                                         : tns::length_mode::short_form;
    }

    void push(const proto::writer& w) { pending.insert(pending.end(), w.data().begin(), w.data().end()); }

    void push_ttc(const proto::writer& ttc_bytes) {
        proto::writer w;
        REQUIRE_FALSE(tns::write_data_packets(w, ttc_bytes.data(), sdu, mode(), 0));
        push(w);
    }

    // The items every reply ends with: an error block and, from 319, the
    // end-of-response item.
    void end_items(proto::writer& w, std::uint32_t error_number = 0, std::string message = {}) {
        ttc::reply_context ctx;
        ctx.c = &srv;
        ttc::error_info e;
        e.error_number = error_number;
        e.message      = std::move(message);
        ttc::encode_reply_item(w, ttc::reply_item{e}, ctx);
        if (srv.supports_end_of_response)
            ttc::encode_reply_item(w, ttc::reply_item{ttc::end_of_response{}}, ctx);
    }

    void status_items(proto::writer& w) {
        ttc::reply_context ctx;
        ctx.c = &srv;
        ttc::encode_reply_item(w, ttc::reply_item{ttc::status{}}, ctx);
        if (srv.supports_end_of_response)
            ttc::encode_reply_item(w, ttc::reply_item{ttc::end_of_response{}}, ctx);
    }

    // Takes everything the client wrote in one write action.
    void on_client_bytes(proto::bytes_view b) {
        tns::assembler a(accepted_ ? mode() : tns::length_mode::short_form, tns::max_large_sdu);
        a.feed(b);
        tns::packet_view p;
        std::error_code ec;
        while (a.next(p, ec) == tns::assemble_status::packet) {
            if (p.type() == tns::packet_type::connect) {
                ++connects;
                if (resend_first && connects == 1) {
                    proto::writer w;
                    REQUIRE_FALSE(tns::write_packet(w, tns::resend_packet{}, tns::length_mode::short_form));
                    push(w);
                    continue;
                }
                tns::accept_packet acc;
                acc.version = tns_version;
                acc.sdu     = sdu;
                acc.tdu     = sdu;
                acc.sdu16   = static_cast<std::uint16_t>(std::min<std::uint32_t>(sdu, 65535));
                acc.tdu16   = acc.sdu16;
                if (tns_version >= tns::version_min_end_of_response)
                    acc.flags2 = tns::accept_flags::has_end_of_response;
                proto::writer w;
                REQUIRE_FALSE(tns::write_packet(w, acc, tns::length_mode::short_form));
                push(w);
                accepted_                    = true;
                srv                          = ttc::server_caps(ttc::field_version::v19_1_ext1, tns_version);
                srv.supports_end_of_response = tns_version >= tns::version_min_end_of_response;
            } else if (p.type() == tns::packet_type::data) {
                tns::data_packet d;
                REQUIRE_FALSE(tns::decode_packet_as(p, d));
                if ((d.data_flags & tns::data_flags::eof) != 0) {
                    got_eof = true;
                    continue;
                }
                requests.emplace_back(d.payload.begin(), d.payload.end());
                answer(requests.back());
            }
        }
        REQUIRE_FALSE(ec);
    }

    void answer(const std::vector<std::uint8_t>& req) {
        proto::writer w;
        const auto type = req.empty() ? 0 : req[0];
        if (type == static_cast<std::uint8_t>(ttc::message_type::protocol)) {
            ttc::encode(w, ttc::make_protocol_reply(srv, "x86_64/Linux 2.4.xx"));
        } else if (type == static_cast<std::uint8_t>(ttc::message_type::data_types)) {
            proto::reader r(req);
            ttc::data_types_request dt;
            REQUIRE_FALSE(ttc::decode(r, dt));
            ttc::apply(srv, dt);
            ttc::encode(w, ttc::make_data_types_reply(dt, srv), srv);
        } else if (req.size() > 1 &&
                   req[1] == static_cast<std::uint8_t>(ttc::function_code::auth_phase_one)) {
            ttc::phase_one_values v;
            v.session_key   = std::string(64, 'A');
            v.verifier_data = std::string(32, 'B');
            v.csk_salt      = std::string(32, 'C');
            ttc::encode(w, ttc::make_phase_one_reply(v));
            end_items(w);
        } else if (req.size() > 1 &&
                   req[1] == static_cast<std::uint8_t>(ttc::function_code::auth_phase_two)) {
            if (auth_error != 0) {
                end_items(w, auth_error, "ORA-01017: invalid username/password; logon denied\n");
            } else {
                ttc::phase_two_reply_values v;
                v.server_response = "ABCD";
                ttc::encode(w, ttc::make_phase_two_reply(v, srv));
                end_items(w);
            }
        } else if (on_call) {
            const auto bytes = on_call(req);
            w.bytes(proto::bytes_view(bytes));
        } else {
            status_items(w);
        }
        push_ttc(w);
    }

    // Up to `max` pending bytes.
    std::vector<std::uint8_t> take(std::size_t max) {
        std::vector<std::uint8_t> out;
        while (!pending.empty() && out.size() < max) {
            out.push_back(pending.front());
            pending.pop_front();
        }
        return out;
    }

private:
    bool accepted_ = false;
};

enum class inject { none, io_error, timeout };

struct drive_result {
    proto::session::action last;
    int steps = 0;  // events delivered
};

// Runs the machine against the server until done. At event number `fail_at`
// (0-based) it delivers the injected failure instead. Reads deliver at most
// `chunk` bytes at a time.
inline drive_result drive(proto::session::client_session& s, proto::session::action a, fake_server& srv,
                          int fail_at = -1, inject how = inject::none, std::size_t chunk = 1 << 20) {
    using proto::session::action_kind;
    drive_result r;
    while (a.kind != action_kind::done) {
        if (r.steps++ == fail_at) {
            if (a.kind == action_kind::need_auth_response)
                a = s.on_auth_failed(make_error_code(client_errc::auth_crypto_failure));
            else if (how == inject::timeout)
                a = s.on_timeout();
            else
                a = s.on_io_error(make_error_code(client_errc::connection_closed));
            continue;
        }
        switch (a.kind) {
            case action_kind::write:
                srv.on_client_bytes(a.data);
                a = s.on_write_done();
                break;
            case action_kind::read: {
                auto bytes = srv.take(chunk);
                if (bytes.empty()) {
                    a = s.on_io_error(make_error_code(client_errc::connection_closed));
                    break;
                }
                a = s.on_bytes(bytes);
                break;
            }
            case action_kind::need_auth_response:
                if (a.stage == proto::session::auth_stage::respond) {
                    ttc::phase_two_values v;
                    v.session_key      = std::string(64, '1');
                    v.encoded_password = std::string(64, '2');
                    v.speedy_key       = std::string(160, '3');
                    a                  = s.on_auth_response(v);
                } else {
                    a = s.on_auth_verified({});
                }
                break;
            case action_kind::done: break;
        }
    }
    r.last = a;
    return r;
}

inline proto::session::connect_request sample_connect_request() {
    proto::session::connect_request req;
    req.connect_data =
        "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=127.0.0.1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME="
        "FREEPDB1)"
        "(CID=(PROGRAM=test)(HOST=box)(USER=me))))";
    req.user             = "SCOTT";
    req.identity.program = "test";
    req.identity.machine = "box";
    req.identity.os_user = "me";
    req.identity.pid     = "42";
    req.timeout_ms       = 20000;
    return req;
}

}  // namespace oranet::test

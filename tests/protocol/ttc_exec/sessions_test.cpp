// Every call after login in the 23ai session dumps
// (../shared/vectors/captures/free23-python-oracledb/*_session.txt, real
// python-oracledb 4.0.1 and Oracle Database Free 23.26.1 bytes): the
// requests this module knows decode as the server would (header, body, no
// bytes left), and the replies decode item by item as the client would.
#include "hex.hpp"
#include "packet_dump.hpp"

#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/ttc/fetch.hpp>
#include <oranet/proto/ttc/reply.hpp>
#include <oranet/proto/ttc/simple_calls.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::packet_direction;

namespace {

// The caps of these sessions (see capture_test.cpp: field version 23.4).
caps session_caps() {
    caps c;
    c.protocol_version         = 319;
    c.ttc_field_version        = field_version::v23_4;
    c.supports_end_of_response = true;
    c.encoding_flags           = encoding_multi_byte | encoding_conv_length;
    c.max_string_size          = 32767;
    return c;
}

struct tally {
    int requests_decoded = 0;
    int requests_other   = 0;  // calls this module does not decode (LOB, AQ, TPC, ...)
    int replies_decoded  = 0;
    int replies_failed   = 0;
    std::map<int, int> request_codes;
};

// What this module does not decode yet: other piggybacks (TPC switch) and
// object binds.
bool is_known_gap(std::error_code ec) {
    return ec == client_errc::ttc_unsupported_piggyback || ec == client_errc::ttc_unsupported_type;
}

// Server role: a request's prefix and, for the calls we know, its body.
// The describes of the open cursors, as a session keeps them: a fetch or an
// execute of an open cursor (a REF CURSOR from an out bind) gets its rows'
// layout from there.
using cursor_map = std::map<std::uint32_t, describe_info>;

void use_cursor(reply_tracker& tracker, const cursor_map& cursors, std::uint32_t id) {
    if (auto it = cursors.find(id); it != cursors.end()) tracker.set_describe(it->second);
}

void remember_cursors(const reply_item& item, const reply_tracker& tracker, cursor_map& cursors) {
    if (const auto* row = std::get_if<row_data>(&item)) {
        for (const auto& v : row->columns)
            if (v.cursor_describe) cursors[v.cursor_id] = *v.cursor_describe;
    } else if (const auto* e = std::get_if<error_info>(&item)) {
        if (e->cursor_id != 0 && tracker.describe() != nullptr) cursors[e->cursor_id] = *tracker.describe();
    }
}

bool decode_request(bytes_view payload, const caps& c, tally& t, function_code& code, reply_tracker& tracker,
                    const cursor_map& cursors) {
    reader r(payload);
    call_prefix prefix;
    code = function_code{};
    if (auto ec = decode_call_prefix(r, prefix, c)) {
        if (!is_known_gap(ec)) return false;
        ++t.requests_other;
        return true;
    }
    code = prefix.header.code;
    ++t.request_codes[static_cast<int>(prefix.header.code)];
    switch (prefix.header.code) {
        case function_code::execute: {
            execute_request m;
            const auto ec = decode_body(r, m, c);
            if (is_known_gap(ec)) {
                ++t.requests_other;
                code = function_code{};
                return true;
            }
            std::vector<value_shape> shapes;
            for (const auto& b : m.binds)
                shapes.push_back(shape_of(b));
            tracker.set_binds(std::move(shapes));
            tracker.set_in_fetch(true);
            if (m.cursor_id != 0) use_cursor(tracker, cursors, m.cursor_id);
            return !ec && !r.finish();
        }
        case function_code::fetch: {
            fetch_request m;
            const bool ok = !decode_body(r, m, c) && !r.finish();
            tracker.set_in_fetch(true);
            use_cursor(tracker, cursors, m.cursor_id);
            return ok;
        }
        case function_code::commit:
        case function_code::rollback:
        case function_code::ping:
        case function_code::logoff: return !r.finish();
        default: ++t.requests_other; return true;
    }
}

}  // namespace

TEST_CASE("sessions: requests and replies after login decode") {
    auto dir = oranet::test::vector_file("captures/free23-python-oracledb");
    if (!dir) {
        WARN("skipped: ../shared/vectors/captures/free23-python-oracledb is absent");
        return;
    }
    const caps c = session_caps();
    for (const auto& path : oranet::test::session_dumps(*dir)) {
        const std::string name = path.filename().string();
        const auto packets     = oranet::test::read_packet_dump(path);
        tally t;
        reply_tracker tracker(c);
        bool logged_in     = false;
        function_code last = function_code{};
        cursor_map cursors;
        for (const auto& p : packets) {
            if (p.bytes.size() < 10 || p.bytes[4] != 6) continue;  // DATA only
            const bytes_view payload = bytes_view{p.bytes}.subspan(10);
            if (payload.empty()) continue;
            if (!logged_in) {
                // The login ends with the reply that carries AUTH_VERSION_NO
                // (auth phase two); what follows are calls.
                const std::string text(payload.begin(), payload.end());
                if (p.direction == packet_direction::server_to_client &&
                    text.find("AUTH_VERSION_NO") != std::string::npos)
                    logged_in = true;
                continue;
            }
            INFO(name << " op " << p.op);
            if (p.direction == packet_direction::client_to_server) {
                if (payload[0] != static_cast<std::uint8_t>(message_type::function) &&
                    payload[0] != static_cast<std::uint8_t>(message_type::piggyback))
                    continue;
                CHECK(decode_request(payload, c, t, last, tracker, cursors));
                ++t.requests_decoded;
                continue;
            }
            reader r(payload);
            bool ok = true;
            while (r.remaining() > 0) {
                reply_item item;
                const decode_status st = decode_reply_item(r, tracker.context(), item);
                if (!st.ok()) {
                    ok = false;
                    // Replies to the calls this module decodes must decode.
                    const bool ours = last == function_code::execute || last == function_code::fetch ||
                                      last == function_code::commit || last == function_code::rollback ||
                                      last == function_code::ping || last == function_code::logoff;
                    INFO("reply item at offset " << r.offset() << ": " << st.ec.message());
                    CHECK(!ours);
                    break;
                }
                tracker.apply(item);
                remember_cursors(item, tracker, cursors);
            }
            ++(ok ? t.replies_decoded : t.replies_failed);
        }
        INFO(name << ": " << t.requests_decoded << " requests (" << t.requests_other << " other calls), "
                  << t.replies_decoded << " replies decoded, " << t.replies_failed << " not");
        CHECK(logged_in);
        CHECK(t.requests_decoded > 0);
        CHECK(t.replies_decoded > 0);
        if (name == "fetch_df_session.txt") CHECK(t.replies_failed == 0);
        WARN(name << ": " << t.requests_decoded << " requests (" << t.requests_other << " other calls), "
                  << t.replies_decoded << " replies decoded, " << t.replies_failed << " not");
    }
}

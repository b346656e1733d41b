// `oranet dump` on real captured bytes (../shared/vectors, read at test
// time): python-oracledb 4.0.1 packet dumps of sessions with Oracle Database
// Free 23.26.1, and the ACCEPT payloads of 11g XE (TNS 314), 18c XE (317) and
// 23ai (319) framed into streams to pin the length form each implies.
#include "dump/decoder.hpp"
#include "dump/dump.hpp"
#include "hex.hpp"

#include <oranet/proto/tns/connect.hpp>
#include <oranet/proto/tns/data.hpp>
#include <oranet/proto/tns/marker.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

using namespace oranet;
using bytes = std::vector<std::uint8_t>;

namespace {

const std::string captures = "captures/free23-python-oracledb/";

std::vector<dump::packet_out> dump_file(const std::filesystem::path& p) {
    const std::string t = test::read_text(p);
    std::vector<dump::packet_out> out;
    const std::string err = dump::decode_capture(bytes(t.begin(), t.end()),
                                                 [&](const dump::packet_out& pk) { out.push_back(pk); });
    REQUIRE(err.empty());
    return out;
}

std::string json_of(const dump::packet_out& p) {
    char* buf     = nullptr;
    std::size_t n = 0;
    std::FILE* f  = open_memstream(&buf, &n);
    dump::print_packet(f, p, {true});
    std::fclose(f);
    std::string s(buf, n);
    std::free(buf);
    return s;
}

std::string text_of(const dump::packet_out& p) {
    char* buf     = nullptr;
    std::size_t n = 0;
    std::FILE* f  = open_memstream(&buf, &n);
    dump::print_packet(f, p, {false});
    std::fclose(f);
    std::string s(buf, n);
    std::free(buf);
    return s;
}

const dump::message_out* find_message(const std::vector<dump::packet_out>& ps, const std::string& type,
                                      std::size_t nth = 0) {
    for (const auto& p : ps)
        for (const auto& m : p.messages)
            if (m.type == type && nth-- == 0) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("every python-oracledb session dump frames into known TNS packets", "[vectors]") {
    for (const char* name : {"fetch_df_session.txt", "pipeline_session.txt", "dbobject_session.txt",
                             "tpc_session.txt", "sessionless_session.txt", "dpl_session.txt", "aq_raw.txt"}) {
        INFO(name);
        ORANET_REQUIRE_VECTOR(path, captures + name);
        const auto ps = dump_file(path);
        REQUIRE(ps.size() > 10);
        CHECK(ps[0].packet == "CONNECT");
        CHECK(ps[0].from_client);
        std::set<std::string> types;
        for (const auto& p : ps) {
            types.insert(p.packet);
            CHECK(p.error.empty());  // every packet's TNS layer decodes
            const std::string j = json_of(p);
            for (const char* key :
                 {"\"frame\":", "\"stream\":1", "\"from\":", "\"packet\":", "\"length\":", "\"messages\":["})
                CHECK(j.find(key) != std::string::npos);
            CHECK(j.back() == '\n');
            CHECK(std::count(j.begin(), j.end(), '\n') == 1);  // one line per packet
        }
        CHECK(types.count("ACCEPT") == 1);
        CHECK(types.count("DATA") == 1);
        // The handshake and login decode whole: fast auth, negotiation, both auth phases.
        CHECK(find_message(ps, "fast_auth_request") != nullptr);
        CHECK(find_message(ps, "protocol_reply") != nullptr);
        CHECK(find_message(ps, "data_types_reply") != nullptr);
        CHECK(find_message(ps, "auth_phase_two") != nullptr);
        CHECK(find_message(ps, "connect_data") != nullptr);  // 255 bytes: sent in a DATA packet after CONNECT
    }
}

TEST_CASE("fetch_df_session: row values decode with the describe's columns", "[vectors]") {
    ORANET_REQUIRE_VECTOR(path, captures + "fetch_df_session.txt");
    const auto ps = dump_file(path);
    // fetch_df_session.meta.txt: row 1 and row 3 of fdf_golden; row 2 all NULL but ID.
    const dump::message_out* row1 = find_message(ps, "row_data", 0);
    const dump::message_out* row2 = find_message(ps, "row_data", 1);
    const dump::message_out* row3 = find_message(ps, "row_data", 2);
    REQUIRE(row1 != nullptr);
    REQUIRE(row2 != nullptr);
    REQUIRE(row3 != nullptr);
    using kv = std::vector<std::pair<std::string, std::string>>;
    CHECK(row1->values == kv{{"ID", "1"},
                             {"BIG", "12345678901234"},
                             {"PRICE", "12.34"},
                             {"ANYNUM", "1.5"},
                             {"NAME", "\"alpha\""},
                             {"FIXED", "\"ab   \""},
                             {"HIRED", "\"2024-01-02 03:04:05\""},
                             {"UPDATED", "\"2024-01-02 03:04:05.123456\""},
                             {"PAYLOAD", "\"0102\""},
                             {"RATING", "2.5"},
                             {"SCORE", "0.5"}});
    CHECK(row2->values.at(0).second == "2");
    for (std::size_t i = 1; i < row2->values.size(); ++i)
        CHECK(row2->values[i].second == "null");
    CHECK(row3->values.at(2) == std::pair<std::string, std::string>{"PRICE", "-99.99"});
    CHECK(row3->values.at(6) == std::pair<std::string, std::string>{"HIRED", "\"1988-12-31 23:59:58\""});
    // The fetch that ends with ORA-01403: the error number is an integer in JSON.
    bool saw_1403 = false;
    for (const auto& p : ps) {
        const std::string j = json_of(p);
        if (j.find("\"error_number\":1403") != std::string::npos) saw_1403 = true;
    }
    CHECK(saw_1403);
}

TEST_CASE("secrets of the login are never printed", "[vectors]") {
    ORANET_REQUIRE_VECTOR(path, captures + "fetch_df_session.txt");
    const auto ps                      = dump_file(path);
    const dump::message_out* phase_two = find_message(ps, "auth_phase_two");
    REQUIRE(phase_two != nullptr);
    for (const auto& p : ps) {
        for (const std::string& out : {json_of(p), text_of(p)}) {
            // AUTH_PASSWORD's and AUTH_SESSKEY's values are secret fields.
            if (out.find("AUTH_PASSWORD") == std::string::npos) continue;
            CHECK(out.find("<secret") != std::string::npos);
        }
    }
}

namespace {

// A short-form CONNECT, the captured ACCEPT payload, then one DATA packet
// each way in the length form that ACCEPT's version implies.
std::vector<dump::packet_out> handshake_with(const bytes& accept_payload, std::uint16_t version) {
    using namespace proto;
    const bool large = version >= tns::version_min_large_sdu;
    const auto mode  = large ? tns::length_mode::large_sdu : tns::length_mode::short_form;
    writer client, server;
    tns::connect_packet c;
    c.version      = version;
    c.connect_data = "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=XE)))";
    REQUIRE_FALSE(tns::write_packet(client, c, tns::length_mode::short_form));
    REQUIRE_FALSE(tns::write_raw_packet(server, tns::packet_type::accept, 0, accept_payload,
                                        tns::length_mode::short_form));
    writer ttc_bytes;
    ttc::encode(ttc_bytes, ttc::protocol_request{});
    REQUIRE_FALSE(tns::write_data_packets(client, ttc_bytes.data(), 8192, mode, 0));
    const bytes reply = {0xde, 0xad};
    REQUIRE_FALSE(tns::write_data_packets(server, reply, 8192, mode, 0));
    // The client's CONNECT, the server's ACCEPT, then the DATA packets.
    std::vector<dump::packet_out> out;
    dump::stream_decoder d(1);
    auto emit     = [&](const dump::packet_out& p) { out.push_back(p); };
    const auto cb = client.data(), sb = server.data();
    const std::size_t connect_len = cb[0] << 8 | cb[1];
    const std::size_t accept_len  = sb[0] << 8 | sb[1];
    auto feed                     = [&](int side, proto::bytes_view b) {
        dump::stream_chunk ch;
        ch.stream = 1;
        ch.side   = side;
        ch.data   = b;
        d.feed(ch, emit);
    };
    feed(0, cb.first(connect_len));
    feed(1, sb.first(accept_len));
    feed(0, cb.subspan(connect_len));
    feed(1, sb.subspan(accept_len));
    d.finish(emit);
    return out;
}

}  // namespace

TEST_CASE("TNS 314 (11g XE) keeps 2-byte lengths after ACCEPT, 317 and 319 switch to 4 bytes", "[vectors]") {
    struct accept_case {
        const char* file;
        std::uint16_t version;
    };
    for (const auto& [file, version] : {accept_case{"pre23ai_xe11_accept_payload.hex", 314},
                                        accept_case{"pre23ai_xe18_accept_payload.hex", 317},
                                        accept_case{"free23_accept_payload.hex", 319}}) {
        INFO(file);
        ORANET_REQUIRE_VECTOR(path, captures + file);
        const bytes payload = test::from_hex(test::read_text(path));
        const auto ps       = handshake_with(payload, version);
        REQUIRE(ps.size() == 4);
        CHECK(ps[0].packet == "CONNECT");
        CHECK(ps[1].packet == "ACCEPT");
        CHECK(ps[1].error.empty());
        CHECK(json_of(ps[1]).find("\"version\":" + std::to_string(version)) != std::string::npos);
        CHECK(ps[2].packet == "DATA");
        CHECK(ps[2].from_client);
        REQUIRE(ps[2].messages.size() == 1);
        CHECK(ps[2].messages[0].type == "protocol_request");
        CHECK(ps[3].packet == "DATA");
        CHECK(ps[3].length == 12);  // 8 + 2 data flags + 2 bytes, in either length form
        // What the header looked like: 2-byte length and checksum, or 4-byte length.
        const std::string j = json_of(ps[3]);
        CHECK((j.find("packet_checksum") != std::string::npos) == (version < 315));
        // The undecodable reply is shown with its bytes, and the dump goes on.
        REQUIRE(ps[3].messages.size() == 1);
        CHECK_FALSE(ps[3].messages[0].error.empty());
        CHECK(ps[3].messages[0].raw == bytes{0xde, 0xad});
    }
}

TEST_CASE("garbage between packets is skipped, shown, and the next packet decodes", "[dump]") {
    using namespace proto;
    writer w;
    tns::marker_packet m;
    REQUIRE_FALSE(tns::write_packet(w, m, tns::length_mode::short_form));
    bytes stream = {0x00, 0x03, 0xff};  // a length below 8: not a header
    stream.insert(stream.end(), w.data().begin(), w.data().end());
    std::vector<dump::packet_out> out;
    dump::stream_decoder d(1);
    dump::stream_chunk ch;
    ch.stream = 1;
    ch.data   = stream;
    d.feed(ch, [&](const dump::packet_out& p) { out.push_back(p); });
    d.finish([&](const dump::packet_out& p) { out.push_back(p); });
    REQUIRE(out.size() == 2);
    CHECK(out[0].packet == "UNPARSED");
    CHECK(out[0].raw == bytes{0x00, 0x03, 0xff});
    CHECK(out[1].packet == "MARKER");
}

TEST_CASE("every prefix of a session dump decodes without a crash", "[dump]") {
    ORANET_REQUIRE_VECTOR(path, captures + "fetch_df_session.txt");
    const std::string t = test::read_text(path);
    // Cut the trace text at many points: the last packet is partial.
    for (std::size_t n = 0; n < t.size(); n += 97) {
        std::size_t packets = 0;
        (void)dump::decode_capture(bytes(t.begin(), t.begin() + static_cast<long>(n)),
                                   [&](const dump::packet_out&) { ++packets; });
        CHECK(packets < 100);
    }
}

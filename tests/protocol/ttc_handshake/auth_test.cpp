// Auth phase one and two (functions 118 and 115) and the PARAMETER replies:
// the 18c XE replies, the 23ai requests and replies python-oracledb
// exchanged, the user name with and without CONV_LENGTH, round trips.
#include "handshake_support.hpp"

#include <oranet/proto/ttc/auth.hpp>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

namespace {

caps caps_at(std::uint8_t fv, bool conv_length = true) {
    caps c              = client_caps();
    c.ttc_field_version = fv;
    c.encoding_flags    = conv_length ? (encoding_multi_byte | encoding_conv_length) : encoding_multi_byte;
    return c;
}

}  // namespace

TEST_CASE("auth: the 18c XE phase one reply (pre23ai_xe18_auth_phase_one_response.hex)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/pre23ai_xe18_auth_phase_one_response.hex");
    const auto bytes = oranet::test::read_hex_file(path);
    reader r(bytes);
    auth_reply m;
    REQUIRE(!decode(r, m));
    REQUIRE(m.pairs.size() == 6);
    CHECK(m.pairs[0].key == "AUTH_SESSKEY");
    CHECK(auth_value(m, "AUTH_SESSKEY")->size() == 64);  // 32 bytes as hex: a 12c server key
    CHECK(verifier_type(m) == verifier_12c);             // 0x4815, in AUTH_VFR_DATA's flags
    CHECK(auth_value(m, "AUTH_VFR_DATA")->size() == 32);
    CHECK(auth_value(m, "AUTH_PBKDF2_CSK_SALT")->size() == 32);
    CHECK(auth_value(m, "AUTH_PBKDF2_VGEN_COUNT") == "4096");
    CHECK(auth_value(m, "AUTH_PBKDF2_SDER_COUNT") == "3");
    CHECK(auth_value(m, "AUTH_GLOBALLY_UNIQUE_DBID"));  // its key ends in a NUL on the wire
    CHECK(m.pairs[5].key.back() == '\0');
    // The call ends with an ERROR message (type 4) after the parameters.
    CHECK(r.peek() == static_cast<std::uint8_t>(message_type::error));

    writer w;
    encode(w, m);
    CHECK(to_hex(w.data()) == to_hex(bytes_view(bytes).first(r.offset())));
    const std::vector<std::uint8_t> message(bytes.begin(),
                                            bytes.begin() + static_cast<std::ptrdiff_t>(r.offset()));
    oranet::test::check_prefixes_truncated(message, [](reader& rr) {
        auth_reply x;
        return decode(rr, x);
    });
}

TEST_CASE("auth: the 18c XE phase two reply (pre23ai_xe18_auth_phase_two_response.hex)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/pre23ai_xe18_auth_phase_two_response.hex");
    const auto bytes = oranet::test::read_hex_file(path);
    reader r(bytes);
    auth_reply m;
    REQUIRE(!decode(r, m));
    CHECK(m.pairs.size() == 45);
    // What python-oracledb 1.2.1 requires (PEER-NOTES 7).
    CHECK(auth_value(m, "AUTH_SESSION_ID") == "23");
    CHECK(auth_value(m, "AUTH_SERIAL_NUM") == "45572");
    CHECK(auth_value(m, "AUTH_VERSION_NO") == "301989888");
    CHECK(auth_value(m, "AUTH_DBNAME") == "XEPDB1");
    CHECK(auth_value(m, "AUTH_INSTANCENAME") == "XE");
    CHECK(auth_value(m, "AUTH_NLS_LXCDATEFM") == "DD-MON-RR");
    CHECK(auth_value(m, "AUTH_SVR_RESPONSE")->size() == 96);  // 48 bytes: 32 + AES padding
    const auto v = unpack_version_number(301989888, caps_at(field_version::v18_1_ext1));
    CHECK(v == std::array<std::uint8_t, 5>{18, 0, 0, 0, 0});
    // A server-side piggyback (23) and the ERROR message end the call.
    CHECK(r.peek() == static_cast<std::uint8_t>(message_type::server_side_piggyback));

    writer w;
    encode(w, m);
    CHECK(to_hex(w.data()) == to_hex(bytes_view(bytes).first(r.offset())));
}

TEST_CASE(
    "auth: the 23ai phase two request and reply python-oracledb exchanged (fetch_df_session.txt ops 6, 7)") {
    ORANET_REQUIRE_VECTOR(path, "captures/free23-python-oracledb/fetch_df_session.txt");
    const auto packets = oranet::test::read_packet_dump(path);
    const caps c       = caps_at(field_version::v23_4);

    const auto request = oranet::test::data_payload(oranet::test::packet_of_op(packets, 6));
    reader rq(request);
    auth_request req;
    REQUIRE(!decode(rq, req, c));
    REQUIRE(!rq.finish());
    CHECK(req.code == function_code::auth_phase_two);
    CHECK(req.seq == 2);
    CHECK(req.token == 0);  // present on the wire from 23.1 ext 1
    CHECK(req.user == "pythontest");
    CHECK(req.auth_mode == (auth_mode::logon | auth_mode::with_password));
    REQUIRE(req.pairs.size() == 8);
    CHECK(req.pairs[0].key == "AUTH_SESSKEY");
    CHECK(req.pairs[0].flags == 1);
    CHECK(req.pairs[0].value.size() == 64);
    CHECK(req.pairs[1].key == "AUTH_PBKDF2_SPEEDY_KEY");
    CHECK(req.pairs[2].key == "AUTH_PASSWORD");
    CHECK(find_value(req.pairs, "SESSION_CLIENT_CHARSET") == "873");
    CHECK(find_value(req.pairs, "SESSION_CLIENT_DRIVER_NAME")->substr(0, 15) == "python-oracledb");
    const key_value* alter = find(req.pairs, "AUTH_ALTER_SESSION");
    REQUIRE(alter != nullptr);
    CHECK(alter->flags == 1);
    CHECK(alter->value.find("TIME_ZONE") != std::string::npos);
    writer w;
    encode(w, req, c);
    CHECK(to_hex(w.data()) == to_hex(request));
    oranet::test::check_prefixes_truncated(request, [&c](reader& rr) {
        auth_request x;
        return decode(rr, x, c);
    });

    const auto reply = oranet::test::data_payload(oranet::test::packet_of_op(packets, 7));
    reader rr(reply);
    auth_reply rep;
    REQUIRE(!decode(rr, rep));
    CHECK(rep.pairs.size() == 50);
    CHECK(auth_value(rep, "AUTH_VERSION_NO") == "387584000");
    CHECK(unpack_version_number(387584000, c) == std::array<std::uint8_t, 5>{23, 26, 1, 0, 0});
    CHECK(auth_value(rep, "AUTH_SESSION_ID"));
    CHECK(auth_value(rep, "AUTH_SERIAL_NUM"));
    CHECK(auth_value(rep, "AUTH_SVR_RESPONSE"));
    writer w2;
    encode(w2, rep);
    CHECK(to_hex(w2.data()) == to_hex(bytes_view(reply).first(rr.offset())));
}

TEST_CASE("auth: the user name is length-prefixed only with CONV_LENGTH (PEER-NOTES 1)") {
    client_identity id;
    id.program             = "prog";
    id.machine             = "host";
    id.pid                 = "42";
    id.os_user             = "me";
    const auth_request req = make_auth_phase_one("scott", auth_mode::logon, id);

    for (bool conv : {true, false}) {
        const caps c = caps_at(field_version::v19_1, conv);
        writer w;
        encode(w, req, c);
        // 03 76 01 | 01 | 01 05 | 01 01 | 01 | 01 05 | 01 01 | user
        const std::string head = "03760101010501010101050101";
        const std::string user = to_hex(std::string_view("scott"));
        CHECK(to_hex(w.data()).substr(0, head.size() + 2 + user.size()) ==
              head + (conv ? "05" + user : user + "01"));
        reader r(w.data());
        auth_request back;
        REQUIRE(!decode(r, back, c));
        REQUIRE(!r.finish());
        CHECK(back == req);
        const auto bytes = std::vector<std::uint8_t>(w.data().begin(), w.data().end());
        oranet::test::check_prefixes_truncated(bytes, [&c](reader& rr) {
            auth_request x;
            return decode(rr, x, c);
        });
    }
}

TEST_CASE("auth: the token follows the sequence number from 23.1 ext 1") {
    auth_request req = make_auth_phase_one("u", auth_mode::logon, {});
    req.token        = 7;
    writer old_w, new_w;
    encode(old_w, req, caps_at(field_version::v23_1));
    encode(new_w, req, caps_at(field_version::v23_1_ext1));
    CHECK(new_w.size() == old_w.size() + 2);  // UB8 7 = 01 07
    reader r(new_w.data());
    auth_request back;
    REQUIRE(!decode(r, back, caps_at(field_version::v23_1_ext1)));
    CHECK(back.token == 7);
}

TEST_CASE("auth: phase two request and both replies round trip") {
    phase_two_values v;
    v.session_key          = std::string(64, 'A');
    v.speedy_key           = std::string(160, 'B');
    v.encoded_password     = std::string(64, 'C');
    v.client_version       = "385875968";
    v.alter_session        = "ALTER SESSION SET TIME_ZONE='+00:00'\0";
    const caps c           = caps_at(field_version::v19_1);
    const auth_request req = make_auth_phase_two("scott", auth_mode::logon, v);
    CHECK(req.auth_mode == (auth_mode::logon | auth_mode::with_password));
    writer w;
    encode(w, req, c);
    reader r(w.data());
    auth_request back;
    REQUIRE(!decode(r, back, c));
    REQUIRE(!r.finish());
    CHECK(back == req);
    CHECK(back.code == function_code::auth_phase_two);

    phase_one_values p1;
    p1.session_key      = std::string(64, '1');
    p1.verifier_data    = std::string(32, '2');
    p1.csk_salt         = std::string(32, '3');
    const auth_reply r1 = make_phase_one_reply(p1);
    writer w1;
    encode(w1, r1);
    reader rd1(w1.data());
    auth_reply b1;
    REQUIRE(!decode(rd1, b1));
    REQUIRE(!rd1.finish());
    CHECK(b1 == r1);
    CHECK(verifier_type(b1) == verifier_12c);

    phase_two_reply_values p2;
    p2.version         = {19, 3, 0, 0, 0};
    p2.server_response = std::string(64, 'F');
    for (std::uint8_t fv : {field_version::v12_2, field_version::v19_1}) {
        const caps cv       = caps_at(fv);
        const auth_reply r2 = make_phase_two_reply(p2, cv);
        writer w2;
        encode(w2, r2);
        reader rd2(w2.data());
        auth_reply b2;
        REQUIRE(!decode(rd2, b2));
        REQUIRE(!rd2.finish());
        CHECK(b2 == r2);
        const auto no = std::stoul(std::string(*auth_value(b2, "AUTH_VERSION_NO")));
        CHECK(unpack_version_number(static_cast<std::uint32_t>(no), cv) == p2.version);
        const auto bytes = std::vector<std::uint8_t>(w2.data().begin(), w2.data().end());
        oranet::test::check_prefixes_truncated(bytes, [](reader& rr) {
            auth_reply x;
            return decode(rr, x);
        });
    }
}

TEST_CASE("auth: other function codes are not auth requests") {
    const std::uint8_t bytes[] = {3, 94, 1};
    reader r(bytes);
    auth_request m;
    CHECK(decode(r, m, caps_at(field_version::v19_1)) == client_errc::ttc_unexpected_message);
}

TEST_CASE("auth: a pair count larger than the message is refused before allocating") {
    const std::uint8_t bytes[] = {8, 2, 0xff, 0xff};
    reader r(bytes);
    auth_reply m;
    CHECK(decode(r, m) == client_errc::count_too_large);
}

namespace {

struct recording_sink : oranet::proto::trace_sink {
    std::vector<oranet::proto::field_record> fields;
    void on_field(const oranet::proto::field_record& rec) override { fields.push_back(rec); }
};

}  // namespace

TEST_CASE("auth: every read is named for the trace sink, and secrets are marked secret") {
    phase_two_values v;
    v.session_key      = "AB";
    v.encoded_password = "CD";
    v.client_version   = "1";
    const caps c       = caps_at(field_version::v19_1);
    writer w;
    encode(w, make_auth_phase_two("scott", auth_mode::logon, v), c);
    recording_sink sink;
    reader r(w.data(), &sink);
    auth_request m;
    REQUIRE(!decode(r, m, c));
    REQUIRE(!sink.fields.empty());
    std::size_t covered = 0;
    for (const auto& f : sink.fields) {
        CHECK(!f.name.empty());
        covered += f.length;
    }
    CHECK(covered == w.size());  // no byte is read without a name
    int secrets = 0;
    for (const auto& f : sink.fields)
        if (f.kind == oranet::proto::field_kind::secret) ++secrets;
    CHECK(secrets == 2);  // AUTH_SESSKEY's and AUTH_PASSWORD's values
    CHECK(sink.fields[0].name == "message_type");
    CHECK(sink.fields[1].name == "function_code");
}

// The calls after login against real bytes: python-oracledb 4.0.1 talking to
// Oracle Database Free 23.26.1 (../shared/vectors/captures/free23-python-oracledb,
// see PROVENANCE.md). fetch_df_session: op 16 executes
// `select * from fdf_golden order by id`, op 17 is the describe of 11 columns
// and 3 rows (values in fetch_df_session.meta.txt), op 19 ends a fetch with
// ORA-01403.
#include "hex.hpp"
#include "packet_dump.hpp"

#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/ttc/fetch.hpp>
#include <oranet/proto/ttc/reply.hpp>
#include <oranet/proto/ttc/simple_calls.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::from_hex;
using oranet::test::to_hex;

namespace {

constexpr const char* capture_dir = "captures/free23-python-oracledb";

// The TTC payload of a DATA packet: 8-byte header (4-byte length since TNS
// 319), 2 bytes of data flags.
std::vector<std::uint8_t> ttc_payload(const oranet::test::dumped_packet& p) {
    REQUIRE(p.bytes.size() >= 10);
    REQUIRE(p.bytes[4] == 6);  // DATA
    return {p.bytes.begin() + 10, p.bytes.end()};
}

const oranet::test::dumped_packet& op(const std::vector<oranet::test::dumped_packet>& ps, int n) {
    for (const auto& p : ps)
        if (p.op == n) return p;
    FAIL("op " << n << " not in the dump");
    return ps.front();
}

// The server's compile caps from its protocol negotiation reply (op 5 starts
// with it): version, banner (zero-terminated), charset (u16le), flags, the
// element count (u16le) and 5 bytes each, the FDO (u16be length), then the
// length-prefixed compile caps.
std::vector<std::uint8_t> server_compile_caps(const std::vector<std::uint8_t>& payload) {
    reader r(payload);
    REQUIRE(r.u8() == 1);  // protocol message
    (void)r.u8();          // version
    (void)r.u8();          // zero
    while (r.ok() && r.u8() != 0) {
    }
    (void)r.u16le();  // charset
    (void)r.u8();     // flags
    const std::uint16_t elements = r.u16le();
    r.skip(std::size_t{elements} * 5);
    const std::uint16_t fdo = r.u16be();
    r.skip(fdo);
    const std::uint8_t n = r.u8();
    const bytes_view b   = r.bytes(n);
    REQUIRE(r.ok());
    return {b.begin(), b.end()};
}

// Caps of the capture's session. The field version is min(the client's
// offer, the server's compile caps index 7) as python-oracledb computes it;
// python-oracledb 4.0.1 offers 23.4 (24). The rest is set by hand: TNS 319
// with end of response (the replies end with message 29), CONV_LENGTH set
// (the SQL text is length-prefixed), OAC and OER listed.
caps capture_caps(const std::vector<oranet::test::dumped_packet>& ps) {
    const auto server = server_compile_caps(ttc_payload(op(ps, 5)));
    REQUIRE(server.size() > ccap::field_version);
    caps c;
    c.protocol_version         = 319;
    c.ttc_field_version        = std::min<std::uint8_t>(field_version::v23_4, server[ccap::field_version]);
    c.supports_end_of_response = true;
    c.encoding_flags           = encoding_multi_byte | encoding_conv_length;
    c.max_string_size          = 32767;
    return c;
}

// Decodes a whole reply, item by item, as the client would.
std::vector<reply_item> decode_reply(bytes_view payload, reply_tracker& t) {
    std::vector<reply_item> items;
    reader r(payload);
    while (r.remaining() > 0) {
        reply_item item;
        const decode_status st = decode_reply_item(r, t.context(), item);
        INFO("item " << items.size() << " at offset " << r.offset() << ": " << st.ec.message());
        REQUIRE(st.ok());
        t.apply(item);
        items.push_back(std::move(item));
    }
    return items;
}

std::string str(const std::vector<std::uint8_t>& b) { return {b.begin(), b.end()}; }

}  // namespace

TEST_CASE("capture: the execute request of op 16 decodes and re-encodes byte for byte") {
    ORANET_REQUIRE_VECTOR(dump, std::string(capture_dir) + "/fetch_df_session.txt");
    const auto ps = oranet::test::read_packet_dump(dump);
    const caps c  = capture_caps(ps);
    CHECK(c.ttc_field_version == field_version::v23_4);
    const auto payload = ttc_payload(op(ps, 16));

    reader r(payload);
    execute_request m;
    REQUIRE(!decode(r, m, c));
    CHECK(m.seq == 9);
    CHECK(m.token == 0);  // the UB8 token is on the wire from field version 23.1 ext 1
    CHECK(m.options ==
          (exec_option::parse | exec_option::execute | exec_option::fetch | exec_option::not_plsql));
    CHECK(m.cursor_id == 0);
    CHECK(m.has_sql);
    CHECK(str(m.sql) == "select * from fdf_golden order by id");
    CHECK(m.prefetch_rows == 100);
    CHECK(m.max_long_size == max_long_length);
    CHECK(m.binds.empty());
    CHECK(m.al8i4[al8i4::parse] == 1);
    CHECK(m.al8i4[al8i4::execution_count] == 0);
    CHECK(m.al8i4[al8i4::is_query] == 1);
    CHECK(m.al8i4[al8i4::exec_flags] == exec_flag::implicit_resultset);

    // Client role: our encoder writes what python-oracledb wrote.
    writer w;
    encode(w, m, c);
    CHECK(to_hex(w.data()) == to_hex(payload));
}

TEST_CASE("capture: op 17 gives the describe of 11 columns, 3 rows and ORA-01403") {
    ORANET_REQUIRE_VECTOR(dump, std::string(capture_dir) + "/fetch_df_session.txt");
    const auto ps      = oranet::test::read_packet_dump(dump);
    const caps c       = capture_caps(ps);
    const auto payload = ttc_payload(op(ps, 17));

    reply_tracker t(c);
    const auto items = decode_reply(payload, t);
    REQUIRE(items.size() == 9);
    CHECK(std::holds_alternative<describe_info>(items[0]));
    CHECK(std::holds_alternative<row_header>(items[1]));
    CHECK(std::holds_alternative<row_data>(items[2]));
    CHECK(std::holds_alternative<row_data>(items[3]));
    CHECK(std::holds_alternative<bit_vector>(items[4]));
    CHECK(std::holds_alternative<row_data>(items[5]));
    CHECK(std::holds_alternative<parameters>(items[6]));
    CHECK(std::holds_alternative<error_info>(items[7]));
    CHECK(std::holds_alternative<end_of_response>(items[8]));
    CHECK(ends_response(items[8], c));

    // Every column's metadata.
    const auto& d = std::get<describe_info>(items[0]);
    REQUIRE(d.columns.size() == 11);
    struct expect {
        const char* name;
        std::uint8_t type;
        std::int8_t precision;
        std::int16_t scale;
        std::uint32_t buffer_size;
        std::uint32_t max_size;
        std::uint8_t cs_form;
        std::uint16_t charset_id;
        std::uint8_t nullable;
    };
    const expect cols[] = {
        {"ID", ora_type_num::number, 9, 0, 22, 0, 0, 0, 0},  // NOT NULL
        {"BIG", ora_type_num::number, 19, 0, 22, 0, 0, 0, 1},
        {"PRICE", ora_type_num::number, 9, 2, 22, 0, 0, 0, 1},
        {"ANYNUM", ora_type_num::number, 0, -127, 22, 0, 0, 0,
         1},  // scale -127 as a raw signed byte (OAC listed)
        {"NAME", ora_type_num::varchar, 0, 0, 40, 40, 1, 873, 1},
        {"FIXED", ora_type_num::char_, 0, 0, 5, 5, 1, 873, 1},
        {"HIRED", 12, 0, 0, 1, 0, 0, 0, 1},                          // DATE: the server says buffer size 1
        {"UPDATED", ora_type_num::timestamp, 0, 6, 11, 0, 0, 0, 1},  // TIMESTAMP(6)
        {"PAYLOAD", ora_type_num::raw, 0, 0, 30, 0, 0, 0, 1},
        {"RATING", 101, 0, 0, 1, 0, 0, 0, 1},  // BINARY_DOUBLE: buffer size 1 too
        {"SCORE", 100, 0, 0, 1, 0, 0, 0, 1},   // BINARY_FLOAT: buffer size 1 too
    };
    for (std::size_t i = 0; i < 11; ++i) {
        INFO("column " << i << " " << cols[i].name);
        const auto& col = d.columns[i];
        CHECK(col.name == cols[i].name);
        CHECK(col.ora_type == cols[i].type);
        CHECK(col.precision == cols[i].precision);
        CHECK(col.scale == cols[i].scale);
        CHECK(col.buffer_size == cols[i].buffer_size);
        CHECK(col.max_size == cols[i].max_size);
        CHECK(col.cs_form == cols[i].cs_form);
        CHECK(col.charset_id == cols[i].charset_id);
        CHECK(col.nullable == cols[i].nullable);
        CHECK(col.position == i);
        CHECK(col.schema.empty());
        CHECK(col.annotations.empty());
    }
    CHECK(d.current_date.size() == 7);

    // The rows, as bytes (types::decode_value turns them into values).
    const auto& r1 = std::get<row_data>(items[2]).columns;
    const auto& r2 = std::get<row_data>(items[3]).columns;
    const auto& r3 = std::get<row_data>(items[5]).columns;
    REQUIRE(r1.size() == 11);
    REQUIRE(r2.size() == 11);
    REQUIRE(r3.size() == 11);
    CHECK(to_hex(r1[0].data) == "c102");    // 1
    CHECK(to_hex(r1[2].data) == "c10d23");  // 12.34
    CHECK(to_hex(r1[3].data) == "c10233");  // 1.5
    CHECK(str(r1[4].data) == "alpha");
    CHECK(str(r1[5].data) == "ab   ");              // CHAR(5) blank-padded
    CHECK(to_hex(r1[6].data) == "787c0102040506");  // 2024-01-02 03:04:05
    CHECK(r1[7].data.size() == 11);                 // TIMESTAMP with fractional seconds
    CHECK(to_hex(r1[8].data) == "0102");
    CHECK(r1[9].data.size() == 8);
    CHECK(r1[10].data.size() == 4);
    CHECK(to_hex(r2[0].data) == "c103");  // row 2: all NULL but ID
    for (std::size_t i = 1; i < 11; ++i)
        CHECK(r2[i].is_null());
    CHECK(str(r3[4].data) == "gamma");
    CHECK(str(r3[5].data) == "xyz  ");
    CHECK(to_hex(r3[8].data) == "ffffffffffffffff");
    // The bit vector before row 3 says all 11 columns are sent.
    const auto& bv = std::get<bit_vector>(items[4]);
    CHECK(bv.num_columns_sent == 11);
    CHECK(to_hex(bv.bits) == "ff07");
    for (const auto& v : r3)
        CHECK(v.state != value_state::repeated);

    // The end of the fetch.
    const auto& e = std::get<error_info>(items[7]);
    CHECK(e.error_number == ora_no_data_found);
    CHECK(e.cursor_id == 7);
    CHECK(e.row_count == 3);
    CHECK(e.message == "ORA-01403: no data found\n");
}

TEST_CASE("capture: the server-role encoders reproduce op 17 byte for byte") {
    ORANET_REQUIRE_VECTOR(dump, std::string(capture_dir) + "/fetch_df_session.txt");
    const auto ps      = oranet::test::read_packet_dump(dump);
    const caps c       = capture_caps(ps);
    const auto payload = ttc_payload(op(ps, 17));

    reply_tracker decoder(c);
    const auto items = decode_reply(payload, decoder);
    // Encode with a context that evolves the same way (the bit vector of
    // message 21 applies to the next row).
    reply_tracker encoder(c);
    writer w;
    for (auto item : items) {
        encode_reply_item(w, item, encoder.context());
        encoder.apply(item);
    }
    CHECK(to_hex(w.data()) == to_hex(payload));
}

TEST_CASE("capture: op 18/19, a second query whose reply ends with ORA-01403") {
    ORANET_REQUIRE_VECTOR(dump, std::string(capture_dir) + "/fetch_df_session.txt");
    const auto ps = oranet::test::read_packet_dump(dump);
    const caps c  = capture_caps(ps);

    const auto request = ttc_payload(op(ps, 18));
    reader rq(request);
    call_prefix prefix;
    REQUIRE(!decode_call_prefix(rq, prefix, c));
    REQUIRE(prefix.header.code == function_code::execute);
    execute_request m;
    REQUIRE(!decode_body(rq, m, c));
    CHECK(!rq.finish());
    CHECK(str(m.sql) == "select id, price, anynum from fdf_golden order by id");

    const auto payload = ttc_payload(op(ps, 19));
    reply_tracker t(c);
    const auto items = decode_reply(payload, t);
    REQUIRE(items.size() >= 3);
    const auto& d = std::get<describe_info>(items[0]);
    REQUIRE(d.columns.size() == 3);
    CHECK(d.columns[1].name == "PRICE");
    CHECK(d.columns[1].scale == 2);
    const auto* e = std::get_if<error_info>(&items[items.size() - 2]);
    REQUIRE(e != nullptr);
    CHECK(e->error_number == ora_no_data_found);
    CHECK(std::holds_alternative<end_of_response>(items.back()));
    std::size_t rows = 0;
    for (const auto& it : items)
        rows += std::holds_alternative<row_data>(it) ? 1 : 0;
    CHECK(rows == 3);
}

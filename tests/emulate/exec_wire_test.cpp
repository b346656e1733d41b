// The emulator's execute items of issue 7 against the protocol layer's
// client-role decoders: batch errors in the error block, DML row counts in
// the return parameters, the I/O vector, and the bind rows the emulator
// reads (index-by tables, RETURNING binds without values, truncation).
#include "emulate/requests.hpp"
#include "emulate/ttc_replies.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/error_info.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/io_vector.hpp>
#include <oranet/proto/ttc/parameters.hpp>

#include <catch2/catch.hpp>

using namespace oranet;
using namespace oranet::emulate;
namespace ttc = oranet::proto::ttc;

namespace {

ttc::caps caps_for(std::uint8_t fv) {
    ttc::caps c;
    c.ttc_field_version = fv;
    c.supports_oer_type = true;
    c.supports_oac_type = true;
    return c;
}

}  // namespace

TEST_CASE("emulate exec: batch errors travel with their codes, row offsets and messages") {
    for (std::uint8_t fv :
         {ttc::field_version::v12_1, ttc::field_version::v19_1, ttc::field_version::v23_1}) {
        const auto c = caps_for(fv);
        error_block e;
        e.error_num    = 24381;
        e.message      = "ORA-24381: error(s) in array DML\n";
        e.row_count    = 9997;
        e.cursor_id    = 3;
        e.batch_errors = {{1, 500, "ORA-00001: unique constraint (DEMO.SYS_C1) violated"},
                          {12899, 70000, "ORA-12899: value too large for column"}};
        proto::writer w;
        write_error(w, e, c);
        proto::reader r(w.data());
        REQUIRE(r.u8() == static_cast<std::uint8_t>(ttc::message_type::error));
        ttc::error_info got;
        REQUIRE_FALSE(ttc::decode_body(r, got, c));
        CHECK(r.remaining() == 0);
        CHECK(got.error_number == 24381);
        CHECK(got.row_count == 9997);
        CHECK(got.cursor_id == 3);
        REQUIRE(got.batch_errors.size() == 2);
        CHECK(got.batch_errors[0].code == 1);
        CHECK(got.batch_errors[0].offset == 500);
        CHECK(got.batch_errors[0].message == "ORA-00001: unique constraint (DEMO.SYS_C1) violated");
        CHECK(got.batch_errors[1].code == 12899);
        CHECK(got.batch_errors[1].offset == 70000);
    }
}

TEST_CASE("emulate exec: an error block without batch errors is unchanged") {
    const auto c = caps_for(ttc::field_version::v19_1);
    error_block e;
    e.row_count = 2;
    proto::writer w;
    write_error(w, e, c);
    proto::reader r(w.data());
    r.u8();
    ttc::error_info got;
    REQUIRE_FALSE(ttc::decode_body(r, got, c));
    CHECK(got.batch_errors.empty());
    CHECK(got.row_count == 2);
    CHECK(got.error_number == 0);
}

TEST_CASE("emulate exec: DML row counts in the return parameters") {
    const auto c = caps_for(ttc::field_version::v19_1);
    proto::writer w;
    write_row_counts(w, {3, 0, 2, 1ull << 40});
    proto::reader r(w.data());
    REQUIRE(r.u8() == static_cast<std::uint8_t>(ttc::message_type::parameter));
    ttc::reply_context ctx;
    ctx.c             = &c;
    ctx.dml_rowcounts = true;
    ttc::parameters got;
    REQUIRE_FALSE(ttc::decode_body(r, got, ctx));
    CHECK(r.remaining() == 0);
    CHECK(got.dml_rowcounts == std::vector<std::uint64_t>{3, 0, 2, 1ull << 40});
}

TEST_CASE("emulate exec: the I/O vector gives each bind's direction") {
    const auto c               = caps_for(ttc::field_version::v19_1);
    std::vector<bind_dir> dirs = {bind_dir::in, bind_dir::out, bind_dir::in_out};
    for (std::size_t n : {std::size_t{3}, std::size_t{300}}) {
        dirs.resize(n, bind_dir::out);
        proto::writer w;
        write_io_vector(w, dirs);
        proto::reader r(w.data());
        REQUIRE(r.u8() == static_cast<std::uint8_t>(ttc::message_type::io_vector));
        ttc::io_vector got;
        REQUIRE_FALSE(ttc::decode_body(r, got, c));
        REQUIRE(got.bind_directions.size() == n);
        CHECK(got.bind_directions[0] == ttc::bind_dir_input);
        CHECK(got.bind_directions[1] == ttc::bind_dir_output);
        CHECK(got.bind_directions[2] == ttc::bind_dir_input_output);
    }
}

TEST_CASE("emulate exec: bind rows with an index-by table, a skipped RETURNING bind and truncation") {
    std::vector<bind_meta> metas(3);
    metas[0].type         = 2;     // NUMBER
    metas[1].type         = 2;     // NUMBER index-by table
    metas[1].flags        = 0x41;  // indicators + array
    metas[1].max_elements = 10;
    metas[2].type         = 1;  // VARCHAR2 RETURNING INTO: no value on the wire
    proto::writer w;
    for (int row = 0; row < 2; ++row) {
        w.u8(7);
        w.bytes_with_length(std::vector<std::uint8_t>{0xc1, static_cast<std::uint8_t>(2 + row)});  // 1, 2
        w.ub4(2);
        w.bytes_with_length(std::vector<std::uint8_t>{0xc1, 0x04});  // 3
        w.u8(0);                                                     // NULL
    }
    const std::vector<bool> sent = {true, true, false};
    std::vector<std::vector<wire_bind>> rows;
    proto::reader r(w.data());
    REQUIRE_FALSE(decode_bind_rows(r, metas, sent, 2, rows));
    REQUIRE(rows.size() == 2);
    CHECK(std::get<number>(rows[1][0].v).text() == "2");
    CHECK(rows[0][1].is_array);
    CHECK(rows[0][1].max_elements == 10);
    REQUIRE(rows[0][1].elements.size() == 2);
    CHECK(std::get<number>(rows[0][1].elements[0]).text() == "3");
    CHECK(is_null(rows[0][1].elements[1]));
    CHECK(is_null(rows[0][2].v));
    CHECK(rows[0][2].declared == proto::types::ora_type::varchar);
    // Every strict prefix: the request continues in the next packet.
    const auto all = w.data();
    for (std::size_t n = 0; n < all.size(); ++n) {
        proto::reader p(all.subspan(0, n));
        std::vector<std::vector<wire_bind>> part;
        INFO("prefix " << n);
        CHECK(decode_bind_rows(p, metas, sent, 2, part) == client_errc::truncated);
    }
    // Only RETURNING binds: no rows at all.
    proto::reader none(proto::bytes_view{});
    CHECK_FALSE(decode_bind_rows(none, metas, {false, false, false}, 5, rows));
    CHECK(rows.empty());
}

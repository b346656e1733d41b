// LOB operations (function 96), both roles: the request as python-oracledb
// and node-oracledb write it (lob_op.pyx / lobOp.js), the LOB data message
// (14), the return parameters of the reply (message 8 read with the
// request's shape through decode_reply_item), the free-temporary-LOBs
// piggyback; every strict prefix is truncated; random round trips.
#include "hex.hpp"

#include <oranet/proto/ttc/function_header.hpp>
#include <oranet/proto/ttc/lob_op.hpp>
#include <oranet/proto/ttc/reply.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

namespace {

caps caps_for(std::uint8_t fv) {
    caps c;
    c.ttc_field_version = fv;
    return c;
}

std::vector<std::uint8_t> locator(std::uint8_t fill = 0xab) {
    std::vector<std::uint8_t> l(lob_locator::temp_locator_length, fill);
    return l;
}

std::vector<std::uint8_t> encoded(const lob_op_request& m, const caps& c) {
    writer w;
    encode(w, m, c);
    REQUIRE(w.ok());
    return w.take();
}

lob_op_request decode_request(const std::vector<std::uint8_t>& b, const caps& c) {
    reader r(b);
    function_header h;
    REQUIRE_FALSE(decode(r, h, c));
    CHECK(h.code == function_code::lob_op);
    lob_op_request m;
    const auto ec = decode_body(r, m, c);
    INFO(ec.message());
    REQUIRE_FALSE(ec);
    CHECK(r.remaining() == 0);
    m.seq   = h.seq;
    m.token = h.token;
    return m;
}

void check_prefixes_truncated(const std::vector<std::uint8_t>& b, const caps& c) {
    for (std::size_t n = 0; n < b.size(); ++n) {
        reader r(bytes_view{b}.first(n));
        function_header h;
        lob_op_request m;
        std::error_code ec = decode(r, h, c);
        if (!ec) ec = decode_body(r, m, c);
        // A read request ends with its amount: a prefix that stops right
        // before the optional LOB data message can still look complete
        // only when nothing optional follows; the amount always does here.
        INFO("prefix " << n);
        CHECK(is_truncated(ec));
    }
}

}  // namespace

TEST_CASE("lob_op: a read request has the clients' layout", "[ttc][lob]") {
    const caps c = caps_for(field_version::v19_1);
    lob_op_request m;
    m.seq           = 5;
    m.operation     = lob_op_code::read;
    m.source        = {1, 2, 3};
    m.source_offset = 1;
    m.send_amount   = true;
    m.amount        = 8132;
    set_lob_op_pointers(m);
    const auto b = encoded(m, c);
    // type 3, code 96, seq; source ptr 1, len 3; dest 0, 0; short offsets;
    // charset ptr 0; short amount 0; NULL LOB 0; op 2; SCN 0 0; offsets
    // (UB8 1, UB8 0); amount ptr 1; three UB2BE zeros; locator; UB8 8132.
    CHECK(to_hex(b) ==
          "036005"
          "010103"
          "0000"
          "0000"
          "00"
          "00"
          "00"
          "0102"
          "0000"
          "010100"
          "01"
          "000000000000"
          "010203"
          "021fc4");
    const auto got = decode_request(b, c);
    CHECK(got.operation == lob_op_code::read);
    CHECK(got.source == m.source);
    CHECK(got.source_offset == 1);
    CHECK(got.send_amount);
    CHECK(got.amount == 8132);
    CHECK_FALSE(got.has_data);
    check_prefixes_truncated(b, c);
}

TEST_CASE("lob_op: create temporary and write carry charset and data", "[ttc][lob]") {
    const caps c = caps_for(field_version::v23_1_ext1);  // with the UB8 token
    SECTION("create temporary (node-oracledb / newest python: duration in the dest length)") {
        lob_op_request m;
        m.seq           = 9;
        m.token         = 3;
        m.operation     = lob_op_code::create_temp;
        m.source        = locator(0);
        m.dest_length   = lob_duration_session;
        m.source_offset = 2;    // charset form
        m.dest_offset   = 112;  // CLOB
        m.charset_id    = 2000;
        set_lob_op_pointers(m);
        CHECK(m.charset_pointer);
        CHECK(m.null_lob_pointer);
        const auto b   = encoded(m, c);
        const auto got = decode_request(b, c);
        CHECK(got.token == 3);
        CHECK(got.dest_length == lob_duration_session);
        CHECK(got.charset_id == 2000);
        CHECK(got.source_offset == 2);
        CHECK(got.dest_offset == 112);
        CHECK(to_hex(encoded(got, c)) == to_hex(b));
        check_prefixes_truncated(b, c);
    }
    SECTION("write: message 14 inside the request, no amount") {
        lob_op_request m;
        m.operation     = lob_op_code::write;
        m.source        = locator();
        m.source_offset = 3;
        m.has_data      = true;
        m.data.assign(70000, 0x41);  // the chunked long form
        set_lob_op_pointers(m);
        const auto b   = encoded(m, c);
        const auto got = decode_request(b, c);
        CHECK(got.has_data);
        CHECK(got.data == m.data);
        CHECK_FALSE(got.send_amount);
        CHECK(to_hex(encoded(got, c)) == to_hex(b));
    }
}

TEST_CASE("lob_op: reply items decode with the request's shape", "[ttc][lob]") {
    const caps c = caps_for(field_version::v19_1);
    lob_op_request req;
    req.operation                  = lob_op_code::read;
    req.source                     = locator();
    req.send_amount                = true;
    const lob_op_reply_shape shape = reply_shape_of(req);
    CHECK(shape.locator_length == 40);

    reply_context ctx;
    ctx.c      = &c;
    ctx.lob_op = &shape;

    lob_op_return ret;
    ret.locator    = locator(0x11);
    ret.has_amount = true;
    ret.amount     = 4;
    writer w;
    encode(w, lob_data{{0, 'a', 0, 'b'}}, c);
    encode(w, ret, c);
    const auto bytes = w.take();
    CHECK(to_hex(bytes).substr(0, 12) == "0e0400610062");

    reader r(bytes);
    reply_item a, b;
    REQUIRE(decode_reply_item(r, ctx, a).ok());
    REQUIRE(decode_reply_item(r, ctx, b).ok());
    CHECK(r.remaining() == 0);
    REQUIRE(std::holds_alternative<lob_data>(a));
    CHECK(std::get<lob_data>(a).data == std::vector<std::uint8_t>{0, 'a', 0, 'b'});
    REQUIRE(std::holds_alternative<lob_op_return>(b));
    CHECK(std::get<lob_op_return>(b).amount == 4);
    CHECK(std::get<lob_op_return>(b).locator == ret.locator);

    // Every strict prefix of the return parameters is truncated.
    writer only;
    encode(only, ret, c);
    const auto rb = only.take();
    for (std::size_t n = 0; n < rb.size(); ++n) {
        reader p(bytes_view{rb}.first(n));
        reply_item x;
        const auto st = decode_reply_item(p, ctx, x);
        INFO("prefix " << n);
        CHECK(st.truncated());
        CHECK(p.offset() == 0);
    }

    SECTION("without the LOB shape, message 8 is an execute's return parameters") {
        reply_context plain;
        plain.c = &c;
        reader q(rb);
        reply_item x;
        const auto st = decode_reply_item(q, plain, x);
        CHECK_FALSE(std::holds_alternative<lob_op_return>(x));
        (void)st;
    }
    SECTION("create temporary: UB2 charset and a flag byte (python 1.2.1 also an SB8 amount)") {
        lob_op_request ct;
        ct.operation   = lob_op_code::create_temp;
        ct.source      = locator(0);
        ct.send_amount = true;  // python 1.2.1 sends the duration as the amount
        const auto s   = reply_shape_of(ct);
        lob_op_return t;
        t.locator     = locator(0x22);
        t.has_charset = true;
        t.charset_id  = 873;
        t.has_amount  = true;
        t.amount      = 10;
        writer tw;
        encode(tw, t, c);
        const auto tb = tw.take();
        reader tr(bytes_view{tb}.subspan(1));
        lob_op_return back;
        REQUIRE_FALSE(decode_body(tr, back, s, c));
        CHECK(tr.remaining() == 0);
        CHECK(back.charset_id == 873);
        CHECK(back.amount == 10);
    }
    SECTION("is-open: a flag byte after the amount") {
        lob_op_request io;
        io.operation = lob_op_code::is_open;
        io.source    = locator();
        const auto s = reply_shape_of(io);
        lob_op_return t;
        t.locator  = locator();
        t.has_flag = true;
        t.flag     = true;
        writer tw;
        encode(tw, t, c);
        const auto tb = tw.take();
        reader tr(bytes_view{tb}.subspan(1));
        lob_op_return back;
        REQUIRE_FALSE(decode_body(tr, back, s, c));
        CHECK(back.flag);
    }
}

TEST_CASE("lob_op: the free-temporary-LOBs piggyback", "[ttc][lob]") {
    const caps c = caps_for(field_version::v19_1);
    free_temp_lobs_piggyback m;
    m.seq      = 7;
    m.locators = {locator(1), locator(2)};
    writer w;
    encode(w, m, c);
    const auto b = w.take();
    CHECK(to_hex(b).substr(0, 10) == "1160070101");  // type 17, code 96, seq, pointer, UB4 80 (1 byte length)
    reader r(b);
    function_header h;
    REQUIRE_FALSE(decode(r, h, c));
    CHECK(h.type == message_type::piggyback);
    free_temp_lobs_piggyback got;
    REQUIRE_FALSE(decode_body(r, got, 40, c));
    CHECK(r.remaining() == 0);
    CHECK(got.locators == m.locators);
    for (std::size_t n = 4; n < b.size(); ++n) {
        reader p(bytes_view{b}.first(n));
        p.skip(3);
        free_temp_lobs_piggyback x;
        INFO("prefix " << n);
        CHECK(is_truncated(decode_body(p, x, 40, c)));
    }
    reader bad(b);
    REQUIRE_FALSE(decode(bad, h, c));
    free_temp_lobs_piggyback x;
    CHECK(decode_body(bad, x, 30, c) == client_errc::malformed);  // 80 bytes are not 30-byte locators
}

TEST_CASE("lob_op: locator flag bytes", "[ttc][lob]") {
    std::vector<std::uint8_t> l(40, 0);
    CHECK_FALSE(lob_is_temporary(l));
    CHECK_FALSE(lob_is_var_length_charset(l));
    l[lob_locator::flag4_offset] = lob_locator::flag4_temp;
    CHECK(lob_is_temporary(l));
    l[lob_locator::flag4_offset] = 0;
    l[lob_locator::flag1_offset] = lob_locator::flag1_abstract;
    CHECK(lob_is_temporary(l));
    l[lob_locator::flag3_offset] = lob_locator::flag3_var_length_cs;
    CHECK(lob_is_var_length_charset(l));
    CHECK_FALSE(lob_is_temporary(std::vector<std::uint8_t>(5, 0xff)));
}

TEST_CASE("lob_op: random requests round-trip", "[ttc][lob][property]") {
    std::mt19937 rng(96);
    const std::uint32_t ops[] = {
        lob_op_code::read,       lob_op_code::write,       lob_op_code::trim,
        lob_op_code::get_length, lob_op_code::create_temp, lob_op_code::free_temp,
        lob_op_code::open,       lob_op_code::is_open,     lob_op_code::get_chunk_size};
    const std::uint8_t fvs[] = {field_version::v12_1, field_version::v19_1, field_version::v23_1_ext1};
    for (int i = 0; i < 300; ++i) {
        const caps c = caps_for(fvs[rng() % 3]);
        lob_op_request m;
        m.seq        = static_cast<std::uint8_t>(rng() % 255 + 1);
        m.operation  = ops[rng() % std::size(ops)];
        m.has_source = rng() % 5 != 0;
        m.source = m.has_source ? std::vector<std::uint8_t>(rng() % 90, 0x5a) : std::vector<std::uint8_t>{};
        m.dest_length   = rng() % 3 == 0 ? lob_duration_session : 0;
        m.source_offset = (std::uint64_t{rng()} << 20) | rng();
        m.dest_offset   = rng() % 200;
        set_lob_op_pointers(m);
        if (m.charset_pointer) m.charset_id = rng() % 2 ? 873 : 2000;
        m.send_amount = rng() % 2 != 0;
        m.amount      = m.send_amount ? (std::uint64_t{rng()} << 8) : 0;
        m.has_data    = m.operation == lob_op_code::write;
        if (m.has_data) m.data.assign(rng() % 1000, static_cast<std::uint8_t>(rng()));
        const auto b   = encoded(m, c);
        const auto got = decode_request(b, c);
        CHECK(got.operation == m.operation);
        CHECK(got.source == m.source);
        CHECK(got.amount == m.amount);
        CHECK(got.data == m.data);
        CHECK(to_hex(encoded(got, c)) == to_hex(b));
    }
}

// The server's reply items, both roles: the emulator encodes them, the
// client decodes them with decode_reply_item. Round trips under several
// field versions, the OAC and OER layout branches (PEER-NOTES 2), every
// strict prefix gives truncated (and leaves the reader at the item's start),
// bit vectors and the streaming retry.
#include "hex.hpp"

#include <oranet/proto/ttc/reply.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

namespace {

caps caps_for(std::uint8_t fv, bool oac = true, bool oer = true) {
    caps c;
    c.ttc_field_version        = fv;
    c.supports_oac_type        = oac;
    c.supports_oer_type        = oer;
    c.supports_end_of_response = fv >= field_version::v23_1;  // TNS 319 servers
    return c;
}

std::vector<std::uint8_t> bytes_of(std::string_view s) { return {s.begin(), s.end()}; }

column_value present(std::vector<std::uint8_t> b) {
    column_value v;
    v.state = value_state::present;
    v.data  = std::move(b);
    return v;
}

std::vector<std::uint8_t> encoded(const reply_item& item, const reply_context& ctx) {
    writer w;
    encode_reply_item(w, item, ctx);
    REQUIRE(w.ok());
    return w.take();
}

// Encodes, decodes, re-encodes: the bytes must agree, every strict prefix
// must be truncated (the reader staying at 0), and the whole must be
// consumed. Returns the decoded item.
reply_item round_trip(const reply_item& item, const reply_context& ctx) {
    const auto bytes = encoded(item, ctx);
    reader r(bytes);
    reply_item got;
    const decode_status st = decode_reply_item(r, ctx, got);
    INFO(to_hex(bytes) << ": " << st.ec.message());
    REQUIRE(st.ok());
    CHECK(st.consumed == bytes.size());
    CHECK(r.remaining() == 0);
    CHECK(got.index() == item.index());
    CHECK(to_hex(encoded(got, ctx)) == to_hex(bytes));
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        reader p(bytes_view{bytes}.first(n));
        reply_item x;
        const decode_status ps = decode_reply_item(p, ctx, x);
        INFO("prefix " << n << ": " << ps.ec.message());
        CHECK(ps.truncated());
        CHECK(p.offset() == 0);
    }
    return got;
}

describe_info sample_describe() {
    describe_info d;
    d.prefix       = {1, 2, 3};
    d.max_row_size = 100;
    column_info id;
    id.ora_type     = ora_type_num::number;
    id.precision    = 9;
    id.buffer_size  = 22;
    id.name         = "ID";
    column_info any = id;
    any.name        = "ANYNUM";
    any.precision   = 0;
    any.scale       = -127;
    any.position    = 1;
    column_info name;
    name.ora_type       = ora_type_num::varchar;
    name.flags          = 0x80;
    name.buffer_size    = 40;
    name.max_size       = 40;
    name.charset_id     = 873;
    name.cs_form        = 1;
    name.oac_column_id  = 0x3ffe;
    name.nullable       = 1;
    name.v7_name_length = 4;
    name.name           = "NAME";
    name.position       = 2;
    name.domain_schema  = "HR";
    name.domain_name    = "EMAIL_D";
    name.annotations    = {{"UI", "text", 0}, {"MASK", "", 0}};
    column_info ts;
    ts.ora_type    = ora_type_num::timestamp;
    ts.scale       = 6;
    ts.buffer_size = 11;
    ts.name        = "UPDATED";
    ts.position    = 3;
    d.columns      = {id, any, name, ts};
    d.current_date = {0x78, 0x7e, 6, 11, 19, 13, 23};
    d.dcb_flags    = 1;
    d.dcb_mdbz     = 0x1fe8;
    d.dcb_mnpr     = 10;
    d.dcb_mxpr     = 10;
    return d;
}

}  // namespace

TEST_CASE("reply: status, warning, token, end of response, flush out binds") {
    const caps c = caps_for(field_version::v23_4);
    reply_context ctx;
    ctx.c = &c;
    // As in fetch_df_session op 15: 09 03 01 00 05 01 44 1d.
    auto s = std::get<status>(round_trip(status{0x010005, 0x44}, ctx));
    CHECK(to_hex(encoded(status{0x010005, 0x44}, ctx)) ==
          "0903010005"
          "0144");
    CHECK(s.call_status == 0x010005);
    CHECK(s.end_to_end_seq == 0x44);
    auto w = std::get<warning_info>(
        round_trip(warning_info{24344, 0, "ORA-24344: success with compilation error"}, ctx));
    CHECK(w.message == "ORA-24344: success with compilation error");
    CHECK(std::get<token_item>(round_trip(token_item{77}, ctx)).token == 77);
    CHECK(to_hex(encoded(end_of_response{}, ctx)) == "1d");
    const auto eor = encoded(end_of_response{}, ctx);
    reader r(eor);
    reply_item item;
    REQUIRE(decode_reply_item(r, ctx, item).ok());
    CHECK(std::holds_alternative<end_of_response>(item));
    CHECK(ends_response(item, c));
    CHECK(!ends_response(status{}, c));  // 23ai sends an explicit end
    const caps old = caps_for(field_version::v19_1);
    CHECK(ends_response(status{}, old));  // before it, status and error end a call
    CHECK(to_hex(encoded(flush_out_binds{}, ctx)) == "13");
}

TEST_CASE("reply: the error block, with and without the 20c fields") {
    error_info e;
    e.call_status        = 1;
    e.end_to_end_seq     = 0x45;
    e.current_row        = 3;
    e.error_number_short = 1403;
    e.cursor_id          = 7;
    e.error_position     = 14;
    e.sql_type           = 3;
    e.flags              = 0x20;
    e.rowid              = {0, 0x1c1b, 0x18, 0, 0x1f, 0x102};
    e.call_number        = 9;
    e.success_iters      = 1;
    e.error_number       = 1403;
    e.row_count          = 3;
    e.sql_type_ext       = 3;
    e.message            = "ORA-01403: no data found\n";
    e.batch_errors = {{1, 4, "ORA-00001: unique constraint violated"}, {1400, 70000, "ORA-01400: NULL"}};
    for (bool oer : {true, false}) {
        for (std::uint8_t fv : {field_version::v19_1, field_version::v20_1, field_version::v23_4}) {
            INFO("field version " << int(fv) << " OER " << oer);
            const caps c = caps_for(fv, true, oer);
            reply_context ctx;
            ctx.c    = &c;
            auto got = std::get<error_info>(round_trip(e, ctx));
            CHECK(got.error_number == 1403);
            CHECK(got.cursor_id == 7);
            CHECK(got.error_position == 14);
            CHECK(got.row_count == 3);
            CHECK(got.message == e.message);
            CHECK(got.sql_type_ext == (has_oer_fields(c) ? 3u : 0u));
            REQUIRE(got.batch_errors.size() == 2);
            CHECK(got.batch_errors[1].code == 1400);
            CHECK(got.batch_errors[1].offset == 70000);
            CHECK(got.batch_errors[0].message == "ORA-00001: unique constraint violated");
        }
    }
    // The extra fields need both the field version and OER listed.
    CHECK(has_oer_fields(caps_for(field_version::v20_1, true, true)));
    CHECK(!has_oer_fields(caps_for(field_version::v20_1, true, false)));
    CHECK(!has_oer_fields(caps_for(field_version::v19_1, true, true)));
    // Success: no message on the wire.
    const caps c = caps_for(field_version::v23_4);
    reply_context ctx;
    ctx.c = &c;
    error_info ok;
    ok.row_count = 1;
    CHECK(std::get<error_info>(round_trip(ok, ctx)).message.empty());
}

TEST_CASE("reply: describe info across field versions and the OAC scale form") {
    const describe_info d = sample_describe();
    for (std::uint8_t fv : {field_version::v11_2, field_version::v12_2, field_version::v23_1,
                            field_version::v23_1_ext3, field_version::v23_4}) {
        for (bool oac : {true, false}) {
            INFO("field version " << int(fv) << " OAC " << oac);
            const caps c = caps_for(fv, oac);
            reply_context ctx;
            ctx.c    = &c;
            auto got = std::get<describe_info>(round_trip(d, ctx));
            REQUIRE(got.columns.size() == 4);
            CHECK(got.columns[1].scale == -127);
            CHECK(got.columns[3].scale == 6);
            CHECK(got.columns[2].name == "NAME");
            CHECK(got.columns[2].max_size == 40);
            CHECK(got.columns[2].oac_column_id == (fv >= field_version::v12_2 ? 0x3ffeu : 0u));
            CHECK(got.columns[2].domain_name == (fv >= field_version::v23_1 ? "EMAIL_D" : ""));
            CHECK(got.columns[2].annotations.size() == (fv >= field_version::v23_1_ext3 ? 2u : 0u));
            CHECK(got.dcb_mdbz == 0x1fe8);
        }
    }
    // PEER-NOTES 2: without OAC, NUMBER's scale -127 is the SB2 `81 7f`; with
    // it, the raw byte `81`.
    column_info n;
    n.ora_type = ora_type_num::number;
    n.scale    = -127;
    describe_info one;
    one.columns            = {n};
    const caps with_oac    = caps_for(field_version::v12_1, true);
    const caps without_oac = caps_for(field_version::v12_1, false);
    writer a, b;
    encode(a, one, with_oac);
    encode(b, one, without_oac);
    // type byte, prefix (00), max row size (00), count (01 01), lead (82), then the column
    CHECK(to_hex(a.data()).substr(0, 20) ==
          "100000010182020000"
          "81");
    CHECK(to_hex(b.data()).substr(0, 22) ==
          "100000010182020000"
          "817f");
}

TEST_CASE("reply: row header, row data of every layout, bit vector") {
    const caps c = caps_for(field_version::v23_4);
    describe_info d;
    auto col = [](std::uint8_t type, std::uint32_t buffer = 10) {
        column_info ci;
        ci.ora_type    = type;
        ci.buffer_size = buffer;
        return ci;
    };
    d.columns = {col(ora_type_num::number), col(ora_type_num::varchar),    col(ora_type_num::rowid),
                 col(ora_type_num::urowid), col(ora_type_num::clob),       col(ora_type_num::bfile),
                 col(ora_type_num::json),   col(ora_type_num::long_raw),   col(ora_type_num::cursor),
                 col(ora_type_num::object), col(ora_type_num::varchar, 0), col(ora_type_num::raw)};
    reply_context ctx;
    ctx.c        = &c;
    ctx.describe = &d;

    row_header h;
    h.flags        = 0x22;
    h.num_requests = 12;
    h.num_iters    = 100;
    h.bit_vector   = {0xff, 0x0f};
    auto gh        = std::get<row_header>(round_trip(h, ctx));
    CHECK(gh.bit_vector == h.bit_vector);

    row_data row;
    row.columns.resize(12);
    row.columns[0]                  = present({0xc1, 0x02});
    row.columns[1]                  = present(std::vector<std::uint8_t>(1000, 'a'));  // chunked long form
    row.columns[2].state            = value_state::present;
    row.columns[2].rowid            = {13, 0x11c1b, 0x18, 0, 0x1f, 0x102};
    row.columns[3]                  = present({1, 0, 0, 0x1c, 0x1b, 0, 0x18, 0, 0, 0, 0x1f, 1, 2});
    row.columns[3].aux              = {13};
    row.columns[4]                  = present(std::vector<std::uint8_t>(40, 0x11));  // locator
    row.columns[4].lob_size         = 123456;
    row.columns[4].lob_chunk_size   = 8132;
    row.columns[5]                  = present({9, 9, 9});
    row.columns[6]                  = present({0xff, 0x4a, 0x5a});  // OSON image
    row.columns[6].aux              = {1, 2, 3, 4};
    row.columns[6].lob_size         = 3;
    row.columns[7]                  = present({1, 2, 3});
    row.columns[7].long_return_code = 0;
    row.columns[8].state            = value_state::present;
    row.columns[8].cursor_id        = 9;
    row.columns[8].cursor_describe  = std::make_shared<describe_info>(sample_describe());
    row.columns[9]                  = present({0x84, 1, 0xfe});
    row.columns[9].object.toid      = std::vector<std::uint8_t>(16, 0x53);
    row.columns[9].object.version   = 1;
    row.columns[9].object.flags     = 1;
    row.columns[10].state           = value_state::null;  // NULL by describe: not on the wire
    row.columns[11].state           = value_state::null;
    auto got                        = std::get<row_data>(round_trip(row, ctx)).columns;
    REQUIRE(got.size() == 12);
    CHECK(got[1].data.size() == 1000);
    CHECK(got[2].rowid.block_num == 0x1f);
    CHECK(got[3].data.size() == 13);
    CHECK(got[4].lob_size == 123456);
    CHECK(got[4].data.size() == 40);
    CHECK(got[5].data.size() == 3);
    CHECK(got[6].aux.size() == 4);
    REQUIRE(got[8].cursor_describe != nullptr);
    CHECK(got[8].cursor_describe->columns.size() == 4);
    CHECK(got[8].cursor_id == 9);
    CHECK(got[9].object.toid.size() == 16);
    CHECK(got[10].is_null());
    CHECK(got[11].is_null());

    // A bit vector leaves columns out: they are `repeated` and not on the wire.
    bit_vector bv =
        make_bit_vector({true, false, true, true, true, true, true, true, true, true, true, false});
    CHECK(bv.num_columns_sent == 10);
    CHECK(to_hex(bv.bits) == "fd07");
    CHECK(std::get<bit_vector>(round_trip(bv, ctx)).bits == bv.bits);
    reply_context next = ctx;
    next.bit_vector    = bv.bits;
    auto partial       = std::get<row_data>(round_trip(row, next)).columns;
    CHECK(partial[1].state == value_state::repeated);
    CHECK(partial[11].state == value_state::repeated);
    CHECK(partial[0].state == value_state::present);
    CHECK(encoded(row, next).size() < encoded(row, ctx).size() - 1000);
}

TEST_CASE("reply: out binds, arrays and RETURNING") {
    const caps c                         = caps_for(field_version::v19_1);
    const std::vector<value_shape> binds = {{ora_type_num::number, 0, 22, false},
                                            {ora_type_num::varchar, 1, 100, true},
                                            {ora_type_num::cursor, 0, 1, false}};
    reply_context ctx;
    ctx.c         = &c;
    ctx.in_fetch  = false;
    ctx.out_binds = binds;
    row_data row;
    row.columns.resize(3);
    row.columns[0]                 = present({0xc1, 0x2b});
    row.columns[0].actual_length   = 0;
    row.columns[1].has_elements    = true;
    row.columns[1].state           = value_state::present;
    row.columns[1].elements        = {present(bytes_of("a")), column_value{}, present(bytes_of("ccc"))};
    row.columns[2].state           = value_state::present;
    row.columns[2].cursor_id       = 12;
    row.columns[2].cursor_describe = std::make_shared<describe_info>();
    auto got                       = std::get<row_data>(round_trip(row, ctx)).columns;
    REQUIRE(got[1].elements.size() == 3);
    CHECK(got[1].elements[1].is_null());
    CHECK(got[2].cursor_id == 12);

    // RETURNING: each bind is a count and that many values.
    reply_context ret                  = ctx;
    ret.returning                      = true;
    const std::vector<value_shape> one = {{ora_type_num::number, 0, 22, false}};
    ret.out_binds                      = one;
    row_data r2;
    column_value v;
    v.state        = value_state::present;
    v.has_elements = true;
    v.elements     = {present({0xc1, 2}), present({0xc1, 3})};
    r2.columns     = {v};
    auto g2        = std::get<row_data>(round_trip(r2, ret)).columns;
    REQUIRE(g2[0].elements.size() == 2);
    CHECK(to_hex(g2[0].elements[1].data) == "c103");

    // Row data without any column information is an error, not a guess.
    reply_context none;
    none.c = &c;
    writer w;
    w.u8(7);
    w.u8(0);
    reader r(w.data());
    reply_item item;
    CHECK(decode_reply_item(r, none, item).ec == client_errc::ttc_row_without_describe);
}

TEST_CASE("reply: I/O vector, return parameters, server piggybacks") {
    const caps c = caps_for(field_version::v23_4);
    reply_context ctx;
    ctx.c = &c;
    io_vector io;
    io.bind_directions.assign(300, bind_dir_input);  // more than 255: num_iters * 256 + num_requests
    io.bind_directions[299] = bind_dir_output;
    io.rowid                = {1, 2};
    auto gio                = std::get<io_vector>(round_trip(io, ctx));
    CHECK(gio.bind_directions.size() == 300);
    CHECK(gio.bind_directions[299] == bind_dir_output);

    parameters p;
    p.al8o4        = {0x22b1f5, 0, 7, 0, 0, 0};
    p.pairs        = {{"HR", {}, keyword_current_schema}, {"", {1, 2, 3, 1, 1}, keyword_transaction_id}};
    p.registration = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2};  // query id: LSB then MSB, big-endian
    auto gp        = std::get<parameters>(round_trip(p, ctx));
    CHECK(gp.al8o4[0] == 0x22b1f5);
    CHECK(gp.pairs[0].text == "HR");
    CHECK(gp.pairs[1].binary.size() == 5);
    CHECK(gp.query_id() == ((std::uint64_t{2} << 32) | 1u));
    // As fetch_df_session op 17 sends it: the server's 3-byte UB4 form.
    parameters plain;
    plain.al8o4 = p.al8o4;
    CHECK(to_hex(encoded(plain, ctx)) ==
          "080106"
          "0322b1f5"
          "00"
          "0107"
          "000000"
          "000000");
    reply_context counts = ctx;
    counts.dml_rowcounts = true;
    parameters pc;
    pc.dml_rowcounts = {1, 0, 5000000000ull};
    CHECK(std::get<parameters>(round_trip(pc, counts)).dml_rowcounts == pc.dml_rowcounts);

    namespace op = piggyback_opcode;
    for (std::uint8_t code :
         {op::query_cache_invalidation, op::os_pid_mts, op::trace_event, op::session_return, op::sync,
          op::ltxid, op::ac_replay_context, op::ext_sync, op::session_signature}) {
        INFO("opcode " << int(code));
        server_piggyback m;
        m.opcode         = code;
        m.ltxid          = code == op::ltxid ? std::vector<std::uint8_t>(30, 7) : std::vector<std::uint8_t>{};
        m.os_pid         = code == op::os_pid_mts ? bytes_of("1234") : std::vector<std::uint8_t>{};
        m.os_pid_length  = static_cast<std::uint16_t>(m.os_pid.size());
        m.pairs          = (code == op::sync || code == op::session_return)
                               ? std::vector<key_value_pair>{{"HR", {}, keyword_current_schema}}
                               : std::vector<key_value_pair>{};
        m.session_id     = code == op::session_return ? 321 : 0;
        m.serial_num     = code == op::session_return ? 9 : 0;
        m.replay_context = code == op::ac_replay_context ? bytes_of("ctx") : std::vector<std::uint8_t>{};
        m.server_signature = code == op::session_signature ? 0x0102030405060708ull : 0;
        m.num_dtys = (code == op::query_cache_invalidation || code == op::trace_event || code == op::ltxid ||
                      code == op::os_pid_mts)
                         ? 0
                         : 1;
        auto got   = std::get<server_piggyback>(round_trip(m, ctx));
        CHECK(got.opcode == code);
        CHECK(got.ltxid == m.ltxid);
        CHECK(got.session_id == m.session_id);
        CHECK(got.server_signature == m.server_signature);
    }
    writer w;
    w.u8(23);
    w.u8(99);
    reader r(w.data());
    reply_item item;
    CHECK(decode_reply_item(r, ctx, item).ec == client_errc::ttc_unsupported_piggyback);
    writer u;
    u.u8(99);
    reader ru(u.data());
    CHECK(decode_reply_item(ru, ctx, item).ec == client_errc::ttc_unknown_message);
}

TEST_CASE("reply: the tracker fills repeated columns from the previous row") {
    const caps c = caps_for(field_version::v23_4);
    describe_info d;
    column_info ci;
    ci.ora_type    = ora_type_num::varchar;
    ci.buffer_size = 10;
    d.columns      = {ci, ci, ci};
    reply_context enc;
    enc.c        = &c;
    enc.describe = &d;
    row_data r1;
    r1.columns = {present(bytes_of("a")), present(bytes_of("b")), present(bytes_of("c"))};
    row_data r2;
    r2.columns          = {present(bytes_of("x")), column_value{}, present(bytes_of("z"))};
    r2.columns[1].state = value_state::repeated;
    const bit_vector bv = make_bit_vector({true, false, true});
    writer w;
    encode(w, describe_info{d}, c);
    encode(w, r1, enc);
    encode(w, bv, enc);
    reply_context enc2 = enc;
    enc2.bit_vector    = bv.bits;
    encode(w, r2, enc2);
    encode(w, r1, enc);  // the bit vector applied to one row only

    reply_tracker t(c);
    reader r(w.data());
    std::vector<row_data> rows;
    while (r.remaining() > 0) {
        reply_item item;
        REQUIRE(decode_reply_item(r, t.context(), item).ok());
        t.apply(item);
        if (auto* row = std::get_if<row_data>(&item)) rows.push_back(*row);
    }
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].columns[1].state == value_state::present);
    CHECK(std::string(rows[1].columns[1].data.begin(), rows[1].columns[1].data.end()) == "b");
    CHECK(std::string(rows[1].columns[2].data.begin(), rows[1].columns[2].data.end()) == "z");
    CHECK(std::string(rows[2].columns[1].data.begin(), rows[2].columns[1].data.end()) == "b");
}

TEST_CASE("reply: a stream split at random points decodes the same (retry at the item boundary)") {
    const caps c    = caps_for(field_version::v23_4);
    describe_info d = sample_describe();
    reply_context ctx;
    ctx.c        = &c;
    ctx.describe = &d;
    writer w;
    encode(w, d, c);
    row_data row;
    row.columns = {present({0xc1, 2}), present({0x80}), present(std::vector<std::uint8_t>(700, 'n')),
                   present(std::vector<std::uint8_t>(11, 1))};
    for (int i = 0; i < 5; ++i)
        encode(w, row, ctx);
    error_info e;
    e.error_number = 1403;
    e.message      = "ORA-01403: no data found\n";
    encode(w, e, c);
    encode(w, end_of_response{}, c);
    const auto stream = w.take();

    std::mt19937 rng(42);
    for (int round = 0; round < 50; ++round) {
        // Packets of random sizes arrive; the consumer keeps the bytes after
        // its last committed item and retries on truncated.
        std::vector<std::uint8_t> buffer;
        std::size_t fed = 0;
        std::vector<std::size_t> kinds;
        reply_tracker t(c);
        while (fed < stream.size() || !buffer.empty()) {
            const std::size_t n = std::min<std::size_t>(stream.size() - fed, 1 + rng() % 97);
            buffer.insert(buffer.end(), stream.begin() + static_cast<std::ptrdiff_t>(fed),
                          stream.begin() + static_cast<std::ptrdiff_t>(fed + n));
            fed += n;
            reader r(buffer);
            for (;;) {
                if (r.remaining() == 0) break;
                reply_item item;
                const decode_status st = decode_reply_item(r, t.context(), item);
                if (st.truncated()) break;
                REQUIRE(st.ok());
                t.apply(item);
                kinds.push_back(item.index());
            }
            buffer.erase(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(r.offset()));
            if (fed == stream.size() && !buffer.empty()) FAIL("bytes left that never decoded");
        }
        REQUIRE(kinds.size() == 8);
        CHECK(std::holds_alternative<end_of_response>(reply_item{std::in_place_index<10>}));
        CHECK(kinds.back() == 10);
    }
}

TEST_CASE("reply: values that only look present re-encode consistently (fuzz findings)") {
    // Found by fuzz_ttc_reply: an object column with a non-zero image length
    // but a NULL image is NULL; its encoding must decode to the same bytes.
    const caps c                         = caps_for(field_version::v23_1, false, false);
    const std::vector<value_shape> binds = {{ora_type_num::object, 1, 100, false}};
    reply_context ctx;
    ctx.c         = &c;
    ctx.in_fetch  = false;
    ctx.out_binds = binds;
    writer w;
    w.u8(7);
    w.u8(0);   // toid
    w.u8(0);   // oid
    w.u8(0);   // snapshot
    w.u8(0);   // version
    w.ub4(5);  // image length: non-zero
    w.u8(0);   // flags
    w.u8(0);   // the image: NULL
    w.u8(0);   // actual length
    reader r(w.data());
    reply_item item;
    REQUIRE(decode_reply_item(r, ctx, item).ok());
    const auto& v = std::get<row_data>(item).columns.at(0);
    CHECK(v.is_null());
    const auto once = encoded(item, ctx);
    reader again(once);
    reply_item copy;
    REQUIRE(decode_reply_item(again, ctx, copy).ok());
    CHECK(again.remaining() == 0);
    CHECK(to_hex(encoded(copy, ctx)) == to_hex(once));
}

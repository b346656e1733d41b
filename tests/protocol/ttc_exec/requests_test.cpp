// The client's calls after login, both roles: the client encodes them as
// python-oracledb's messages (thin/messages/{execute,fetch,commit,...}.pyx)
// lay them out, the server (emulator) decodes them back. Round trips, the
// field-version and CONV_LENGTH branches, and truncation at every prefix.
#include "hex.hpp"

#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/ttc/fetch.hpp>
#include <oranet/proto/ttc/simple_calls.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace oranet;
using namespace oranet::proto;
using namespace oranet::proto::ttc;
using oranet::test::to_hex;

namespace {

caps caps_for(std::uint8_t field_version, bool conv_length = true) {
    caps c;
    c.ttc_field_version = field_version;
    c.encoding_flags    = conv_length ? (encoding_multi_byte | encoding_conv_length) : encoding_multi_byte;
    c.max_string_size   = 4000;
    return c;
}

std::vector<std::uint8_t> bytes_of(std::string_view s) { return {s.begin(), s.end()}; }

column_value present(std::vector<std::uint8_t> b) {
    column_value v;
    v.state = value_state::present;
    v.data  = std::move(b);
    return v;
}

// Every strict prefix of a whole request fails as truncated (more bytes
// could complete it), except the positions `allowed_ok` (where a shorter
// message is itself valid).
template <class Decode>
void check_prefixes(const std::vector<std::uint8_t>& whole, Decode decode_fn,
                    std::vector<std::size_t> allowed_ok = {}) {
    for (std::size_t n = 0; n < whole.size(); ++n) {
        reader r(bytes_view{whole}.first(n));
        const std::error_code ec = decode_fn(r);
        if (std::find(allowed_ok.begin(), allowed_ok.end(), n) != allowed_ok.end()) continue;
        INFO("prefix of " << n << " of " << whole.size() << " bytes: " << ec.message());
        CHECK(ec == client_errc::truncated);
    }
}

}  // namespace

TEST_CASE("requests: commit, rollback, ping and logoff are a function header") {
    // python-oracledb: message type 3, function code, sequence number, and
    // from field version 23.1 ext 1 a UB8 token.
    const caps old_caps = caps_for(field_version::v19_1);
    const caps new_caps = caps_for(field_version::v23_4);
    {
        writer w;
        encode(w, commit_request{5, 0}, old_caps);
        CHECK(to_hex(w.data()) == "030e05");
        reader r(w.data());
        commit_request m;
        REQUIRE(!decode(r, m, old_caps));
        CHECK(m.seq == 5);
        check_prefixes(w.buffer(), [&](reader& r2) {
            commit_request x;
            return decode(r2, x, old_caps);
        });
    }
    {
        writer w;
        encode(w, rollback_request{6, 0}, new_caps);
        CHECK(to_hex(w.data()) == "030f0600");  // token 0
        reader r(w.data());
        rollback_request m;
        REQUIRE(!decode(r, m, new_caps));
        CHECK(m.seq == 6);
    }
    {
        writer w;
        encode(w, ping_request{7, 0x1234}, new_caps);
        CHECK(to_hex(w.data()) == "039307021234");
        reader r(w.data());
        ping_request m;
        REQUIRE(!decode(r, m, new_caps));
        CHECK(m.token == 0x1234);
        // A ping is not a logoff.
        reader r2(w.data());
        logoff_request lo;
        CHECK(decode(r2, lo, new_caps) == client_errc::ttc_unexpected_message);
    }
    {
        writer w;
        encode(w, logoff_request{8, 0}, old_caps);
        CHECK(to_hex(w.data()) == "030908");
        w.u8(0);  // a byte too many
        reader r(w.data());
        logoff_request m;
        CHECK(decode(r, m, old_caps) == client_errc::trailing_bytes);
    }
}

TEST_CASE("requests: fetch carries the cursor id and the row count") {
    // As in fetch_df_session op 22: 03 05 0c 00 01 0b 01 64 (cursor 11, 100 rows).
    const caps c = caps_for(field_version::v23_4);
    writer w;
    encode(w, fetch_request{12, 0, 11, 100}, c);
    CHECK(to_hex(w.data()) == "03050c00010b0164");
    reader r(w.data());
    fetch_request m;
    REQUIRE(!decode(r, m, c));
    CHECK(m.cursor_id == 11);
    CHECK(m.rows == 100);
    check_prefixes(w.buffer(), [&](reader& r2) {
        fetch_request x;
        return decode(r2, x, c);
    });
}

TEST_CASE("requests: a close-cursors piggyback before a call") {
    const caps c = caps_for(field_version::v23_4);
    writer w;
    encode(w, close_cursors_piggyback{3, 0, {7, 300}}, c);
    encode(w, fetch_request{4, 0, 9, 50}, c);
    // piggyback 17, function 105, seq, token, pointer, count, ids
    CHECK(to_hex(w.data()).substr(0, 24) == "11690300010102010702012c");
    reader r(w.data());
    call_prefix p;
    REQUIRE(!decode_call_prefix(r, p, c));
    REQUIRE(p.close_cursors.size() == 1);
    CHECK(p.close_cursors[0].cursor_ids == std::vector<std::uint32_t>{7, 300});
    CHECK(p.header.code == function_code::fetch);
    CHECK(p.header.seq == 4);
    fetch_request f;
    REQUIRE(!decode_body(r, f, c));
    CHECK(f.cursor_id == 9);
    CHECK(!r.finish());
}

TEST_CASE("requests: other piggybacks are reported, not skipped blindly") {
    const caps c = caps_for(field_version::v19_1);
    writer w;
    w.u8(17);   // piggyback
    w.u8(135);  // set end-to-end attributes
    w.u8(1);
    reader r(w.data());
    call_prefix p;
    CHECK(decode_call_prefix(r, p, c) == client_errc::ttc_unsupported_piggyback);
}

namespace {

execute_request dml_with_binds() {
    execute_request m;
    m.seq     = 3;
    m.options = exec_option::parse | exec_option::bind | exec_option::execute | exec_option::not_plsql;
    m.sql     = bytes_of("insert into t values (:1, :2, :3)");
    m.al8i4[al8i4::parse]           = 1;
    m.al8i4[al8i4::execution_count] = 2;
    m.al8i4[al8i4::exec_flags]      = exec_flag::implicit_resultset;
    bind_metadata num;
    num.ora_type    = ora_type_num::number;
    num.buffer_size = 22;
    bind_metadata text;  // longer than max_string_size: sent after the others
    text.ora_type    = ora_type_num::varchar;
    text.buffer_size = 40000;
    text.cs_form     = 1;
    text.charset_id  = 873;
    bind_metadata flag;
    flag.ora_type    = ora_type_num::boolean;
    flag.buffer_size = 4;
    m.binds          = {num, text, flag};
    column_value null_flag;  // a NULL BOOLEAN travels as fd 01
    m.bind_rows.push_back({present({0xc1, 0x02}), present(std::vector<std::uint8_t>(300, 'x')), null_flag});
    m.bind_rows.push_back({column_value{}, present(bytes_of("short")), present({0x01, 0x01})});
    return m;
}

}  // namespace

TEST_CASE("requests: execute with binds round-trips, long binds last") {
    for (std::uint8_t fv :
         {field_version::v12_1, field_version::v12_2, field_version::v19_1, field_version::v23_4}) {
        INFO("field version " << int(fv));
        const caps c               = caps_for(fv);
        const execute_request sent = dml_with_binds();
        writer w;
        encode(w, sent, c);
        REQUIRE(w.ok());

        reader r(w.data());
        execute_request got;
        REQUIRE(!decode(r, got, c));
        CHECK(got.seq == 3);
        CHECK(got.options == sent.options);
        CHECK(got.sql == sent.sql);
        REQUIRE(got.binds.size() == 3);
        CHECK(got.binds[1].buffer_size == 40000);
        CHECK(got.binds[1].charset_id == 873);
        REQUIRE(got.bind_rows.size() == 2);
        CHECK(to_hex(got.bind_rows[0][0].data) == "c102");
        CHECK(got.bind_rows[0][1].data.size() == 300);  // chunked long form
        CHECK(got.bind_rows[0][2].is_null());
        CHECK(got.bind_rows[1][0].is_null());
        CHECK(std::string(got.bind_rows[1][1].data.begin(), got.bind_rows[1][1].data.end()) == "short");
        CHECK(to_hex(got.bind_rows[1][2].data) == "0101");

        // Wire order of the second row: the NUMBER (NULL: 00), the BOOLEAN,
        // then the long VARCHAR.
        const std::string hex = to_hex(w.data());
        CHECK(hex.substr(hex.size() - 22) ==
              "070002010105"
              "73686f7274");

        writer again;
        encode(again, got, c);
        CHECK(to_hex(again.data()) == hex);

        // Strict prefixes are truncated; the one before the first row byte
        // reads as an execute whose binds send no rows (all RETURNING).
        const std::size_t first_row = hex.find(
                                          "07"
                                          "02c102") /
                                      2;
        check_prefixes(w.buffer(),
                       [&](reader& r2) {
                           execute_request x;
                           return decode(r2, x, c);
                       },
                       {first_row});
    }
}

TEST_CASE("requests: the SQL text is raw bytes without CONV_LENGTH (PEER-NOTES 1)") {
    const caps raw = caps_for(field_version::v12_2, false);
    const caps len = caps_for(field_version::v12_2, true);
    execute_request m;
    m.options                = exec_option::parse | exec_option::execute | exec_option::fetch;
    m.sql                    = bytes_of("select 1 from dual");
    m.prefetch_rows          = 2;
    m.al8i4[al8i4::is_query] = 1;
    writer w_raw, w_len;
    encode(w_raw, m, raw);
    encode(w_len, m, len);
    CHECK(w_len.size() == w_raw.size() + 1);  // the one-byte length
    CHECK(to_hex(w_raw.data()).find("12" + to_hex(m.sql)) == std::string::npos);
    CHECK(to_hex(w_len.data()).find("12" + to_hex(m.sql)) != std::string::npos);
    for (auto* pair : {&raw, &len}) {
        const auto& bytes = pair == &raw ? w_raw : w_len;
        reader r(bytes.data());
        execute_request got;
        REQUIRE(!decode(r, got, *pair));
        CHECK(got.sql == m.sql);
        CHECK(got.prefetch_rows == 2);
    }
}

TEST_CASE("requests: execute with defines (re-define of LOB columns)") {
    const caps c = caps_for(field_version::v23_4);
    execute_request m;
    m.options   = exec_option::define | exec_option::fetch | exec_option::not_plsql;
    m.cursor_id = 17;
    m.has_sql   = false;
    bind_metadata d;
    d.ora_type   = ora_type_num::clob;
    d.cont_flags = lob_prefetch_flag;
    d.cs_form    = 1;
    d.charset_id = 873;
    m.defines    = {d, d};
    writer w;
    encode(w, m, c);
    reader r(w.data());
    execute_request got;
    REQUIRE(!decode(r, got, c));
    CHECK(got.cursor_id == 17);
    CHECK(!got.has_sql);
    REQUIRE(got.defines.size() == 2);
    CHECK(got.defines[1].cont_flags == lob_prefetch_flag);
    CHECK(got.num_defines == 2);
}

TEST_CASE("requests: re-execute with binds, and with fetch") {
    const caps c                           = caps_for(field_version::v19_1);
    const execute_request first            = dml_with_binds();
    const std::vector<bind_metadata> binds = first.binds;
    reexecute_request m;
    m.seq       = 9;
    m.cursor_id = 21;
    m.num_iters = 1;
    m.options2  = exec_option::commit_reexecute;
    m.bind_rows = {first.bind_rows[1]};
    writer w;
    encode(w, m, binds, false, c);
    CHECK(to_hex(w.data()).substr(0, 16) == "0304090115010100");
    reader r(w.data());
    reexecute_request got;
    REQUIRE(!decode(r, got, binds, false, c));
    CHECK(!got.with_fetch);
    CHECK(got.cursor_id == 21);
    CHECK(got.options2 == exec_option::commit_reexecute);
    REQUIRE(got.bind_rows.size() == 1);
    CHECK(to_hex(got.bind_rows[0][2].data) == "0101");

    reexecute_request q;
    q.with_fetch = true;
    q.cursor_id  = 5;
    q.num_iters  = 100;
    q.options1   = exec_option::execute;
    writer wq;
    encode(wq, q, {}, false, c);
    CHECK(to_hex(wq.data()) == "034e0001050164012000");
    reader rq(wq.data());
    reexecute_request gq;
    REQUIRE(!decode(rq, gq, {}, false, c));
    CHECK(gq.with_fetch);
    CHECK(gq.num_iters == 100);
}

TEST_CASE("requests: a LOB bind without a locator is sent as NULL (fuzz finding)") {
    // Found by fuzz_ttc_execute_request: a present CLOB bind with an empty
    // locator used to encode as two bytes that decode as a one-byte NULL.
    const caps c = caps_for(field_version::v19_1);
    bind_metadata lob;
    lob.ora_type                           = ora_type_num::clob;
    const std::vector<bind_metadata> binds = {lob};
    reexecute_request m;
    m.cursor_id = 3;
    m.num_iters = 1;
    column_value v;
    v.state     = value_state::present;
    m.bind_rows = {{v}};
    writer w;
    encode(w, m, binds, false, c);
    CHECK(to_hex(w.data()) ==
          "030400010301010000"
          "0700");
    reader r(w.data());
    reexecute_request got;
    REQUIRE(!decode(r, got, binds, false, c));
    REQUIRE(got.bind_rows.size() == 1);
    CHECK(got.bind_rows[0][0].is_null());
}

TEST_CASE("requests: RETURNING binds have metadata but no value in the bind rows") {
    // python-oracledb (_write_bind_params_row) skips a return bind's value,
    // and writes no row at all when every bind is a return bind.
    const caps c = caps_for(field_version::v19_1);
    execute_request m;
    m.seq     = 2;
    m.options = exec_option::parse | exec_option::execute | exec_option::bind | exec_option::not_plsql;
    m.sql     = bytes_of("insert into t values (:1) returning id into :2");
    m.al8i4[al8i4::execution_count] = 2;
    bind_metadata in;
    in.ora_type        = 2;
    in.buffer_size     = 22;
    bind_metadata ret  = in;
    ret.is_return_bind = true;
    m.binds            = {in, ret};
    m.bind_rows        = {{present({0xc1, 0x02}), column_value{}}, {present({0xc1, 0x03}), column_value{}}};
    writer w;
    encode(w, m, c);
    REQUIRE(w.ok());
    const std::string hex = to_hex(w.data());
    // Two rows of one value each: 07 02c102, 07 02c103 (nothing for :2).
    CHECK(hex.substr(hex.size() - 16) == "0702c1020702c103");

    // The server learns which binds are RETURNING binds from the SQL text:
    // the marker runs between the metadata and the rows.
    reader r(w.data());
    execute_request got;
    REQUIRE(!decode(r, got, c, [](execute_request& x) {
        REQUIRE(x.binds.size() == 2);
        x.binds[1].is_return_bind = true;
    }));
    REQUIRE(got.bind_rows.size() == 2);
    CHECK(to_hex(got.bind_rows[0][0].data) == "c102");
    CHECK(got.bind_rows[0][1].is_null());
    CHECK(to_hex(got.bind_rows[1][0].data) == "c103");
    // Without the mark the second row's bytes are misread as the first row's
    // second value: the request does not decode.
    reader bad(w.data());
    execute_request unmarked;
    CHECK(decode(bad, unmarked, c));

    execute_request only_ret = m;
    only_ret.binds           = {ret};
    only_ret.bind_rows       = {{column_value{}}};
    writer w2;
    encode(w2, only_ret, c);
    const std::string hex2 = to_hex(w2.data());
    CHECK(hex2.find("07", hex2.size() - 4) == std::string::npos);
    reader r2(w2.data());
    execute_request got2;
    REQUIRE(!decode(r2, got2, c));
    CHECK(got2.bind_rows.empty());
}

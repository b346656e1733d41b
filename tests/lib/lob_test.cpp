// LOBs against `oranet emulate`: CLOB, NCLOB and BLOB columns fetched as
// locators and read in chunks at offsets, fetched inline, inserted from
// 2 MiB strings and bytes (LONG / LONG RAW binds) and from temporary LOBs;
// temporary LOBs written, appended, trimmed and sized; CLOB offsets count
// characters as UTF-16 code units (a surrogate pair counts two); writes
// through the locator of an unlocked row give ORA-22920.
#include "emulator_process.hpp"

#include <oranet/lob.hpp>
#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>

using namespace oranet;

namespace {

std::string big_text(std::size_t n) {
    std::string s;
    s.reserve(n);
    for (std::size_t i = 0; s.size() < n; ++i)
        s += static_cast<char>('a' + i % 26);
    return s;
}

std::vector<std::uint8_t> big_bytes(std::size_t n) {
    std::vector<std::uint8_t> b(n);
    for (std::size_t i = 0; i < n; ++i)
        b[i] = static_cast<std::uint8_t>((i * 7 + i / 251) & 0xff);
    return b;
}

// Multi-megabyte requests: the emulator reassembles a request by parsing
// it again at each DATA packet, slow in a Debug build on a loaded machine.
connect_params slow_params(const test::emulator_process& emu) {
    auto p                 = emu.params();
    p.options.call_timeout = std::chrono::seconds(180);
    return p;
}

int ora_code(const error& e) { return e.code().category() == ora_category() ? e.code().value() : 0; }

}  // namespace

TEST_CASE("lob: CLOB and BLOB of 3 MiB inserted by value, fetched as locators, read in chunks") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(slow_params(emu));
    cursor cur      = conn.cursor();
    cur.execute("create table lob_big (id number, c clob, b blob)");
    const std::string text = big_text(3u << 20);
    const auto bytes       = big_bytes(3u << 20);
    cur.execute("insert into lob_big values (1, :1, null)", {value{text}});
    cur.execute("update lob_big set b = :1 where id = 1", {value{raw_bytes{bytes}}});
    conn.commit();

    cur.execute("select c, b from lob_big where id = 1");
    REQUIRE(cur.columns().size() == 2);
    CHECK(cur.columns()[0].type_name == "CLOB");
    CHECK(cur.columns()[1].type_name == "BLOB");
    auto row = cur.fetch_one();
    REQUIRE(row);
    REQUIRE(std::holds_alternative<lob_locator>((*row)[0]));
    REQUIRE(std::holds_alternative<lob_locator>((*row)[1]));
    lob c(conn, std::get<lob_locator>((*row)[0]));
    lob b(conn, std::get<lob_locator>((*row)[1]));
    CHECK(c.locator().size == text.size());  // the row carried the size
    CHECK(c.type() == lob_type::clob);
    CHECK(b.type() == lob_type::blob);
    CHECK_FALSE(c.is_temporary());
    CHECK(c.size() == text.size());
    CHECK(b.size() == bytes.size());
    CHECK(c.chunk_size() > 0);

    CHECK(c.read_text(1, 10) == text.substr(0, 10));
    CHECK(c.read_text(1000001, 26) == text.substr(1000000, 26));
    CHECK(c.read_text(text.size() - 4, 100) == text.substr(text.size() - 5));  // fewer at the end
    CHECK(c.read_text(text.size() + 10, 5).empty());                           // none past it
    CHECK(b.read_bytes(2, 3) == std::vector<std::uint8_t>(bytes.begin() + 1, bytes.begin() + 4));

    // Read the whole in chunks of 64 KiB.
    std::vector<std::uint8_t> got;
    for (std::uint64_t off = 1; off <= bytes.size(); off += 65536) {
        auto part = b.read_bytes(off, 65536);
        got.insert(got.end(), part.begin(), part.end());
    }
    CHECK(bool(got == bytes));
    CHECK(bool(c.read_all_text() == text));
    CHECK(bool(b.read_all_bytes() == bytes));
    CHECK_FALSE(cur.fetch_one());

    // The persistent LOB of an unlocked row is not writable: ORA-22920.
    try {
        c.write(1, "x");
        FAIL("write through an unlocked row's locator succeeded");
    } catch (const error& e) {
        CHECK(ora_code(e) == 22920);
    }
    CHECK_THROWS_AS(c.read_bytes(1, 1), error);  // a CLOB has no bytes
    CHECK_THROWS_AS(c.read_text(0, 1), error);   // offsets start at 1
}

TEST_CASE("lob: temporary CLOB, NCLOB, BLOB written, appended, trimmed, sized, bound") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(slow_params(emu));
    cursor cur      = conn.cursor();
    cur.execute("create table lob_tmp (id number, c clob, n nclob, b blob)");

    lob c = lob::create_temporary(conn, lob_type::clob);
    lob n = lob::create_temporary(conn, lob_type::nclob);
    lob b = lob::create_temporary(conn, lob_type::blob);
    CHECK(c.is_temporary());
    CHECK(n.type() == lob_type::nclob);
    CHECK(c.size() == 0);  // 0 bytes
    CHECK(n.size() == 0);
    CHECK(b.size() == 0);
    CHECK(c.read_text(1, 10).empty());
    CHECK(b.read_all_bytes().empty());

    // Multibyte text: é (2 bytes UTF-8, 1 char), € (3 bytes, 1 char),
    // 😀 (4 bytes, a surrogate pair: 2 chars).
    const std::string t = "h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80!";
    c.write(1, t);
    n.write(1, t);
    CHECK(c.size() == 11);  // h é l l o ␠ € ␠ 😀(2) !
    CHECK(n.size() == 11);
    CHECK(c.read_text(2, 1) == "\xC3\xA9");
    CHECK(c.read_text(7, 1) == "\xE2\x82\xAC");
    CHECK(n.read_text(9, 2) == "\xF0\x9F\x98\x80");
    CHECK(n.read_text(9, 3) == "\xF0\x9F\x98\x80!");
    CHECK(c.read_all_text() == t);

    c.append(" more");
    CHECK(c.size() == 16);
    CHECK(c.read_all_text() == t + " more");
    c.trim(6);
    CHECK(c.read_all_text() == "h\xC3\xA9llo ");
    try {
        c.trim(100);
        FAIL("trim past the end succeeded");
    } catch (const error& e) {
        CHECK(ora_code(e) == 22926);
    }
    c.write(1, "H");
    CHECK(c.read_all_text() == "H\xC3\xA9llo ");

    const auto bytes = big_bytes(200000);
    b.write(1, std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + 100000));
    b.append(std::vector<std::uint8_t>(bytes.begin() + 100000, bytes.end()));
    CHECK(b.size() == bytes.size());
    CHECK(bool(b.read_all_bytes() == bytes));
    b.trim(10);
    CHECK(b.read_all_bytes() == std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + 10));
    CHECK_THROWS_AS(b.write(1, std::string_view("text")), error);

    // Bound as values: the rows get the content.
    cur.execute("insert into lob_tmp values (1, :1, :2, :3)", {c, n, b});
    cur.execute("select c, n, b from lob_tmp where id = 1");
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(cur.columns()[1].type_name == "NCLOB");
    lob c2(conn, std::get<lob_locator>((*row)[0]));
    lob n2(conn, std::get<lob_locator>((*row)[1]));
    lob b2(conn, std::get<lob_locator>((*row)[2]));
    CHECK(c2.read_all_text() == "H\xC3\xA9llo ");
    CHECK(n2.type() == lob_type::nclob);
    CHECK(n2.read_all_text() == t);
    CHECK(b2.read_all_bytes() == std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + 10));

    c.free();
    n.free();
    b.free();
    CHECK_THROWS_AS(c.size(), error);
    conn.ping();  // the session is fine after the frees
}

TEST_CASE("lob: inline fetch and 2 MiB string and bytes inserts") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(slow_params(emu));
    cursor cur      = conn.cursor();
    cur.execute("create table lob_inl (id number, c clob, n nclob, b blob)");
    const std::string text  = big_text(2u << 20) + "\xE2\x82\xAC";
    const auto bytes        = big_bytes(2u << 20);
    const std::string ntext = "\xCE\xB1\xCE\xB2\xCE\xB3 \xF0\x9F\x98\x80";
    cur.execute("insert into lob_inl values (:1, :2, :3, :4)",
                {value{number::from_int64(1)}, value{text}, value{ntext}, value{raw_bytes{bytes}}});
    cur.execute("insert into lob_inl values (2, 'short', null, null)");

    cur.set_fetch_lobs_inline(true);
    CHECK(cur.fetch_lobs_inline());
    cur.execute("select id, c, n, b from lob_inl order by id");
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<int>(0) == 1);
    CHECK(bool(row->get<std::string>(1) == text));
    CHECK(row->get<std::string>(2) == ntext);
    REQUIRE(std::holds_alternative<raw_bytes>((*row)[3]));
    CHECK(bool(std::get<raw_bytes>((*row)[3]).data == bytes));
    row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<std::string>(1) == "short");
    CHECK(row->is_null(2));
    CHECK(row->is_null(3));
    CHECK_FALSE(cur.fetch_one());

    // The same through locators, with NULL LOBs as NULL.
    cursor lc = conn.cursor();
    lc.execute("select c, n, b from lob_inl order by id");
    row = lc.fetch_one();
    REQUIRE(row);
    CHECK(bool(lob(conn, std::get<lob_locator>((*row)[0])).read_all_text() == text));
    CHECK(lob(conn, std::get<lob_locator>((*row)[1])).read_all_text() == ntext);
    CHECK(bool(lob(conn, std::get<lob_locator>((*row)[2])).read_all_bytes() == bytes));
    row = lc.fetch_one();
    REQUIRE(row);
    CHECK(lob(conn, std::get<lob_locator>((*row)[0])).size() == 5);
    CHECK(row->is_null(1));
    CHECK(row->is_null(2));
}

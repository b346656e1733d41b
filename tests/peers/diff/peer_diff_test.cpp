// Differential test (issue 6): for connect, a simple query, a fetch of more
// rows than the prefetch, DDL, inserts with binds by position (number,
// string, NULL) and by name, commit and logoff, the bytes oranet sends decode to the
// same TNS packets and TTC messages, field by field, as the bytes
// node-oracledb 26 (thin) sends for the same calls. Each client runs against
// a fresh `oranet emulate` through a recording proxy; both recordings are
// decoded with oranet's own protocol/ decoders (server role, wire_messages)
// and compared. Only the fields of the mask table (diff_compare.cpp) may
// differ.
//
// tests/peers/CMakeLists.txt compiles in the paths of the oranet binary
// (ORANET_DIFF_CLI), node (ORANET_DIFF_NODE, empty without node-oracledb)
// and the node workload script.
#include "diff_compare.hpp"
#include "recorder.hpp"
#include "wire_messages.hpp"

#include <oranet/connection.hpp>
#include <oranet/cursor.hpp>
#include <oranet/lob.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace oranet::test::diff;

namespace {

// The same calls as node_workload.js, in the same order.
void run_oranet_workload(std::uint16_t port) {
    oranet::connect_params p;
    p.user                  = "demo";
    p.password              = "demo";
    p.connect_string        = "127.0.0.1:" + std::to_string(port) + "/FREEPDB1";
    oranet::connection conn = oranet::connect(p);
    {
        oranet::cursor cur = conn.cursor();
        cur.execute("select 1 from dual");
        REQUIRE(cur.fetch_all().size() == 1);
    }
    {
        oranet::cursor cur = conn.cursor();
        cur.set_arraysize(10);
        cur.execute("select level from dual connect by level <= 50");
        REQUIRE(cur.fetch_all().size() == 50);
    }
    {
        oranet::cursor cur = conn.cursor();
        cur.execute("create table diff_t (id number, name varchar2(20), note varchar2(20))");
        cur.execute("insert into diff_t values (:1, :2, :3)",
                    std::vector<oranet::value>{oranet::number::from_int64(7), std::string("seven"),
                                               oranet::null_t{}});
        REQUIRE(cur.row_count() == 1);
        cur.execute("insert into diff_t (id, name) values (:id, :name)",
                    {{"id", oranet::number::from_int64(8)}, {"name", std::string("eight")}});
        REQUIRE(cur.row_count() == 1);
    }
    conn.commit();
    conn.close();
}

// Non-ASCII text in SQL, a bind and a column, against a WE8MSWIN1252
// database; as charsetWorkload() in node_workload.js.
void run_oranet_charset_workload(std::uint16_t port) {
    oranet::connect_params p;
    p.user                  = "demo";
    p.password              = "demo";
    p.connect_string        = "127.0.0.1:" + std::to_string(port) + "/FREEPDB1";
    oranet::connection conn = oranet::connect(p);
    {
        oranet::cursor cur = conn.cursor();
        cur.execute("select '\u00e9\u20ac' x from dual");
        const auto rows = cur.fetch_all();
        REQUIRE(rows.size() == 1);
        CHECK(oranet::value_as<std::string>(rows[0][0]) == "\u00e9\u20ac");
        // A character WE8MSWIN1252 cannot hold: no client error, the UTF-8
        // bytes go out (the server converts; a real one stores its
        // replacement character), as with node-oracledb.
        cur.execute("select '\u6f22' x from dual");
        CHECK(cur.fetch_all().size() == 1);
    }
    {
        oranet::cursor cur = conn.cursor();
        cur.execute("create table diff_c (a varchar2(10))");
        cur.execute("insert into diff_c values (:1)",
                    std::vector<oranet::value>{std::string("\u00f6\u20ac")});
        cur.execute("select a from diff_c");
        const auto rows = cur.fetch_all();
        REQUIRE(rows.size() == 1);
        CHECK(oranet::value_as<std::string>(rows[0][0]) == "\u00f6\u20ac");
    }
    conn.commit();
    conn.close();
}

// Issue 7's calls: array DML (with batch errors and row counts), a PL/SQL
// block with OUT binds, a LOB read, a REF CURSOR and its fetch; as featuresWorkload()
// in node_workload.js (node's defaults where oranet has a choice: a
// NUMBER out bind, a STRING of maxSize 100, fetchArraySize 100).
void run_oranet_features_workload(std::uint16_t port) {
    using oranet::number;
    using oranet::value;
    oranet::connect_params p;
    p.user                  = "demo";
    p.password              = "demo";
    p.connect_string        = "127.0.0.1:" + std::to_string(port) + "/FREEPDB1";
    oranet::connection conn = oranet::connect(p);
    {
        oranet::cursor cur = conn.cursor();
        cur.execute("create table diff_m (id number, name varchar2(20))");
        cur.execute_many("insert into diff_m values (:1, :2)",
                         {{number::from_int64(1), value{std::string("a")}},
                          {number::from_int64(2), value{std::string("b")}},
                          {number::from_int64(3), value{std::string("c")}}});
        REQUIRE(cur.row_count() == 3);
        cur.execute_many("update diff_m set name = :1 where id >= :2",
                         {{value{std::string("x")}, number::from_int64(1)},
                          {value{std::string("y")}, number::from_int64(3)}},
                         {.batch_errors = true, .dml_row_counts = true});
        CHECK(cur.dml_row_counts() == std::vector<std::uint64_t>{3, 1});
    }
    {
        oranet::cursor cur = conn.cursor();
        auto o             = oranet::variable::out(oranet::db_type::number);
        auto s             = oranet::variable::out(oranet::db_type::varchar, 100);
        cur.execute("begin :o := :i * 2; :s := upper(:t); end;",
                    {{"o", o}, {"i", number::from_int64(21)}, {"s", s}, {"t", std::string("abc")}});
        CHECK(oranet::value_as<std::int64_t>(o.get()) == 42);
        CHECK(oranet::value_as<std::string>(s.get()) == "ABC");
    }
    {
        // A LOB read: the CLOB fetched as a locator, then read whole at
        // offset 1 for its fetched length (node's Lob.getData()).
        oranet::cursor cur = conn.cursor();
        cur.execute("create table diff_l (id number, c clob)");
        cur.execute("insert into diff_l values (1, 'lob text \u00e9')");
        cur.execute("select c from diff_l");
        const auto rows = cur.fetch_all();
        REQUIRE(rows.size() == 1);
        const auto& loc = std::get<oranet::lob_locator>(rows[0][0]);
        oranet::lob l(conn, loc);
        CHECK(l.read_text(1, loc.size) == "lob text \u00e9");
    }
    {
        oranet::cursor cur = conn.cursor();
        auto rc            = oranet::variable::ref_cursor();
        cur.execute("begin open :rc for select level from dual connect by level <= 5; end;", {{"rc", rc}});
        oranet::cursor rows = rc.take_cursor();
        CHECK(rows.fetch_all().size() == 5);
    }
    conn.commit();
    conn.close();
}

std::vector<std::string> emulator_args(bool charset, const char* profile) {
    std::vector<std::string> a{"--profile", profile};
    if (charset) a.insert(a.end(), {"--charset", "WE8MSWIN1252"});
    return a;
}

std::vector<chunk> record_oranet(const std::string& workload, const char* profile) {
    const bool charset = workload == "charset";
    emulator emu(std::string(ORANET_DIFF_CLI), emulator_args(charset, profile), "oranet");
    recording_proxy proxy(emu.port());
    if (charset)
        run_oranet_charset_workload(proxy.port());
    else if (workload == "features")
        run_oranet_features_workload(proxy.port());
    else
        run_oranet_workload(proxy.port());
    return proxy.finish(std::chrono::seconds(20));
}

std::vector<chunk> record_node(const std::string& workload, const char* profile) {
    const bool charset = workload == "charset";
    emulator emu(std::string(ORANET_DIFF_CLI), emulator_args(charset, profile), "node");
    recording_proxy proxy(emu.port());
    const std::string log = "/tmp/oranet-peer-diff-node-" + std::to_string(::getpid()) + ".log";
    child_process node(
        {std::string(ORANET_DIFF_NODE), ORANET_DIFF_NODE_SCRIPT, std::to_string(proxy.port()), workload},
        log);
    REQUIRE(node.started());
    const int rc = node.wait(std::chrono::seconds(60));
    INFO("node workload output:\n" << node.log());
    REQUIRE(rc == 0);
    return proxy.finish(std::chrono::seconds(20));
}

// Records both clients, decodes, compares; returns the report. The decoded
// recordings go to /tmp/oranet-peer-diff-<tag>-{oranet,node}.txt.
diff_report run_diff(const std::string& workload, const char* profile = "19") {
    const decoded_recording ours   = decode_recording(record_oranet(workload, profile));
    const decoded_recording theirs = decode_recording(record_node(workload, profile));
    INFO("oranet decode: " << (ours.error.empty() ? "ok" : ours.error));
    INFO("node decode: " << (theirs.error.empty() ? "ok" : theirs.error));
    REQUIRE(ours.error.empty());
    REQUIRE(theirs.error.empty());
    for (const auto& [name, rec] : {std::pair{"oranet", &ours}, std::pair{"node", &theirs}}) {
        std::ofstream f("/tmp/oranet-peer-diff-" + workload + "-" + profile + "-" + name + ".txt");
        for (std::size_t i = 0; i < rec->messages.size(); ++i)
            f << "#" << i << " " << describe(rec->messages[i]) << "\n";
    }
    return compare(ours.messages, theirs.messages, masks());
}

}  // namespace

TEST_CASE("oranet and node-oracledb send the same TNS packets and TTC messages", "[node]") {
    if (std::string(ORANET_DIFF_NODE).empty()) {
        WARN("node-oracledb not installed (tests/peers/node/node_modules): skipped");
        return;
    }
    const diff_report report = run_diff("basic");
    INFO(report.text);
    // What the comparison covered: every step of the workload was seen.
    for (const char* kind : {"tns.CONNECT", "ttc.protocol", "ttc.data_types", "ttc.auth_phase_one",
                             "ttc.auth_phase_two", "ttc.execute", "ttc.fetch", "ttc.commit", "ttc.logoff"})
        CHECK(report.kinds_compared.count(kind) == 1);
    CHECK(report.fields_compared > 300);
    REQUIRE(report.differences == 0);
}

// The same against a 23ai server (field version 23: the call header's UB8
// token, the 23ai execute and auth layouts). Against 12.1 node-oracledb runs
// an extra SELECT DBTIMEZONE FROM DUAL at connect (the server lacks TZ_EX,
// PEER-NOTES 5) that oranet has no need for; that profile is not compared.
TEST_CASE("oranet and node-oracledb send the same messages to a 23ai server", "[node]") {
    if (std::string(ORANET_DIFF_NODE).empty()) {
        WARN("node-oracledb not installed (tests/peers/node/node_modules): skipped");
        return;
    }
    const diff_report report = run_diff("basic", "23");
    INFO(report.text);
    CHECK(report.kinds_compared.count("ttc.fetch") == 1);
    CHECK(report.fields_compared > 300);
    REQUIRE(report.differences == 0);
}

// SQL text, bind values and column values travel in the client character
// set the data types message declares (AL32UTF8) whatever the database's:
// against a WE8MSWIN1252 database, oranet's execute.sql and bind bytes are
// node-oracledb's (UTF-8), and both read back the same text.
TEST_CASE("against a WE8MSWIN1252 database, oranet sends non-ASCII SQL and binds as node-oracledb does",
          "[node][charset]") {
    if (std::string(ORANET_DIFF_NODE).empty()) {
        WARN("node-oracledb not installed (tests/peers/node/node_modules): skipped");
        return;
    }
    const diff_report report = run_diff("charset");
    INFO(report.text);
    CHECK(report.kinds_compared.count("ttc.execute") == 1);
    REQUIRE(report.differences == 0);
}

// Issue 7: array DML with batch errors and row counts, a PL/SQL call with
// OUT binds, a LOB read, a REF CURSOR and its fetch.
TEST_CASE("oranet and node-oracledb send the same array DML, PL/SQL OUT binds, LOB read and REF CURSOR fetch",
          "[node][features]") {
    if (std::string(ORANET_DIFF_NODE).empty()) {
        WARN("node-oracledb not installed (tests/peers/node/node_modules): skipped");
        return;
    }
    for (const char* profile : {"19", "23"}) {
        INFO("profile " << profile);
        const diff_report report = run_diff("features", profile);
        INFO(report.text);
        CHECK(report.kinds_compared.count("ttc.execute") == 1);
        CHECK(report.kinds_compared.count("ttc.piggyback.close_cursors") == 1);
        CHECK(report.kinds_compared.count("ttc.lob_op") == 1);
        CHECK(report.fields_compared > 300);
        REQUIRE(report.differences == 0);
    }
}

TEST_CASE("the comparison fails on a changed field that is not masked", "[compare]") {
    wire_message a{"ttc.execute", {{"execute.options", "33"}, {"execute.prefetch_rows", "2"}}};
    wire_message b = a;
    CHECK(compare({a}, {b}, masks()).differences == 0);
    b.fields[1].value   = "3";
    const diff_report r = compare({a}, {b}, masks());
    CHECK(r.differences == 1);
    CHECK(r.text.find("execute.prefetch_rows") != std::string::npos);
    // A field only one side sends is a difference too.
    b = a;
    b.fields.push_back({"execute.extra", "1"});
    CHECK(compare({a}, {b}, masks()).differences == 1);
    // A message only one side sends as well.
    CHECK(compare({a}, {a, a}, masks()).differences == 1);
}

TEST_CASE("masked fields may differ, and only those", "[compare]") {
    wire_message a{"ttc.auth_phase_one",
                   {{"pair.AUTH_PROGRAM_NM.value", "\"oranet\""}, {"auth_request.user", "\"demo\""}}};
    wire_message b    = a;
    b.fields[0].value = "\"node\"";
    CHECK(compare({a}, {b}, masks()).differences == 0);
    b.fields[1].value = "\"DEMO\"";
    CHECK(compare({a}, {b}, masks()).differences == 1);
}

// The decision in lib/src/cursor.cpp (client_charset), pinned without node:
// the execute message carries the SQL text's UTF-8 bytes (not
// WE8MSWIN1252's e9 80), also for a character WE8MSWIN1252 cannot hold (no
// client error: the server converts, as for python-oracledb and
// node-oracledb), the bind its UTF-8 bytes with charset id 873, and the
// text comes back intact.
TEST_CASE("against a WE8MSWIN1252 database, SQL text and binds travel as UTF-8 and read back intact",
          "[charset]") {
    const decoded_recording rec = decode_recording(record_oranet("charset", "19"));
    REQUIRE(rec.error.empty());
    std::vector<const wire_message*> executes;
    for (const auto& m : rec.messages)
        if (m.kind == "ttc.execute") executes.push_back(&m);
    REQUIRE(executes.size() == 5);
    const wire_field* sql = executes[0]->find("execute.sql");
    REQUIRE(sql != nullptr);
    // "select 'é€' x from dual"
    CHECK(sql->value == "0x73656c6563742027c3a9e282ac2720782066726f6d206475616c");
    const wire_field* unrepresentable = executes[1]->find("execute.sql");
    REQUIRE(unrepresentable != nullptr);
    CHECK(unrepresentable->value == "0x73656c6563742027e6bca22720782066726f6d206475616c");  // '漢' as UTF-8
    const wire_field* bind_cs = executes[3]->find("execute.bind.charset_id");
    REQUIRE(bind_cs != nullptr);
    CHECK(bind_cs->value == "873");
    const wire_field* bind_value = executes[3]->find("execute.value");
    REQUIRE(bind_value != nullptr);
    CHECK(bind_value->value == "0xc3b6e282ac");  // "ö€"
}

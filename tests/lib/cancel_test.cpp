// Issue 7 at the API level against `oranet emulate`: a call timeout breaks
// off a long statement and leaves the connection usable; connection::cancel
// from another thread does the same with ORA-01013, during a statement and
// while rows stream; over TLS too. The long statement is SQL that counts
// to a billion in a recursive WITH (the emulator stops it with
// sqlite3_interrupt when the client's INTERRUPT marker arrives).
#include "emulator_process.hpp"
#include "test_pki.hpp"

#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace std::chrono_literals;
using namespace oranet;

namespace {

constexpr const char* slow_sql =
    "with c (n) as (select 1 from dual union all select n + 1 from c where n < 1000000000) "
    "select count(*) from c";

using clk = std::chrono::steady_clock;

// The connection answers a query after the break.
void check_usable(connection& conn) {
    REQUIRE_FALSE(conn.is_dead());
    cursor cur = conn.cursor();
    cur.execute("select 6 * 7 from dual");
    auto row = cur.fetch_one();
    REQUIRE(row);
    CHECK(row->get<std::int64_t>(0) == 42);
    conn.ping();
}

// Cancels `conn` from another thread after `delay`.
class canceller {
public:
    canceller(connection& conn, std::chrono::milliseconds delay)
        : t_([&conn, delay] {
              std::this_thread::sleep_for(delay);
              conn.cancel();
          }) {}
    ~canceller() { t_.join(); }

private:
    std::thread t_;
};

const test::test_pki& pki() {
    const std::string k = test::test_pki::key_opts;
    static const test::test_pki p(
        "cancel-test", {}, {{"server.ext", "subjectAltName=DNS:localhost,IP:127.0.0.1\n"}},
        {
            "openssl req -x509" + k + "-keyout ca.key -out ca.pem -days 30 -subj '/CN=oranet test CA'",
            "openssl req" + k + "-keyout server.key -out server.csr -subj '/CN=localhost/O=oranet tests'",
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 "
            "-extfile server.ext -out server.pem",
        });
    return p;
}

}  // namespace

TEST_CASE("cancel: a call timeout breaks off a long statement; the connection stays usable") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    conn.set_call_timeout(400ms);
    cursor cur = conn.cursor();
    std::error_code ec;
    diagnostics diag;
    const auto start = clk::now();
    cur.execute(slow_sql, std::vector<value>{}, ec, diag);
    const auto took = clk::now() - start;
    CHECK(ec == client_errc::call_timeout);
    CHECK_FALSE(is_fatal(ec));
    CHECK(diag.client_message.find("call timeout of 400 ms exceeded") != std::string::npos);
    CHECK(diag.client_message.find("still usable") != std::string::npos);
    CHECK(took >= 380ms);
    CHECK(took < 3s);
    check_usable(conn);
    // And a second time on the same connection.
    cur.execute(slow_sql, std::vector<value>{}, ec, diag);
    CHECK(ec == client_errc::call_timeout);
    check_usable(conn);
}

TEST_CASE("cancel: connection::cancel from another thread during a long statement gives ORA-01013") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    std::error_code ec;
    diagnostics diag;
    const auto start = clk::now();
    {
        canceller c(conn, 300ms);
        cur.execute(slow_sql, std::vector<value>{}, ec, diag);
    }
    const auto took = clk::now() - start;
    CHECK(ec == ora_error(1013));
    CHECK(diag.server_message == "ORA-01013: user requested cancel of current operation");
    CHECK(took < 5s);
    check_usable(conn);
}

TEST_CASE("cancel: DBMS_SESSION.SLEEP is broken off by a call timeout and by a cancel") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    std::error_code ec;
    diagnostics diag;
    cur.execute("begin dbms_session.sleep(0.01); end;", std::vector<value>{}, ec, diag);
    if (ec) {
        WARN("skipped: the emulator has no DBMS_SESSION.SLEEP yet (" << format_error(ec, diag) << ")");
        return;
    }
    conn.set_call_timeout(300ms);
    const auto start = clk::now();
    cur.execute("begin dbms_session.sleep(5); end;", std::vector<value>{}, ec, diag);
    CHECK(ec == client_errc::call_timeout);
    CHECK(clk::now() - start < 3s);
    check_usable(conn);
    conn.set_call_timeout(0ms);
    {
        canceller c(conn, 300ms);
        cur.execute("begin dbms_session.sleep(5); end;", std::vector<value>{}, ec, diag);
    }
    CHECK(ec == ora_error(1013));
    check_usable(conn);
}

TEST_CASE("cancel: a cancel between calls does nothing") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    conn.ping();
    conn.cancel();
    check_usable(conn);
    conn.cancel();
    conn.cancel();
    check_usable(conn);
}

TEST_CASE("cancel: a cancel while rows stream ends the fetch with ORA-01013; the connection stays usable") {
    ORANET_REQUIRE_EMULATOR(emu);
    connection conn = connect(emu.params());
    cursor cur      = conn.cursor();
    cur.set_arraysize(2);
    cur.set_prefetch_rows(2);
    cur.execute(
        "with c (n) as (select 1 from dual union all select n + 1 from c where n < 200000) "
        "select n, rpad('x', 100, 'y') from c");
    std::atomic<bool> started{false};
    std::atomic<bool> stop{false};
    std::thread t([&] {
        while (!started)
            std::this_thread::sleep_for(1ms);
        // Keep cancelling until the fetch loop saw it: a cancel lands
        // between two fetch round trips as often as during one.
        while (!stop) {
            conn.cancel();
            std::this_thread::sleep_for(5ms);
        }
    });
    std::error_code ec;
    diagnostics diag;
    std::uint64_t rows = 0;
    for (;;) {
        auto row = cur.fetch_one(ec, diag);
        if (ec || !row) break;
        ++rows;
        if (rows == 10) started = true;
    }
    stop = true;
    t.join();
    INFO("rows before the cancel: " << rows);
    CHECK(ec == ora_error(1013));
    CHECK(rows < 200000);
    CHECK(rows >= 10);
    check_usable(conn);
}

TEST_CASE("cancel: over TLS, a cancel and a call timeout leave the connection usable") {
    if (!pki().ok()) {
        WARN("skipped: the test PKI could not be made (openssl)");
        return;
    }
    ORANET_REQUIRE_EMULATOR(
        emu, std::vector<std::string>{"--tls", pki().at("server.pem"), pki().at("server.key")});
    connect_params p  = emu.params();
    p.connect_string  = "tcps://127.0.0.1:" + std::to_string(emu.port()) + "/FREEPDB1";
    p.options.ca_file = pki().at("ca.pem");
    connection conn   = connect(p);
    cursor cur        = conn.cursor();
    std::error_code ec;
    diagnostics diag;
    {
        canceller c(conn, 300ms);
        cur.execute(slow_sql, std::vector<value>{}, ec, diag);
    }
    CHECK(ec == ora_error(1013));
    check_usable(conn);
    conn.set_call_timeout(300ms);
    cur.execute(slow_sql, std::vector<value>{}, ec, diag);
    CHECK(ec == client_errc::call_timeout);
    check_usable(conn);
}

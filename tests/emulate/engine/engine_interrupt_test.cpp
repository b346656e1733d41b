// session::interrupt() and session::sleep_for(): the engine side of a
// client's break (issue 7). interrupt() comes from another thread while the
// session's thread runs a statement or sleeps; that work ends with ORA-01013.
#include "engine_fixture.hpp"

#include <atomic>
#include <chrono>
#include <thread>

using namespace engine_test;
using clk = std::chrono::steady_clock;

namespace {

// Counts to a billion in a recursive WITH: minutes of SQLite work unless stopped.
constexpr const char* slow_sql =
    "with c (n) as (select 1 from dual union all select n + 1 from c where n < 1000000000) "
    "select count(*) from c";

double seconds_since(clk::time_point t0) { return std::chrono::duration<double>(clk::now() - t0).count(); }

}  // namespace

TEST_CASE("engine: interrupt stops a running statement with ORA-01013 and the session works after",
          "[engine][interrupt]") {
    fixture f;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        f.s->interrupt();
    });
    auto t0     = clk::now();
    sql_error e = f.fail(slow_sql);
    canceller.join();
    CHECK(e.code == 1013);
    CHECK(e.message == "ORA-01013: user requested cancel of current operation");
    CHECK(seconds_since(t0) < 5.0);
    // The flag lasts until the next call clears it.
    CHECK(f.s->interrupted());
    CHECK(f.fail("select 1 from dual").code == 1013);
    f.s->clear_interrupt();
    auto r = f.rows("select 7 from dual");
    REQUIRE(r.size() == 1);
    CHECK(num(r[0][0]) == "7");
}

TEST_CASE("engine: an interrupt between fetches ends the cursor with ORA-01013", "[engine][interrupt]") {
    fixture f;
    execute_result r;
    REQUIRE(
        !f.s->execute("with c (n) as (select 1 from dual union all select n + 1 from c where n < 100) "
                      "select n from c",
                      {}, r));
    REQUIRE(r.rows);
    std::vector<value> row;
    sql_error e;
    REQUIRE(r.rows->fetch(row, e));
    f.s->interrupt();
    CHECK_FALSE(r.rows->fetch(row, e));
    CHECK(e.code == 1013);
    r.rows.reset();
    f.s->clear_interrupt();
    // SQLite's own interrupt flag was not raised (no statement was stepping),
    // so new statements run normally.
    CHECK(f.rows("select 1 from dual").size() == 1);
}

TEST_CASE("engine: sleep_for waits, and an interrupt ends it early with ORA-01013", "[engine][interrupt]") {
    fixture f;
    auto t0 = clk::now();
    CHECK(!f.s->sleep_for(0.2));
    CHECK(seconds_since(t0) >= 0.19);
    CHECK(!f.s->sleep_for(-1));  // no wait, no error

    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        f.s->interrupt();
    });
    t0          = clk::now();
    sql_error e = f.s->sleep_for(30);
    canceller.join();
    CHECK(e.code == 1013);
    CHECK(seconds_since(t0) < 5.0);
    f.s->clear_interrupt();
    CHECK(!f.s->sleep_for(0.01));
}

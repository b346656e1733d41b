// The connector's walk over a descriptor, with a scripted attempt function
// instead of sockets: order (FAILOVER/LOAD_BALANCE/SOURCE_ROUTE), retries
// and their delay, deadlines, and listener redirects. Rules pinned:
// python-oracledb's _set_active_children and _connect_with_description.
#include "../../lib/src/detail/connector.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace std::chrono_literals;
using oranet::client_errc;
using oranet::diagnostics;
using oranet::detail::attempt_result;
using oranet::detail::connect_attempt;

namespace {

oranet::description_list parse(const std::string& s) {
    oranet::description_list dl;
    diagnostics diag;
    oranet::resolve_options opts{"/nonexistent-oranet-dir"};
    INFO(s);
    REQUIRE_FALSE(oranet::resolve_connect_string(s, opts, dl, diag));
    return dl;
}

// A fake clock and a script: host -> what an attempt there returns.
struct script {
    std::map<std::string, attempt_result> results;  // missing: connection refused
    std::vector<std::string> order;
    std::vector<connect_attempt> attempts;
    std::vector<std::chrono::milliseconds> sleeps;
    oranet::detail::steady::time_point clock{};
    std::chrono::milliseconds attempt_cost{0};

    oranet::detail::connector_hooks hooks() {
        oranet::detail::connector_hooks h;
        h.attempt = [this](const connect_attempt& a) {
            order.push_back(a.address.host + ":" + std::to_string(a.address.port));
            attempts.push_back(a);
            clock += attempt_cost;
            const auto it = results.find(a.address.host);
            if (it != results.end()) return it->second;
            return attempt_result{client_errc::connect_failed, "", "refused"};
        };
        h.sleep = [this](std::chrono::milliseconds d) {
            sleeps.push_back(d);
            clock += d;
        };
        h.now = [this] { return clock; };
        return h;
    }

    std::error_code run(const std::string& cs, diagnostics& diag, std::uint32_t seed = 1,
                        oranet::detail::deadline overall = oranet::detail::deadline::max()) {
        std::mt19937 rng(seed);
        const oranet::client_identity cid{"p", "h", "u", ""};
        return oranet::detail::connect_any(parse(cs), cid, overall, hooks(), rng, diag);
    }
};

}  // namespace

TEST_CASE("connector: active children per FAILOVER and LOAD_BALANCE and SOURCE_ROUTE") {
    std::mt19937 rng(7);
    using oranet::detail::active_children;
    CHECK(active_children(3, true, false, false, rng) == std::vector<std::size_t>{0, 1, 2});
    CHECK(active_children(3, false, false, false, rng) == std::vector<std::size_t>{0});
    CHECK(active_children(3, true, true, true, rng) == std::vector<std::size_t>{0});
    CHECK(active_children(1, false, true, false, rng) == std::vector<std::size_t>{0});
    CHECK(active_children(0, true, true, false, rng).empty());
    // LOAD_BALANCE without FAILOVER: one child, any of them over many draws.
    std::set<std::size_t> picked;
    for (int i = 0; i < 200; ++i) {
        const auto one = active_children(3, false, true, false, rng);
        REQUIRE(one.size() == 1);
        picked.insert(one[0]);
    }
    CHECK(picked.size() == 3);
    // FAILOVER and LOAD_BALANCE: all of them, in some order, not always the same.
    std::set<std::vector<std::size_t>> orders;
    for (int i = 0; i < 200; ++i) {
        auto all    = active_children(4, true, true, false, rng);
        auto sorted = all;
        std::sort(sorted.begin(), sorted.end());
        REQUIRE(sorted == std::vector<std::size_t>{0, 1, 2, 3});
        orders.insert(all);
    }
    CHECK(orders.size() > 1);
}

TEST_CASE("connector: failover tries the addresses in order until one connects") {
    script s;
    s.results["c"] = {};
    diagnostics diag;
    REQUIRE_FALSE(s.run("a,b:1600;c,d/svc", diag));
    CHECK(s.order == std::vector<std::string>{"a:1600", "b:1600", "c:1521"});
    // Every attempt carries the rendered descriptor with the CID.
    CHECK(s.attempts[0].connect_data.find("(CID=(PROGRAM=p)(HOST=h)(USER=u))") != std::string::npos);
    CHECK(s.attempts[0].connect_data.find("(SERVICE_NAME=svc)") != std::string::npos);

    // FAILOVER=off: only the first address.
    script off;
    REQUIRE(off.run("(DESCRIPTION=(FAILOVER=off)(ADDRESS=(HOST=a))(ADDRESS=(HOST=b)))", diag) ==
            client_errc::connect_failed);
    CHECK(off.order == std::vector<std::string>{"a:1521"});
    CHECK(diag.client_message == "tried a:1521 (refused)");

    // SOURCE_ROUTE: the first list only.
    script sr;
    (void)sr.run(
        "(DESCRIPTION=(SOURCE_ROUTE=on)(ADDRESS_LIST=(ADDRESS=(HOST=a)))(ADDRESS_LIST=(ADDRESS=(HOST=b))))",
        diag);
    CHECK(sr.order == std::vector<std::string>{"a:1521"});

    // DESCRIPTION_LIST: the next description after the first fails.
    script dl;
    dl.results["b"] = {};
    REQUIRE_FALSE(
        dl.run("(DESCRIPTION_LIST=(DESCRIPTION=(ADDRESS=(HOST=a)))(DESCRIPTION=(ADDRESS=(HOST=b))))", diag));
    CHECK(dl.order == std::vector<std::string>{"a:1521", "b:1521"});
}

TEST_CASE("connector: retries with a delay then reports every address") {
    script s;
    diagnostics diag;
    CHECK(s.run("a,b?retry_count=2&retry_delay=250ms", diag) == client_errc::connect_failed);
    CHECK(s.order == std::vector<std::string>{"a:1521", "b:1521", "a:1521", "b:1521", "a:1521", "b:1521"});
    CHECK(s.sleeps == std::vector<std::chrono::milliseconds>{250ms, 250ms});
    CHECK(diag.client_message ==
          "tried a:1521 (refused); b:1521 (refused); a:1521 (refused); b:1521 (refused); a:1521 (refused); "
          "b:1521 (refused)");
}

TEST_CASE("connector: an error another address would repeat stops the walk") {
    script s;
    s.results["a"] = {oranet::ora_error(1017), "", "invalid credentials"};
    diagnostics diag;
    CHECK(s.run("a,b", diag) == oranet::ora_error(1017));
    CHECK(s.order == std::vector<std::string>{"a:1521"});
    // A listener refusal (ORA-12514) moves on.
    script r;
    r.results["a"] = {oranet::ora_error(12514), "", "unknown service"};
    r.results["b"] = {};
    REQUIRE_FALSE(r.run("a,b", diag));
    CHECK(r.order.size() == 2);
}

TEST_CASE("connector: deadlines per address and per attempt and overall") {
    script s;
    s.attempt_cost = 4s;
    diagnostics diag;
    const auto overall = s.clock + 10s;
    CHECK(s.run("a,b,c,d?transport_connect_timeout=3&connect_timeout=5&retry_count=5", diag, 1, overall) ==
          client_errc::timeout);
    // 4 s per attempt: a at 0, b at 4, c at 8, then the deadline (12 > 10).
    CHECK(s.order == std::vector<std::string>{"a:1521", "b:1521", "c:1521"});
    CHECK(s.attempts[0].transport_until == s.attempts[0].attempt_until - 2s);  // 3 s of the 5 s attempt
    CHECK(s.attempts[2].attempt_until == overall);  // capped by the overall deadline
    CHECK(diag.client_message.find("the connect timeout passed") != std::string::npos);

    // The retry delay never sleeps past the deadline.
    script d;
    d.attempt_cost = 1s;
    CHECK(d.run("a?retry_count=3&retry_delay=10", diag, 1, d.clock + 3s) == client_errc::timeout);
    CHECK(d.sleeps == std::vector<std::chrono::milliseconds>{2s});
}

TEST_CASE("connector: listener redirects are followed with a bound on hops") {
    script s;
    s.results["a"] = {
        {}, std::string("(ADDRESS=(PROTOCOL=tcp)(HOST=r)(PORT=1700))") + '\0' + "(DESCRIPTION=new)", ""};
    s.results["r"] = {};
    diagnostics diag;
    REQUIRE_FALSE(s.run("a/svc", diag));
    CHECK(s.order == std::vector<std::string>{"a:1521", "r:1700"});
    CHECK(s.attempts[1].connect_data == "(DESCRIPTION=new)");
    CHECK(s.attempts[1].redirects == 1);

    // Without the NUL, the connect data stays.
    script k;
    k.results["a"] = {{}, "(DESCRIPTION=(ADDRESS=(HOST=r)))", ""};
    k.results["r"] = {};
    REQUIRE_FALSE(k.run("a/svc", diag));
    CHECK(k.attempts[1].connect_data == k.attempts[0].connect_data);

    // A listener that redirects to itself forever.
    script loop;
    loop.results["a"] = {{}, std::string("(ADDRESS=(HOST=a))") + '\0' + "x", ""};
    CHECK(loop.run("a/", diag) == client_errc::tns_redirect_loop);
    CHECK(loop.order.size() == oranet::detail::max_redirect_hops + 1);
    CHECK(diag.client_message == "tried a:1521 (more than 8 listener redirects)");

    // A redirect to text that is no address.
    script bad;
    bad.results["a"] = {{}, "garbage", ""};
    CHECK(bad.run("a/", diag) == client_errc::connect_string_invalid);
}

// End to end through connection::connect against `oranet emulate`: Easy
// Connect lists, descriptors and tnsnames.ora aliases reach the emulator
// after a dead address (port 1 on loopback refuses at once).
#include "emulator_process.hpp"

#include <oranet/connection.hpp>

#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

TEST_CASE("connector: connection::connect fails over to the next address") {
    ORANET_REQUIRE_EMULATOR(emu);
    const std::string port = std::to_string(emu.port());
    for (const std::string& cs :
         {"127.0.0.1:1,127.0.0.1:" + port + "/FREEPDB1",
          "(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(PROTOCOL=tcp)(HOST=127.0.0.1)(PORT=1))"
          "(ADDRESS=(HOST=127.0.0.1)(PORT=" +
              port + ")))(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))",
          "(DESCRIPTION_LIST=(DESCRIPTION=(ADDRESS=(HOST=127.0.0.1)(PORT=1)))("
          "DESCRIPTION=(ADDRESS=(HOST=127.0.0.1)"
          "(PORT=" +
              port + "))(CONNECT_DATA=(SERVICE_NAME=FREEPDB1))))"}) {
        INFO(cs);
        auto p           = emu.params();
        p.connect_string = cs;
        oranet::connection c;
        std::error_code ec;
        diagnostics diag;
        c.connect(p, ec, diag);
        CHECK_FALSE(ec);
        CHECK(c.is_open());
    }
}

TEST_CASE("connector: connection::connect reports every address it tried") {
    ORANET_REQUIRE_EMULATOR(emu);
    auto p           = emu.params();
    p.connect_string = "127.0.0.1:1,127.0.0.1:" + std::to_string(emu.port()) + "/NO_SUCH_SERVICE";
    oranet::connection c;
    std::error_code ec;
    diagnostics diag;
    c.connect(p, ec, diag);
    CHECK(ec == oranet::ora_error(12514));  // the last address's answer: unknown service
    CHECK_THAT(diag.client_message, Catch::StartsWith("tried 127.0.0.1:1 ("));
    CHECK_THAT(diag.client_message,
               Catch::Contains("; 127.0.0.1:" + std::to_string(emu.port()) + " (ORA-12514"));
    CHECK_THAT(diag.server_message, Catch::Contains("(ERR=12514)"));  // the listener's refusal text

    // One address: its own words, as before the connector.
    p.connect_string = "127.0.0.1:1/FREEPDB1";
    c.connect(p, ec, diag);
    CHECK(ec);
    CHECK_THAT(diag.client_message, !Catch::StartsWith("tried"));
}

TEST_CASE("connector: connection::connect resolves a tnsnames.ora alias through TNS_ADMIN") {
    ORANET_REQUIRE_EMULATOR(emu);
    const auto dir =
        std::filesystem::temp_directory_path() / ("oranet-connector-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "tnsnames.ora")
        << "# test\nemu.world, emu =\n  (DESCRIPTION =\n    (ADDRESS = (HOST = 127.0.0.1)"
           "(PORT = "
        << emu.port() << "))\n    (CONNECT_DATA = (SERVICE_NAME = FREEPDB1)))\n";
    const char* old           = std::getenv("TNS_ADMIN");
    const std::string old_val = old ? old : "";
    ::setenv("TNS_ADMIN", dir.c_str(), 1);
    auto p           = emu.params();
    p.connect_string = "EMU.world";
    oranet::connection c;
    std::error_code ec;
    diagnostics diag;
    c.connect(p, ec, diag);
    if (old) {
        ::setenv("TNS_ADMIN", old_val.c_str(), 1);
    } else {
        ::unsetenv("TNS_ADMIN");
    }
    std::filesystem::remove_all(dir);
    INFO(diag.client_message);
    CHECK_FALSE(ec);
    CHECK(c.is_open());
}

TEST_CASE("connector: a listener that accepts TCP and never answers is passed over after CONNECT_TIMEOUT") {
    ORANET_REQUIRE_EMULATOR(emu);
    // A socket that listens (the kernel completes the TCP handshake from its
    // backlog) and never reads: the CONNECT packet gets no answer.
    asio::io_context ctx;
    asio::ip::tcp::acceptor silent(ctx, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    const auto silent_port    = std::to_string(silent.local_endpoint().port());
    auto p                    = emu.params();
    p.options.connect_timeout = 20s;  // overall
    p.connect_string =
        "(DESCRIPTION=(CONNECT_TIMEOUT=1)(ADDRESS_LIST=(ADDRESS=(HOST=127.0.0.1)(PORT=" + silent_port +
        "))(ADDRESS=(HOST=127.0.0.1)(PORT=" + std::to_string(emu.port()) +
        ")))(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)))";
    const auto start = std::chrono::steady_clock::now();
    oranet::connection c;
    std::error_code ec;
    diagnostics diag;
    c.connect(p, ec, diag);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK_FALSE(ec);
    CHECK(c.is_open());
    CHECK(took >= 900ms);  // the silent address had its second
    CHECK(took < 5s);      // and no more: not the 20 s overall bound
}

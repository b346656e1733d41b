// Easy Connect host[:port][/service] and the CLI's user/password@... form.
#include <oranet/easy_connect.hpp>

#include <catch2/catch.hpp>

using oranet::easy_connect;

TEST_CASE("easy connect: host, port and service") {
    easy_connect e;
    REQUIRE_FALSE(oranet::parse_easy_connect("db.example:1522/FREEPDB1", e));
    CHECK(e.host == "db.example");
    CHECK(e.port == 1522);
    CHECK(e.service == "FREEPDB1");

    REQUIRE_FALSE(oranet::parse_easy_connect("localhost", e));
    CHECK(e == easy_connect{"localhost", 1521, ""});

    REQUIRE_FALSE(oranet::parse_easy_connect("//10.0.0.1/orcl.example.com", e));
    CHECK(e == easy_connect{"10.0.0.1", 1521, "orcl.example.com"});

    REQUIRE_FALSE(oranet::parse_easy_connect("[::1]:1600/svc", e));
    CHECK(e == easy_connect{"::1", 1600, "svc"});
}

TEST_CASE("easy connect: invalid strings are refused") {
    easy_connect e;
    for (const char* bad : {"", ":1521/x", "host:0/x", "host:65536", "host:abc/x", "host:/x", "[::1",
                            "ho st/x", "host/svc/extra", "host:1521x", "(DESCRIPTION=)"}) {
        INFO(bad);
        CHECK(oranet::parse_easy_connect(bad, e) == oranet::client_errc::connect_string_invalid);
    }
}

TEST_CASE("login string: user/password@connect") {
    oranet::login_string l;
    REQUIRE_FALSE(oranet::parse_login_string("scott/ti@g/er@host:1521/svc", l));
    CHECK(l.user == "scott");
    CHECK(l.password == "ti@g/er");
    CHECK(l.connect_string == "host:1521/svc");
    CHECK(oranet::parse_login_string("scott/tiger", l) == oranet::client_errc::connect_string_invalid);
    CHECK(oranet::parse_login_string("@host", l) == oranet::client_errc::connect_string_invalid);
}

// Easy Connect Plus and connect descriptors to the descriptor model, and the
// model back to the descriptor text a CONNECT packet carries. Facts pinned:
// python-oracledb's parsers.pyx / connect_params.pyx (defaults, port
// back-fill, ';' lists, durations with ms/sec/min, build_connect_string's
// layout) and node-oracledb's ezConnectResolver.js (CONNECT_TIMEOUT).
#include "hex.hpp"
#include "packet_dump.hpp"

#include <oranet/connect_descriptor.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using oranet::client_errc;
using oranet::description_list;
using oranet::diagnostics;
using oranet::net_protocol;

namespace {

description_list ez(const std::string& s) {
    description_list dl;
    diagnostics diag;
    const auto ec = oranet::parse_easy_connect_plus(s, dl, diag);
    INFO(s << " -> " << diag.client_message);
    REQUIRE_FALSE(ec);
    return dl;
}

description_list desc(const std::string& s) {
    description_list dl;
    diagnostics diag;
    const auto ec = oranet::parse_connect_descriptor(s, dl, diag);
    INFO(s << " -> " << diag.client_message);
    REQUIRE_FALSE(ec);
    return dl;
}

struct addr {
    std::string host;
    std::uint16_t port;
};

std::vector<std::vector<addr>> lists_of(const oranet::description& d) {
    std::vector<std::vector<addr>> r;
    for (const auto& l : d.address_lists) {
        r.emplace_back();
        for (const auto& a : l.addresses)
            r.back().push_back({a.host, a.port});
    }
    return r;
}

bool same(const std::vector<std::vector<addr>>& a, const std::vector<std::vector<addr>>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].size() != b[i].size()) return false;
        for (std::size_t j = 0; j < a[i].size(); ++j)
            if (a[i][j].host != b[i][j].host || a[i][j].port != b[i][j].port) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("easy connect plus: hosts and ports and lists") {
    struct row {
        const char* text;
        std::vector<std::vector<addr>> lists;
        const char* service;
    };
    const std::vector<row> rows = {
        {"db", {{{"db", 1521}}}, ""},
        {"db.example.com:1522/FREEPDB1", {{{"db.example.com", 1522}}}, "FREEPDB1"},
        {"//db/svc", {{{"db", 1521}}}, "svc"},
        {"tcp://db:1600/svc", {{{"db", 1600}}}, "svc"},
        {"[::1]:1600/svc", {{{"::1", 1600}}}, "svc"},
        {"[fe80::1%eth0]/svc", {{{"fe80::1%eth0", 1521}}}, "svc"},
        {"db/", {{{"db", 1521}}}, ""},
        // A port applies to the hosts before it in the same list that have
        // none (python-oracledb's port_index back-fill).
        {"h1,h2:1600,h3/s", {{{"h1", 1600}, {"h2", 1600}, {"h3", 1521}}}, "s"},
        {"h1:1,h2,h3:3/s", {{{"h1", 1}, {"h2", 3}, {"h3", 3}}}, "s"},
        // ';' starts a new address list.
        {"h1,h2:1600;h3:1700/s", {{{"h1", 1600}, {"h2", 1600}}, {{"h3", 1700}}}, "s"},
        {"10.0.0.1;10.0.0.2", {{{"10.0.0.1", 1521}}, {{"10.0.0.2", 1521}}}, ""},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        const auto dl = ez(r.text);
        REQUIRE(dl.descriptions.size() == 1);
        CHECK(same(lists_of(dl.descriptions[0]), r.lists));
        CHECK(dl.descriptions[0].data.service_name == r.service);
    }
}

TEST_CASE("easy connect plus: protocol and server type and instance") {
    auto dl = ez("tcps://db:2484/svc:pooled/inst1");
    auto& d = dl.descriptions[0];
    CHECK(d.address_lists[0].addresses[0].protocol == net_protocol::tcps);
    CHECK(d.uses_tcps());
    CHECK(d.data.server == oranet::server_type::pooled);
    CHECK(d.data.instance_name == "inst1");
    dl = ez("TCPS://a,b/svc:DEDICATED");
    CHECK(dl.descriptions[0].address_lists[0].addresses[1].protocol == net_protocol::tcps);
    CHECK(dl.descriptions[0].data.server == oranet::server_type::dedicated);
    dl = ez("db/svc/inst");
    CHECK(dl.descriptions[0].data.server == oranet::server_type::unspecified);
    CHECK(dl.descriptions[0].data.instance_name == "inst");
}

TEST_CASE("easy connect plus: parameters") {
    auto dl =
        ez("db/svc?connect_timeout=5&transport_connect_timeout=250ms&retry_count=3&retry_delay=2"
           "&expire_time=10&sdu=16384&failover=off&load_balance=on&source_route=no&use_sni=yes");
    const auto& d = dl.descriptions[0];
    REQUIRE(d.connect_timeout);
    CHECK(*d.connect_timeout == 5s);
    CHECK(d.transport_connect_timeout == 250ms);
    CHECK(d.retry_count == 3);
    CHECK(d.retry_delay == 2s);
    CHECK(d.expire_time == 10);
    CHECK(d.sdu == 16384);
    CHECK_FALSE(d.failover);
    CHECK(d.load_balance);
    CHECK(d.use_sni);
    // One ','-list: the description's FAILOVER/LOAD_BALANCE are the list's.
    CHECK_FALSE(d.address_lists[0].failover);
    CHECK(d.address_lists[0].load_balance);

    // Durations: seconds by default, "ms", "sec", "min", any case, fractions.
    struct dur {
        const char* value;
        std::chrono::milliseconds expect;
    };
    for (const auto& [value, expect] : std::vector<dur>{{"3", 3s},
                                                        {"1.5", 1500ms},
                                                        {"500ms", 500ms},
                                                        {"500 MS", 500ms},
                                                        {"2sec", 2s},
                                                        {"2min", 120s},
                                                        {"0.25min", 15s}}) {
        INFO(value);
        CHECK(*ez(std::string("db?connect_timeout=") + value).descriptions[0].connect_timeout == expect);
    }

    // SDU is clamped to 512..2097152 as python-oracledb does.
    CHECK(ez("db?sdu=100").descriptions[0].sdu == 512);
    CHECK(ez("db?sdu=99999999").descriptions[0].sdu == 2097152);

    // Pool, proxy and security parameters; quoted values keep '&' and '='.
    dl =
        ez("tcps://db/svc?pool_connection_class=cc&pool_purity=self&pool_boundary=statement&pool_name=p"
           "&https_proxy=proxy.example&https_proxy_port=80&ssl_server_cert_dn=\"CN=db,O=x&y\""
           "&ssl_server_dn_match=false&wallet_location=/w");
    const auto& p = dl.descriptions[0];
    CHECK(p.data.pool_connection_class == "cc");
    CHECK(p.data.pool_purity == "SELF");
    CHECK(p.data.pool_boundary == "statement");
    CHECK(p.data.pool_name == "p");
    CHECK(p.address_lists[0].addresses[0].https_proxy == "proxy.example");
    CHECK(p.address_lists[0].addresses[0].https_proxy_port == 80);
    CHECK(p.security.ssl_server_cert_dn == "CN=db,O=x&y");
    CHECK_FALSE(p.security.ssl_server_dn_match);
    CHECK(p.security.wallet_location == "/w");
}

TEST_CASE("easy connect plus: unknown parameters are ignored") {
    // python-oracledb ignores names it does not know, its own "pyo."
    // names included; empty values and empty pairs are skipped.
    const auto plain = ez("db:1521/svc");
    for (const char* s : {"db:1521/svc?foo=bar", "db:1521/svc?pyo.stmtcachesize=40&x.y=1", "db:1521/svc?",
                          "db:1521/svc?&&", "db:1521/svc?foo=", "db:1521/svc?wallet_password=\"a&b\""}) {
        INFO(s);
        CHECK(ez(s) == plain);
    }
    // Extra DESCRIPTION parameters are passed through.
    CHECK(ez("db?enable=broken").descriptions[0].extra == std::vector<std::string>{"(ENABLE=broken)"});
}

TEST_CASE("easy connect plus: malformed strings say where and what") {
    struct row {
        const char* text;
        const char* message;
    };
    const std::vector<row> rows = {
        {"", "offset 0: expected a host name but got the end of the text"},
        {":1521/x", "offset 0: expected a host name but got ':'"},
        {"host:0/x", "offset 5: expected a port number 1..65535"},
        {"host:65536", "offset 5: expected a port number 1..65535"},
        {"host:/x", "offset 5: expected a port number 1..65535"},
        {"[::1", "offset 0: missing ']' after IPv6 address"},
        {"[]/x", "offset 1: empty IPv6 address"},
        {"[::g!]", "offset 4: unexpected '!' in IPv6 address"},
        {"h1,/x", "offset 3: expected a host name but got '/'"},
        {"ho st/x", "offset 2: unexpected ' ' in Easy Connect string"},
        {"host:1521x", "offset 9: unexpected 'x' in Easy Connect string"},
        {"host/svc:bogus", "offset 9: expected a server type (dedicated, shared or pooled)"},
        {"host/svc/", "offset 9: expected an instance name after '/'"},
        {"host/svc/inst/more", "offset 13: unexpected '/' in Easy Connect string"},
        {"ftp://host/svc", "offset 0: unsupported protocol \"ftp\" (tcp or tcps)"},
        {"host/svc?retry_count=abc", "offset 21: invalid retry_count \"abc\" (expected 0..1000)"},
        {"host/svc?connect_timeout=5h",
         "offset 25: invalid connect_timeout \"5h\" (expected seconds, or a number with ms, sec or min)"},
        {"host/svc?failover=maybe", "offset 18: invalid failover \"maybe\" (expected on or off)"},
        {"host/svc?pool_purity=old", "offset 21: invalid pool_purity \"old\" (expected self or new)"},
        {"host/svc?noequals", "offset 17: expected '=' after parameter noequals"},
        {"host/svc?=1", "offset 9: expected a parameter name but got '='"},
        {"host/svc?x=\"open", "offset 11: unterminated quoted value of parameter x"},
        {"host/svc?x=\"a\"b", "offset 14: expected '&' after the quoted value of x"},
        {"host/svc?x=a\"b", "offset 12: unexpected '\"' inside the value of x"},
        {"host\x01", "offset 4: unexpected a control or non-ASCII byte in Easy Connect string"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        description_list dl;
        diagnostics diag;
        CHECK(oranet::parse_easy_connect_plus(r.text, dl, diag) == client_errc::connect_string_invalid);
        CHECK(diag.client_message == r.message);
    }
}

TEST_CASE("descriptor: a full DESCRIPTION") {
    const auto dl = desc(
        "(DESCRIPTION=(RETRY_COUNT=2)(RETRY_DELAY=3)(CONNECT_TIMEOUT=90ms)(TRANSPORT_CONNECT_TIMEOUT=1min)"
        "(EXPIRE_TIME=5)(SDU=65535)(FAILOVER=off)(LOAD_BALANCE=on)"
        "(ADDRESS_LIST=(LOAD_BALANCE=on)(ADDRESS=(PROTOCOL=TCP)(HOST=a)(PORT=1))(ADDRESS=(PROTOCOL=tcp)(HOST="
        "b)))"
        "(ADDRESS_LIST=(FAILOVER=no)(ADDRESS=(PROTOCOL=TCPS)(HOST=c)(PORT=2484)(HTTPS_PROXY=px)(HTTPS_PROXY_"
        "PORT=8)))"
        "(CONNECT_DATA=(SERVICE_NAME=svc)(SID=orcl)(INSTANCE_NAME=i1)(SERVER=Dedicated)(POOL_CONNECTION_"
        "CLASS=cc)"
        "(POOL_PURITY=new)(POOL_BOUNDARY=TRANSACTION)(CONNECTION_ID_PREFIX=pfx)(FAILOVER_MODE=(TYPE=select)))"
        "(SECURITY=(SSL_SERVER_DN_MATCH=no)(SSL_SERVER_CERT_DN=\"CN=c,O=o\")(MY_WALLET_DIRECTORY=/w)"
        "(SSL_VERSION=tlsv1.3)(FOO=bar))(ENABLE=broken))");
    REQUIRE(dl.descriptions.size() == 1);
    const auto& d = dl.descriptions[0];
    CHECK(d.retry_count == 2);
    CHECK(d.retry_delay == 3s);
    CHECK(*d.connect_timeout == 90ms);
    CHECK(d.transport_connect_timeout == 60s);
    CHECK(d.expire_time == 5);
    CHECK(d.sdu == 65535);
    CHECK_FALSE(d.failover);
    CHECK(d.load_balance);
    CHECK(same(lists_of(d), {{{"a", 1}, {"b", 1521}}, {{"c", 2484}}}));
    CHECK(d.address_lists[0].load_balance);
    CHECK(d.address_lists[0].failover);
    CHECK_FALSE(d.address_lists[1].failover);
    const auto& c = d.address_lists[1].addresses[0];
    CHECK(c.protocol == net_protocol::tcps);
    CHECK(c.https_proxy == "px");
    CHECK(c.https_proxy_port == 8);
    CHECK(d.data.service_name == "svc");
    CHECK(d.data.sid == "orcl");
    CHECK(d.data.instance_name == "i1");
    CHECK(d.data.server == oranet::server_type::dedicated);
    CHECK(d.data.pool_connection_class == "cc");
    CHECK(d.data.pool_purity == "NEW");
    CHECK(d.data.pool_boundary == "TRANSACTION");
    CHECK(d.data.connection_id_prefix == "pfx");
    CHECK(d.data.extra == std::vector<std::string>{"(FAILOVER_MODE=(TYPE=select))"});
    CHECK_FALSE(d.security.ssl_server_dn_match);
    CHECK(d.security.ssl_server_cert_dn == "CN=c,O=o");
    CHECK(d.security.wallet_location == "/w");
    CHECK(d.security.ssl_version == "TLSv1.3");
    CHECK(d.security.extra == std::vector<std::string>{"(FOO=bar)"});
    CHECK(d.extra == std::vector<std::string>{"(ENABLE=broken)"});
}

TEST_CASE("descriptor: structure rules") {
    // Keywords in any case, spaces and newlines between tokens.
    auto dl = desc(
        " ( description = ( address = (host = db ) ( port = 1600 ) )\n (connect_data=(service_name=s)))");
    CHECK(same(lists_of(dl.descriptions[0]), {{{"db", 1600}}}));
    CHECK(dl.descriptions[0].data.service_name == "s");

    // ADDRESSes directly under DESCRIPTION form one list that takes the
    // description's FAILOVER/LOAD_BALANCE.
    dl = desc("(DESCRIPTION=(LOAD_BALANCE=yes)(FAILOVER=false)(ADDRESS=(HOST=a))(ADDRESS=(HOST=b)))");
    REQUIRE(dl.descriptions[0].address_lists.size() == 1);
    CHECK(dl.descriptions[0].address_lists[0].load_balance);
    CHECK_FALSE(dl.descriptions[0].address_lists[0].failover);

    // Next to ADDRESS_LISTs, each ADDRESS is a list of its own, in order.
    dl = desc(
        "(DESCRIPTION=(ADDRESS=(HOST=a))(ADDRESS_LIST=(ADDRESS=(HOST=b))(ADDRESS=(HOST=c)))(ADDRESS=(HOST=d))"
        ")");
    CHECK(same(lists_of(dl.descriptions[0]), {{{"a", 1521}}, {{"b", 1521}, {"c", 1521}}, {{"d", 1521}}}));

    // A bare ADDRESS or ADDRESS_LIST is a description of its own.
    dl = desc("(ADDRESS=(PROTOCOL=tcp)(HOST=h)(PORT=1))");
    CHECK(same(lists_of(dl.descriptions[0]), {{{"h", 1}}}));
    dl = desc("(ADDRESS_LIST=(ADDRESS=(HOST=h1))(ADDRESS=(HOST=h2)))");
    CHECK(same(lists_of(dl.descriptions[0]), {{{"h1", 1521}, {"h2", 1521}}}));

    // DESCRIPTION_LIST with its own options.
    dl = desc(
        "(DESCRIPTION_LIST=(LOAD_BALANCE=on)(FAILOVER=off)(DESCRIPTION=(ADDRESS=(HOST=a))(CONNECT_DATA=(SID="
        "x)))"
        "(DESCRIPTION=(ADDRESS=(HOST=b))(CONNECT_DATA=(SERVICE_NAME=y))))");
    CHECK(dl.load_balance);
    CHECK_FALSE(dl.failover);
    REQUIRE(dl.descriptions.size() == 2);
    CHECK(dl.descriptions[0].data.sid == "x");
    CHECK(dl.descriptions[1].data.service_name == "y");
    CHECK(dl.all_addresses().size() == 2);

    // A quoted value keeps parentheses and '='; the user's CID is dropped
    // (the client sends its own).
    dl = desc("(DESCRIPTION=(ADDRESS=(HOST=h))(CONNECT_DATA=(SERVICE_NAME=\"a(b)=c\")(CID=(PROGRAM=x))))");
    CHECK(dl.descriptions[0].data.service_name == "a(b)=c");
    CHECK(dl.descriptions[0].data.extra.empty());

    // Defaults.
    dl            = desc("(DESCRIPTION=(ADDRESS=(HOST=h)))");
    const auto& d = dl.descriptions[0];
    CHECK(d.failover);
    CHECK_FALSE(d.load_balance);
    CHECK(d.retry_count == 0);
    CHECK(d.retry_delay == 1s);
    CHECK(d.transport_connect_timeout == 20s);
    CHECK_FALSE(d.connect_timeout);
    CHECK(d.sdu == 8192);
    CHECK(d.security.ssl_server_dn_match);
}

TEST_CASE("descriptor: malformed text says where and what") {
    struct row {
        const char* text;
        client_errc code;
        const char* message;
    };
    constexpr auto bad          = client_errc::connect_string_invalid;
    const std::vector<row> rows = {
        {"(", bad, "offset 1: expected a keyword but the text ends"},
        {"(DESCRIPTION", bad, "offset 12: expected '=' after DESCRIPTION"},
        {"(DESCRIPTION=(ADDRESS=(HOST=h))", bad,
         "offset 31: missing ')' to close DESCRIPTION opened at offset 0"},
        {"(DESCRIPTION=(ADDRESS=(HOST=h)))x", bad,
         "offset 32: unexpected text after the descriptor's closing ')'"},
        {"(DESCRIPTION=(ADDRESS=(HOST=h)))(DESCRIPTION=)", bad,
         "offset 32: unexpected text after the descriptor's closing ')'"},
        {"(DESCRIPTION=(ADDRESS=(HOST=h))junk)", bad,
         "offset 31: expected '(' or ')' in the list of DESCRIPTION but got 'j'"},
        {"(DESCRIPTION=(=x))", bad, "offset 14: expected a keyword but got '='"},
        {"(DESCRIPTION=(ADDRESS=(HOST=a(b))))", bad, "offset 29: unexpected '(' in the value of HOST"},
        {"(DESCRIPTION=(ADDRESS=(HOST=\"h)))", bad, "offset 28: unterminated quoted value of HOST"},
        {"(DESCRIPTION=(ADDRESS=(HOST=\"h\"x)))", bad, "offset 31: expected ')' after the value of HOST"},
        {"(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=99999)))", bad,
         "offset 36: invalid PORT \"99999\" (expected 0..65535)"},
        {"(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=0)))", bad,
         "offset 36: invalid PORT \"0\" (expected 1..65535)"},
        {"(DESCRIPTION=(ADDRESS=(PROTOCOL=ipc)(HOST=h)))", bad,
         "offset 32: invalid PROTOCOL \"ipc\" (expected TCP or TCPS)"},
        {"(DESCRIPTION=(ADDRESS=(PORT=1)))", bad, "offset 14: ADDRESS has no HOST"},
        {"(DESCRIPTION=(ADDRESS=h))", bad, "offset 22: ADDRESS takes (NAME=value) entries, not a value"},
        {"(DESCRIPTION=(FAILOVER=(X=1))(ADDRESS=(HOST=h)))", bad,
         "offset 23: FAILOVER takes a value, not a list"},
        {"(DESCRIPTION=(FAILOVER=sometimes)(ADDRESS=(HOST=h)))", bad,
         "offset 23: invalid FAILOVER \"sometimes\" (expected ON or OFF)"},
        {"(DESCRIPTION=(RETRY_DELAY=soon)(ADDRESS=(HOST=h)))", bad,
         "offset 26: invalid RETRY_DELAY \"soon\" (expected seconds, or a number with ms, sec or min)"},
        {"(DESCRIPTION=(ADDRESS=(HOST=h))(CONNECT_DATA=(SERVER=big)))", bad,
         "offset 53: invalid SERVER \"big\" (expected DEDICATED, SHARED or POOLED)"},
        {"(DESCRIPTION=(ADDRESS=(HOST=h))(SECURITY=(SSL_VERSION=1.1)))", bad,
         "offset 54: invalid SSL_VERSION \"1.1\" (expected TLSv1.2 or TLSv1.3)"},
        {"(CONNECT_DATA=(SERVICE_NAME=x))", bad,
         "offset 1: expected DESCRIPTION, DESCRIPTION_LIST or ADDRESS but got CONNECT_DATA"},
        {"(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)))", client_errc::connect_descriptor_no_address,
         "offset 0: the descriptor has no ADDRESS"},
        {"(DESCRIPTION=\n  (ADDRESS=(HOST=h)\n  (PORT=x)))", bad,
         "line 3, column 9: invalid PORT \"x\" (expected 0..65535)"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        description_list dl;
        diagnostics diag;
        CHECK(oranet::parse_connect_descriptor(r.text, dl, diag) == r.code);
        CHECK(diag.client_message == r.message);
    }

    // Nesting is bounded.
    std::string deep;
    for (int i = 0; i < 40; ++i)
        deep += "(A=";
    description_list dl;
    diagnostics diag;
    CHECK(oranet::parse_connect_descriptor(deep, dl, diag) == bad);
    CHECK(diag.client_message == "offset 51: descriptor nests too deeply");
}

TEST_CASE("render: the descriptor a CONNECT packet carries") {
    const oranet::client_identity cid{"prog", "box", "me", ""};
    // The simple case is exactly what oranet sent before this parser
    // (and what python-oracledb sends).
    auto dl = ez("db:1521/FREEPDB1");
    CHECK(oranet::render_description(dl.descriptions[0], &cid) ==
          "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=db)(PORT=1521))"
          "(CONNECT_DATA=(SERVICE_NAME=FREEPDB1)(CID=(PROGRAM=prog)(HOST=box)(USER=me))))");

    // Options in python-oracledb's order; lists; SECURITY only with TCPS;
    // pool options other than POOL_BOUNDARY left out when a CID is sent.
    dl =
        ez("tcps://a,b:2484;c/svc:shared/inst?retry_count=2&retry_delay=500ms&expire_time=3"
           "&transport_connect_timeout=90&connect_timeout=2&sdu=4096&pool_connection_class=cc&pool_boundary="
           "statement"
           "&load_balance=on&ssl_server_cert_dn=\"CN=x\"");
    const oranet::client_identity odd{"a(b)=c", "h\\n", "u\x01", "abc"};
    CHECK(oranet::render_description(dl.descriptions[0], &odd) ==
          "(DESCRIPTION=(LOAD_BALANCE=ON)(RETRY_COUNT=2)(RETRY_DELAY=500ms)(EXPIRE_TIME=3)(CONNECT_TIMEOUT=2)"
          "(TRANSPORT_CONNECT_TIMEOUT=90)(SDU=4096)"
          "(ADDRESS_LIST=(ADDRESS=(PROTOCOL=tcps)(HOST=a)(PORT=2484))(ADDRESS=(PROTOCOL=tcps)(HOST=b)(PORT="
          "2484)))"
          "(ADDRESS_LIST=(ADDRESS=(PROTOCOL=tcps)(HOST=c)(PORT=1521)))"
          "(CONNECT_DATA=(SERVICE_NAME=svc)(INSTANCE_NAME=inst)(SERVER=shared)(POOL_BOUNDARY=statement)"
          "(CID=(PROGRAM=a?b??c)(HOST=h?n)(USER=u?))(CONNECTION_ID=abc))"
          "(SECURITY=(SSL_SERVER_DN_MATCH=ON)(SSL_SERVER_CERT_DN=\"CN=x\")))");
    CHECK(oranet::render_description(dl.descriptions[0]).find("(POOL_CONNECTION_CLASS=cc)") !=
          std::string::npos);

    // Durations come back in python-oracledb's form.
    CHECK(oranet::render_descriptor(ez("h?transport_connect_timeout=120"))
              .find("(TRANSPORT_CONNECT_TIMEOUT=2min)") != std::string::npos);
    CHECK(oranet::render_descriptor(ez("h?transport_connect_timeout=1.5"))
              .find("(TRANSPORT_CONNECT_TIMEOUT=1500ms)") != std::string::npos);
}

TEST_CASE("render: descriptors round-trip through the parser") {
    for (const char* s : {
             "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=h)(PORT=1))(CONNECT_DATA=(SID=orcl)))",
             "(DESCRIPTION=(FAILOVER=OFF)(LOAD_BALANCE=ON)(RETRY_COUNT=1)(RETRY_DELAY=2)"
             "(ADDRESS_LIST=(LOAD_BALANCE=ON)(ADDRESS=(PROTOCOL=tcp)(HOST=a)(PORT=1)))"
             "(ADDRESS_LIST=(ADDRESS=(PROTOCOL=tcps)(HOST=b)(PORT=2)(HTTPS_PROXY=p)(HTTPS_PROXY_PORT=3)))"
             "(CONNECT_DATA=(SERVICE_NAME=s)(SERVER=pooled)(POOL_CONNECTION_CLASS=c)(POOL_PURITY=SELF)(X=(Y="
             "z)))"
             "(SECURITY=(SSL_SERVER_DN_MATCH=ON)(MY_WALLET_DIRECTORY=\"/a(b)/\")))",
             "(DESCRIPTION_LIST=(FAILOVER=OFF)(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=a)(PORT=1)))"
             "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=b)(PORT=2))))",
         }) {
        INFO(s);
        const auto dl       = desc(s);
        const auto rendered = oranet::render_descriptor(dl);
        CHECK(rendered == s);
        CHECK(desc(rendered) == dl);
    }
}

TEST_CASE("resolve: any connect string to the model") {
    const oranet::resolve_options none{"/nonexistent-oranet-dir"};
    description_list dl;
    diagnostics diag;
    // Descriptor and Easy Connect strings need no tnsnames.ora.
    REQUIRE_FALSE(oranet::resolve_connect_string("  (DESCRIPTION=(ADDRESS=(HOST=h)))  ", {}, dl, diag));
    CHECK(dl.all_addresses().at(0).host == "h");
    REQUIRE_FALSE(oranet::resolve_connect_string("db:1600/svc", {}, dl, diag));
    CHECK(dl.all_addresses().at(0).port == 1600);
    // A bare name with a configured directory that has no tnsnames.ora.
    CHECK(oranet::resolve_connect_string("mydb", none, dl, diag) == client_errc::tnsnames_unreadable);
    CHECK(diag.client_message == "no tnsnames.ora in /nonexistent-oranet-dir for alias mydb");
    CHECK(oranet::resolve_connect_string("   ", {}, dl, diag) == client_errc::connect_string_invalid);
    CHECK(diag.client_message == "the connect string is empty");
}

namespace {

// The value of "(NAME=" up to its ')' in a descriptor text.
std::string field(const std::string& text, const std::string& name) {
    const auto at = text.find("(" + name + "=");
    if (at == std::string::npos) return {};
    const auto start = at + name.size() + 2;
    return text.substr(start, text.find(')', start) - start);
}

}  // namespace

TEST_CASE("render: the descriptors python-oracledb sent in its CONNECT packets") {
    // Golden: the client's CONNECT packet of each 23ai session dump in
    // ../shared/vectors/captures/free23-python-oracledb (read at test time).
    // Parsing python-oracledb's text and rendering it with the same CID and
    // connection id gives back its exact bytes.
    ORANET_REQUIRE_VECTOR(folder, "captures/free23-python-oracledb");
    int checked = 0;
    for (const auto& path : oranet::test::session_dumps(folder)) {
        // The first client packet holding the descriptor: the CONNECT itself,
        // or the DATA packet right after it when the text is too long for it.
        for (const auto& p : oranet::test::read_packet_dump(path)) {
            if (p.direction != oranet::test::packet_direction::client_to_server) continue;
            const std::string bytes(p.bytes.begin(), p.bytes.end());
            const auto at = bytes.find("(DESCRIPTION");
            if (at == std::string::npos) continue;
            const std::string text = bytes.substr(at);
            INFO(path.filename().string() << ": " << text);
            description_list dl;
            diagnostics diag;
            REQUIRE_FALSE(oranet::parse_connect_descriptor(text, dl, diag));
            const oranet::client_identity cid{field(text, "PROGRAM"),
                                              field(text.substr(text.find("(CID=")), "HOST"),
                                              field(text, "USER"), field(text, "CONNECTION_ID")};
            CHECK(oranet::render_description(dl.descriptions.at(0), &cid) == text);
            ++checked;
            break;
        }
    }
    CHECK(checked > 0);
}

TEST_CASE("render: random models survive render and parse (property)") {
    std::mt19937 rng(20261124);
    const auto pick   = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const auto coin   = [&] { return pick(2) == 1; };
    const auto word   = [&](const char* prefix) { return std::string(prefix) + std::to_string(pick(1000)); };
    const auto random = [&] {
        oranet::description d;
        d.failover      = coin();
        d.load_balance  = coin();
        d.source_route  = coin();
        const int lists = 1 + pick(3);
        for (int l = 0; l < lists; ++l) {
            oranet::address_list al;
            al.failover     = coin();
            al.load_balance = coin();
            al.source_route = coin();
            const int n     = 1 + pick(3);
            for (int a = 0; a < n; ++a) {
                oranet::net_address na;
                na.protocol = coin() ? net_protocol::tcps : net_protocol::tcp;
                na.host     = pick(4) == 0 ? "fe80::" + std::to_string(pick(99)) : word("host") + ".example";
                na.port     = static_cast<std::uint16_t>(1 + pick(65535));
                if (pick(4) == 0) {
                    na.https_proxy      = word("proxy");
                    na.https_proxy_port = static_cast<std::uint16_t>(1 + pick(65535));
                }
                al.addresses.push_back(na);
            }
            d.address_lists.push_back(al);
        }
        if (coin()) d.connect_timeout = std::chrono::milliseconds(pick(100000));
        d.transport_connect_timeout = std::chrono::milliseconds(pick(4) == 0 ? 20000 : pick(600000));
        d.retry_count               = static_cast<std::uint32_t>(pick(4));
        d.retry_delay               = std::chrono::milliseconds(pick(3) == 0 ? 1000 : pick(10000));
        d.expire_time               = static_cast<std::uint32_t>(pick(3));
        d.sdu                       = static_cast<std::uint32_t>(512 + pick(100000));
        d.use_sni                   = coin();
        d.data.service_name         = coin() ? word("svc") : "";
        if (coin()) {
            d.data.instance_name = word("inst");
        } else if (coin()) {
            d.data.sid = word("sid");
        }
        d.data.server = static_cast<oranet::server_type>(pick(4));
        if (coin()) d.data.pool_connection_class = word("cc");
        if (coin()) d.data.pool_purity = coin() ? "SELF" : "NEW";
        if (coin()) d.data.pool_boundary = coin() ? "STATEMENT" : "TRANSACTION";
        if (coin()) d.data.extra.push_back("(FAILOVER_MODE=(TYPE=SELECT)(METHOD=BASIC))");
        if (d.uses_tcps()) {
            d.security.ssl_server_dn_match = coin();
            if (coin()) d.security.ssl_server_cert_dn = "CN=" + word("db") + ",O=Example";
            if (coin()) d.security.wallet_location = "/wallets/" + word("w");
            if (coin()) d.security.ssl_version = coin() ? "TLSv1.2" : "TLSv1.3";
        }
        return d;
    };
    for (int i = 0; i < 500; ++i) {
        description_list dl;
        const int n     = 1 + pick(2);
        dl.failover     = n == 1 || coin();
        dl.load_balance = n > 1 && coin();
        for (int k = 0; k < n; ++k)
            dl.descriptions.push_back(random());
        const auto text = oranet::render_descriptor(dl);
        INFO(text);
        description_list back;
        diagnostics diag;
        REQUIRE_FALSE(oranet::parse_connect_descriptor(text, back, diag));
        CHECK(back == dl);
    }
}

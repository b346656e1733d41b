// `oranet proxy --pcap` between a client and `oranet emulate`, then `oranet
// dump` of the capture: node-oracledb, python-oracledb and oranet sql each
// run a short session through the proxy. For every TNS packet, its frame,
// type and length agree with tshark's TNS dissector on the same file (when
// tshark is installed), every TTC message decodes, and the proxy's live log
// says what the dump of its capture says.
#include "dump/dump.hpp"
#include "lib/emulator_process.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

using bytes  = std::vector<std::uint8_t>;
namespace fs = std::filesystem;

namespace {

const std::string oranet_bin = std::string(ORANET_BINARY_DIR) + "/tools/oranet";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string run(const std::string& cmd) {
    std::string out;
    if (FILE* f = popen(cmd.c_str(), "r")) {
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
            out.append(buf, n);
        pclose(f);
    }
    return out;
}

bool have(const std::string& tool) {
    return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// `oranet proxy` as a child process, its output in a file.
class proxy_process {
public:
    proxy_process(std::uint16_t to_port, const fs::path& pcap, const fs::path& log) {
        std::vector<std::string> args = {oranet_bin,    "proxy",       "--listen",
                                         "127.0.0.1:0", "--to",        "127.0.0.1:" + std::to_string(to_port),
                                         "--pcap",      pcap.string(), "--json"};
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (posix_spawn(&pid_, oranet_bin.c_str(), &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&fa);
        for (int i = 0; i < 100 && pid_ > 0 && port_ == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            unsigned p = 0;
            if (std::sscanf(slurp(log).c_str(), "listening on 127.0.0.1:%u", &p) == 1)
                port_ = static_cast<std::uint16_t>(p);
        }
    }
    ~proxy_process() { stop(); }
    void stop() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            int st = 0;
            waitpid(pid_, &st, 0);
            pid_ = -1;
        }
    }
    [[nodiscard]] std::uint16_t port() const { return port_; }

private:
    pid_t pid_          = -1;
    std::uint16_t port_ = 0;
};

using packet_key = std::tuple<std::size_t, unsigned, std::uint32_t>;  // frame, type, length

// tshark's view: frame number, then the TNS type and length of each TNS PDU in it.
std::vector<packet_key> tshark_packets(const fs::path& pcap, const std::set<std::uint16_t>& server_ports) {
    std::string decode_as;
    for (auto port : server_ports)
        decode_as += " -d tcp.port==" + std::to_string(port) + ",tns";
    const std::string out = run("tshark -r " + pcap.string() + decode_as +
                                " -T fields -E separator=/t -E aggregator=, -e frame.number -e tns.type "
                                "-e tns.length 2>/dev/null");
    std::vector<packet_key> keys;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream f(line);
        std::string frame, types, lengths;
        std::getline(f, frame, '\t');
        std::getline(f, types, '\t');
        std::getline(f, lengths, '\t');
        if (types.empty()) continue;
        std::istringstream ts(types), ls(lengths);
        std::string t, l;
        while (std::getline(ts, t, ',') && std::getline(ls, l, ','))
            keys.emplace_back(std::stoul(frame), static_cast<unsigned>(std::stoul(t)),
                              static_cast<std::uint32_t>(std::stoul(l)));
    }
    return keys;
}

struct session_result {
    std::vector<oranet::dump::packet_out> packets;
    std::string live_log;
    std::uint16_t server_port = 0;
    fs::path pcap;
};

// Runs `client_cmd` (with PORT replaced by the proxy's port) through a proxy
// in front of a fresh emulator and decodes the capture.
void through_proxy(const std::string& name, std::string client_cmd, session_result& res,
                   const std::string& profile) {
    ORANET_REQUIRE_EMULATOR(emu, std::vector<std::string>{"--profile", profile});
    const fs::path dir = fs::temp_directory_path() / ("oranet-proxy-test-" + std::to_string(getpid()));
    fs::create_directories(dir);
    res.pcap        = dir / (name + "-" + profile + ".pcap");
    const auto log  = dir / (name + "-" + profile + ".log");
    res.server_port = emu.port();
    proxy_process proxy(emu.port(), res.pcap, log);
    REQUIRE(proxy.port() != 0);
    const auto at = client_cmd.find("PORT");
    client_cmd.replace(at, 4, std::to_string(proxy.port()));
    const std::string out = run(client_cmd + " 2>&1");
    INFO(out);
    CHECK(out.find("ORA-00942") != std::string::npos);  // the client saw the server's error through the proxy
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    proxy.stop();
    res.live_log          = slurp(log);
    const std::string f   = slurp(res.pcap);
    const std::string err = oranet::dump::decode_capture(
        bytes(f.begin(), f.end()), [&](const oranet::dump::packet_out& p) { res.packets.push_back(p); });
    CHECK(err.empty());
}

void check_session(const session_result& r, const std::string& expect_value) {
    struct cleanup {
        fs::path dir;
        ~cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);  // the capture and the log of this session
        }
    } guard{r.pcap.parent_path()};
    REQUIRE(r.packets.size() >= 10);
    CHECK(r.packets[0].packet == "CONNECT");
    CHECK(r.packets[0].from_client);
    std::size_t rows = 0;
    for (const auto& p : r.packets) {
        INFO("frame " << p.frame << " " << p.packet);
        CHECK(p.error.empty());
        CHECK(p.packet != "UNKNOWN");
        for (const auto& m : p.messages) {
            INFO("message " << m.type);
            CHECK(m.error.empty());  // every TTC message of these sessions decodes
            if (m.type == "row_data") {
                for (const auto& [col, v] : m.values)
                    if (v == expect_value) ++rows;  // the workload's row (node also asks for DBTIMEZONE)
            }
        }
    }
    CHECK(rows == 1);
    // The error number reaches the JSON as an integer, live and from the capture.
    CHECK(r.live_log.find("\"error_number\":942") != std::string::npos);
    // The live log has one JSON line per TNS packet of the capture.
    std::size_t live_packets = 0;
    std::istringstream lines(r.live_log);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind("{\"frame\":", 0) == 0) ++live_packets;
    CHECK(live_packets == r.packets.size());
    if (!have("tshark")) {
        WARN("skipped the tshark comparison: tshark is not installed (apt-get install tshark)");
        return;
    }
    std::vector<packet_key> ours;
    for (const auto& p : r.packets)
        ours.emplace_back(p.frame, p.type_byte, p.length);
    const auto theirs = tshark_packets(r.pcap, {r.server_port});
    CHECK(ours.size() == theirs.size());
    CHECK(ours == theirs);
    // The same capture converted to pcapng by Wireshark's editcap dumps the same.
    if (have("editcap")) {
        const fs::path ng = r.pcap.string() + "ng";
        (void)run("editcap -F pcapng " + r.pcap.string() + " " + ng.string() + " 2>&1");
        const std::string f = slurp(ng);
        std::vector<packet_key> from_ng;
        const std::string err = oranet::dump::decode_capture(
            bytes(f.begin(), f.end()),
            [&](const oranet::dump::packet_out& p) { from_ng.emplace_back(p.frame, p.type_byte, p.length); });
        CHECK(err.empty());
        CHECK(from_ng == ours);
    }
}

}  // namespace

TEST_CASE("oranet sql through oranet proxy: the capture agrees with tshark", "[proxy]") {
    // TNS 315 (12.1), 318 (19c) and 319 with fast auth and end of response (23ai).
    const std::string profile = GENERATE(as<std::string>{}, "12.1", "19", "23");
    DYNAMIC_SECTION("profile " << profile) {
        session_result r;
        through_proxy("oranet",
                      oranet_bin +
                          " sql demo/demo@127.0.0.1:PORT/FREEPDB1 -e \"select 42 as n from dual\" -e "
                          "\"select * from no_such_table\"",
                      r, profile);
        if (r.packets.empty()) return;
        check_session(r, "42");
    }
}

TEST_CASE("python-oracledb through oranet proxy: the capture agrees with tshark", "[proxy]") {
    if (std::system("/usr/bin/python3 -c 'import oracledb' >/dev/null 2>&1") != 0) {
        WARN("skipped: /usr/bin/python3 has no oracledb module");
        return;
    }
    // TNS 315 (12.1), 318 (19c) and 319 with fast auth and end of response (23ai).
    const std::string profile = GENERATE(as<std::string>{}, "12.1", "19", "23");
    DYNAMIC_SECTION("profile " << profile) {
        session_result r;
        through_proxy("python",
                      "/usr/bin/python3 -c \"import oracledb\n"
                      "c = oracledb.connect(user='demo', password='demo', dsn='127.0.0.1:PORT/FREEPDB1')\n"
                      "print(c.cursor().execute('select 42 as n from dual').fetchall())\n"
                      "try:\n    c.cursor().execute('select * from no_such_table')\n"
                      "except Exception as e:\n    print(e)\n"
                      "c.close()\"",
                      r, profile);
        if (r.packets.empty()) return;
        check_session(r, "42");
    }
}

TEST_CASE("node-oracledb through oranet proxy: the capture agrees with tshark", "[proxy]") {
    const std::string modules = std::string(ORANET_SOURCE_DIR) + "/tests/peers/node/node_modules";
    if (!have("node") || !fs::exists(modules + "/oracledb")) {
        WARN("skipped: node or tests/peers/node/node_modules/oracledb is missing");
        return;
    }
    // TNS 315 (12.1), 318 (19c) and 319 with fast auth and end of response (23ai).
    const std::string profile = GENERATE(as<std::string>{}, "12.1", "19", "23");
    DYNAMIC_SECTION("profile " << profile) {
        session_result r;
        through_proxy("node",
                      "NODE_PATH=" + modules + " node " + std::string(ORANET_SOURCE_DIR) +
                          "/tests/tools/dump/node_client.js PORT",
                      r, profile);
        if (r.packets.empty()) return;
        check_session(r, "42");
    }
}

TEST_CASE("the peer judges' workloads through oranet proxy: every message decodes, tshark agrees",
          "[proxy][judge]") {
    const std::string src   = ORANET_SOURCE_DIR;
    const std::string via   = src + "/tests/tools/dump/oranet_via_proxy.py";
    const std::string nodes = src + "/tests/peers/node";
    struct judge {
        std::string name, command;
        bool available;
    };
    const std::vector<judge> judges = {
        {"python", "ENV /usr/bin/python3 " + src + "/tests/peers/python/judge.py " + via + " 19",
         std::system("/usr/bin/python3 -c 'import oracledb' >/dev/null 2>&1") == 0},
        {"node", "cd " + nodes + " && ENV node judge.js " + via + " 19",
         have("node") && fs::exists(nodes + "/node_modules/oracledb")},
    };
    for (const auto& j : judges) {
        DYNAMIC_SECTION(j.name << " judge") {
            if (!j.available || !fs::exists(oranet_bin)) {
                WARN("skipped: the " << j.name << " judge or the oranet binary is missing");
                continue;
            }
            const fs::path pcap = fs::temp_directory_path() /
                                  ("oranet-judge-" + j.name + "-" + std::to_string(getpid()) + ".pcap");
            std::string cmd = j.command;
            cmd.replace(cmd.find("ENV"), 3,
                        "ORANET_LOG=warn ORANET_BIN=" + oranet_bin + " ORANET_PROXY_PCAP=" + pcap.string());
            const std::string out = run(cmd + " 2>&1");
            INFO(out);
            CHECK(out.find(" 0 failed") != std::string::npos);
            const std::string f = slurp(pcap);
            std::vector<packet_key> ours;
            std::set<std::uint16_t> server_ports;
            std::size_t messages  = 0;
            const std::string err = oranet::dump::decode_capture(
                bytes(f.begin(), f.end()), [&](const oranet::dump::packet_out& p) {
                    INFO("frame " << p.frame << " " << p.packet);
                    CHECK(p.error.empty());
                    for (const auto& m : p.messages) {
                        INFO("message " << m.type);
                        CHECK(m.error.empty());
                        ++messages;
                    }
                    ours.emplace_back(p.frame, p.type_byte, p.length);
                    const std::string& server = p.from_client ? p.dst : p.src;
                    server_ports.insert(
                        static_cast<std::uint16_t>(std::stoul(server.substr(server.rfind(':') + 1))));
                });
            std::error_code ec;
            CHECK(err.empty());
            CHECK(messages > 300);
            if (have("tshark")) {
                CHECK(ours == tshark_packets(pcap, server_ports));
            } else {
                WARN("skipped the tshark comparison: tshark is not installed");
            }
            fs::remove(pcap, ec);
        }
    }
}

TEST_CASE("packet traces printed by node-oracledb and python-oracledb 1.2.1 decode", "[trace]") {
    // NODE_ORACLEDB_DEBUG_PACKETS and PYO_DEBUG_PACKETS against the emulator:
    // the clients' own hex dumps of every packet they send and receive.
    ORANET_REQUIRE_EMULATOR(emu);
    const std::string port    = std::to_string(emu.port());
    const std::string modules = std::string(ORANET_SOURCE_DIR) + "/tests/peers/node/node_modules";
    struct client {
        std::string name, command;
        bool available;
    };
    const std::vector<client> clients = {
        {"node",
         "NODE_ORACLEDB_DEBUG_PACKETS=1 NODE_PATH=" + modules + " node " + std::string(ORANET_SOURCE_DIR) +
             "/tests/tools/dump/node_client.js " + port,
         have("node") && fs::exists(modules + "/oracledb")},
        {"python",
         "PYO_DEBUG_PACKETS=1 /usr/bin/python3 -c \"import oracledb\n"
         "c = oracledb.connect(user='demo', password='demo', dsn='127.0.0.1:" +
             port +
             "/FREEPDB1')\n"
             "print(c.cursor().execute('select 42 as n from dual').fetchall())\n"
             "c.close()\"",
         std::system("/usr/bin/python3 -c 'import oracledb' >/dev/null 2>&1") == 0},
    };
    for (const auto& c : clients) {
        DYNAMIC_SECTION(c.name) {
            if (!c.available) {
                WARN("skipped: " << c.name << " client missing");
                continue;
            }
            const std::string trace = run(c.command + " 2>&1");
            std::vector<oranet::dump::packet_out> ps;
            const std::string err =
                oranet::dump::decode_capture(bytes(trace.begin(), trace.end()),
                                             [&](const oranet::dump::packet_out& p) { ps.push_back(p); });
            CHECK(err.empty());
            REQUIRE(ps.size() >= 8);
            CHECK(ps[0].packet == "CONNECT");
            CHECK(ps[0].from_client);
            CHECK(ps[1].packet == "ACCEPT");
            CHECK_FALSE(ps[1].from_client);
            std::size_t rows_42 = 0;
            for (const auto& p : ps) {
                INFO("packet " << p.frame << " " << p.packet);
                CHECK(p.stream == 1);
                CHECK(p.error.empty());
                for (const auto& m : p.messages) {
                    INFO("message " << m.type);
                    CHECK(m.error.empty());
                    for (const auto& [col, v] : m.values)
                        if (v == "42") ++rows_42;
                }
            }
            CHECK(rows_42 == 1);
        }
    }
}

// oranet: one binary, several subcommands.
#include <oranet/oranet.hpp>

#include <cstdio>
#include <cstring>
#include <string_view>

namespace oranet::cli {
int emulate_command(int argc, char** argv);
int sql_command(int argc, char** argv);
int ping_command(int argc, char** argv);
int dump_command(int argc, char** argv);
int proxy_command(int argc, char** argv);
}  // namespace oranet::cli

namespace {

constexpr const char* usage_text =
    "usage: oranet <command> [options]\n"
    "\n"
    "A pure C++ client for Oracle Database (TNS/TTC, O5Logon, TLS).\n"
    "\n"
    "commands:\n"
    "  sql       run SQL statements: -e, -f scripts or an interactive prompt\n"
    "  ping      reach a listener (TNS version, SDU, TLS); with a user, log in and time pings\n"
    "  emulate   run a TNS/TTC server backed by SQLite, for tests and demos\n"
    "  dump      decode Oracle Net traffic from a pcap/pcapng capture or a packet trace\n"
    "  proxy     forward connections to a server and log the decoded traffic live\n"
    "\n"
    "options:\n"
    "  --version   print the version and exit\n"
    "  --help      print this text and exit\n"
    "\n"
    "environment:\n"
    "  ORANET_LOG  log level on stderr: off, error, warn (default), info, debug, trace\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(usage_text, stderr);
        return 2;
    }
    const std::string_view cmd = argv[1];
    if (cmd == "--version" || cmd == "version") {
        std::printf("oranet %s\n", oranet::version_string);
        return 0;
    }
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::fputs(usage_text, stdout);
        return 0;
    }
    if (cmd == "emulate") return oranet::cli::emulate_command(argc - 2, argv + 2);
    if (cmd == "sql") return oranet::cli::sql_command(argc - 2, argv + 2);
    if (cmd == "ping") return oranet::cli::ping_command(argc - 2, argv + 2);
    if (cmd == "dump") return oranet::cli::dump_command(argc - 2, argv + 2);
    if (cmd == "proxy") return oranet::cli::proxy_command(argc - 2, argv + 2);
    std::fprintf(stderr, "oranet: unknown command '%s' (try oranet --help)\n", argv[1]);
    return 2;
}

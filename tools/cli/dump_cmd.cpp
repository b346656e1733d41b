// `oranet dump FILE [--json]`: decodes a capture (tools/dump).
#include "dump/dump.hpp"

#include <cstdio>
#include <string>
#include <string_view>

namespace oranet::cli {

int dump_command(int argc, char** argv) {
    dump::output_options o;
    std::string path;
    for (int i = 0; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--json") {
            o.json = true;
        } else if (a == "--help" || a == "-h") {
            std::puts(
                "usage: oranet dump FILE [--json]\n"
                "\n"
                "Decodes Oracle Net traffic: pcap and pcapng captures, and the packet dumps\n"
                "python-oracledb (PYO_DEBUG_PACKETS) and node-oracledb\n"
                "(NODE_ORACLEDB_DEBUG_PACKETS) print. Prints every TNS packet and every TTC\n"
                "message field by field; --json prints one JSON object per TNS packet.");
            return 0;
        } else if (path.empty() && !a.starts_with("--")) {
            path = std::string(a);
        } else {
            std::fprintf(stderr, "oranet dump: unexpected argument '%s'\n", argv[i]);
            return 2;
        }
    }
    if (path.empty()) {
        std::fputs("usage: oranet dump FILE [--json]\n", stderr);
        return 2;
    }
    return dump::run_dump(path, o, stdout);
}

}  // namespace oranet::cli

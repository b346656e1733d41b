// `oranet ping [user[/password]@]connect_string [-n N] [--timeout SECONDS]`:
// like tnsping, and more. It resolves the connect string, reaches the
// listener with the CONNECT a login would send and reports its answer (the
// negotiated TNS version and SDU, or the listener's refusal, or a redirect),
// with TLS details. With a user it logs in too, reports the server version
// and the round-trip time of N pings. Exit status: 0 when everything asked
// for worked, 1 when the listener refused or the login/pings failed, 2 for a
// usage error.
#include "line_editor.hpp"

#include <oranet/oranet.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::cli {
namespace {

constexpr const char* ping_usage =
    "usage: oranet ping [user[/password]@]connect_string [-n N] [--timeout SECONDS]\n"
    "\n"
    "Reaches the listener and reports its answer (TNS version, SDU, TLS);\n"
    "with a user, logs in and reports the server version and the round-trip\n"
    "time of N pings (default 4). The password comes from the connect string,\n"
    "ORANET_PASSWORD or a prompt on the terminal.\n";

double ms(std::chrono::microseconds us) { return static_cast<double>(us.count()) / 1000.0; }

}  // namespace

int ping_command(int argc, char** argv) {
    std::string target;
    int count   = 4;
    int timeout = 10;
    for (int i = 0; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(ping_usage, stdout);
            return 0;
        }
        if ((a == "-n" || a == "--count") && i + 1 < argc) {
            count = std::atoi(argv[++i]);
            if (count < 0 || count > 100000) {
                std::fprintf(stderr, "oranet ping: -n takes 0..100000\n");
                return 2;
            }
        } else if (a == "--timeout" && i + 1 < argc) {
            timeout = std::atoi(argv[++i]);
            if (timeout <= 0) {
                std::fprintf(stderr, "oranet ping: --timeout takes a positive number of seconds\n");
                return 2;
            }
        } else if (!a.empty() && a[0] != '-' && target.empty()) {
            target = a;
        } else {
            std::fprintf(stderr, "oranet ping: unexpected argument '%s'\n%s", argv[i], ping_usage);
            return 2;
        }
    }
    if (target.empty()) {
        std::fputs(ping_usage, stderr);
        return 2;
    }

    connect_params p;
    p.options.connect_timeout = std::chrono::seconds(timeout);
    p.options.call_timeout    = std::chrono::seconds(timeout);
    bool login                = false;
    if (target.find('@') != std::string::npos) {
        login_string ls;
        if (parse_login_string(target, ls)) {
            std::fprintf(stderr, "oranet ping: expected [user[/password]@]connect_string\n");
            return 2;
        }
        login            = true;
        p.user           = ls.user;
        p.connect_string = ls.connect_string;
        if (target.substr(0, target.rfind('@')).find('/') != std::string::npos) {
            p.password = ls.password;
        } else if (const char* env = std::getenv("ORANET_PASSWORD"); env != nullptr) {
            p.password = env;
        } else if (auto typed = read_password("Password for " + ls.user + ": ")) {
            p.password = *typed;
            std::fill(typed->begin(), typed->end(), '\0');
        } else {
            std::fprintf(stderr,
                         "oranet ping: no password: put it in ORANET_PASSWORD or run on a terminal\n");
            return 2;
        }
        std::fill(ls.password.begin(), ls.password.end(), '\0');
    } else {
        p.connect_string = target;
    }

    diagnostics diag;
    listener_probe probe;
    std::error_code ec = probe_listener(p, probe, diag);
    std::printf("target     %s:%u service %s over %s\n", probe.host.c_str(), probe.port,
                probe.service.empty() ? "(listener default)" : probe.service.c_str(),
                probe.tls ? "TCPS" : "TCP");
    if (ec) {
        std::fprintf(stderr, "oranet ping: %s\n", format_error(ec, diag).c_str());
        return 1;
    }
    std::printf("transport  up in %.2f ms%s%s\n", ms(probe.connect_time),
                probe.tls_details.empty() ? "" : ", ", probe.tls_details.c_str());
    switch (probe.outcome) {
        case listener_outcome::accepted:
            std::printf("listener   accepted in %.2f ms: TNS version %u, SDU %u, TDU %u\n",
                        ms(probe.answer_time), probe.tns_version, probe.sdu, probe.tdu);
            break;
        case listener_outcome::refused:
            std::printf("listener   refused in %.2f ms: ORA-%05d, listener data %s\n", ms(probe.answer_time),
                        probe.refuse_error, probe.listener_data.c_str());
            return 1;
        case listener_outcome::redirected:
            std::printf("listener   redirects in %.2f ms to %s\n", ms(probe.answer_time),
                        probe.listener_data.c_str());
            if (!login) return 0;
            break;
    }
    if (!login) return 0;

    const auto t0   = std::chrono::steady_clock::now();
    connection conn = connect(p, ec, diag);
    if (ec) {
        std::fprintf(stderr, "oranet ping: login failed: %s\n", format_error(ec, diag).c_str());
        return 1;
    }
    const auto login_time =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
    const auto v = conn.server_version_numbers();
    std::printf("login      %s in %.2f ms: Oracle Database %d.%d.%d.%d.%d %s\n", p.user.c_str(),
                ms(login_time), v[0], v[1], v[2], v[3], v[4], conn.server_version().c_str());
    std::vector<double> rtts;
    for (int i = 0; i < count; ++i) {
        const auto t = std::chrono::steady_clock::now();
        conn.ping(ec, diag);
        if (ec) {
            std::fprintf(stderr, "oranet ping: ping %d failed: %s\n", i + 1, format_error(ec, diag).c_str());
            return 1;
        }
        rtts.push_back(
            ms(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t)));
        std::printf("ping %-5d %.3f ms\n", i + 1, rtts.back());
    }
    if (!rtts.empty()) {
        double sum = 0;
        for (double r : rtts)
            sum += r;
        std::printf("round trip min %.3f ms, avg %.3f ms, max %.3f ms over %zu pings\n",
                    *std::min_element(rtts.begin(), rtts.end()), sum / static_cast<double>(rtts.size()),
                    *std::max_element(rtts.begin(), rtts.end()), rtts.size());
    }
    conn.close();
    return 0;
}

}  // namespace oranet::cli

#include "emulate/options.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace oranet::emulate {

const char* const usage_text =
    "usage: oranet emulate [options]\n"
    "\n"
    "A TNS/TTC server backed by SQLite that Oracle's clients can log in to.\n"
    "\n"
    "options:\n"
    "  --listen HOST:PORT     address to listen on (default 127.0.0.1:1521; port 0 picks a free one)\n"
    "  --service NAME         a service name to accept (repeatable; default FREEPDB1)\n"
    "  --user U/P[:11g|:12c][:expired]\n"
    "                         a user, its password verifier type and whether the password\n"
    "                         has expired (repeatable; default demo/demo)\n"
    "  --db FILE|:memory:     the SQLite database (default :memory:)\n"
    "  --profile 12.1|19|21|23  the server release to play (default 19)\n"
    "  --charset NAME         AL32UTF8 (default), WE8MSWIN1252 or WE8ISO8859P1\n"
    "  --tls CERT KEY         serve TCPS (TLS 1.2/1.3) with this PEM certificate chain and key\n"
    "  --tls-ca FILE          with --tls: require a client certificate issued by a CA in FILE\n"
    "  --redirect-to HOST:PORT  be a redirecting listener: answer every CONNECT with a REDIRECT\n"
    "                         to HOST:PORT (the client's connect data goes along)\n"
    "  --help                 print this text\n"
    "\n"
    "Prints \"listening on HOST:PORT\" on stdout once ready.\n";

namespace {

std::string upper(std::string_view s) {
    std::string r(s);
    std::transform(r.begin(), r.end(), r.begin(), [](unsigned char c) { return std::toupper(c); });
    return r;
}

// HOST:PORT, HOST may be an [IPv6] literal; `flag` names the option in errors.
bool parse_host_port(std::string_view text, std::string_view flag, std::string& host_out,
                     std::uint16_t& port_out, std::string& error) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        error = std::string(flag) + " expects HOST:PORT";
        return false;
    }
    std::string_view host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const std::string_view port = text.substr(colon + 1);
    unsigned value              = 0;
    const auto res              = std::from_chars(port.data(), port.data() + port.size(), value);
    if (res.ec != std::errc{} || res.ptr != port.data() + port.size() || value > 65535) {
        error = std::string(flag) + ": invalid port '" + std::string(port) + "'";
        return false;
    }
    host_out = std::string(host);
    port_out = static_cast<std::uint16_t>(value);
    return true;
}

bool parse_listen(std::string_view text, options& out, std::string& error) {
    return parse_host_port(text, "--listen", out.host, out.port, error);
}

}  // namespace

bool parse_profile(std::string_view text, profile& out) noexcept {
    if (text == "12.1") {
        out = profile::v12_1;
    } else if (text == "19") {
        out = profile::v19;
    } else if (text == "21") {
        out = profile::v21;
    } else if (text == "23") {
        out = profile::v23;
    } else {
        return false;
    }
    return true;
}

std::string_view profile_name(profile p) noexcept {
    switch (p) {
        case profile::v12_1: return "12.1";
        case profile::v19: return "19";
        case profile::v21: return "21";
        case profile::v23: return "23";
    }
    return "?";
}

std::uint16_t charset_id_from_name(std::string_view name) noexcept {
    const std::string n = upper(name);
    if (n == "AL32UTF8") return 873;
    if (n == "WE8MSWIN1252") return 178;
    if (n == "WE8ISO8859P1") return 31;
    return 0;
}

bool parse_user_spec(std::string_view text, user_spec& out, std::string& error) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0) {
        error = "--user expects U/P[:11g|:12c][:expired]";
        return false;
    }
    out                   = user_spec{};
    out.name              = std::string(text.substr(0, slash));
    std::string_view rest = text.substr(slash + 1);
    // Suffixes are taken from the right so that a password may contain ':'.
    for (;;) {
        const auto colon = rest.rfind(':');
        if (colon == std::string_view::npos) break;
        const std::string suffix = upper(rest.substr(colon + 1));
        if (suffix == "11G") {
            out.verifier = verifier_kind::v11g;
        } else if (suffix == "12C") {
            out.verifier = verifier_kind::v12c;
        } else if (suffix == "EXPIRED") {
            out.expired = true;
        } else {
            break;
        }
        rest = rest.substr(0, colon);
    }
    if (rest.empty()) {
        error = "--user: empty password for '" + out.name + "'";
        return false;
    }
    out.password = std::string(rest);
    return true;
}

bool parse_options(const std::vector<std::string_view>& args, options& out, bool& help, std::string& error) {
    help            = false;
    bool listen_set = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        auto value               = [&](std::string_view& v) {
            if (i + 1 >= args.size()) {
                error = std::string(a) + " needs a value";
                return false;
            }
            v = args[++i];
            return true;
        };
        std::string_view v;
        if (a == "--help" || a == "-h") {
            help = true;
            return true;
        } else if (a == "--listen") {
            if (!value(v) || !parse_listen(v, out, error)) return false;
            listen_set = true;
        } else if (a == "--service") {
            if (!value(v)) return false;
            if (v.empty()) {
                error = "--service: empty name";
                return false;
            }
            out.services.emplace_back(v);
        } else if (a == "--user") {
            if (!value(v)) return false;
            user_spec u;
            if (!parse_user_spec(v, u, error)) return false;
            out.users.push_back(std::move(u));
        } else if (a == "--db") {
            if (!value(v)) return false;
            out.db = std::string(v);
        } else if (a == "--profile") {
            if (!value(v)) return false;
            if (!parse_profile(v, out.prof)) {
                error = "--profile: expected 12.1, 19, 21 or 23, got '" + std::string(v) + "'";
                return false;
            }
        } else if (a == "--charset") {
            if (!value(v)) return false;
            out.charset_id = charset_id_from_name(v);
            if (out.charset_id == 0) {
                error = "--charset: expected AL32UTF8, WE8MSWIN1252 or WE8ISO8859P1, got '" + std::string(v) +
                        "'";
                return false;
            }
        } else if (a == "--tls") {
            std::string_view key;
            if (!value(v) || !value(key) || v.empty() || key.empty()) {
                error = "--tls expects CERT KEY";
                return false;
            }
            out.tls_cert = std::string(v);
            out.tls_key  = std::string(key);
        } else if (a == "--redirect-to") {
            if (!value(v) ||
                !parse_host_port(v, "--redirect-to", out.redirect_host, out.redirect_port, error))
                return false;
            if (out.redirect_port == 0 || out.redirect_host.empty()) {
                error = "--redirect-to: needs a host and a port other than 0";
                return false;
            }
        } else if (a == "--tls-ca") {
            if (!value(v)) return false;
            out.tls_ca = std::string(v);
        } else {
            error = "unknown option '" + std::string(a) + "'";
            return false;
        }
    }
    (void)listen_set;
    if (!out.tls_ca.empty() && out.tls_cert.empty()) {
        error = "--tls-ca needs --tls CERT KEY";
        return false;
    }
    if (out.services.empty()) out.services.emplace_back("FREEPDB1");
    if (out.users.empty()) out.users.push_back(user_spec{"demo", "demo", verifier_kind::v12c, false});
    return true;
}

}  // namespace oranet::emulate

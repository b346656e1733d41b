#include <oranet/easy_connect.hpp>

#include <cctype>
#include <charconv>

namespace oranet {
namespace {

bool valid_host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
}

bool valid_ipv6_char(char c) {
    return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9') || c == ':' ||
           c == '.' || c == '%';
}

bool valid_service_char(char c) {
    return c > ' ' && c != '(' && c != ')' && c != '=' && c != '/' && c != ':' && c != '@' && c != 0x7f;
}

}  // namespace

std::error_code parse_easy_connect(std::string_view s, easy_connect& out) {
    const auto bad = make_error_code(client_errc::connect_string_invalid);
    easy_connect r;
    const auto has_prefix = [&s](std::string_view prefix) {
        if (s.size() < prefix.size()) return false;
        for (std::size_t i = 0; i < prefix.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
        return true;
    };
    if (has_prefix("tcps://")) {
        r.use_tls = true;
        s.remove_prefix(7);
    } else if (has_prefix("tcp://")) {
        s.remove_prefix(6);
    } else if (s.substr(0, 2) == "//") {
        s.remove_prefix(2);
    }
    std::string_view host;
    if (!s.empty() && s.front() == '[') {
        const auto close = s.find(']');
        if (close == std::string_view::npos) return bad;
        host = s.substr(1, close - 1);
        for (char c : host)
            if (!valid_ipv6_char(c)) return bad;
        s.remove_prefix(close + 1);
    } else {
        const auto end = s.find_first_of(":/");
        host           = s.substr(0, end);
        for (char c : host)
            if (!valid_host_char(c)) return bad;
        s.remove_prefix(host.size());
    }
    if (host.empty()) return bad;
    r.host = std::string(host);
    if (!s.empty() && s.front() == ':') {
        s.remove_prefix(1);
        const auto end             = s.find('/');
        const std::string_view num = s.substr(0, end);
        unsigned port              = 0;
        const auto [p, ec]         = std::from_chars(num.data(), num.data() + num.size(), port);
        if (num.empty() || ec != std::errc{} || p != num.data() + num.size() || port == 0 || port > 65535)
            return bad;
        r.port = static_cast<std::uint16_t>(port);
        s.remove_prefix(num.size());
    }
    if (!s.empty()) {
        if (s.front() != '/') return bad;
        s.remove_prefix(1);
        for (char c : s)
            if (!valid_service_char(c)) return bad;
        r.service = std::string(s);
    }
    out = std::move(r);
    return {};
}

std::error_code parse_login_string(std::string_view s, login_string& out) {
    const auto at = s.rfind('@');
    if (at == std::string_view::npos || at == 0) return client_errc::connect_string_invalid;
    const std::string_view cred = s.substr(0, at);
    const auto slash            = cred.find('/');
    out.user                    = std::string(cred.substr(0, slash));
    out.password = slash == std::string_view::npos ? std::string() : std::string(cred.substr(slash + 1));
    out.connect_string = std::string(s.substr(at + 1));
    if (out.user.empty() || out.connect_string.empty()) return client_errc::connect_string_invalid;
    return {};
}

}  // namespace oranet

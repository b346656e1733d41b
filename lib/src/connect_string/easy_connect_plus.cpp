// Easy Connect Plus to the connect-descriptor model. The grammar and the
// parameter names are python-oracledb's (parsers.pyx: hosts, port back-fill,
// ';' lists, /service:server/instance, ?name=value&...) plus node-oracledb's
// CONNECT_TIMEOUT; unknown parameters are ignored, as both do.
#include "nv.hpp"
#include "values.hpp"

#include <oranet/connect_descriptor.hpp>

#include <algorithm>

namespace oranet {
namespace {

using detail::fail_at;
using detail::iequals;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == '.'; }
bool is_ipv6_char(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.' ||
           c == '%' || is_alpha(c);  // letters after '%' name a zone
}

std::string shown(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return "the end of the text";
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x20 || c >= 0x7f) return "a control or non-ASCII byte";
    return std::string("'") + s[pos] + "'";
}

class ez_parser {
public:
    ez_parser(std::string_view s, diagnostics& diag) : s_(s), diag_(diag) {}

    std::error_code run(description_list& out) {
        description d;
        net_protocol proto = net_protocol::tcp;
        if (auto ec = protocol(proto)) return ec;
        if (auto ec = hosts(d, proto)) return ec;
        if (!at_end() && s_[pos_] == '/') {
            if (auto ec = service(d)) return ec;
        }
        if (!at_end() && s_[pos_] == '?') {
            if (auto ec = parameters(d)) return ec;
        }
        if (!at_end())
            return fail_at(diag_, s_, pos_, "unexpected " + shown(s_, pos_) + " in Easy Connect string");
        if (d.address_lists.size() == 1) {
            // One ','-list: the hosts sit directly under the description, so
            // its FAILOVER and LOAD_BALANCE are theirs.
            d.address_lists[0].failover     = d.failover;
            d.address_lists[0].load_balance = d.load_balance;
        }
        out = description_list{};
        out.descriptions.push_back(std::move(d));
        return {};
    }

private:
    // "tcp://", "tcps://" or "//" in front.
    std::error_code protocol(net_protocol& proto) {
        const auto sep = s_.find("//");
        if (sep == std::string_view::npos) return {};
        if (sep == 0) {
            pos_ = 2;
            return {};
        }
        if (s_[sep - 1] != ':') return {};
        const std::string_view name = s_.substr(0, sep - 1);
        if (!std::all_of(name.begin(), name.end(), [](char c) { return is_name_char(c) && c != '.'; }))
            return {};
        if (iequals(name, "tcp")) {
            proto = net_protocol::tcp;
        } else if (iequals(name, "tcps")) {
            proto = net_protocol::tcps;
        } else {
            return fail_at(diag_, s_, 0, "unsupported protocol \"" + std::string(name) + "\" (tcp or tcps)");
        }
        pos_ = sep + 2;
        return {};
    }

    std::error_code hosts(description& d, net_protocol proto) {
        d.address_lists.emplace_back();
        std::size_t port_from = 0;  // first address of the list still without a port
        for (;;) {
            auto& list = d.address_lists.back();
            net_address a;
            a.protocol = proto;
            if (auto ec = host(a.host)) return ec;
            list.addresses.push_back(std::move(a));
            if (!at_end() && s_[pos_] == ':') {
                ++pos_;
                const std::size_t start = pos_;
                while (!at_end() && is_digit(s_[pos_]))
                    ++pos_;
                std::uint32_t port = 0;
                if (!detail::parse_uint(s_.substr(start, pos_ - start), 65535, port) || port == 0)
                    return fail_at(diag_, s_, start, "expected a port number 1..65535");
                for (std::size_t i = port_from; i < list.addresses.size(); ++i)
                    list.addresses[i].port = static_cast<std::uint16_t>(port);
                port_from = list.addresses.size();
            }
            if (at_end() || (s_[pos_] != ',' && s_[pos_] != ';')) return {};
            if (s_[pos_] == ';') {
                d.address_lists.emplace_back();
                port_from = 0;
            }
            ++pos_;
        }
    }

    std::error_code host(std::string& out) {
        const std::size_t start = pos_;
        if (!at_end() && s_[pos_] == '[') {
            const auto close = s_.find(']', pos_);
            if (close == std::string_view::npos)
                return fail_at(diag_, s_, pos_, "missing ']' after IPv6 address");
            const std::string_view addr = s_.substr(pos_ + 1, close - pos_ - 1);
            for (std::size_t i = 0; i < addr.size(); ++i)
                if (!is_ipv6_char(addr[i]))
                    return fail_at(diag_, s_, pos_ + 1 + i,
                                   "unexpected " + shown(s_, pos_ + 1 + i) + " in IPv6 address");
            if (addr.empty()) return fail_at(diag_, s_, pos_ + 1, "empty IPv6 address");
            out  = std::string(addr);
            pos_ = close + 1;
            return {};
        }
        while (!at_end() && is_name_char(s_[pos_]))
            ++pos_;
        if (pos_ == start) return fail_at(diag_, s_, pos_, "expected a host name but got " + shown(s_, pos_));
        out = std::string(s_.substr(start, pos_ - start));
        return {};
    }

    // "/service[:server][/instance]"; the service may be empty ("host/").
    std::error_code service(description& d) {
        ++pos_;
        std::size_t start = pos_;
        while (!at_end() && is_name_char(s_[pos_]))
            ++pos_;
        d.data.service_name = std::string(s_.substr(start, pos_ - start));
        if (!at_end() && s_[pos_] == ':') {
            start = ++pos_;
            while (!at_end() && is_alpha(s_[pos_]))
                ++pos_;
            const std::string_view server = s_.substr(start, pos_ - start);
            if (iequals(server, "dedicated")) {
                d.data.server = server_type::dedicated;
            } else if (iequals(server, "shared")) {
                d.data.server = server_type::shared;
            } else if (iequals(server, "pooled")) {
                d.data.server = server_type::pooled;
            } else {
                return fail_at(diag_, s_, start, "expected a server type (dedicated, shared or pooled)");
            }
        }
        if (!at_end() && s_[pos_] == '/') {
            start = ++pos_;
            while (!at_end() && is_name_char(s_[pos_]))
                ++pos_;
            if (pos_ == start) return fail_at(diag_, s_, pos_, "expected an instance name after '/'");
            d.data.instance_name = std::string(s_.substr(start, pos_ - start));
        }
        return {};
    }

    std::error_code parameters(description& d) {
        while (!at_end() && (s_[pos_] == '?' || s_[pos_] == '&')) {
            ++pos_;
            skip_spaces();
            if (at_end() || s_[pos_] == '&') continue;  // "?" alone, "&&": nothing
            const std::size_t name_start = pos_;
            while (!at_end() && (is_name_char(s_[pos_]) && s_[pos_] != '-'))
                ++pos_;
            if (pos_ == name_start)
                return fail_at(diag_, s_, pos_, "expected a parameter name but got " + shown(s_, pos_));
            const std::string name = detail::to_lower(s_.substr(name_start, pos_ - name_start));
            skip_spaces();
            if (at_end() || s_[pos_] != '=')
                return fail_at(diag_, s_, pos_, "expected '=' after parameter " + name);
            ++pos_;
            skip_spaces();
            const std::size_t value_start = pos_;
            std::string value;
            if (!at_end() && s_[pos_] == '"') {
                const auto close = s_.find('"', pos_ + 1);
                if (close == std::string_view::npos)
                    return fail_at(diag_, s_, pos_, "unterminated quoted value of parameter " + name);
                value = std::string(s_.substr(pos_ + 1, close - pos_ - 1));
                pos_  = close + 1;
                skip_spaces();
                if (!at_end() && s_[pos_] != '&')
                    return fail_at(diag_, s_, pos_, "expected '&' after the quoted value of " + name);
            } else {
                while (!at_end() && s_[pos_] != '&') {
                    if (s_[pos_] == '"')
                        return fail_at(diag_, s_, pos_, "unexpected '\"' inside the value of " + name);
                    ++pos_;
                }
                value = std::string(detail::trim(s_.substr(value_start, pos_ - value_start)));
            }
            if (value.empty()) continue;
            if (auto ec = apply(d, name, value, value_start)) return ec;
        }
        return {};
    }

    std::error_code apply(description& d, const std::string& name, const std::string& v, std::size_t at) {
        const auto bad = [&](const char* expected) {
            return fail_at(diag_, s_, at, "invalid " + name + " \"" + v + "\" (expected " + expected + ")");
        };
        std::uint32_t n = 0;
        std::chrono::milliseconds ms{0};
        const auto boolean = [&](bool& out) {
            return detail::parse_bool(v, out) ? std::error_code{} : bad("on or off");
        };
        const auto each_address = [&](auto f) {
            for (auto& l : d.address_lists)
                for (auto& a : l.addresses)
                    f(a);
        };
        if (name == "connect_timeout") {
            if (!detail::parse_duration(v, ms)) return bad("seconds, or a number with ms, sec or min");
            d.connect_timeout = ms;
        } else if (name == "transport_connect_timeout" || name == "tcp_connect_timeout") {
            if (!detail::parse_duration(v, ms)) return bad("seconds, or a number with ms, sec or min");
            d.transport_connect_timeout = ms;
        } else if (name == "retry_delay") {
            if (!detail::parse_duration(v, ms)) return bad("seconds, or a number with ms, sec or min");
            d.retry_delay = ms;
        } else if (name == "retry_count") {
            if (!detail::parse_uint(v, 1000, n)) return bad("0..1000");
            d.retry_count = n;
        } else if (name == "expire_time") {
            if (!detail::parse_uint(v, 1000000, n)) return bad("minutes");
            d.expire_time = n;
        } else if (name == "sdu") {
            if (!detail::parse_uint(v, 0xffffffffU, n)) return bad("a number of bytes");
            d.sdu = std::clamp<std::uint32_t>(n, 512, 2097152);
        } else if (name == "failover") {
            return boolean(d.failover);
        } else if (name == "load_balance") {
            return boolean(d.load_balance);
        } else if (name == "source_route") {
            return boolean(d.source_route);
        } else if (name == "use_sni") {
            return boolean(d.use_sni);
        } else if (name == "https_proxy") {
            each_address([&](net_address& a) { a.https_proxy = v; });
        } else if (name == "https_proxy_port") {
            if (!detail::parse_uint(v, 65535, n)) return bad("a port number");
            each_address([&](net_address& a) { a.https_proxy_port = static_cast<std::uint16_t>(n); });
        } else if (name == "pool_connection_class") {
            d.data.pool_connection_class = v;
        } else if (name == "pool_purity") {
            if (!iequals(v, "self") && !iequals(v, "new")) return bad("self or new");
            d.data.pool_purity = detail::to_upper(v);
        } else if (name == "pool_name") {
            d.data.pool_name = v;
        } else if (name == "pool_boundary") {
            d.data.pool_boundary = v;
        } else if (name == "ssl_server_dn_match") {
            return boolean(d.security.ssl_server_dn_match);
        } else if (name == "ssl_server_cert_dn") {
            d.security.ssl_server_cert_dn = v;
        } else if (name == "wallet_location" || name == "my_wallet_directory") {
            d.security.wallet_location = v;
        } else if (name == "enable" || name == "recv_buf_size" || name == "send_buf_size") {
            d.extra.push_back("(" + detail::to_upper(name) + "=" + detail::descriptor_value(v) + ")");
        }
        // Anything else (python-oracledb's "pyo." names, other drivers'
        // settings) is ignored, as python-oracledb does.
        return {};
    }

    void skip_spaces() {
        while (!at_end() && (s_[pos_] == ' ' || s_[pos_] == '\t'))
            ++pos_;
    }
    bool at_end() const { return pos_ >= s_.size(); }

    std::string_view s_;
    diagnostics& diag_;
    std::size_t pos_ = 0;
};

}  // namespace

std::error_code parse_easy_connect_plus(std::string_view text, description_list& out, diagnostics& diag) {
    ez_parser p(text, diag);
    description_list r;
    if (auto ec = p.run(r)) return ec;
    out = std::move(r);
    return {};
}

}  // namespace oranet

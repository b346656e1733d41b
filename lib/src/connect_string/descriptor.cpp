// (DESCRIPTION=...) text to the connect-descriptor model. The structure
// rules are python-oracledb's (parsers.pyx, connect_params.pyx): ADDRESSes
// directly under a DESCRIPTION form one address list that takes the
// description's FAILOVER/LOAD_BALANCE; next to ADDRESS_LISTs each such
// ADDRESS is a list of its own; unknown entries are passed through.
#include "nv.hpp"
#include "values.hpp"

#include <oranet/connect_descriptor.hpp>

#include <algorithm>

namespace oranet {
namespace {

using detail::fail_at;
using detail::iequals;
using detail::nv_node;
using detail::to_upper;

class builder {
public:
    builder(std::string_view text, diagnostics& diag) : s_(text), diag_(diag) {}

    std::error_code root(const nv_node& n, description_list& out) {
        if (iequals(n.name, "DESCRIPTION_LIST")) {
            if (auto ec = need_list(n)) return ec;
            for (const auto& c : n.children) {
                if (iequals(c.name, "DESCRIPTION")) {
                    out.descriptions.emplace_back();
                    if (auto ec = desc(c, out.descriptions.back())) return ec;
                } else if (auto ec = list_option(c, out.failover, out.load_balance, out.source_route)) {
                    return ec;
                }
            }
            return {};
        }
        out.descriptions.emplace_back();
        if (iequals(n.name, "DESCRIPTION")) return desc(n, out.descriptions.back());
        if (iequals(n.name, "ADDRESS") || iequals(n.name, "ADDRESS_LIST")) {
            nv_node wrapper;
            wrapper.name    = "DESCRIPTION";
            wrapper.is_list = true;
            wrapper.children.push_back(n);
            return desc(wrapper, out.descriptions.back());
        }
        return fail_at(diag_, s_, n.name_offset,
                       "expected DESCRIPTION, DESCRIPTION_LIST or ADDRESS but got " + to_upper(n.name));
    }

private:
    std::error_code need_list(const nv_node& n) {
        if (n.is_list || n.atom.empty()) return {};
        return fail_at(diag_, s_, n.value_offset,
                       to_upper(n.name) + " takes (NAME=value) entries, not a value");
    }
    std::error_code need_atom(const nv_node& n) {
        if (!n.is_list) return {};
        return fail_at(diag_, s_, n.value_offset, to_upper(n.name) + " takes a value, not a list");
    }
    std::error_code bad_value(const nv_node& n, const char* expected) {
        return fail_at(diag_, s_, n.value_offset,
                       "invalid " + to_upper(n.name) + " \"" + n.atom + "\" (expected " + expected + ")");
    }
    std::error_code boolean(const nv_node& n, bool& out) {
        if (auto ec = need_atom(n)) return ec;
        if (!detail::parse_bool(n.atom, out)) return bad_value(n, "ON or OFF");
        return {};
    }
    std::error_code uint(const nv_node& n, std::uint32_t max, std::uint32_t& out) {
        if (auto ec = need_atom(n)) return ec;
        if (!detail::parse_uint(n.atom, max, out)) return bad_value(n, ("0.." + std::to_string(max)).c_str());
        return {};
    }
    std::error_code duration(const nv_node& n, std::chrono::milliseconds& out) {
        if (auto ec = need_atom(n)) return ec;
        if (!detail::parse_duration(n.atom, out))
            return bad_value(n, "seconds, or a number with ms, sec or min");
        return {};
    }
    std::error_code text(const nv_node& n, std::string& out) {
        if (auto ec = need_atom(n)) return ec;
        out = n.atom;
        return {};
    }

    // FAILOVER, LOAD_BALANCE and SOURCE_ROUTE; other names are ignored.
    std::error_code list_option(const nv_node& c, bool& failover, bool& load_balance, bool& source_route) {
        if (iequals(c.name, "FAILOVER")) return boolean(c, failover);
        if (iequals(c.name, "LOAD_BALANCE")) return boolean(c, load_balance);
        if (iequals(c.name, "SOURCE_ROUTE")) return boolean(c, source_route);
        return {};
    }

    std::error_code address(const nv_node& n, net_address& out) {
        if (auto ec = need_list(n)) return ec;
        bool has_host = false;
        for (const auto& c : n.children) {
            std::uint32_t v = 0;
            if (iequals(c.name, "PROTOCOL")) {
                if (auto ec = need_atom(c)) return ec;
                if (iequals(c.atom, "tcp")) {
                    out.protocol = net_protocol::tcp;
                } else if (iequals(c.atom, "tcps")) {
                    out.protocol = net_protocol::tcps;
                } else {
                    return bad_value(c, "TCP or TCPS");
                }
            } else if (iequals(c.name, "HOST")) {
                if (auto ec = text(c, out.host)) return ec;
                has_host = !out.host.empty();
            } else if (iequals(c.name, "PORT")) {
                if (auto ec = uint(c, 65535, v)) return ec;
                if (v == 0) return bad_value(c, "1..65535");
                out.port = static_cast<std::uint16_t>(v);
            } else if (iequals(c.name, "HTTPS_PROXY")) {
                if (auto ec = text(c, out.https_proxy)) return ec;
            } else if (iequals(c.name, "HTTPS_PROXY_PORT")) {
                if (auto ec = uint(c, 65535, v)) return ec;
                out.https_proxy_port = static_cast<std::uint16_t>(v);
            }
        }
        if (!has_host) return fail_at(diag_, s_, n.name_offset, "ADDRESS has no HOST");
        return {};
    }

    std::error_code addr_list(const nv_node& n, address_list& out) {
        if (auto ec = need_list(n)) return ec;
        for (const auto& c : n.children) {
            if (iequals(c.name, "ADDRESS")) {
                out.addresses.emplace_back();
                if (auto ec = address(c, out.addresses.back())) return ec;
            } else if (auto ec = list_option(c, out.failover, out.load_balance, out.source_route)) {
                return ec;
            }
        }
        return {};
    }

    std::error_code conn_data(const nv_node& n, connect_data& out) {
        if (auto ec = need_list(n)) return ec;
        for (const auto& c : n.children) {
            const std::string name = to_upper(c.name);
            std::error_code ec;
            if (name == "SERVICE_NAME") {
                ec = text(c, out.service_name);
            } else if (name == "SID") {
                ec = text(c, out.sid);
            } else if (name == "INSTANCE_NAME") {
                ec = text(c, out.instance_name);
            } else if (name == "SERVER") {
                if ((ec = need_atom(c))) return ec;
                if (iequals(c.atom, "dedicated")) {
                    out.server = server_type::dedicated;
                } else if (iequals(c.atom, "shared")) {
                    out.server = server_type::shared;
                } else if (iequals(c.atom, "pooled")) {
                    out.server = server_type::pooled;
                } else {
                    return bad_value(c, "DEDICATED, SHARED or POOLED");
                }
            } else if (name == "POOL_CONNECTION_CLASS") {
                ec = text(c, out.pool_connection_class);
            } else if (name == "POOL_PURITY") {
                if ((ec = need_atom(c))) return ec;
                if (!iequals(c.atom, "self") && !iequals(c.atom, "new")) return bad_value(c, "SELF or NEW");
                out.pool_purity = to_upper(c.atom);
            } else if (name == "POOL_NAME") {
                ec = text(c, out.pool_name);
            } else if (name == "POOL_BOUNDARY") {
                ec = text(c, out.pool_boundary);
            } else if (name == "CONNECTION_ID_PREFIX") {
                ec = text(c, out.connection_id_prefix);
            } else if (name != "CID" && name != "CONNECTION_ID") {
                // The client's own CID and connection id replace the user's.
                out.extra.push_back(detail::render_nv(c));
            }
            if (ec) return ec;
        }
        return {};
    }

    std::error_code security(const nv_node& n, security_options& out) {
        if (auto ec = need_list(n)) return ec;
        for (const auto& c : n.children) {
            const std::string name = to_upper(c.name);
            std::error_code ec;
            if (name == "SSL_SERVER_DN_MATCH") {
                ec = boolean(c, out.ssl_server_dn_match);
            } else if (name == "SSL_SERVER_CERT_DN") {
                ec = text(c, out.ssl_server_cert_dn);
            } else if (name == "MY_WALLET_DIRECTORY" || name == "WALLET_LOCATION") {
                ec = text(c, out.wallet_location);
            } else if (name == "SSL_VERSION") {
                if ((ec = need_atom(c))) return ec;
                if (iequals(c.atom, "tlsv1.2")) {
                    out.ssl_version = "TLSv1.2";
                } else if (iequals(c.atom, "tlsv1.3")) {
                    out.ssl_version = "TLSv1.3";
                } else {
                    return bad_value(c, "TLSv1.2 or TLSv1.3");
                }
            } else {
                out.extra.push_back(detail::render_nv(c));
            }
            if (ec) return ec;
        }
        return {};
    }

    std::error_code desc(const nv_node& n, description& out) {
        if (auto ec = need_list(n)) return ec;
        bool has_lists = false;
        for (const auto& c : n.children)
            has_lists = has_lists || iequals(c.name, "ADDRESS_LIST");
        address_list loose;  // ADDRESSes directly under DESCRIPTION, when there is no ADDRESS_LIST
        for (const auto& c : n.children) {
            const std::string name = to_upper(c.name);
            std::error_code ec;
            std::uint32_t v = 0;
            if (name == "ADDRESS") {
                net_address a;
                if ((ec = address(c, a))) return ec;
                if (has_lists) {
                    out.address_lists.emplace_back();
                    out.address_lists.back().addresses.push_back(std::move(a));
                } else {
                    loose.addresses.push_back(std::move(a));
                }
            } else if (name == "ADDRESS_LIST") {
                out.address_lists.emplace_back();
                ec = addr_list(c, out.address_lists.back());
            } else if (name == "CONNECT_DATA") {
                ec = conn_data(c, out.data);
            } else if (name == "SECURITY") {
                ec = security(c, out.security);
            } else if (name == "FAILOVER") {
                ec = boolean(c, out.failover);
            } else if (name == "LOAD_BALANCE") {
                ec = boolean(c, out.load_balance);
            } else if (name == "SOURCE_ROUTE") {
                ec = boolean(c, out.source_route);
            } else if (name == "USE_SNI") {
                ec = boolean(c, out.use_sni);
            } else if (name == "RETRY_COUNT") {
                ec = uint(c, 1000, out.retry_count);
            } else if (name == "RETRY_DELAY") {
                ec = duration(c, out.retry_delay);
            } else if (name == "EXPIRE_TIME") {
                ec = uint(c, 1000000, out.expire_time);
            } else if (name == "SDU") {
                if ((ec = uint(c, 0xffffffffU, v))) return ec;
                out.sdu = std::clamp<std::uint32_t>(v, 512, 2097152);  // as python-oracledb sanitizes it
            } else if (name == "CONNECT_TIMEOUT") {
                std::chrono::milliseconds d{0};
                if ((ec = duration(c, d))) return ec;
                out.connect_timeout = d;
            } else if (name == "TRANSPORT_CONNECT_TIMEOUT" || name == "TCP_CONNECT_TIMEOUT") {
                ec = duration(c, out.transport_connect_timeout);
            } else {
                out.extra.push_back(detail::render_nv(c));
            }
            if (ec) return ec;
        }
        if (!loose.addresses.empty()) {
            loose.failover     = out.failover;
            loose.load_balance = out.load_balance;
            loose.source_route = out.source_route;
            out.address_lists.push_back(std::move(loose));
        }
        return {};
    }

    std::string_view s_;
    diagnostics& diag_;
};

}  // namespace

std::error_code parse_connect_descriptor(std::string_view text, description_list& out, diagnostics& diag) {
    std::size_t pos = 0;
    detail::nv_node root;
    if (auto ec = detail::parse_nv(text, pos, root, diag)) return ec;
    if (pos != text.size())
        return fail_at(diag, text, pos, "unexpected text after the descriptor's closing ')'");
    description_list r;
    builder b(text, diag);
    if (auto ec = b.root(root, r)) return ec;
    if (r.all_addresses().empty())
        return fail_at(diag, text, 0, "the descriptor has no ADDRESS",
                       client_errc::connect_descriptor_no_address);
    out = std::move(r);
    return {};
}

}  // namespace oranet

// The model back to descriptor text, in python-oracledb's layout
// (connect_params.pyx build_connect_string): options a node leaves at their
// defaults are not written, an address list of one plain address is written
// as that ADDRESS, and SECURITY only when an address uses TCPS.
#include "values.hpp"

#include <oranet/connect_descriptor.hpp>

namespace oranet {
namespace {

using detail::descriptor_value;

std::string node_options(bool failover, bool load_balance, bool source_route) {
    std::string r;
    if (!failover) r += "(FAILOVER=OFF)";
    if (load_balance) r += "(LOAD_BALANCE=ON)";
    if (source_route) r += "(SOURCE_ROUTE=ON)";
    return r;
}

std::string render_address(const net_address& a) {
    std::string r = "(ADDRESS=(PROTOCOL=";
    r += a.protocol == net_protocol::tcps ? "tcps" : "tcp";
    r += ")(HOST=" + descriptor_value(a.host) + ")(PORT=" + std::to_string(a.port) + ")";
    if (!a.https_proxy.empty()) r += "(HTTPS_PROXY=" + descriptor_value(a.https_proxy) + ")";
    if (a.https_proxy_port != 0) r += "(HTTPS_PROXY_PORT=" + std::to_string(a.https_proxy_port) + ")";
    return r + ")";
}

std::string render_list(const address_list& l) {
    const std::string opts = node_options(l.failover, l.load_balance, l.source_route);
    std::string body;
    for (const auto& a : l.addresses)
        body += render_address(a);
    return "(ADDRESS_LIST=" + opts + body + ")";
}

// Characters that would change the descriptor's structure become '?'.
std::string cid_safe(std::string s) {
    for (auto& c : s)
        if (c == '(' || c == ')' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '?';
    return s;
}

// A connection id is base64 text, '=' included (python-oracledb sends it
// as is); only what would end the value becomes '?'.
std::string id_safe(std::string s) {
    for (auto& c : s)
        if (c == '(' || c == ')' || c == '"' || static_cast<unsigned char>(c) < 0x20) c = '?';
    return s;
}

const char* server_name(server_type s) {
    switch (s) {
        case server_type::dedicated: return "dedicated";
        case server_type::shared: return "shared";
        case server_type::pooled: return "pooled";
        case server_type::unspecified: break;
    }
    return nullptr;
}

}  // namespace

std::string render_description(const description& d, const client_identity* cid) {
    std::string r = "(DESCRIPTION=" + node_options(d.failover, d.load_balance, d.source_route);
    // python-oracledb writes RETRY_DELAY only with RETRY_COUNT (and not 0);
    // oranet writes it whenever it is not the default so that the text
    // parses back to the same model.
    if (d.retry_count != 0) r += "(RETRY_COUNT=" + std::to_string(d.retry_count) + ")";
    if (d.retry_count != 0 || d.retry_delay != std::chrono::milliseconds(1000))
        r += "(RETRY_DELAY=" + detail::format_duration(d.retry_delay) + ")";
    if (d.expire_time != 0) r += "(EXPIRE_TIME=" + std::to_string(d.expire_time) + ")";
    if (d.connect_timeout) r += "(CONNECT_TIMEOUT=" + detail::format_duration(*d.connect_timeout) + ")";
    if (d.transport_connect_timeout != std::chrono::milliseconds(20000))
        r += "(TRANSPORT_CONNECT_TIMEOUT=" + detail::format_duration(d.transport_connect_timeout) + ")";
    if (d.use_sni) r += "(USE_SNI=ON)";
    if (d.sdu != 8192) r += "(SDU=" + std::to_string(d.sdu) + ")";
    for (const auto& x : d.extra)
        r += x;
    // One list with the description's own options is written as bare
    // ADDRESSes (parsing gives that list back); several lists are each
    // written as an ADDRESS_LIST, so that they parse back as separate lists
    // (python-oracledb writes a one-address list as a bare ADDRESS).
    if (d.address_lists.size() == 1 && d.address_lists[0].failover == d.failover &&
        d.address_lists[0].load_balance == d.load_balance &&
        d.address_lists[0].source_route == d.source_route) {
        for (const auto& a : d.address_lists[0].addresses)
            r += render_address(a);
    } else {
        for (const auto& l : d.address_lists)
            r += render_list(l);
    }

    const auto& c = d.data;
    std::string data;
    if (!c.service_name.empty()) data += "(SERVICE_NAME=" + descriptor_value(c.service_name) + ")";
    if (!c.instance_name.empty()) {
        data += "(INSTANCE_NAME=" + descriptor_value(c.instance_name) + ")";
    } else if (!c.sid.empty()) {
        data += "(SID=" + descriptor_value(c.sid) + ")";
    }
    if (const char* s = server_name(c.server)) data += std::string("(SERVER=") + s + ")";
    if (!c.pool_boundary.empty()) data += "(POOL_BOUNDARY=" + descriptor_value(c.pool_boundary) + ")";
    if (cid != nullptr) {
        data += "(CID=(PROGRAM=" + cid_safe(cid->program) + ")(HOST=" + cid_safe(cid->host) +
                ")(USER=" + cid_safe(cid->user) + "))";
    } else {
        if (!c.pool_connection_class.empty())
            data += "(POOL_CONNECTION_CLASS=" + descriptor_value(c.pool_connection_class) + ")";
        if (!c.pool_name.empty()) data += "(POOL_NAME=" + descriptor_value(c.pool_name) + ")";
        if (!c.pool_purity.empty()) data += "(POOL_PURITY=" + c.pool_purity + ")";
    }
    for (const auto& x : c.extra)
        data += x;
    if (cid != nullptr && !cid->connection_id.empty())
        data += "(CONNECTION_ID=" + id_safe(c.connection_id_prefix + cid->connection_id) + ")";
    if (!data.empty()) r += "(CONNECT_DATA=" + data + ")";

    if (d.uses_tcps()) {
        const auto& s = d.security;
        std::string sec;
        // python-oracledb leaves OFF out; oranet writes it so that it parses back.
        sec += s.ssl_server_dn_match ? "(SSL_SERVER_DN_MATCH=ON)" : "(SSL_SERVER_DN_MATCH=OFF)";
        if (!s.ssl_server_cert_dn.empty())
            sec += "(SSL_SERVER_CERT_DN=" + descriptor_value(s.ssl_server_cert_dn) + ")";
        if (!s.ssl_version.empty()) sec += "(SSL_VERSION=" + s.ssl_version + ")";
        if (!s.wallet_location.empty())
            sec += "(MY_WALLET_DIRECTORY=" + descriptor_value(s.wallet_location) + ")";
        for (const auto& x : s.extra)
            sec += x;
        r += "(SECURITY=" + sec + ")";
    }
    return r + ")";
}

std::string render_descriptor(const description_list& dl) {
    const std::string opts = node_options(dl.failover, dl.load_balance, dl.source_route);
    std::string body;
    for (const auto& d : dl.descriptions)
        body += render_description(d);
    if (opts.empty() && dl.descriptions.size() == 1) return body;
    return "(DESCRIPTION_LIST=" + opts + body + ")";
}

}  // namespace oranet

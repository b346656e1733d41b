// Connect strings as a model: a DESCRIPTION_LIST of DESCRIPTIONs, each with
// address lists, connect data and security options; the parsers that build
// it from Easy Connect Plus strings, (DESCRIPTION=...) descriptors and
// tnsnames.ora aliases; and the renderer of the descriptor text a client
// sends in its CONNECT packet.
//
// Semantics and defaults follow python-oracledb's connect_params.pyx and
// parsers.pyx (port 1521, FAILOVER on, LOAD_BALANCE off, transport connect
// timeout 20 s, retry delay 1 s, SDU 8192 clamped to 512..2097152) and
// node-oracledb's EZConnect resolver (CONNECT_TIMEOUT kept). Keywords are
// case-insensitive. Every parser returns a std::error_code and, in
// diagnostics::client_message, where (offset, or file:line:column) and what
// went wrong; none throws. docs/CONNECT-STRINGS.md has the grammar.
#pragma once

#include <oranet/errc.hpp>
#include <oranet/error.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet {

enum class net_protocol : std::uint8_t { tcp, tcps };
enum class server_type : std::uint8_t { unspecified, dedicated, shared, pooled };

// (ADDRESS=(PROTOCOL=..)(HOST=..)(PORT=..)(HTTPS_PROXY=..)(HTTPS_PROXY_PORT=..))
struct net_address {
    net_protocol protocol = net_protocol::tcp;
    std::string host;  // a name, IPv4 text or IPv6 text without brackets
    std::uint16_t port = 1521;
    std::string https_proxy;  // empty: none
    std::uint16_t https_proxy_port                                 = 0;
    friend bool operator==(const net_address&, const net_address&) = default;
};

// (ADDRESS_LIST=(FAILOVER=..)(LOAD_BALANCE=..)(SOURCE_ROUTE=..)(ADDRESS=..)...)
struct address_list {
    bool failover     = true;   // try the next address when one fails
    bool load_balance = false;  // try the addresses in a random order
    bool source_route = false;  // connect to the first only (Connection Manager)
    std::vector<net_address> addresses;
    friend bool operator==(const address_list&, const address_list&) = default;
};

// (CONNECT_DATA=...): what the listener routes on.
struct connect_data {
    std::string service_name;
    std::string sid;
    std::string instance_name;
    server_type server = server_type::unspecified;
    // DRCP options: kept and rendered in a descriptor, but not sent with the
    // CID in a CONNECT packet (python-oracledb sends them at auth instead).
    std::string pool_connection_class;
    std::string pool_purity;  // "SELF" or "NEW"
    std::string pool_name;
    std::string pool_boundary;  // rendered in the CONNECT packet too
    std::string connection_id_prefix;
    // Other CONNECT_DATA entries, passed through as "(NAME=value)" texts.
    std::vector<std::string> extra;
    friend bool operator==(const connect_data&, const connect_data&) = default;
};

// (SECURITY=...): TLS options; used when an address has PROTOCOL=tcps.
struct security_options {
    bool ssl_server_dn_match = true;
    std::string ssl_server_cert_dn;
    std::string wallet_location;  // MY_WALLET_DIRECTORY or WALLET_LOCATION
    std::string ssl_version;      // "TLSv1.2", "TLSv1.3" or empty
    std::vector<std::string> extra;
    friend bool operator==(const security_options&, const security_options&) = default;
};

struct description {
    bool failover     = true;
    bool load_balance = false;
    bool source_route = false;
    std::vector<address_list> address_lists;
    // CONNECT_TIMEOUT: bounds one connect through this description (TCP,
    // TLS and the listener's answer). Unset: the caller's overall timeout.
    std::optional<std::chrono::milliseconds> connect_timeout;
    // TRANSPORT_CONNECT_TIMEOUT: bounds one TCP connect to one address.
    std::chrono::milliseconds transport_connect_timeout{20000};
    std::uint32_t retry_count = 0;  // extra passes over the addresses
    std::chrono::milliseconds retry_delay{1000};
    std::uint32_t expire_time = 0;  // minutes between keepalive probes; 0: off
    std::uint32_t sdu         = 8192;
    bool use_sni              = false;
    connect_data data;
    security_options security;
    std::vector<std::string> extra;  // other DESCRIPTION entries, "(NAME=value)"
    friend bool operator==(const description&, const description&) = default;

    [[nodiscard]] bool uses_tcps() const noexcept;
};

struct description_list {
    bool failover     = true;
    bool load_balance = false;
    bool source_route = false;
    std::vector<description> descriptions;
    friend bool operator==(const description_list&, const description_list&) = default;

    // Every address of every description, in order.
    [[nodiscard]] std::vector<net_address> all_addresses() const;
};

// Easy Connect Plus:
//   [[tcp|tcps]://]host[:port][,host[:port]...][;host...][/service][:server][/instance][?name=value&...]
// A port applies to the hosts before it in the same ','-list that have none;
// ';' starts a new address list. Parameters the model knows are applied,
// unknown ones are ignored (python-oracledb does the same); values may be
// double-quoted. Errors: client_errc::connect_string_invalid.
[[nodiscard]] std::error_code parse_easy_connect_plus(std::string_view text, description_list& out,
                                                      diagnostics& diag);

// A connect descriptor: (DESCRIPTION=...), (DESCRIPTION_LIST=...) or a bare
// (ADDRESS=...)/(ADDRESS_LIST=...). Errors: connect_string_invalid (syntax
// or a bad value), connect_descriptor_no_address.
[[nodiscard]] std::error_code parse_connect_descriptor(std::string_view text, description_list& out,
                                                       diagnostics& diag);

// One entry of a tnsnames.ora file: "a, b = value" where value is a
// descriptor (possibly over several lines) or an Easy Connect string.
struct tnsnames_entry {
    std::vector<std::string> aliases;  // upper-cased
    // The value as written, comments blanked out with spaces so that a
    // position in it maps back to the file (value_line, value_column).
    std::string value;
    std::string file;                // where it was defined (may be empty)
    std::uint32_t line         = 0;  // 1-based line of the alias
    std::uint32_t value_line   = 0;  // 1-based line and column where the value starts
    std::uint32_t value_column = 0;
};

// Parses the text of one tnsnames.ora file; IFILE lines come back as
// entries with the alias "IFILE". Errors: client_errc::tnsnames_invalid
// with "file:line:column: what" (file is `file_name`, may be empty).
[[nodiscard]] std::error_code parse_tnsnames(std::string_view text, std::string_view file_name,
                                             std::vector<tnsnames_entry>& out, diagnostics& diag);

// The aliases of a tnsnames.ora file and of the files it includes (IFILE,
// relative to the including file, at most `max_include_depth` deep, cycles
// refused). A later definition of an alias replaces an earlier one.
struct tnsnames_file {
    std::string path;
    std::vector<tnsnames_entry> entries;
    [[nodiscard]] const tnsnames_entry* find(std::string_view alias) const;  // case-insensitive
};
inline constexpr int max_include_depth = 8;
[[nodiscard]] std::error_code load_tnsnames(const std::string& path, tnsnames_file& out, diagnostics& diag);

// Where tnsnames.ora is looked for: `config_dir` when set, else $TNS_ADMIN,
// else $ORACLE_HOME/network/admin. Empty when none is set.
[[nodiscard]] std::string tnsnames_directory(const std::string& config_dir);

// Any connect string to the model:
//  - "(..." is a descriptor;
//  - a bare name (letters, digits, '_', '.', '-') is a tnsnames.ora alias
//    when the file holds it, else an Easy Connect host;
//  - anything else is Easy Connect Plus.
// An alias's value is itself parsed as a descriptor or Easy Connect string.
struct resolve_options {
    std::string config_dir;  // tnsnames.ora directory; empty: tnsnames_directory("")
};
[[nodiscard]] std::error_code resolve_connect_string(std::string_view text, const resolve_options& opts,
                                                     description_list& out, diagnostics& diag);

// The client identity the CONNECT packet's CONNECT_DATA carries as
// (CID=(PROGRAM=..)(HOST=..)(USER=..)). '(', ')', '=', '\' and control
// characters in them become '?'.
struct client_identity {
    std::string program;
    std::string host;
    std::string user;
    std::string connection_id;  // (CONNECTION_ID=..) when not empty
};

// The descriptor text of a whole list ((DESCRIPTION_LIST=...) when it holds
// more than one description or list options), as python-oracledb renders it.
[[nodiscard]] std::string render_descriptor(const description_list& dl);

// One description as a connect sends it: python-oracledb's layout, with the
// CID in CONNECT_DATA when `cid` is given (then the POOL_* options other
// than POOL_BOUNDARY are left out).
[[nodiscard]] std::string render_description(const description& d, const client_identity* cid = nullptr);

}  // namespace oranet

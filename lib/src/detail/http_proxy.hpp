// HTTPS proxy tunnelling: an HTTP CONNECT request for the database's
// host:port on a TCP connection to the proxy, and the proxy's reply read up
// to its blank line (bounded in size and by the deadline). A 2xx status
// opens the tunnel; TLS then runs end to end with the database, named by its
// own host (SNI, certificate check), never the proxy's. As python-oracledb
// does, a proxy is used for TCPS only.
#pragma once

#include "transport.hpp"

#include <string>
#include <string_view>

namespace oranet::detail {

// The proxy's reply head may not exceed this many bytes.
inline constexpr std::size_t max_proxy_reply = 8192;

// "CONNECT db:2484 HTTP/1.0\r\nHost: db:2484\r\n\r\n" (an IPv6 address in
// brackets).
[[nodiscard]] std::string proxy_connect_request(const std::string& host, std::uint16_t port);

struct proxy_reply {
    int status = 0;           // 0: no valid status line
    std::string status_line;  // the first line, printable ASCII only, for messages
};

// Reads "HTTP/1.x NNN reason" from the first line of `head`. False when the
// line is not an HTTP status line.
[[nodiscard]] bool parse_proxy_reply(std::string_view head, proxy_reply& out);

// The position just after the blank line ending the head in `data`, or
// npos when it has not come yet.
[[nodiscard]] std::size_t proxy_reply_end(std::string_view data) noexcept;

// On `socket`, connected to the proxy: asks for a tunnel to host:port and
// waits for the reply until `d`. proxy_connect_failed (message: the proxy's
// status line, or what went wrong), timeout or connection errors.
[[nodiscard]] std::error_code open_proxy_tunnel(asio::io_context& ctx, asio::ip::tcp::socket& socket,
                                                const std::string& proxy_where, const std::string& host,
                                                std::uint16_t port, deadline d, std::string& message);

}  // namespace oranet::detail

#include "http_proxy.hpp"

#include <asio/write.hpp>

#include <array>

namespace oranet::detail {

std::string proxy_connect_request(const std::string& host, std::uint16_t port) {
    const bool v6              = host.find(':') != std::string::npos;
    const std::string endpoint = (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
    return "CONNECT " + endpoint + " HTTP/1.0\r\nHost: " + endpoint + "\r\n\r\n";
}

std::size_t proxy_reply_end(std::string_view data) noexcept {
    // Tolerate bare LF line ends as well as CRLF.
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] != '\n') continue;
        if (i + 1 < data.size() && data[i + 1] == '\n') return i + 2;
        if (i + 2 < data.size() && data[i + 1] == '\r' && data[i + 2] == '\n') return i + 3;
    }
    return std::string_view::npos;
}

bool parse_proxy_reply(std::string_view head, proxy_reply& out) {
    out                   = {};
    std::size_t eol       = head.find('\n');
    std::string_view line = head.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    for (char ch : line.substr(0, 200))
        out.status_line += (ch >= 0x20 && ch < 0x7f) ? ch : '?';
    // "HTTP/1.0 200 ..." or "HTTP/1.1 200 ..."; the reason may be empty.
    constexpr std::string_view prefix = "HTTP/1.";
    if (line.size() < prefix.size() + 5 || line.substr(0, prefix.size()) != prefix) return false;
    const char minor = line[prefix.size()];
    if (minor != '0' && minor != '1') return false;
    std::string_view rest = line.substr(prefix.size() + 1);
    if (rest.empty() || rest.front() != ' ') return false;
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    if (rest.size() < 3) return false;
    int code = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        if (rest[i] < '0' || rest[i] > '9') return false;
        code = code * 10 + (rest[i] - '0');
    }
    if (rest.size() > 3 && rest[3] != ' ') return false;
    if (code < 100) return false;
    out.status = code;
    return true;
}

std::error_code open_proxy_tunnel(asio::io_context& ctx, asio::ip::tcp::socket& socket,
                                  const std::string& proxy_where, const std::string& host, std::uint16_t port,
                                  deadline d, std::string& message) {
    const auto cancel = [&] {
        std::error_code ignored;
        socket.cancel(ignored);
    };
    const std::string target  = host + ":" + std::to_string(port);
    const std::string request = proxy_connect_request(host, port);
    std::error_code result;
    bool done = false;
    asio::async_write(socket, asio::buffer(request), [&](std::error_code ec, std::size_t) {
        result = ec;
        done   = true;
    });
    if (auto ec = run_until(ctx, done, d, cancel)) {
        message = "the HTTPS proxy " + proxy_where + " did not take the CONNECT request in time";
        return ec;
    }
    if (result) {
        message = "the HTTPS proxy " + proxy_where + " closed the connection before the CONNECT request";
        return client_errc::proxy_connect_failed;
    }
    // The TLS client speaks first through the tunnel, so nothing may follow
    // the reply head: read in chunks and refuse extra bytes.
    std::string got;
    std::array<char, 512> buf{};
    std::size_t end = std::string::npos;
    while (end == std::string::npos) {
        if (got.size() >= max_proxy_reply) {
            message = "the HTTPS proxy " + proxy_where + " sent a reply longer than " +
                      std::to_string(max_proxy_reply) + " bytes";
            return client_errc::proxy_connect_failed;
        }
        std::size_t n          = 0;
        done                   = false;
        const std::size_t room = std::min(buf.size(), max_proxy_reply - got.size());
        socket.async_read_some(asio::buffer(buf.data(), room), [&](std::error_code ec, std::size_t k) {
            result = ec;
            n      = k;
            done   = true;
        });
        if (auto ec = run_until(ctx, done, d, cancel)) {
            message =
                "the HTTPS proxy " + proxy_where + " did not answer the CONNECT to " + target + " in time";
            return ec;
        }
        if (result || n == 0) {
            message = "the HTTPS proxy " + proxy_where +
                      " closed the connection without answering the CONNECT to " + target;
            return client_errc::proxy_connect_failed;
        }
        got.append(buf.data(), n);
        end = proxy_reply_end(got);
    }
    proxy_reply reply;
    if (!parse_proxy_reply(got, reply)) {
        message =
            "the HTTPS proxy " + proxy_where + " sent no HTTP status line: \"" + reply.status_line + "\"";
        return client_errc::proxy_connect_failed;
    }
    if (reply.status < 200 || reply.status > 299) {
        message = "the HTTPS proxy " + proxy_where + " refused the CONNECT to " + target + ": \"" +
                  reply.status_line + "\"";
        return client_errc::proxy_connect_failed;
    }
    if (end != got.size()) {
        message = "the HTTPS proxy " + proxy_where + " sent data after its reply to the CONNECT";
        return client_errc::proxy_connect_failed;
    }
    return {};
}

}  // namespace oranet::detail

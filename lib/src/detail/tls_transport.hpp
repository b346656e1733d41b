// TCPS: TLS 1.2/1.3 over TCP with OpenSSL (asio::ssl::stream), behind the
// transport interface. The server's chain is verified against ca_file, the
// certificates of a PEM wallet (wallet_location/ewallet.pem) or the system
// store; its name against the host (SAN, else CN) or its subject against
// server_cert_dn. The wallet's key and certificate, when present, are the
// client's identity for mutual TLS. SNI is sent for host names.
#pragma once

#include "transport.hpp"

#include <asio/ssl/context.hpp>
#include <asio/ssl/stream.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::detail {

// The trust and identity a TLS client context gets from the options:
// tls_config_invalid, with `message`, when a file cannot be read.
[[nodiscard]] std::error_code load_tls_trust(asio::ssl::context& ctx, const connect_options& o,
                                             std::string& message);

// "CN=db.example, O=Example" -> {{"CN","db.example"},{"O","Example"}}; keys
// upper-cased, spaces around keys and values dropped. False when malformed.
[[nodiscard]] bool parse_dn(std::string_view text, std::vector<std::pair<std::string, std::string>>& out);
// True when both name the same attributes with the same values, in any order.
[[nodiscard]] bool same_dn(std::vector<std::pair<std::string, std::string>> a,
                           std::vector<std::pair<std::string, std::string>> b);

class tls_transport final : public transport {
public:
    explicit tls_transport(spdlog::logger& log);
    ~tls_transport() override;

    // Builds the TLS context from the options (before connect).
    [[nodiscard]] std::error_code configure(const connect_options& o, std::string& message);
    // TCP connect along `route` (direct or through an HTTPS proxy), TLS
    // handshake and the name checks against `host`, all within `d`:
    // tls_certificate_rejected (message: OpenSSL's verify reason, or the DN
    // mismatch), tls_handshake_failed, or the TCP and proxy errors.
    [[nodiscard]] std::error_code connect(const std::string& host, std::uint16_t port, deadline d,
                                          const tcp_route& route, std::string& message);
    [[nodiscard]] std::error_code connect(const std::string& host, std::uint16_t port, deadline d,
                                          bool keepalive, std::string& message) {
        tcp_route r;
        r.keepalive = keepalive;
        return connect(host, port, d, r, message);
    }
    [[nodiscard]] std::error_code write(std::span<const std::uint8_t> data, deadline d) override;
    [[nodiscard]] std::size_t read_some(std::span<std::uint8_t> buf, deadline d,
                                        std::error_code& ec) override;
    void close() noexcept override;
    [[nodiscard]] bool is_open() const noexcept override;

    // "TLSv1.3 TLS_AES_256_GCM_SHA384" once connected.
    [[nodiscard]] std::string negotiated() const;
    [[nodiscard]] asio::ssl::stream<asio::ip::tcp::socket>& stream() noexcept { return *stream_; }
    [[nodiscard]] asio::io_context& context() noexcept { return ctx_; }

protected:
    [[nodiscard]] asio::io_context* io_context() noexcept override { return &ctx_; }
    void cancel_read() noexcept override;

private:
    std::error_code run(bool& done, deadline d);
    // Maps a TLS error after the handshake (e.g. the server's alert that it
    // wanted a client certificate, which TLS 1.3 sends after the handshake).
    std::error_code map_tls_error(std::error_code ec, const char* what);
    std::error_code check_subject_dn(std::string& message);

    spdlog::logger& log_;
    asio::io_context ctx_;
    asio::ssl::context ssl_;
    std::optional<asio::ssl::stream<asio::ip::tcp::socket>> stream_;
    std::string where_;
    bool verify_   = true;
    bool dn_match_ = true;
    std::string server_cert_dn_;
    bool got_data_ = false;
};

}  // namespace oranet::detail

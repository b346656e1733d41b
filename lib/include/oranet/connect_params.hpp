// What oranet::connect() needs: who logs in, where, and the options.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spdlog {
class logger;
}

namespace oranet {

// A password: its bytes are wiped (OPENSSL_cleanse) when the object is
// destroyed, assigned over or cleared. It never prints.
class secret_string {
public:
    secret_string() = default;
    secret_string(std::string_view s) : buf_(s.begin(), s.end()) {}       // NOLINT: implicit on purpose
    secret_string(const char* s) : secret_string(std::string_view(s)) {}  // NOLINT
    secret_string(const std::string& s) : secret_string(std::string_view(s)) {}  // NOLINT
    secret_string(const secret_string& o) : buf_(o.buf_) {}
    secret_string(secret_string&& o) noexcept : buf_(std::move(o.buf_)) { o.buf_.clear(); }
    secret_string& operator=(const secret_string& o);
    secret_string& operator=(secret_string&& o) noexcept;
    ~secret_string() { clear(); }

    void clear() noexcept;
    [[nodiscard]] std::string_view view() const noexcept { return {buf_.data(), buf_.size()}; }
    [[nodiscard]] bool empty() const noexcept { return buf_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return buf_.size(); }

private:
    std::vector<char> buf_;
};

struct connect_options {
    // Bounds the whole connect: resolve, TCP connect, TNS and TTC
    // negotiation and both auth round trips. Zero: unbounded.
    std::chrono::milliseconds connect_timeout{20000};
    // Bounds each call (round trips included) after the connect; zero: off,
    // as in Oracle's own clients. connection::set_call_timeout changes it.
    std::chrono::milliseconds call_timeout{0};
    // The session data unit asked for (the server may give less).
    std::uint32_t sdu = 8192;
    // What the server sees in V$SESSION; empty: the executable's name, the
    // host name and the OS user.
    std::string program;
    std::string machine;
    std::string os_user;
    std::string terminal = "unknown";
    // Refuse to log in when the server offers only an 11g verifier.
    bool require_12c_verifier = false;
    // Commit after every statement.
    bool autocommit = false;
    // Enable TCP keepalive on the socket.
    bool keepalive = true;
    // Dead connection detection: when > 0, keepalive probes start after this
    // many idle minutes (TCP_KEEPIDLE), then every 6 s, 10 unanswered ones
    // ending the connection. EXPIRE_TIME / ?expire_time= in the connect
    // string wins over this.
    std::uint32_t expire_time = 0;
    // An HTTPS proxy to tunnel TCPS through (HTTP CONNECT); empty: none.
    // HTTPS_PROXY / ?https_proxy= of an address wins over this. Port 0: 80.
    std::string https_proxy;
    std::uint16_t https_proxy_port = 0;
    // Statements whose server cursors stay open for reuse (python-oracledb's
    // and node-oracledb's stmtcachesize); 0: every statement is parsed anew.
    std::size_t statement_cache_size = 20;
    // Logger for this connection; null: oranet::default_logger().
    std::shared_ptr<spdlog::logger> logger;

    // TCPS: TLS 1.2 or 1.3 over TCP. Also turned on by "tcps://" in the
    // connect string.
    bool use_tls = false;
    // Trusted CAs: a PEM bundle. Empty, and no wallet: the system's store.
    std::string ca_file;
    // A directory holding ewallet.pem: its certificates are trusted CAs; its
    // private key with the certificate that matches it, when present, is the
    // client's identity for mutual TLS.
    std::string wallet_location;
    // The passphrase of an encrypted private key in ewallet.pem.
    secret_string wallet_password;
    // Check that the server's certificate names the host connected to (SAN,
    // else CN), or, when server_cert_dn is set, that its subject DN is that
    // one ("CN=db.example,O=Example", order and spacing free).
    bool server_dn_match = true;
    std::string server_cert_dn;
    // Verify the server's certificate chain. Off (a warning is logged) the
    // connection is encrypted but the server is not authenticated.
    bool tls_verify = true;
};

struct connect_params {
    std::string user;
    secret_string password;
    // Easy Connect Plus, a (DESCRIPTION=...) descriptor or a tnsnames.ora alias
    // (connect_descriptor.hpp, docs/CONNECT-STRINGS.md).
    std::string connect_string;
    // When not empty: change the password to this one while logging in (the
    // way to log in as a user whose password has expired, ORA-28001).
    secret_string new_password;
    connect_options options;
};

}  // namespace oranet

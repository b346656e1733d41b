#include "tls_transport.hpp"

#include <asio/error.hpp>
#include <asio/ssl/error.hpp>
#include <asio/write.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <spdlog/spdlog.h>

namespace oranet::detail {
namespace {

using dn = std::vector<std::pair<std::string, std::string>>;

dn subject_of(X509* cert) {
    dn out;
    X509_NAME* name = X509_get_subject_name(cert);
    const int n     = X509_NAME_entry_count(name);
    for (int i = 0; i < n; ++i) {
        X509_NAME_ENTRY* e = X509_NAME_get_entry(name, i);
        const char* sn     = OBJ_nid2sn(OBJ_obj2nid(X509_NAME_ENTRY_get_object(e)));
        unsigned char* utf = nullptr;
        const int len      = ASN1_STRING_to_UTF8(&utf, X509_NAME_ENTRY_get_data(e));
        std::string key    = sn != nullptr ? sn : "?";
        for (auto& ch : key)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        out.emplace_back(std::move(key),
                         len > 0 ? std::string(reinterpret_cast<char*>(utf), static_cast<std::size_t>(len))
                                 : std::string());
        OPENSSL_free(utf);
    }
    return out;
}

std::string dn_text(const dn& d) {
    std::string s;
    for (const auto& [k, v] : d)
        s += (s.empty() ? "" : ",") + k + "=" + v;
    return s;
}

bool is_tls_library_error(std::error_code ec) { return ec.category() == asio::error::get_ssl_category(); }

}  // namespace

tls_transport::tls_transport(spdlog::logger& log) : log_(log), ssl_(asio::ssl::context::tls_client) {}

tls_transport::~tls_transport() { close(); }

std::error_code tls_transport::configure(const connect_options& o, std::string& message) {
    SSL_CTX* c = ssl_.native_handle();
    if (SSL_CTX_set_min_proto_version(c, TLS1_2_VERSION) != 1) {
        message = "cannot require TLS 1.2";
        return client_errc::tls_config_invalid;
    }
    verify_         = o.tls_verify;
    dn_match_       = o.server_dn_match;
    server_cert_dn_ = o.server_cert_dn;
    dn expected;
    if (!server_cert_dn_.empty() && !parse_dn(server_cert_dn_, expected)) {
        message = "ssl_server_cert_dn \"" + server_cert_dn_ + "\" is not a DN such as \"CN=db,O=Example\"";
        return client_errc::tls_config_invalid;
    }
    if (auto ec = load_tls_trust(ssl_, o, message)) return ec;
    SSL_CTX_set_verify(c, verify_ ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nullptr);
    return {};
}

std::error_code tls_transport::run(bool& done, deadline d) {
    return run_until(ctx_, done, d, [this] {
        std::error_code ignored;
        if (stream_) stream_->lowest_layer().cancel(ignored);
    });
}

std::error_code tls_transport::connect(const std::string& host, std::uint16_t port, deadline d,
                                       const tcp_route& route, std::string& message) {
    close();
    got_data_ = false;
    where_    = host + ":" + std::to_string(port);
    stream_.emplace(ctx_, ssl_);
    if (auto ec = open_tcp(ctx_, stream_->next_layer(), host, port, route, d, message)) return ec;
    SSL* ssl = stream_->native_handle();
    std::error_code not_numeric;
    (void)asio::ip::make_address(host, not_numeric);
    // SNI carries names only (RFC 6066), never an address.
    if (not_numeric && SSL_set_tlsext_host_name(ssl, host.c_str()) != 1) ERR_clear_error();
    if (!verify_) {
        log_.warn(
            "TLS certificate verification is off for {}: the connection is encrypted but the server "
            "is not authenticated",
            where_);
    } else if (dn_match_ && server_cert_dn_.empty()) {
        X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
        int ok                   = 0;
        if (!not_numeric) {
            ok = X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
        } else {
            X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
            ok = X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size());
        }
        if (ok != 1) {
            ERR_clear_error();
            message = "cannot check the server's name against \"" + host + "\"";
            close();
            return client_errc::tls_config_invalid;
        }
    }
    std::error_code result;
    bool done = false;
    stream_->async_handshake(asio::ssl::stream_base::client, [&](std::error_code ec) {
        result = ec;
        done   = true;
    });
    if (auto ec = run(done, d)) {
        message = "the TLS handshake with " + where_ + " did not finish in time";
        close();
        return ec;
    }
    if (result) {
        const long vr = SSL_get_verify_result(ssl);
        if (verify_ && vr != X509_V_OK) {
            message = "the certificate of " + where_ + " was rejected: " + X509_verify_cert_error_string(vr);
            close();
            return client_errc::tls_certificate_rejected;
        }
        if (is_tls_library_error(result)) {
            message = "the TLS handshake with " + where_ + " failed: " + result.message();
        } else {
            message = where_ + " closed the connection during the TLS handshake (is it a TCPS listener? " +
                      "does it want a client certificate?)";
        }
        ERR_clear_error();
        close();
        return client_errc::tls_handshake_failed;
    }
    if (verify_ && dn_match_ && !server_cert_dn_.empty()) {
        if (auto ec = check_subject_dn(message)) {
            close();
            return ec;
        }
    }
    log_.debug("TLS to {}: {}", where_, negotiated());
    return {};
}

std::error_code tls_transport::check_subject_dn(std::string& message) {
    X509* cert = SSL_get1_peer_certificate(stream_->native_handle());
    if (cert == nullptr) {
        message = where_ + " sent no certificate";
        return client_errc::tls_certificate_rejected;
    }
    const dn got = subject_of(cert);
    X509_free(cert);
    dn want;
    (void)parse_dn(server_cert_dn_, want);
    if (same_dn(got, want)) return {};
    message = "the certificate of " + where_ + " was rejected: its subject \"" + dn_text(got) +
              "\" does not match ssl_server_cert_dn \"" + server_cert_dn_ + "\"";
    return client_errc::tls_certificate_rejected;
}

std::error_code tls_transport::map_tls_error(std::error_code ec, const char* what) {
    if (!is_tls_library_error(ec)) return map_io_error(ec);
    log_.error("TLS error on {} while {}: {}", where_, what, ec.message());
    ERR_clear_error();
    // Before any data came back the server is still judging the handshake
    // (TLS 1.3 checks the client's certificate after the client finished).
    return got_data_ ? client_errc::tls_failure : client_errc::tls_handshake_failed;
}

std::error_code tls_transport::write(std::span<const std::uint8_t> data, deadline d) {
    if (!is_open()) return client_errc::connection_closed;
    std::error_code result;
    bool done = false;
    asio::async_write(*stream_, asio::buffer(data.data(), data.size()), [&](std::error_code ec, std::size_t) {
        result = ec;
        done   = true;
    });
    if (auto ec = run(done, d)) return ec;
    return map_tls_error(result, "writing");
}

std::size_t tls_transport::read_some(std::span<std::uint8_t> buf, deadline d, std::error_code& ec) {
    ec = {};
    if (!is_open()) {
        ec = client_errc::connection_closed;
        return 0;
    }
    if (begin_read()) {
        ec = client_errc::cancelled;
        return 0;
    }
    std::error_code result;
    std::size_t n = 0;
    bool done     = false;
    stream_->async_read_some(asio::buffer(buf.data(), buf.size()), [&](std::error_code e, std::size_t got) {
        result = e;
        n      = got;
        done   = true;
    });
    if (auto e = run(done, d)) {
        end_read(0, e);
        ec = e;
        return 0;
    }
    if (result) {
        ec = map_tls_error(result, "reading");
        end_read(0, ec);
        return 0;
    }
    end_read(n, ec);
    if (n == 0) ec = client_errc::connection_closed;
    got_data_ = got_data_ || n > 0;
    return n;
}

void tls_transport::cancel_read() noexcept {
    if (!stream_) return;
    std::error_code ignored;
    stream_->lowest_layer().cancel(ignored);
}

void tls_transport::close() noexcept {
    if (!stream_) return;
    std::error_code ignored;
    auto& s = stream_->lowest_layer();
    if (s.is_open()) {
        s.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        s.close(ignored);
    }
}

bool tls_transport::is_open() const noexcept { return stream_ && stream_->lowest_layer().is_open(); }

std::string tls_transport::negotiated() const {
    if (!stream_) return {};
    // NOLINTNEXTLINE: native_handle() is not const in Asio
    SSL* ssl      = const_cast<asio::ssl::stream<asio::ip::tcp::socket>&>(*stream_).native_handle();
    const char* v = SSL_get_version(ssl);
    const char* c = SSL_get_cipher_name(ssl);
    return std::string(v != nullptr ? v : "?") + " " + (c != nullptr ? c : "?");
}

}  // namespace oranet::detail

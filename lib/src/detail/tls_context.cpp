// The trust store and client identity of a TLS client context (CA bundle,
// PEM wallet or the system store) and the DN comparison of ssl_server_cert_dn.
#include "tls_transport.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <memory>

namespace oranet::detail {
namespace {

struct bio_free {
    void operator()(BIO* b) const noexcept { BIO_free(b); }
};
struct x509_free {
    void operator()(X509* x) const noexcept { X509_free(x); }
};
struct pkey_free {
    void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
using bio_ptr  = std::unique_ptr<BIO, bio_free>;
using x509_ptr = std::unique_ptr<X509, x509_free>;
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_free>;

std::string last_openssl_error() {
    const unsigned long e = ERR_peek_last_error();
    ERR_clear_error();
    if (e == 0) return "unknown error";
    const char* reason = ERR_reason_error_string(e);
    return reason != nullptr ? reason : "error " + std::to_string(e);
}

int wallet_password_cb(char* buf, int size, int /*rwflag*/, void* user) {
    const auto* pw = static_cast<const secret_string*>(user);
    if (pw == nullptr || pw->empty() || size <= 0) return 0;
    const auto n = static_cast<int>(std::min<std::size_t>(pw->size(), static_cast<std::size_t>(size)));
    std::memcpy(buf, pw->view().data(), static_cast<std::size_t>(n));
    return n;
}

bool is_key_block(const char* name) { return std::strstr(name, "PRIVATE KEY") != nullptr; }
bool is_cert_block(const char* name) {
    return std::strcmp(name, "CERTIFICATE") == 0 || std::strcmp(name, "TRUSTED CERTIFICATE") == 0 ||
           std::strcmp(name, "X509 CERTIFICATE") == 0;
}

// Reads the PEM blocks of a wallet one by one: certificates, and the first
// private key (decrypted with wallet_password when it is encrypted).
std::error_code read_wallet(BIO* bio, const std::string& path, const secret_string& password,
                            std::vector<x509_ptr>& certs, pkey_ptr& key, std::string& message) {
    for (;;) {
        char* name          = nullptr;
        char* header        = nullptr;
        unsigned char* data = nullptr;
        long len            = 0;
        if (PEM_read_bio(bio, &name, &header, &data, &len) != 1) break;
        std::error_code ec;
        if (is_cert_block(name)) {
            const unsigned char* p = data;
            X509* x = std::strcmp(name, "TRUSTED CERTIFICATE") == 0 ? d2i_X509_AUX(nullptr, &p, len)
                                                                    : d2i_X509(nullptr, &p, len);
            if (x == nullptr) {
                message = "a certificate in " + path + " cannot be read: " + last_openssl_error();
                ec      = client_errc::tls_config_invalid;
            } else {
                certs.emplace_back(x);
            }
        } else if (is_key_block(name) && !key) {
            // Back to PEM, one block alone, so that the decoder sees only it.
            bio_ptr one(BIO_new(BIO_s_mem()));
            auto* pw = const_cast<secret_string*>(&password);  // NOLINT: OpenSSL's callback takes void*
            if (one && PEM_write_bio(one.get(), name, header, data, len) > 0)
                key.reset(PEM_read_bio_PrivateKey(one.get(), nullptr, wallet_password_cb, pw));
            if (!key) {
                message = "cannot read the private key in " + path + " (" + last_openssl_error() +
                          (password.empty() ? "; an encrypted key needs wallet_password)" : ")");
                ec = client_errc::tls_config_invalid;
            }
        }
        OPENSSL_free(name);
        OPENSSL_free(header);
        OPENSSL_free(data);
        if (ec) return ec;
    }
    ERR_clear_error();  // the end of the file shows as an error
    return {};
}

std::error_code load_wallet(SSL_CTX* ctx, const connect_options& o, std::string& message) {
    const std::string path = (std::filesystem::path(o.wallet_location) / "ewallet.pem").string();
    bio_ptr bio(BIO_new_file(path.c_str(), "r"));
    if (!bio) {
        ERR_clear_error();
        message = "cannot read the wallet " + path;
        return client_errc::tls_config_invalid;
    }
    std::vector<x509_ptr> certs;
    pkey_ptr key;
    if (auto ec = read_wallet(bio.get(), path, o.wallet_password, certs, key, message)) return ec;
    if (certs.empty()) {
        message = "the wallet " + path + " holds no certificate";
        return client_errc::tls_config_invalid;
    }
    X509_STORE* store  = SSL_CTX_get_cert_store(ctx);
    bool have_identity = false;
    for (auto& c : certs) {
        if (key && !have_identity && X509_check_private_key(c.get(), key.get()) == 1) {
            if (SSL_CTX_use_certificate(ctx, c.get()) != 1 || SSL_CTX_use_PrivateKey(ctx, key.get()) != 1) {
                message = "cannot use the wallet's certificate and key: " + last_openssl_error();
                return client_errc::tls_config_invalid;
            }
            have_identity = true;
            continue;
        }
        ERR_clear_error();
        if (X509_STORE_add_cert(store, c.get()) != 1) ERR_clear_error();  // a duplicate is fine
    }
    if (key && !have_identity) {
        message = "the private key in " + path + " matches none of its certificates";
        return client_errc::tls_config_invalid;
    }
    return {};
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::error_code load_tls_trust(asio::ssl::context& ctx, const connect_options& o, std::string& message) {
    SSL_CTX* c = ctx.native_handle();
    if (!o.ca_file.empty()) {
        if (SSL_CTX_load_verify_locations(c, o.ca_file.c_str(), nullptr) != 1) {
            message = "cannot load CA certificates from " + o.ca_file + ": " + last_openssl_error();
            return client_errc::tls_config_invalid;
        }
    }
    if (!o.wallet_location.empty()) {
        if (auto ec = load_wallet(c, o, message)) return ec;
    }
    if (o.ca_file.empty() && o.wallet_location.empty()) {
        if (SSL_CTX_set_default_verify_paths(c) != 1) ERR_clear_error();
    }
    return {};
}

bool parse_dn(std::string_view text, std::vector<std::pair<std::string, std::string>>& out) {
    out.clear();
    while (!text.empty()) {
        const auto comma         = text.find(',');
        const std::string_view a = text.substr(0, comma);
        const auto eq            = a.find('=');
        if (eq == std::string_view::npos) return false;
        std::string key = trim(a.substr(0, eq));
        if (key.empty()) return false;
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char ch) { return std::toupper(ch); });
        out.emplace_back(std::move(key), trim(a.substr(eq + 1)));
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return !out.empty();
}

bool same_dn(std::vector<std::pair<std::string, std::string>> a,
             std::vector<std::pair<std::string, std::string>> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

}  // namespace oranet::detail

// The emulator's I/O: an Asio acceptor and one thread per connection that
// moves bytes between the socket (or, with --tls, a TLS stream over it) and
// a server_session.
#include "emulate/emulate.hpp"
#include "emulate/server_context.hpp"
#include "emulate/server_session.hpp"

#include <asio.hpp>
#include <asio/ssl.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <list>
#include <mutex>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <type_traits>
#include <unistd.h>

namespace oranet::emulate {

struct server::impl {
    server_context ctx;
    asio::io_context io;
    asio::ip::tcp::acceptor acceptor{io};
    std::mutex mu;
    std::condition_variable idle;
    std::size_t active = 0;  // connection threads still running
    std::list<std::shared_ptr<asio::ip::tcp::socket>> sockets;
    std::atomic<bool> stopping{false};
    std::optional<asio::ssl::context> tls;  // set by --tls

    // Moves bytes between `stream` (a socket or a TLS stream) and a session
    // until it ends or the client goes away. The session works on a worker
    // thread while this one keeps reading, so that a break or interrupt
    // marker sent during a long call stops it (issue 7); only this thread
    // touches the stream (one TLS object is never used by two threads).
    template <class Stream>
    void pump(Stream& stream, asio::ip::tcp::socket& sock, server_session& session) {
        asio::error_code ec;
        std::vector<std::uint8_t> buf(65536);
        std::vector<std::uint8_t> input;
        int wake[2] = {-1, -1};
        if (::pipe(wake) != 0) return;
        bool eof = false;
        while (!session.finished() && !stopping && !eof) {
            if (input.empty()) {
                const std::size_t n = stream.read_some(asio::buffer(buf), ec);
                if (ec) {
                    session.on_eof();
                    break;
                }
                input.assign(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
            }
            std::vector<std::uint8_t> later;  // read while the session works
            std::thread worker([&] {
                session.on_bytes(proto::bytes_view(input.data(), input.size()));
                const char x = 'x';
                (void)!::write(wake[1], &x, 1);
            });
            for (;;) {
                const bool buffered = !eof && tls_buffered(stream);
                pollfd fds[2]       = {{wake[0], POLLIN, 0}, {sock.native_handle(), POLLIN, 0}};
                if (!buffered) ::poll(fds, eof ? 1 : 2, -1);
                if ((fds[0].revents & POLLIN) != 0) break;
                if (buffered || (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
                    const std::size_t n = stream.read_some(asio::buffer(buf), ec);
                    if (ec) {
                        // The client is gone (or the server stops): no one
                        // waits for the call's reply, so stop its work.
                        eof = true;
                        session.interrupt();
                        continue;
                    }
                    later.insert(later.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
                    if (has_break_marker(later)) session.interrupt();
                }
            }
            worker.join();
            char x = 0;
            (void)!::read(wake[0], &x, 1);
            input          = std::move(later);
            const auto out = session.take_output();
            if (!out.empty()) asio::write(stream, asio::buffer(out), ec);
            if (ec) break;
            if (eof) {
                if (!input.empty() && !session.finished())
                    session.on_bytes(proto::bytes_view(input.data(), input.size()));
                session.on_eof();
            }
        }
        ::close(wake[0]);
        ::close(wake[1]);
        const auto out = session.take_output();
        if (!out.empty()) asio::write(stream, asio::buffer(out), ec);
    }

    // Decrypted or received-but-undecrypted TLS bytes that poll() cannot see.
    template <class Stream>
    static bool tls_buffered(Stream& stream) {
        if constexpr (std::is_same_v<Stream, asio::ip::tcp::socket>) {
            (void)stream;
            return false;
        } else {
            SSL* ssl = stream.native_handle();
            return SSL_pending(ssl) > 0 || BIO_ctrl_pending(SSL_get_rbio(ssl)) > 0;
        }
    }

    // A break (01 00 01) or interrupt (01 00 03) MARKER packet among the
    // packets the client sent while a call runs. The walk follows the TNS
    // packet lengths from the first byte (a client sends a marker only after
    // its whole request, so what arrives during a call starts on a packet
    // boundary), so marker-like bytes inside a bind value are not taken for
    // one. Lengths are 16-bit (checksum bytes zero) or 32-bit (large SDU).
    static bool has_break_marker(const std::vector<std::uint8_t>& b) {
        std::size_t i = 0;
        while (i + 8 <= b.size()) {
            const std::uint8_t* p     = b.data() + i;
            const std::uint32_t len16 = (std::uint32_t{p[0]} << 8) | p[1];
            const std::uint32_t len32 =
                (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
            const std::uint32_t len = len16 >= 8 && p[2] == 0 && p[3] == 0 ? len16 : len32;
            const std::uint8_t type = p[4];
            if (len < 8 || type == 0 || type > 19) return false;  // not a packet boundary
            if (type == 12 && len == 11 && i + 11 <= b.size() && p[8] == 1 && (p[10] == 1 || p[10] == 3))
                return true;
            i += len;
        }
        return false;
    }

    void serve(std::shared_ptr<asio::ip::tcp::socket> sock) {
        std::string peer = "?";
        asio::error_code ec;
        const auto ep = sock->remote_endpoint(ec);
        if (!ec) peer = ep.address().to_string() + ":" + std::to_string(ep.port());
        if (ctx.log) ctx.log->info("emulate: connection from {}{}", peer, tls ? " (TLS)" : "");
        sock->set_option(asio::ip::tcp::no_delay(true), ec);
        std::uint8_t first = 0;
        if (tls && sock->receive(asio::buffer(&first, 1), asio::socket_base::message_peek, ec) == 1 &&
            first != tls_handshake_record) {
            refuse_plain(*sock, peer);
        } else if (tls) {
            asio::ssl::stream<asio::ip::tcp::socket&> stream(*sock, *tls);
            stream.handshake(asio::ssl::stream_base::server, ec);
            if (ec) {
                if (ctx.log)
                    ctx.log->error("emulate: TLS handshake with {} failed: {}", peer, describe_tls_error(ec));
                ERR_clear_error();
            } else {
                if (ctx.log)
                    ctx.log->debug("emulate: TLS with {}: {} {}", peer,
                                   SSL_get_version(stream.native_handle()),
                                   SSL_get_cipher_name(stream.native_handle()));
                server_session session(ctx, peer);
                pump(stream, *sock, session);
            }
        } else {
            server_session session(ctx, peer);
            pump(*sock, *sock, session);
        }
        sock->shutdown(asio::ip::tcp::socket::shutdown_both, ec);
        sock->close(ec);
        if (ctx.log) ctx.log->info("emulate: connection from {} closed", peer);
        std::lock_guard lock(mu);
        sockets.remove(sock);
        --active;
        idle.notify_all();
    }

    static constexpr std::uint8_t tls_handshake_record = 0x16;

    // A client that speaks plain TNS to the TCPS listener gets a fatal TLS
    // alert (protocol_version) so that it can say "use TLS" instead of
    // seeing a reset; its unread bytes are drained first, for a second at
    // most, so that the close does not turn into a reset that drops the alert.
    void refuse_plain(asio::ip::tcp::socket& sock, const std::string& peer) {
        if (ctx.log) ctx.log->error("emulate: {} sent plain TNS to the TCPS listener; refused", peer);
        static constexpr std::uint8_t alert[] = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46};
        asio::error_code ec;
        asio::write(sock, asio::buffer(alert), ec);
        sock.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
        timeval tv{1, 0};
        ::setsockopt(sock.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        std::uint8_t sink[4096];
        while (::recv(sock.native_handle(), sink, sizeof sink, 0) > 0) {
        }
    }

    static std::string describe_tls_error(const asio::error_code& ec) {
        if (ec == asio::error::eof || ec == asio::ssl::error::stream_truncated)
            return "the client closed the connection";
        return ec.message();
    }

    // TLS 1.2/1.3 server context from --tls CERT KEY [--tls-ca FILE].
    bool setup_tls(std::string& error) {
        const auto& o = ctx.opts;
        if (o.tls_cert.empty()) return true;
        tls.emplace(asio::ssl::context::tls_server);
        SSL_CTX* c = tls->native_handle();
        SSL_CTX_set_min_proto_version(c, TLS1_2_VERSION);
        auto fail = [&](const std::string& what) {
            const unsigned long e = ERR_peek_last_error();
            const char* reason    = e != 0 ? ERR_reason_error_string(e) : nullptr;
            error                 = what + (reason != nullptr ? std::string(": ") + reason : std::string());
            ERR_clear_error();
            tls.reset();
            return false;
        };
        for (const auto* f : {&o.tls_cert, &o.tls_key, &o.tls_ca}) {
            std::error_code ignored;
            if (!f->empty() && !std::filesystem::is_regular_file(*f, ignored)) {
                error = "TLS: no such file: " + *f;
                tls.reset();
                return false;
            }
        }
        if (SSL_CTX_use_certificate_chain_file(c, o.tls_cert.c_str()) != 1)
            return fail("--tls: cannot load the certificate chain " + o.tls_cert);
        if (SSL_CTX_use_PrivateKey_file(c, o.tls_key.c_str(), SSL_FILETYPE_PEM) != 1)
            return fail("--tls: cannot load the private key " + o.tls_key);
        if (SSL_CTX_check_private_key(c) != 1) return fail("--tls: the key does not match the certificate");
        if (!o.tls_ca.empty()) {
            if (SSL_CTX_load_verify_locations(c, o.tls_ca.c_str(), nullptr) != 1)
                return fail("--tls-ca: cannot load " + o.tls_ca);
            STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(o.tls_ca.c_str());
            if (names != nullptr) SSL_CTX_set_client_CA_list(c, names);
            SSL_CTX_set_verify(c, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
        }
        return true;
    }
};

server::server(options opts, std::shared_ptr<spdlog::logger> log) : impl_(std::make_unique<impl>()) {
    impl_->ctx.users = std::make_unique<user_store>(opts.users);
    std::string error;
    impl_->ctx.backend = make_engine_backend(opts.db, error, opts.prof == profile::v23);
    if (!impl_->ctx.backend) {
        if (log) log->error("emulate: {}; falling back to a bare SQLite store", error);
        impl_->ctx.backend = make_stub_backend(opts.db);
    }
    impl_->ctx.opts = std::move(opts);
    impl_->ctx.log  = std::move(log);
}

server::~server() {
    stop();
    std::unique_lock lock(impl_->mu);
    impl_->idle.wait(lock, [this] { return impl_->active == 0; });
}

bool server::listen(std::string& error) {
    if (!impl_->setup_tls(error)) return false;
    asio::error_code ec;
    const auto addr = asio::ip::make_address(impl_->ctx.opts.host, ec);
    if (ec) {
        error = "invalid listen address '" + impl_->ctx.opts.host + "': " + ec.message();
        return false;
    }
    const asio::ip::tcp::endpoint ep(addr, impl_->ctx.opts.port);
    impl_->acceptor.open(ep.protocol(), ec);
    if (!ec) impl_->acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
    if (!ec) impl_->acceptor.bind(ep, ec);
    if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        error = "cannot listen on " + impl_->ctx.opts.host + ":" + std::to_string(impl_->ctx.opts.port) +
                ": " + ec.message();
        return false;
    }
    return true;
}

std::uint16_t server::port() const noexcept {
    asio::error_code ec;
    const auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

std::string server::host() const { return impl_->ctx.opts.host; }

void server::run() {
    while (!impl_->stopping) {
        auto sock = std::make_shared<asio::ip::tcp::socket>(impl_->io);
        asio::error_code ec;
        impl_->acceptor.accept(*sock, ec);
        if (ec || impl_->stopping) break;
        std::lock_guard lock(impl_->mu);
        impl_->sockets.push_back(sock);
        ++impl_->active;
        std::thread([this, sock] { impl_->serve(sock); }).detach();
    }
}

void server::stop() {
    if (impl_->stopping.exchange(true)) return;
    asio::error_code ec;
    // A blocking accept() wakes up on shutdown(), not on close().
    if (impl_->acceptor.is_open()) ::shutdown(impl_->acceptor.native_handle(), SHUT_RDWR);
    impl_->acceptor.cancel(ec);
    std::lock_guard lock(impl_->mu);
    for (auto& s : impl_->sockets)
        s->shutdown(asio::ip::tcp::socket::shutdown_both, ec);
}

int emulate_main(int argc, char** argv, std::shared_ptr<spdlog::logger> log) {
    std::vector<std::string_view> args;
    for (int i = 0; i < argc; ++i)
        args.emplace_back(argv[i]);
    options opts;
    bool help = false;
    std::string error;
    if (!parse_options(args, opts, help, error)) {
        std::fprintf(stderr, "oranet emulate: %s\n%s", error.c_str(), usage_text);
        return 2;
    }
    if (help) {
        std::fputs(usage_text, stdout);
        return 0;
    }
    server srv(opts, log);
    if (!srv.listen(error)) {
        std::fprintf(stderr, "oranet emulate: %s\n", error.c_str());
        return 1;
    }
    // Stop on SIGINT/SIGTERM: a waiting thread turns the signal into stop().
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread waiter([&srv, set] {
        int sig = 0;
        sigwait(&set, &sig);
        srv.stop();
    });
    const std::string host = srv.host().find(':') != std::string::npos ? "[" + srv.host() + "]" : srv.host();
    std::printf("listening on %s:%u\n", host.c_str(), static_cast<unsigned>(srv.port()));
    std::fflush(stdout);
    if (log)
        log->info("emulate: profile {}, services {}{}", profile_name(opts.prof), opts.services.front(),
                  opts.tls_cert.empty()
                      ? ""
                      : (opts.tls_ca.empty() ? ", TCPS" : ", TCPS with client certificates"));
    if (log && opts.redirect_port != 0)
        log->info("emulate: a redirecting listener: every CONNECT goes to {}:{}", opts.redirect_host,
                  opts.redirect_port);
    srv.run();
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
}

}  // namespace oranet::emulate

// The emulator's I/O: an Asio acceptor and one thread per connection that
// moves bytes between the socket and a server_session.
#include "emulate/emulate.hpp"
#include "emulate/server_context.hpp"
#include "emulate/server_session.hpp"

#include <asio.hpp>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <list>
#include <mutex>
#include <sys/socket.h>
#include <thread>

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

    void serve(std::shared_ptr<asio::ip::tcp::socket> sock) {
        std::string peer = "?";
        asio::error_code ec;
        const auto ep = sock->remote_endpoint(ec);
        if (!ec) peer = ep.address().to_string() + ":" + std::to_string(ep.port());
        if (ctx.log) ctx.log->info("emulate: connection from {}", peer);
        sock->set_option(asio::ip::tcp::no_delay(true), ec);
        server_session session(ctx, peer);
        std::vector<std::uint8_t> buf(65536);
        while (!session.finished() && !stopping) {
            const std::size_t n = sock->read_some(asio::buffer(buf), ec);
            if (ec) {
                session.on_eof();
                break;
            }
            session.on_bytes(proto::bytes_view(buf.data(), n));
            const auto out = session.take_output();
            if (!out.empty()) asio::write(*sock, asio::buffer(out), ec);
            if (ec) break;
        }
        const auto out = session.take_output();
        if (!out.empty()) asio::write(*sock, asio::buffer(out), ec);
        sock->shutdown(asio::ip::tcp::socket::shutdown_both, ec);
        sock->close(ec);
        if (ctx.log) ctx.log->info("emulate: connection from {} closed", peer);
        std::lock_guard lock(mu);
        sockets.remove(sock);
        --active;
        idle.notify_all();
    }
};

server::server(options opts, std::shared_ptr<spdlog::logger> log) : impl_(std::make_unique<impl>()) {
    impl_->ctx.users = std::make_unique<user_store>(opts.users);
    std::string error;
    impl_->ctx.backend = make_engine_backend(opts.db, error);
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
    if (log) log->info("emulate: profile {}, services {}", profile_name(opts.prof), opts.services.front());
    srv.run();
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
}

}  // namespace oranet::emulate

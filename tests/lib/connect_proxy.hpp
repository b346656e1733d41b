// A small HTTP CONNECT proxy for tests, on its own thread (Asio): it
// records each request line and the bytes it relayed. Modes: forward (200,
// then a tunnel to the host:port asked for), refuse (403) and silent (reads
// the request, never answers).
#pragma once

#include <asio/connect.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/read_until.hpp>
#include <asio/write.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace oranet::test {

class connect_proxy {
public:
    enum class mode { forward, refuse, silent };

    explicit connect_proxy(mode m)
        : mode_(m), acceptor_(ctx_, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
        accept();
        thread_ = std::thread([this] { ctx_.run(); });
    }
    ~connect_proxy() {
        ctx_.stop();
        thread_.join();
        held_.clear();
    }
    connect_proxy(const connect_proxy&)            = delete;
    connect_proxy& operator=(const connect_proxy&) = delete;

    [[nodiscard]] std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    [[nodiscard]] std::vector<std::string> requests() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return requests_;
    }
    [[nodiscard]] std::size_t relayed() const { return relayed_.load(); }

private:
    struct session : std::enable_shared_from_this<session> {
        session(connect_proxy& p, asio::ip::tcp::socket s)
            : owner(p), client(std::move(s)), upstream(p.ctx_) {}

        void start() {
            auto self = shared_from_this();
            asio::async_read_until(client, asio::dynamic_buffer(head, 8192), "\r\n\r\n",
                                   [self](std::error_code ec, std::size_t n) {
                                       if (!ec) self->on_head(n);
                                   });
        }

        void on_head(std::size_t n) {
            const std::string line = head.substr(0, head.find("\r\n"));
            {
                std::lock_guard<std::mutex> lock(owner.mutex_);
                owner.requests_.push_back(line);
            }
            if (owner.mode_ == mode::silent) {
                std::lock_guard<std::mutex> lock(owner.mutex_);
                owner.held_.push_back(shared_from_this());
                return;
            }
            if (owner.mode_ == mode::refuse) {
                answer("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
                return;
            }
            // "CONNECT host:port HTTP/1.0"
            const auto sp1 = line.find(' ');
            const auto sp2 = line.find(' ', sp1 + 1);
            std::string target =
                sp1 == std::string::npos ? std::string() : line.substr(sp1 + 1, sp2 - sp1 - 1);
            const auto colon = target.rfind(':');
            std::error_code ec;
            if (line.rfind("CONNECT ", 0) != 0 || colon == std::string::npos) {
                answer("HTTP/1.1 400 Bad Request\r\n\r\n");
                return;
            }
            std::string host = target.substr(0, colon);
            if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
            asio::ip::tcp::resolver resolver(owner.ctx_);
            auto endpoints = resolver.resolve(host, target.substr(colon + 1), ec);
            if (!ec) asio::connect(upstream, endpoints, ec);
            if (ec) {
                answer("HTTP/1.1 502 Bad Gateway\r\n\r\n");
                return;
            }
            const std::string ok = "HTTP/1.1 200 Connection established\r\n\r\n";
            asio::write(client, asio::buffer(ok), ec);
            if (n < head.size()) asio::write(upstream, asio::buffer(head.data() + n, head.size() - n), ec);
            if (ec) return;
            pump(client, upstream, up);
            pump(upstream, client, down);
        }

        void answer(const std::string& reply) {
            std::error_code ec;
            asio::write(client, asio::buffer(reply), ec);
            client.close(ec);
        }

        void pump(asio::ip::tcp::socket& from, asio::ip::tcp::socket& to, std::array<char, 16384>& buf) {
            auto self = shared_from_this();
            from.async_read_some(
                asio::buffer(buf), [self, &from, &to, &buf](std::error_code ec, std::size_t n) {
                    if (ec) {
                        std::error_code ignored;
                        self->client.close(ignored);
                        self->upstream.close(ignored);
                        return;
                    }
                    self->owner.relayed_ += n;
                    asio::async_write(to, asio::buffer(buf.data(), n),
                                      [self, &from, &to, &buf](std::error_code e, std::size_t) {
                                          if (!e) self->pump(from, to, buf);
                                      });
                });
        }

        connect_proxy& owner;
        asio::ip::tcp::socket client;
        asio::ip::tcp::socket upstream;
        std::string head;
        std::array<char, 16384> up{};
        std::array<char, 16384> down{};
    };

    void accept() {
        acceptor_.async_accept([this](std::error_code ec, asio::ip::tcp::socket s) {
            if (ec) return;
            std::make_shared<session>(*this, std::move(s))->start();
            accept();
        });
    }

    mode mode_;
    asio::io_context ctx_;
    asio::ip::tcp::acceptor acceptor_;
    mutable std::mutex mutex_;
    std::vector<std::string> requests_;
    std::vector<std::shared_ptr<session>> held_;
    std::atomic<std::size_t> relayed_{0};
    std::thread thread_;
};

}  // namespace oranet::test

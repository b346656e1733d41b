// `oranet proxy --listen HOST:PORT --to HOST:PORT [--pcap FILE] [--json]`:
// forwards each client's bytes unchanged to the server and back (several
// clients at once, one thread), and prints the decoded traffic of both
// directions live as `oranet dump` does; --pcap also records it.
#include "dump/decoder.hpp"
#include "dump/pcap_writer.hpp"
#include "dump/record.hpp"

#include <asio.hpp>

#include <array>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace oranet::cli {
namespace {

using asio::ip::tcp;

struct proxy_options {
    std::string listen_host = "127.0.0.1", listen_port;
    std::string to_host, to_port;
    std::string pcap;
    dump::output_options out;
    bool quiet = false;
};

// "host:port", "[v6]:port" or ":port".
bool split_address(std::string_view a, std::string& host, std::string& port) {
    const auto colon = a.rfind(':');
    if (colon == std::string_view::npos) return false;
    std::string_view h = a.substr(0, colon);
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
    if (!h.empty()) host = std::string(h);
    port = std::string(a.substr(colon + 1));
    return !port.empty();
}

dump::endpoint to_endpoint(const tcp::endpoint& e) {
    dump::endpoint out;
    out.port = e.port();
    if (e.address().is_v4()) {
        const auto b = e.address().to_v4().to_bytes();
        std::copy(b.begin(), b.end(), out.addr.begin());
    } else {
        const auto b = e.address().to_v6().to_bytes();
        std::copy(b.begin(), b.end(), out.addr.begin());
        out.v6 = true;
    }
    return out;
}

struct shared_state {
    proxy_options opts;
    dump::pcap_writer pcap;
    std::size_t next_stream = 1;
    std::size_t reads       = 0;  // frame numbers when no pcap is written
};

class session : public std::enable_shared_from_this<session> {
public:
    session(tcp::socket client, shared_state& st)
        : client_(std::move(client)), server_(client_.get_executor()), st_(st), decoder_(st.next_stream) {
        id_ = st.next_stream++;
    }

    void start(const tcp::resolver::results_type& target) {
        auto self = shared_from_this();
        asio::async_connect(server_, target, [self](std::error_code ec, const tcp::endpoint&) {
            if (ec) {
                std::fprintf(stderr, "oranet proxy: stream %zu: cannot reach the server: %s\n", self->id_,
                             ec.message().c_str());
                return;  // the client socket closes with the session
            }
            std::error_code ignored;
            self->client_ep_ = to_endpoint(self->client_.remote_endpoint(ignored));
            self->server_ep_ = to_endpoint(self->server_.remote_endpoint(ignored));
            if (self->st_.pcap.is_open())
                self->conn_ = self->st_.pcap.begin_connection(self->client_ep_, self->server_ep_);
            self->pump(true);
            self->pump(false);
        });
    }

private:
    void pump(bool from_client) {
        auto self  = shared_from_this();
        auto& from = from_client ? client_ : server_;
        auto& buf  = from_client ? up_ : down_;
        from.async_read_some(asio::buffer(buf), [self, from_client](std::error_code ec, std::size_t n) {
            auto& to   = from_client ? self->server_ : self->client_;
            auto& data = from_client ? self->up_ : self->down_;
            if (ec || n == 0) {
                self->half_close(from_client);
                return;
            }
            self->record(from_client, dump::bytes_view(data.data(), n));
            asio::async_write(to, asio::buffer(data.data(), n),
                              [self, from_client](std::error_code wec, std::size_t) {
                                  if (wec) {
                                      self->half_close(from_client);
                                      return;
                                  }
                                  self->pump(from_client);
                              });
        });
    }

    void record(bool from_client, dump::bytes_view data) {
        std::size_t frame = ++st_.reads;
        if (st_.pcap.is_open()) frame = st_.pcap.write_data(conn_, from_client, data);
        if (st_.opts.quiet) return;
        dump::stream_chunk c;
        c.frame  = frame;
        c.stream = id_;
        c.side   = from_client ? 0 : 1;
        c.src    = from_client ? client_ep_ : server_ep_;
        c.dst    = from_client ? server_ep_ : client_ep_;
        c.data   = data;
        decoder_.feed(c, [this](const dump::packet_out& p) { print(p); });
    }

    void print(const dump::packet_out& p) {
        dump::print_packet(stdout, p, st_.opts.out);
        std::fflush(stdout);
    }

    void half_close(bool from_client) {
        bool& done = from_client ? up_done_ : down_done_;
        if (done) return;
        done = true;
        if (st_.pcap.is_open()) st_.pcap.write_fin(conn_, from_client);
        std::error_code ignored;
        (from_client ? server_ : client_).shutdown(tcp::socket::shutdown_send, ignored);
        if (up_done_ && down_done_) {
            if (!st_.opts.quiet) decoder_.finish([this](const dump::packet_out& p) { print(p); });
            client_.close(ignored);
            server_.close(ignored);
        }
    }

    tcp::socket client_, server_;
    shared_state& st_;
    dump::stream_decoder decoder_;
    std::size_t id_   = 0;
    std::size_t conn_ = 0;
    dump::endpoint client_ep_, server_ep_;
    std::array<std::uint8_t, 65536> up_{}, down_{};
    bool up_done_ = false, down_done_ = false;
};

void accept_loop(tcp::acceptor& acc, const tcp::resolver::results_type& target, shared_state& st) {
    acc.async_accept([&acc, &target, &st](std::error_code ec, tcp::socket s) {
        if (!ec) std::make_shared<session>(std::move(s), st)->start(target);
        if (acc.is_open()) accept_loop(acc, target, st);
    });
}

constexpr const char* proxy_usage =
    "usage: oranet proxy --listen HOST:PORT --to HOST:PORT [--pcap FILE] [--json] [--quiet]\n"
    "\n"
    "Forwards every connection made to --listen to --to, bytes unchanged, and prints\n"
    "the decoded TNS packets and TTC messages of both directions as they pass (as\n"
    "`oranet dump` does). --pcap FILE also writes the traffic as a pcap capture.\n"
    "The first line printed is \"listening on HOST:PORT\" (port 0 picks a free one).\n";

}  // namespace

int proxy_command(int argc, char** argv) {
    shared_state st;
    proxy_options& o = st.opts;
    for (int i = 0; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value               = [&](std::string_view name) -> std::string_view {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "oranet proxy: %s needs a value\n", std::string(name).c_str());
                return {};
            }
            return argv[++i];
        };
        if (a == "--listen") {
            if (!split_address(value(a), o.listen_host, o.listen_port)) {
                std::fputs(proxy_usage, stderr);
                return 2;
            }
        } else if (a == "--to") {
            if (!split_address(value(a), o.to_host, o.to_port)) {
                std::fputs(proxy_usage, stderr);
                return 2;
            }
        } else if (a == "--pcap") {
            o.pcap = std::string(value(a));
        } else if (a == "--json") {
            o.out.json = true;
        } else if (a == "--quiet") {
            o.quiet = true;
        } else if (a == "--help" || a == "-h") {
            std::fputs(proxy_usage, stdout);
            return 0;
        } else {
            std::fprintf(stderr, "oranet proxy: unexpected argument '%s'\n", argv[i]);
            return 2;
        }
    }
    if (o.listen_port.empty() || o.to_host.empty() || o.to_port.empty()) {
        std::fputs(proxy_usage, stderr);
        return 2;
    }
    if (!o.pcap.empty() && !st.pcap.open(o.pcap)) {
        std::fprintf(stderr, "oranet proxy: cannot create %s\n", o.pcap.c_str());
        return 1;
    }
    try {
        asio::io_context io;
        tcp::resolver resolver(io);
        const auto target = resolver.resolve(o.to_host, o.to_port);
        const auto here   = *resolver.resolve(o.listen_host, o.listen_port).begin();
        tcp::acceptor acc(io, here.endpoint());
        std::printf("listening on %s:%u\n", acc.local_endpoint().address().to_string().c_str(),
                    acc.local_endpoint().port());
        std::fflush(stdout);
        asio::signal_set signals(io, SIGINT, SIGTERM);
        signals.async_wait([&](std::error_code, int) { io.stop(); });
        accept_loop(acc, target, st);
        io.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "oranet proxy: %s\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace oranet::cli

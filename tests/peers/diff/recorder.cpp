#include "recorder.hpp"

#include <asio/connect.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>

#include <array>
#include <condition_variable>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace oranet::test::diff {

using asio::ip::tcp;

child_process::child_process(const std::vector<std::string>& argv, const std::string& log_path,
                             const std::vector<std::string>& extra_env)
    : log_path_(log_path) {
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_storage;
    for (char** e = environ; *e != nullptr; ++e)
        env_storage.emplace_back(*e);
    for (const auto& e : extra_env)
        env_storage.push_back(e);
    std::vector<char*> env;
    for (auto& e : env_storage)
        env.push_back(e.data());
    env.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid = -1;
    if (posix_spawn(&pid, args[0], &fa, nullptr, args.data(), env.data()) == 0) pid_ = pid;
    posix_spawn_file_actions_destroy(&fa);
}

child_process::~child_process() { terminate(); }

int child_process::wait(std::chrono::seconds timeout) {
    if (pid_ <= 0) return -1;
    const auto end = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status    = 0;
        const pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        if (std::chrono::steady_clock::now() > end) {
            terminate();
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void child_process::terminate() noexcept {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string child_process::log() const {
    std::ifstream f(log_path_);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

emulator::emulator(const std::string& oranet_cli, const std::vector<std::string>& extra_args,
                   const std::string& tag) {
    std::vector<std::string> argv{oranet_cli,    "emulate", "--listen",
                                  "127.0.0.1:0", "--user",  "demo/demo:12c"};
    argv.insert(argv.end(), extra_args.begin(), extra_args.end());
    const std::string log_path =
        "/tmp/oranet-peer-diff-emulate-" + tag + "-" + std::to_string(::getpid()) + ".log";
    proc_ = std::make_unique<child_process>(argv, log_path, std::vector<std::string>{"ORANET_LOG=warn"});
    if (!proc_->started()) throw std::runtime_error("cannot start " + oranet_cli);
    const std::regex listening(R"(listening on \S+:(\d+))");
    for (int i = 0; i < 750; ++i) {
        std::smatch m;
        const std::string out = proc_->log();
        if (std::regex_search(out, m, listening)) {
            port_ = static_cast<std::uint16_t>(std::stoi(m[1].str()));
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    throw std::runtime_error("the emulator did not start: " + proc_->log());
}

struct recording_proxy::state {
    asio::io_context ctx;
    tcp::acceptor acceptor{ctx};
    std::mutex mu;
    std::condition_variable cv;
    std::vector<chunk> chunks;
    bool accepted = false;
    bool done     = false;
};

namespace {

void pump(tcp::socket& from, tcp::socket& to, direction dir, recording_proxy* /*unused*/, std::mutex& mu,
          std::vector<chunk>& out) {
    std::array<std::uint8_t, 65536> buf;
    for (;;) {
        asio::error_code ec;
        const std::size_t n = from.read_some(asio::buffer(buf), ec);
        if (ec || n == 0) break;
        {
            std::lock_guard<std::mutex> lock(mu);
            out.push_back(chunk{dir, std::vector<std::uint8_t>(buf.begin(), buf.begin() + n)});
        }
        asio::write(to, asio::buffer(buf.data(), n), ec);
        if (ec) break;
    }
    asio::error_code ignored;
    to.shutdown(tcp::socket::shutdown_send, ignored);
}

}  // namespace

recording_proxy::recording_proxy(std::uint16_t upstream_port) : st_(std::make_shared<state>()) {
    const tcp::endpoint local(asio::ip::make_address("127.0.0.1"), 0);
    st_->acceptor.open(local.protocol());
    st_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    st_->acceptor.bind(local);
    st_->acceptor.listen();
    port_   = st_->acceptor.local_endpoint().port();
    thread_ = std::thread([st = st_, upstream_port] {
        tcp::socket client(st->ctx);
        tcp::socket server(st->ctx);
        asio::error_code ec;
        st->acceptor.accept(client, ec);
        if (!ec) server.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), upstream_port), ec);
        {
            std::lock_guard<std::mutex> lock(st->mu);
            st->accepted = true;
        }
        if (!ec) {
            std::thread up([&] { pump(client, server, direction::to_server, nullptr, st->mu, st->chunks); });
            pump(server, client, direction::to_client, nullptr, st->mu, st->chunks);
            up.join();
        }
        {
            std::lock_guard<std::mutex> lock(st->mu);
            st->done = true;
        }
        st->cv.notify_all();
    });
}

recording_proxy::~recording_proxy() {
    bool accepted = false;
    {
        std::lock_guard<std::mutex> lock(st_->mu);
        accepted = st_->accepted;
    }
    if (!accepted) {
        // Unblocks the accept with a connection of our own.
        asio::io_context ctx;
        tcp::socket s(ctx);
        asio::error_code ec;
        s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ec);
        s.close(ec);
    }
    if (!finish(std::chrono::seconds(10)).empty() || thread_.joinable()) {
        if (thread_.joinable()) thread_.detach();
    }
}

std::vector<chunk> recording_proxy::finish(std::chrono::seconds timeout) {
    std::unique_lock<std::mutex> lock(st_->mu);
    st_->cv.wait_for(lock, timeout, [this] { return st_->done; });
    if (st_->done && thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) {
        lock.unlock();
        thread_.join();
        lock.lock();
    }
    return st_->chunks;
}

}  // namespace oranet::test::diff

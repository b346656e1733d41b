// oranet emulate: a TNS/TTC server backed by SQLite, for tests and demos.
// run_emulator() listens and serves until stop() or a signal; it prints
// "listening on HOST:PORT" on stdout once the socket is bound.
#pragma once

#include "emulate/options.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace oranet::emulate {

class server {
public:
    server(options opts, std::shared_ptr<spdlog::logger> log);
    ~server();
    server(const server&)            = delete;
    server& operator=(const server&) = delete;

    // Binds the listening socket; false (and `error`) when it cannot.
    [[nodiscard]] bool listen(std::string& error);
    // The bound port (after listen()).
    [[nodiscard]] std::uint16_t port() const noexcept;
    [[nodiscard]] std::string host() const;
    // Accepts and serves clients (a thread per connection) until stop().
    void run();
    // Safe from another thread or a signal handler's helper thread.
    void stop();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// `oranet emulate` itself: parses the arguments after "emulate", prints the
// listening line, serves until SIGINT/SIGTERM. Returns the exit status.
int emulate_main(int argc, char** argv, std::shared_ptr<spdlog::logger> log);

}  // namespace oranet::emulate

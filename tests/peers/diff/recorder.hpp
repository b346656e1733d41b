// Test plumbing of the differential test (issue 6): child processes (the
// emulator, node) and a recording TCP proxy that saves what each side sends.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace oranet::test::diff {

// A child process whose stdout and stderr go to a log file.
class child_process {
public:
    child_process() = default;
    // Starts argv[0] (a path) with the arguments; env entries "K=V" are added.
    child_process(const std::vector<std::string>& argv, const std::string& log_path,
                  const std::vector<std::string>& extra_env = {});
    ~child_process();
    child_process(const child_process&)            = delete;
    child_process& operator=(const child_process&) = delete;

    [[nodiscard]] bool started() const noexcept { return pid_ > 0; }
    // Waits for the exit; -1 on timeout (the child is then killed).
    int wait(std::chrono::seconds timeout);
    void terminate() noexcept;
    [[nodiscard]] std::string log() const;

private:
    pid_t pid_ = -1;
    std::string log_path_;
};

// `oranet emulate` on a free port of 127.0.0.1.
class emulator {
public:
    emulator(const std::string& oranet_cli, const std::vector<std::string>& extra_args,
             const std::string& tag);
    [[nodiscard]] std::uint16_t port() const noexcept { return port_; }
    [[nodiscard]] std::string log() const { return proc_->log(); }

private:
    std::unique_ptr<child_process> proc_;
    std::uint16_t port_ = 0;
};

enum class direction : std::uint8_t { to_server, to_client };

struct chunk {
    direction dir;
    std::vector<std::uint8_t> bytes;
};

// Accepts one connection on a free port of 127.0.0.1, connects to the
// upstream port, and forwards both ways, recording each chunk before it
// forwards it (so the recorded order is causal: a reply is always recorded
// after the request it answers).
class recording_proxy {
public:
    explicit recording_proxy(std::uint16_t upstream_port);
    ~recording_proxy();
    recording_proxy(const recording_proxy&)            = delete;
    recording_proxy& operator=(const recording_proxy&) = delete;

    [[nodiscard]] std::uint16_t port() const noexcept { return port_; }
    // Waits until both directions ended (or the timeout) and returns the chunks.
    [[nodiscard]] std::vector<chunk> finish(std::chrono::seconds timeout);

private:
    struct state;
    std::shared_ptr<state> st_;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

}  // namespace oranet::test::diff

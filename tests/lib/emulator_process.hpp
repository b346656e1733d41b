// Runs `oranet emulate` (the CLI binary of this build tree) as a child
// process on a free loopback port for the integration tests, and stops it
// with SIGTERM. Tests skip, saying so, when the binary is not built.
#pragma once

#include <oranet/oranet.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace oranet::test {

class emulator_process {
public:
    explicit emulator_process(std::vector<std::string> extra = {}) {
        const std::string bin = std::string(ORANET_BINARY_DIR) + "/tools/oranet";
        if (!std::filesystem::exists(bin)) return;
        std::vector<std::string> args = {bin,      "emulate",   "--listen", "127.0.0.1:0",
                                         "--user", "demo/demo", "--user",   "scott/tiger:12c"};
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        int out[2];
        if (pipe(out) != 0) return;
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        posix_spawn_file_actions_addclose(&fa, out[0]);
        if (posix_spawn(&pid_, bin.c_str(), &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&fa);
        close(out[1]);
        if (pid_ <= 0) {
            close(out[0]);
            return;
        }
        FILE* f        = fdopen(out[0], "r");
        char line[256] = {};
        if (f != nullptr && std::fgets(line, sizeof line, f) != nullptr) {
            unsigned p     = 0;
            char host[128] = {};
            if (std::sscanf(line, "listening on %127[^:]:%u", host, &p) == 2)
                port_ = static_cast<std::uint16_t>(p);
        }
        out_ = f;
    }
    ~emulator_process() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            int st = 0;
            waitpid(pid_, &st, 0);
        }
        if (out_ != nullptr) std::fclose(out_);
    }
    emulator_process(const emulator_process&)            = delete;
    emulator_process& operator=(const emulator_process&) = delete;

    [[nodiscard]] bool running() const noexcept { return port_ != 0; }
    [[nodiscard]] std::uint16_t port() const noexcept { return port_; }
    [[nodiscard]] std::string address(const std::string& service = "FREEPDB1") const {
        return "127.0.0.1:" + std::to_string(port_) + "/" + service;
    }
    [[nodiscard]] connect_params params(const std::string& user     = "demo",
                                        const std::string& password = "demo") const {
        connect_params p;
        p.user                    = user;
        p.password                = password;
        p.connect_string          = address();
        p.options.connect_timeout = std::chrono::seconds(10);
        p.options.call_timeout    = std::chrono::seconds(30);
        return p;
    }

private:
    pid_t pid_          = -1;
    std::uint16_t port_ = 0;
    FILE* out_          = nullptr;
};

}  // namespace oranet::test

#define ORANET_REQUIRE_EMULATOR(var, ...)                                                                   \
    ::oranet::test::emulator_process var{__VA_ARGS__};                                                      \
    if (!var.running()) {                                                                                   \
        WARN("skipped: " ORANET_BINARY_DIR "/tools/oranet is not built or `oranet emulate` did not start"); \
        return;                                                                                             \
    }

// A throw-away PKI for TLS tests: a temporary directory in which the openssl
// command makes the keys and certificates a test file asks for, once per
// run, removed at exit. No key is ever committed.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace oranet::test {

class test_pki {
public:
    // Creates `dirs` and writes `files` (name, content) in a fresh directory
    // named after `tag`, then runs `commands` there in order.
    test_pki(const std::string& tag, const std::vector<std::string>& dirs,
             const std::vector<std::pair<std::string, std::string>>& files,
             const std::vector<std::string>& commands) {
        dir_ = std::filesystem::temp_directory_path() / ("oranet-" + tag + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        for (const auto& d : dirs)
            std::filesystem::create_directories(dir_ / d);
        for (const auto& [name, content] : files)
            std::ofstream(dir_ / name) << content;
        for (const auto& c : commands) {
            const std::string full = "cd '" + dir_.string() + "' && (" + c + ") >/dev/null 2>&1";
            if (std::system(full.c_str()) != 0) {
                WARN("test PKI: failed: " << c);
                return;
            }
        }
        ok_ = true;
    }
    ~test_pki() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    test_pki(const test_pki&)            = delete;
    test_pki& operator=(const test_pki&) = delete;

    [[nodiscard]] bool ok() const noexcept { return ok_; }
    [[nodiscard]] std::string at(const char* name) const { return (dir_ / name).string(); }

    // EC P-256 keys without a passphrase: fast to make.
    static constexpr const char* key_opts = " -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes ";

private:
    std::filesystem::path dir_;
    bool ok_ = false;
};

}  // namespace oranet::test

// Skips the test case, saying why, when the PKI could not be made.
#define ORANET_REQUIRE_PKI()                                                   \
    if (!pki().ok()) {                                                         \
        WARN("skipped: the openssl command could not make test certificates"); \
        return;                                                                \
    }

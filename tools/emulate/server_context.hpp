// What every connection of one emulator process shares: the options, the
// user list (passwords change at login when expired), the SQL backend and
// the logger.
#pragma once

#include "emulate/backend.hpp"
#include "emulate/options.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace spdlog {
class logger;
}

namespace oranet::emulate {

class user_store {
public:
    explicit user_store(std::vector<user_spec> users) : users_(std::move(users)) {}
    // The user named `name` (case-insensitive), or nullopt.
    [[nodiscard]] std::optional<user_spec> find(std::string_view name) const;
    // Sets a new password and clears the expired mark.
    void change_password(std::string_view name, const std::string& password);

private:
    mutable std::mutex mu_;
    std::vector<user_spec> users_;
};

struct server_context {
    options opts;
    std::unique_ptr<user_store> users;
    std::unique_ptr<sql_backend> backend;
    std::shared_ptr<spdlog::logger> log;  // may be null
    std::atomic<std::uint32_t> next_session_id{100};
};

}  // namespace oranet::emulate

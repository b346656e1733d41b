// oranet logs through spdlog, logger name "oranet", to stderr only: the
// library never writes to stdout. The level comes from ORANET_LOG (off,
// error, warn, info, debug, trace; default warn) unless the program sets it.
#pragma once

#include <memory>
#include <string_view>

namespace spdlog {
class logger;
}

namespace oranet {

// The shared "oranet" logger, created on first use with the ORANET_LOG level.
[[nodiscard]] std::shared_ptr<spdlog::logger> default_logger();

// Parses a level name as ORANET_LOG takes it; false for an unknown name.
[[nodiscard]] bool parse_log_level(std::string_view name, int& spdlog_level) noexcept;

// Sets the level of the "oranet" logger ("off" … "trace"); false when the
// name is unknown.
bool set_log_level(std::string_view name);

}  // namespace oranet

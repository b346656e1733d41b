#include <oranet/logging.hpp>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <mutex>

namespace oranet {

bool parse_log_level(std::string_view name, int& level) noexcept {
    struct entry {
        std::string_view name;
        spdlog::level::level_enum level;
    };
    static constexpr entry table[] = {
        {"off", spdlog::level::off},      {"error", spdlog::level::err}, {"warn", spdlog::level::warn},
        {"warning", spdlog::level::warn}, {"info", spdlog::level::info}, {"debug", spdlog::level::debug},
        {"trace", spdlog::level::trace},
    };
    for (const auto& e : table) {
        if (e.name == name) {
            level = static_cast<int>(e.level);
            return true;
        }
    }
    return false;
}

std::shared_ptr<spdlog::logger> default_logger() {
    static std::once_flag once;
    static std::shared_ptr<spdlog::logger> logger;
    std::call_once(once, [] {
        logger = spdlog::get("oranet");
        if (!logger) {
            logger    = spdlog::stderr_color_mt("oranet");
            int level = spdlog::level::warn;
            if (const char* env = std::getenv("ORANET_LOG"); env != nullptr && !parse_log_level(env, level)) {
                logger->warn(
                    "ORANET_LOG={} is not a level (off, error, warn, info, debug, trace); using warn", env);
            }
            logger->set_level(static_cast<spdlog::level::level_enum>(level));
        }
    });
    return logger;
}

bool set_log_level(std::string_view name) {
    int level = 0;
    if (!parse_log_level(name, level)) return false;
    default_logger()->set_level(static_cast<spdlog::level::level_enum>(level));
    return true;
}

}  // namespace oranet

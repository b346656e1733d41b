#include <oranet/logging.hpp>
#include <oranet/version.hpp>

#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

TEST_CASE("ORANET_LOG level names parse") {
    int level = -1;
    CHECK(oranet::parse_log_level("trace", level));
    CHECK(level == spdlog::level::trace);
    CHECK(oranet::parse_log_level("off", level));
    CHECK(level == spdlog::level::off);
    CHECK_FALSE(oranet::parse_log_level("loud", level));
}

TEST_CASE("the library's logger is named oranet and logs to stderr") {
    auto logger = oranet::default_logger();
    REQUIRE(logger);
    CHECK(logger->name() == "oranet");
    CHECK(spdlog::get("oranet") == logger);
    CHECK(oranet::set_log_level("debug"));
    CHECK(logger->level() == spdlog::level::debug);
    CHECK_FALSE(oranet::set_log_level("loud"));
}

TEST_CASE("version string matches the project version") {
    CHECK(std::string(oranet::version_string).find('.') != std::string::npos);
}

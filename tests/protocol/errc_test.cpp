#include <oranet/errc.hpp>

#include <catch2/catch.hpp>

using namespace oranet;

TEST_CASE("client error codes carry their message, name and fatality") {
    const std::error_code ec = client_errc::truncated;
    CHECK(ec.category().name() == std::string("oranet"));
    CHECK(ec.message() == "message truncated: more bytes were expected");
    CHECK(std::string(errc_name(client_errc::truncated)) == "truncated");
    CHECK(is_fatal(ec));
    CHECK_FALSE(is_fatal(client_errc::invalid_number));
    CHECK(error_code_text(ec) == "ORN-01001");
}

TEST_CASE("ORA codes are their own category with value == nnnnn") {
    const std::error_code ec = ora_error(942);
    CHECK(ec.value() == 942);
    CHECK(error_code_text(ec) == "ORA-00942");
    CHECK(ec.message() == "table or view does not exist");
    CHECK_FALSE(is_fatal(ec));
    CHECK(is_fatal(ora_error(3113)));
}

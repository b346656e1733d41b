// Easy Connect: "[tcp://|tcps://]host[:port][/service]", with an IPv6 host
// in brackets ("[::1]:1521/FREEPDB1") and an optional "//" in front. The full Easy
// Connect Plus syntax, descriptors and tnsnames.ora come in a later issue;
// this parser stays in its own file so that one can replace it.
#pragma once

#include <oranet/errc.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace oranet {

inline constexpr std::uint16_t default_port = 1521;

struct easy_connect {
    std::string host;
    std::uint16_t port = default_port;
    std::string service;   // empty: the listener's default service
    bool use_tls = false;  // "tcps://" in front; "tcp://" is accepted too
    friend bool operator==(const easy_connect&, const easy_connect&) = default;
};

// client_errc::connect_string_invalid for an empty host, a port that is not
// 1..65535, an unclosed bracket or characters a host cannot hold.
[[nodiscard]] std::error_code parse_easy_connect(std::string_view text, easy_connect& out);

// "user/password@connect-string" as the CLI takes it. The password may
// contain '@' and '/': the last '@' separates the connect string, the first
// '/' the password. client_errc::connect_string_invalid when there is no '@'.
struct login_string {
    std::string user;
    std::string password;
    std::string connect_string;
};
[[nodiscard]] std::error_code parse_login_string(std::string_view text, login_string& out);

}  // namespace oranet

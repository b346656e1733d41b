// oranet's error codes: client_errc (our own, per-layer blocks) and the
// ORA-nnnnn category (value == nnnnn). Both are plain std::error_code values,
// so protocol/ and auth/ never throw.
#pragma once

#include <string>
#include <system_error>

namespace oranet {

enum class client_errc : int {
// NOLINTNEXTLINE(bugprone-macro-parentheses): the argument is an enumerator name
#define ORANET_ERRC(name, value, fatal, message) name = value,
#include <oranet/detail/errc_table.inc>
#undef ORANET_ERRC
};

[[nodiscard]] const std::error_category& client_category() noexcept;
[[nodiscard]] const std::error_category& ora_category() noexcept;

[[nodiscard]] inline std::error_code make_error_code(client_errc e) noexcept {
    return {static_cast<int>(e), client_category()};
}

// ORA-nnnnn as an error_code; the message is the generic text of the code
// when oranet knows it (the server's own text travels in diagnostics).
[[nodiscard]] inline std::error_code ora_error(int code) noexcept { return {code, ora_category()}; }

// True when the session cannot be used after this error (python-oracledb's
// is_session_dead, Boost.MySQL's is_fatal_error).
[[nodiscard]] bool is_fatal(std::error_code ec) noexcept;

// The name of a client_errc value ("truncated"), or "" when unknown.
[[nodiscard]] const char* errc_name(client_errc e) noexcept;

// "ORN-01001" style code text for client errors, "ORA-00942" for server ones.
[[nodiscard]] std::string error_code_text(std::error_code ec);

}  // namespace oranet

template <>
struct std::is_error_code_enum<oranet::client_errc> : std::true_type {};

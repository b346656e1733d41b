// ORA errors raised inside the emulator's engine.
#pragma once

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace oranet::emulate {

// An Oracle error as a server reports it: the code, the full message text
// ("ORA-00942: table or view does not exist", no trailing newline) and the
// 0-based character offset into the SQL text where Oracle reports one.
struct sql_error {
    int code = 0;
    std::string message;
    std::uint32_t offset = 0;
    explicit operator bool() const noexcept { return code != 0; }
};

// The same type under the name the server layer first used (inside
// oranet::emulate it hides the function oranet::ora_error(int)).
using ora_error = sql_error;

// Thrown inside the engine, caught at the API boundary.
struct ora_exception : std::exception {
    sql_error error;
    explicit ora_exception(sql_error e) : error(std::move(e)) {}
    const char* what() const noexcept override { return error.message.c_str(); }
};

[[nodiscard]] inline sql_error make_ora(int code, const std::string& text, std::uint32_t offset = 0) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "ORA-%05d: ", code);
    return sql_error{code, prefix + text, offset};
}

[[noreturn]] inline void raise(int code, const std::string& text, std::uint32_t offset = 0) {
    throw ora_exception(make_ora(code, text, offset));
}

[[noreturn]] inline void unimplemented(std::uint32_t offset = 0) {
    raise(3001, "unimplemented feature", offset);
}

}  // namespace oranet::emulate

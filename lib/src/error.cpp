#include <oranet/error.hpp>

namespace oranet {

std::string format_error(std::error_code ec, const diagnostics& diag) {
    std::string s;
    if (!diag.server_message.empty()) {
        s = diag.server_message;
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
            s.pop_back();
    } else {
        s = error_code_text(ec) + ": " + ec.message();
    }
    if (!diag.client_message.empty()) s += " (" + diag.client_message + ")";
    if (diag.offset) s += " [offset " + std::to_string(*diag.offset) + "]";
    return s;
}

error::error(std::error_code ec, diagnostics diag)
    : std::system_error(ec, format_error(ec, diag)), diag_(std::move(diag)) {}

int error::ora_code() const noexcept { return code().category() == ora_category() ? code().value() : 0; }

void throw_on_error(std::error_code ec, const diagnostics& diag) {
    if (ec) throw error(ec, diag);
}

}  // namespace oranet

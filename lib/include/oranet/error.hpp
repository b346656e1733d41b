// What the public API reports when something fails: a std::error_code
// (client_errc or ORA-nnnnn, see errc.hpp) plus `diagnostics`, the details
// the code alone cannot say. The throwing overloads raise `oranet::error`,
// which carries both; the (..., std::error_code&, diagnostics&) overloads
// fill them in and never throw.
#pragma once

#include <oranet/errc.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <system_error>

namespace oranet {

struct diagnostics {
    // The server's own message text (e.g. "ORA-00942: table or view does not
    // exist"). Untrusted: it came from the network.
    std::string server_message;
    // oranet's own explanation when the code's generic text is not enough
    // (which address could not be reached, which auth value was wrong).
    std::string client_message;
    // Offset in the SQL text where the server located the error.
    std::optional<std::uint32_t> offset;
    // Rows processed by the call before it failed.
    std::uint64_t row_count = 0;

    void clear() {
        server_message.clear();
        client_message.clear();
        offset.reset();
        row_count = 0;
    }
};

// The one-line text of an error: the server message when there is one, else
// "ORN-06002: the operation timed out", plus the client detail and offset.
[[nodiscard]] std::string format_error(std::error_code ec, const diagnostics& diag);

class error : public std::system_error {
public:
    error(std::error_code ec, diagnostics diag);

    [[nodiscard]] const diagnostics& diag() const noexcept { return diag_; }
    // The ORA number (942 for ORA-00942), or 0 for oranet's own codes.
    [[nodiscard]] int ora_code() const noexcept;
    // True when the connection cannot be used any more (is_fatal()).
    [[nodiscard]] bool is_fatal() const noexcept { return oranet::is_fatal(code()); }

private:
    diagnostics diag_;
};

// Throws oranet::error when `ec` is set.
void throw_on_error(std::error_code ec, const diagnostics& diag);

}  // namespace oranet

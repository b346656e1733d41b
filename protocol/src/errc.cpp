#include <oranet/errc.hpp>

#include <cstdio>

namespace oranet {
namespace {

struct errc_row {
    int value;
    bool fatal;
    const char* name;
    const char* message;
};

constexpr errc_row errc_rows[] = {
#define ORANET_ERRC(name, value, fatal, message) {value, fatal, #name, message},
#include <oranet/detail/errc_table.inc>
#undef ORANET_ERRC
};

const errc_row* find_row(int value) noexcept {
    for (const auto& row : errc_rows)
        if (row.value == value) return &row;
    return nullptr;
}

class client_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "oranet"; }
    std::string message(int ev) const override {
        const errc_row* row = find_row(ev);
        return row != nullptr ? row->message : "unknown oranet error " + std::to_string(ev);
    }
};

// Generic texts of the ORA codes oranet itself reasons about. The server's
// message is authoritative and travels in diagnostics; these are fallbacks.
struct ora_row {
    int code;
    const char* text;
};

constexpr ora_row ora_rows[] = {
    {1, "unique constraint violated"},
    {28, "your session has been killed"},
    {900, "invalid SQL statement"},
    {904, "invalid identifier"},
    {933, "SQL command not properly ended"},
    {942, "table or view does not exist"},
    {1013, "user requested cancel of current operation"},
    {1017, "invalid username/password; logon denied"},
    {1400, "cannot insert NULL"},
    {1403, "no data found"},
    {1722, "invalid number"},
    {3001, "unimplemented feature"},
    {3113, "end-of-file on communication channel"},
    {3114, "not connected to ORACLE"},
    {12514, "TNS:listener does not currently know of service requested in connect descriptor"},
    {12505, "TNS:listener does not currently know of SID given in connect descriptor"},
    {12899, "value too large for column"},
    {28001, "the password has expired"},
};

class ora_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "ORA"; }
    std::string message(int ev) const override {
        for (const auto& row : ora_rows)
            if (row.code == ev) return row.text;
        return "Oracle error";
    }
};

}  // namespace

const std::error_category& client_category() noexcept {
    static const client_category_impl instance;
    return instance;
}

const std::error_category& ora_category() noexcept {
    static const ora_category_impl instance;
    return instance;
}

bool is_fatal(std::error_code ec) noexcept {
    if (!ec) return false;
    if (ec.category() == client_category()) {
        const errc_row* row = find_row(ec.value());
        return row == nullptr || row->fatal;
    }
    if (ec.category() == ora_category()) {
        switch (ec.value()) {
            case 28:     // session killed
            case 3113:   // end-of-file on communication channel
            case 3114:   // not connected
            case 3135:   // connection lost contact
            case 12153:  // TNS: not connected
            case 12537:  // TNS: connection closed
            case 12547:  // TNS: lost contact
            case 12570:  // TNS: packet reader failure
            case 12571:  // TNS: packet writer failure
            case 12583:  // TNS: no reader
                return true;
            default: return false;
        }
    }
    return true;  // a system (socket) error leaves the session unusable
}

const char* errc_name(client_errc e) noexcept {
    const errc_row* row = find_row(static_cast<int>(e));
    return row != nullptr ? row->name : "";
}

std::string error_code_text(std::error_code ec) {
    char buf[32];
    if (ec.category() == ora_category()) {
        std::snprintf(buf, sizeof buf, "ORA-%05d", ec.value());
    } else if (ec.category() == client_category()) {
        std::snprintf(buf, sizeof buf, "ORN-%05d", ec.value());
    } else {
        std::snprintf(buf, sizeof buf, "%s-%d", ec.category().name(), ec.value());
    }
    return buf;
}

}  // namespace oranet

// The calls that are only a function header: commit (14), rollback (15),
// ping (147) and logoff (9). Close cursors travels as a piggyback
// (function_header.hpp).
#pragma once

#include <oranet/proto/ttc/function_header.hpp>

#include <cstdint>
#include <system_error>

namespace oranet::proto::ttc {

struct commit_request {
    std::uint8_t seq    = 0;
    std::uint64_t token = 0;
};
struct rollback_request {
    std::uint8_t seq    = 0;
    std::uint64_t token = 0;
};
struct ping_request {
    std::uint8_t seq    = 0;
    std::uint64_t token = 0;
};
struct logoff_request {
    std::uint8_t seq    = 0;
    std::uint64_t token = 0;
};

// Client role.
void encode(writer& w, const commit_request& m, const caps& c);
void encode(writer& w, const rollback_request& m, const caps& c);
void encode(writer& w, const ping_request& m, const caps& c);
void encode(writer& w, const logoff_request& m, const caps& c);

// Server role: the whole message (header included); the function code must
// match and nothing may follow.
[[nodiscard]] std::error_code decode(reader& r, commit_request& m, const caps& c);
[[nodiscard]] std::error_code decode(reader& r, rollback_request& m, const caps& c);
[[nodiscard]] std::error_code decode(reader& r, ping_request& m, const caps& c);
[[nodiscard]] std::error_code decode(reader& r, logoff_request& m, const caps& c);

}  // namespace oranet::proto::ttc

// Implicit results (message 27): the cursors a PL/SQL block returned with
// DBMS_SQL.RETURN_RESULT. A UB4 count, then per cursor a one-byte length
// and that many opaque bytes (clients skip them), the describe body of its
// columns and the UB2 cursor id the client fetches from afterwards
// (python-oracledb _process_implicit_result, node-oracledb
// processImplicitResultSet).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/describe.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct implicit_result {
    std::vector<std::uint8_t> prefix;  // opaque, at most 255 bytes
    describe_info describe;            // the body only (its prefix field is not on the wire)
    std::uint16_t cursor_id = 0;
};

struct implicit_results {
    std::vector<implicit_result> results;
};

// Upper bound on the results of one message (beyond what the bytes allow).
inline constexpr std::size_t max_implicit_results = 65535;

void encode(writer& w, const implicit_results& m, const caps& c);
// After the message type byte.
[[nodiscard]] std::error_code decode_body(reader& r, implicit_results& m, const caps& c);

}  // namespace oranet::proto::ttc

// Fetch (function 5): more rows of an open cursor.
#pragma once

#include <oranet/proto/ttc/function_header.hpp>

#include <cstdint>
#include <system_error>

namespace oranet::proto::ttc {

struct fetch_request {
    std::uint8_t seq        = 0;
    std::uint64_t token     = 0;
    std::uint32_t cursor_id = 0;
    std::uint32_t rows      = 0;  // the fetch array size
};

void encode(writer& w, const fetch_request& m, const caps& c);
[[nodiscard]] std::error_code decode(reader& r, fetch_request& m, const caps& c);
// After decode_call_prefix read the header (function 5).
[[nodiscard]] std::error_code decode_body(reader& r, fetch_request& m, const caps& c);

}  // namespace oranet::proto::ttc

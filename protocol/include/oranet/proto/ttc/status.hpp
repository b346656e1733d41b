// Status (message 9: call status and end-to-end sequence number; ends a
// ping, commit or logoff reply) and warning (message 15).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <string>
#include <system_error>

namespace oranet::proto::ttc {

struct status {
    std::uint32_t call_status    = 0;
    std::uint16_t end_to_end_seq = 0;
};

struct warning_info {
    std::uint16_t error_number = 0;
    std::uint16_t flags        = 0;
    std::string message;  // on the wire only when error_number and its length are non-zero
};

void encode(writer& w, const status& m, const caps& c);
[[nodiscard]] std::error_code decode_body(reader& r, status& m, const caps& c);
void encode(writer& w, const warning_info& m, const caps& c);
[[nodiscard]] std::error_code decode_body(reader& r, warning_info& m, const caps& c);

}  // namespace oranet::proto::ttc

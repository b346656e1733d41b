// The header every client call starts with (message type 3 or, for a
// piggyback, 17; the function code; the TTC sequence number; from field
// version 23.1 ext 1 a UB8 token), and the close-cursors piggyback that
// clients put in front of a call.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct function_header {
    message_type type   = message_type::function;  // function or piggyback
    function_code code  = function_code::ping;
    std::uint8_t seq    = 0;  // TTC sequence number (1..255, wraps skipping 0)
    std::uint64_t token = 0;  // only on the wire from field version 23.1 ext 1
};

// Both roles: the header of a call.
void encode(writer& w, const function_header& h, const caps& c);
[[nodiscard]] std::error_code decode(reader& r, function_header& h, const caps& c);

// Piggyback 105: cursors the server may close, sent before another call.
struct close_cursors_piggyback {
    std::uint8_t seq    = 0;
    std::uint64_t token = 0;
    std::vector<std::uint32_t> cursor_ids;
};

void encode(writer& w, const close_cursors_piggyback& m, const caps& c);
// Reads the piggyback after its header (type 17, code 105) was decoded.
[[nodiscard]] std::error_code decode_body(reader& r, close_cursors_piggyback& m);

// Server role: what precedes a call's own body: the piggybacks this module
// understands (close cursors) and the call's header. Leaves `r` at the call's
// body. Other piggybacks give client_errc::ttc_unsupported_piggyback.
struct call_prefix {
    std::vector<close_cursors_piggyback> close_cursors;
    function_header header;
};
[[nodiscard]] std::error_code decode_call_prefix(reader& r, call_prefix& out, const caps& c);

}  // namespace oranet::proto::ttc

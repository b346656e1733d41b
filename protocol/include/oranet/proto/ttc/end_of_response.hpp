// The small reply items: end of response (message 29, when the caps say the
// server sends it), flush out binds (19) and token (33, 23ai).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>

namespace oranet::proto::ttc {

struct end_of_response {};
struct flush_out_binds {};
struct token_item {
    std::uint64_t token = 0;  // must match the call's token
};

void encode(writer& w, const end_of_response& m, const caps& c);
void encode(writer& w, const flush_out_binds& m, const caps& c);
void encode(writer& w, const token_item& m, const caps& c);
[[nodiscard]] std::error_code decode_body(reader& r, token_item& m, const caps& c);

}  // namespace oranet::proto::ttc

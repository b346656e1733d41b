// I/O vector (message 11): sent in reply to a PL/SQL execute; says for each
// bind whether it is IN, IN OUT or OUT.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct io_vector {
    std::uint8_t flags                = 0;
    std::uint32_t num_iters_this_time = 0;
    std::uint16_t uac_buffer_length   = 0;
    std::vector<std::uint8_t> fast_fetch_bits;
    std::vector<std::uint8_t> rowid;
    std::vector<std::uint8_t> bind_directions;  // bind_dir_input / _output / _input_output, one per bind
};

// The bind count travels as UB2 num_requests and UB4 num_iters with
// binds = num_iters * 256 + num_requests (as both clients read it).
void encode(writer& w, const io_vector& m, const caps& c);
[[nodiscard]] std::error_code decode_body(reader& r, io_vector& m, const caps& c);

}  // namespace oranet::proto::ttc

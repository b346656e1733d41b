#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/io_vector.hpp>

namespace oranet::proto::ttc {

void encode(writer& w, const io_vector& m, const caps&) {
    const auto n = static_cast<std::uint32_t>(m.bind_directions.size());
    w.u8(static_cast<std::uint8_t>(message_type::io_vector));
    w.u8(m.flags);
    detail::put_ub(w, static_cast<std::uint16_t>(n % 256));
    detail::put_ub(w, n / 256);
    detail::put_ub(w, m.num_iters_this_time);
    detail::put_ub(w, m.uac_buffer_length);
    detail::put_ub(w, static_cast<std::uint16_t>(m.fast_fetch_bits.size()));
    w.bytes(bytes_view{m.fast_fetch_bits});
    detail::put_ub(w, static_cast<std::uint16_t>(m.rowid.size()));
    w.bytes(bytes_view{m.rowid});
    w.bytes(bytes_view{m.bind_directions});
}

std::error_code decode_body(reader& r, io_vector& m, const caps&) {
    r.begin("io_vector");
    m.flags                      = r.u8("flags");
    const std::uint16_t requests = r.ub2("num_requests");
    const std::uint32_t iters    = r.ub4("num_iters");
    m.num_iters_this_time        = r.ub4("num_iters_this_time");
    m.uac_buffer_length          = r.ub2("uac_buffer_length");
    std::size_t n                = r.count(r.ub2("fast_fetch_length"), 65535, 1);
    bytes_view b                 = r.bytes(n, "fast_fetch_bits");
    m.fast_fetch_bits.assign(b.begin(), b.end());
    n = r.count(r.ub2("rowid_length"), 65535, 1);
    b = r.bytes(n, "rowid");
    m.rowid.assign(b.begin(), b.end());
    const std::uint64_t binds = static_cast<std::uint64_t>(iters) * 256 + requests;
    n                         = r.count(binds, max_binds, 1);
    b                         = r.bytes(n, "bind_directions");
    m.bind_directions.assign(b.begin(), b.end());
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc

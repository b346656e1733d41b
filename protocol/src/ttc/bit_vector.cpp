#include "wire_util.hpp"

#include <oranet/proto/ttc/bit_vector.hpp>
#include <oranet/proto/ttc/constants.hpp>

namespace oranet::proto::ttc {

bit_vector make_bit_vector(const std::vector<bool>& sent) {
    bit_vector m;
    m.bits.assign((sent.size() + 7) / 8, 0);
    for (std::size_t i = 0; i < sent.size(); ++i) {
        if (!sent[i]) continue;
        m.bits[i / 8] = static_cast<std::uint8_t>(m.bits[i / 8] | (1u << (i % 8)));
        ++m.num_columns_sent;
    }
    return m;
}

void encode(writer& w, const bit_vector& m, const reply_context&) {
    w.u8(static_cast<std::uint8_t>(message_type::bit_vector));
    detail::put_ub(w, m.num_columns_sent);
    w.bytes(bytes_view{m.bits});
}

std::error_code decode_body(reader& r, bit_vector& m, const reply_context& ctx) {
    r.begin("bit_vector");
    m.num_columns_sent  = r.ub2("num_columns_sent");
    const std::size_t n = (ctx.num_columns() + 7) / 8;
    const bytes_view b  = r.bytes(n, "bits");
    m.bits.assign(b.begin(), b.end());
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc

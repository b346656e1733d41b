#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/end_of_response.hpp>

namespace oranet::proto::ttc {

void encode(writer& w, const end_of_response&, const caps&) {
    w.u8(static_cast<std::uint8_t>(message_type::end_of_response));
}

void encode(writer& w, const flush_out_binds&, const caps&) {
    w.u8(static_cast<std::uint8_t>(message_type::flush_out_binds));
}

void encode(writer& w, const token_item& m, const caps&) {
    w.u8(static_cast<std::uint8_t>(message_type::token));
    detail::put_ub(w, m.token);
}

std::error_code decode_body(reader& r, token_item& m, const caps&) {
    m.token = r.ub8("token");
    return r.error();
}

}  // namespace oranet::proto::ttc

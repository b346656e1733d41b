#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/status.hpp>

namespace oranet::proto::ttc {

void encode(writer& w, const status& m, const caps&) {
    w.u8(static_cast<std::uint8_t>(message_type::status));
    detail::put_ub(w, m.call_status);
    detail::put_ub(w, m.end_to_end_seq);
}

std::error_code decode_body(reader& r, status& m, const caps&) {
    r.begin("status");
    m.call_status    = r.ub4("call_status");
    m.end_to_end_seq = r.ub2("end_to_end_seq");
    r.end();
    return r.error();
}

void encode(writer& w, const warning_info& m, const caps&) {
    w.u8(static_cast<std::uint8_t>(message_type::warning));
    const bool has_text = m.error_number != 0 && !m.message.empty();
    detail::put_ub(w, m.error_number);
    detail::put_ub(w, static_cast<std::uint16_t>(has_text ? m.message.size() : 0));
    detail::put_ub(w, m.flags);
    if (has_text) w.bytes_with_length(m.message);
}

std::error_code decode_body(reader& r, warning_info& m, const caps&) {
    r.begin("warning");
    m.error_number        = r.ub2("error_number");
    const std::uint16_t n = r.ub2("message_length");
    m.flags               = r.ub2("flags");
    m.message             = (m.error_number != 0 && n > 0) ? detail::read_str(r, "message") : std::string{};
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc

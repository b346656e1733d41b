#include <oranet/proto/tns/resend.hpp>

namespace oranet::proto::tns {

void encode(writer& /*w*/, const resend_packet& /*m*/) {}

std::error_code decode(reader& r, resend_packet& /*m*/) {
    if (r.remaining() > 0) r.skip(r.remaining(), "ignored");
    return r.finish();
}

}  // namespace oranet::proto::tns

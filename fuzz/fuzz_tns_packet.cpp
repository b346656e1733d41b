// Fuzzes every TNS packet decoder on arbitrary payloads: no crash, no read
// past the input, and a decoded packet encodes again without error.
#include <oranet/proto/tns/control.hpp>
#include <oranet/proto/tns/packet.hpp>

#include <cstddef>
#include <cstdint>

namespace {

using namespace oranet::proto;
using namespace oranet::proto::tns;

template <class P>
void one(bytes_view payload) noexcept {
    P m;
    reader r(payload);
    if (decode(r, m)) return;
    if (r.offset() > payload.size()) __builtin_trap();
    writer w;
    (void)write_packet(w, m, length_mode::large_sdu);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    const bytes_view in(data, size);
    // As a whole packet in either length form, decoded by its own type.
    for (auto mode : {length_mode::short_form, length_mode::large_sdu}) {
        packet_view v;
        if (!parse_packet(in, mode, v)) {
            any_packet any;
            (void)decode_packet(v, any);
        }
    }
    // As a payload of each type.
    one<connect_packet>(in);
    one<accept_packet>(in);
    one<refuse_packet>(in);
    one<redirect_packet>(in);
    one<data_packet>(in);
    one<resend_packet>(in);
    one<marker_packet>(in);
    one<control_packet>(in);
    control_error e;
    (void)decode_control_error(in, e);
    if (e.notification.size() > size) __builtin_trap();
    refuse_packet rf;
    rf.data.assign(in.begin(), in.end());
    (void)refuse_error_number(rf.data);
    (void)split_redirect_data(rf.data);
    return 0;
}

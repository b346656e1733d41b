#include <oranet/proto/tns/packet.hpp>

namespace oranet::proto::tns {

namespace {
template <class P>
std::error_code decode_into(const packet_view& p, any_packet& out, trace_sink* sink) {
    P m;
    reader r(p.payload(), sink);
    if (auto ec = decode(r, m)) return ec;
    out = std::move(m);
    return {};
}
}  // namespace

std::error_code decode_packet(const packet_view& p, any_packet& out, trace_sink* sink) {
    switch (p.type()) {
        case packet_type::connect: return decode_into<connect_packet>(p, out, sink);
        case packet_type::accept: return decode_into<accept_packet>(p, out, sink);
        case packet_type::refuse: return decode_into<refuse_packet>(p, out, sink);
        case packet_type::redirect: return decode_into<redirect_packet>(p, out, sink);
        case packet_type::data: return decode_into<data_packet>(p, out, sink);
        case packet_type::resend: return decode_into<resend_packet>(p, out, sink);
        case packet_type::marker: return decode_into<marker_packet>(p, out, sink);
        case packet_type::control: return decode_into<control_packet>(p, out, sink);
    }
    return client_errc::tns_unknown_type;
}

}  // namespace oranet::proto::tns

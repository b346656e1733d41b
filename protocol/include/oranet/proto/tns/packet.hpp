// Any TNS packet, decoded by its type: what `oranet dump`, the emulator and
// the fuzzers use when the next packet could be of any type.
#pragma once

#include <oranet/proto/tns/accept.hpp>
#include <oranet/proto/tns/connect.hpp>
#include <oranet/proto/tns/control.hpp>
#include <oranet/proto/tns/data.hpp>
#include <oranet/proto/tns/header.hpp>
#include <oranet/proto/tns/marker.hpp>
#include <oranet/proto/tns/redirect.hpp>
#include <oranet/proto/tns/refuse.hpp>
#include <oranet/proto/tns/resend.hpp>

#include <system_error>
#include <variant>

namespace oranet::proto::tns {

using any_packet = std::variant<connect_packet, accept_packet, refuse_packet, redirect_packet, data_packet,
                                resend_packet, marker_packet, control_packet>;

// Decodes the payload of `p` by its header type; tns_unknown_type for the
// types oranet does not know. Views in the result (data_packet::payload)
// point into p.bytes.
[[nodiscard]] std::error_code decode_packet(const packet_view& p, any_packet& out,
                                            trace_sink* sink = nullptr);

// Decodes `p` as one expected type; tns_unexpected_packet when the header
// says another.
template <class P>
[[nodiscard]] std::error_code decode_packet_as(const packet_view& p, P& out, trace_sink* sink = nullptr) {
    if (p.type() != P::type) return client_errc::tns_unexpected_packet;
    reader r(p.payload(), sink);
    return decode(r, out);
}

}  // namespace oranet::proto::tns

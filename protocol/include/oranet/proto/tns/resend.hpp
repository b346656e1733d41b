// RESEND (type 11): the listener asks for the CONNECT (and its overflow DATA
// packet) again. Header only: 12.1 and 18c listeners answer a CONNECT whose
// data came separately with 00 08 00 00 0b 00 00 00 before their ACCEPT.
// Header flag tls_renegotiate (0x08) asks a TCPS client to renegotiate first.
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <system_error>

namespace oranet::proto::tns {

struct resend_packet {
    static constexpr packet_type type = packet_type::resend;
};

void encode(writer& w, const resend_packet& m);
// Both thin clients ignore any payload bytes; so does this decoder.
[[nodiscard]] std::error_code decode(reader& r, resend_packet& m);

}  // namespace oranet::proto::tns

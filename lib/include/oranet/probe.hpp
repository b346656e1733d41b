// Reaching a listener without logging in: what `oranet ping` reports.
//
//   oranet::connect_params p;
//   p.connect_string = "db.example:1521/FREEPDB1";
//   oranet::listener_probe r;
//   std::error_code ec = oranet::probe_listener(p, r, diag);
//   // r.outcome == listener_outcome::accepted, r.tns_version == 319, r.sdu == 8192
//
// The probe opens the transport (TCP or TLS, as the connect string and
// options say), sends the CONNECT packet a login would send for the service
// and reads the listener's answer, then closes: an ACCEPT means the service
// is there. No credentials are involved.
#pragma once
#include <oranet/connect_params.hpp>
#include <oranet/error.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <system_error>

namespace oranet {

enum class listener_outcome : std::uint8_t { accepted, refused, redirected };

struct listener_probe {
    std::string host;
    std::uint16_t port = 0;
    std::string service;
    bool tls = false;
    std::string tls_details;  // TLS: protocol version and cipher
    listener_outcome outcome = listener_outcome::refused;
    // ACCEPT: the negotiated TNS version and data unit sizes.
    std::uint16_t tns_version = 0;
    std::uint32_t sdu         = 0;
    std::uint32_t tdu         = 0;
    // REFUSE: the listener's error (e.g. 12514) and its text; REDIRECT: where to.
    int refuse_error = 0;
    std::string listener_data;
    std::chrono::microseconds connect_time{0};  // transport (and TLS handshake) set up
    std::chrono::microseconds answer_time{0};   // CONNECT sent -> answer read
};

// Errors: connect-string errors, host_not_found, connect_failed, timeout (the
// connect_timeout of the options bounds the whole probe), TLS errors, and
// malformed answers. A REFUSE is a result, not an error.
[[nodiscard]] std::error_code probe_listener(const connect_params& p, listener_probe& out, diagnostics& diag);

}  // namespace oranet

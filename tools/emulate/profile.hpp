// The server releases the emulator plays (--profile): TNS version, TTC field
// version, version number, banner and the capabilities each one offers.
#pragma once

#include "emulate/options.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace oranet::emulate {

struct profile_info {
    std::uint16_t tns_version  = 318;
    std::uint8_t field_version = 13;
    std::uint8_t major = 19, release = 3, update = 0, port_release = 0, port_update = 0;
    const char* banner        = "";
    bool tz_ex                = true;  // offers TZ_EX (runtime caps)
    int max_identifier_length = 128;
};

[[nodiscard]] const profile_info& info_of(profile p) noexcept;

// VSNNUM as the listener reports it in a REFUSE (major << 24 | release << 20 | ...).
[[nodiscard]] std::uint32_t profile_vsnnum(profile p) noexcept;

// AUTH_VERSION_NO for a negotiated field version: the 18.1 ext 1 layout
// from that version on, the older one below (PEER-NOTES 7).
[[nodiscard]] std::uint32_t auth_version_no(const profile_info& p,
                                            std::uint8_t negotiated_field_version) noexcept;

[[nodiscard]] std::vector<std::uint8_t> server_compile_caps(std::uint8_t field_version);
[[nodiscard]] std::vector<std::uint8_t> server_runtime_caps(const profile_info& p);

}  // namespace oranet::emulate

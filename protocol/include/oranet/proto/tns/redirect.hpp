// REDIRECT (type 5): the listener sends the client elsewhere. Layout (after
// the header): data length (2 bytes), then the data. When the packet ends
// there, the data comes in the next DATA packet (python-oracledb and
// node-oracledb both read it from wherever it is). With header flag
// redirect_separate (0x02) the data is "address NUL connect-data": the new
// address and the connect data to send there; python-oracledb always expects
// the NUL.
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace oranet::proto::tns {

struct redirect_packet {
    static constexpr packet_type type = packet_type::redirect;

    std::string data;
    bool data_follows                  = false;  // as refuse_packet::data_follows
    std::uint16_t declared_data_length = 0;      // decode only
};

void encode(writer& w, const redirect_packet& m);
[[nodiscard]] std::error_code decode(reader& r, redirect_packet& m);

struct redirect_target {
    std::string_view address;       // "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=h)(PORT=p)))"
    std::string_view connect_data;  // empty when has_connect_data is false
    bool has_connect_data = false;  // a NUL separated the two parts
};

// Splits redirect data at its first NUL.
[[nodiscard]] redirect_target split_redirect_data(std::string_view data) noexcept;
// Server role: joins an address and connect data with the NUL.
[[nodiscard]] std::string join_redirect_data(std::string_view address, std::string_view connect_data);

}  // namespace oranet::proto::tns

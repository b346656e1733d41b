// Data type negotiation (TTC message type 2, TTIDTY). The client sends its
// character sets, encoding flags, compile and runtime caps, with TZ_EX its
// time zone (11 bytes), and its list of (data type, conversion type,
// representation) rows; the server answers, with TZ_EX its own time zone,
// and a row per data type it knows (conversion type 0: unknown, no more
// fields).
//
// python-oracledb 1.2.1 writes the compile caps length as a UB4, whose length
// byte 0x01 lands where the encoding flags belong: its flags read as 0x01
// (MULTI_BYTE without CONV_LENGTH) and the caps still decode. The server
// keeps those flags (caps::encoding_flags) to pick the string layout of the
// later messages (PEER-NOTES 1).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct data_type_row {
    std::uint16_t data_type      = 0;
    std::uint16_t conv_data_type = 0;  // 0 in a reply: the server does not know the type
    std::uint16_t representation = 0;

    friend bool operator==(const data_type_row&, const data_type_row&) = default;
};

// Time zone of TTIDTY with TZ_EX: an 11-byte INTERVAL DAY TO SECOND image.
using ttidty_time_zone = std::array<std::uint8_t, 11>;

// Data types that change later layouts when the client lists them.
inline constexpr std::uint16_t data_type_oac = 646;  // describe: NUMBER scale as a raw byte
inline constexpr std::uint16_t data_type_oer = 652;  // error block: the 20c+ extra fields

struct data_types_request {
    std::uint16_t charset_id    = charset_al32utf8;  // little-endian
    std::uint16_t ncharset_id   = charset_al32utf8;  // little-endian; both clients send 873 here too
    std::uint8_t encoding_flags = encoding_multi_byte | encoding_conv_length;
    std::vector<std::uint8_t> compile_caps;
    std::vector<std::uint8_t> runtime_caps;
    std::optional<ttidty_time_zone> time_zone;  // present iff runtime_caps[rcap::tz] has tz_ex
    std::vector<data_type_row> rows;            // without the terminating zero row

    friend bool operator==(const data_types_request&, const data_types_request&) = default;
};

struct data_types_reply {
    std::optional<ttidty_time_zone> time_zone;  // present iff caps::supports_tz_ex
    std::vector<data_type_row> rows;

    friend bool operator==(const data_types_reply&, const data_types_reply&) = default;
};

// The rows our client sends (python-oracledb's list, 321 rows).
[[nodiscard]] std::span<const data_type_row> client_data_type_rows() noexcept;

// The request our client sends with caps `c` (time zone only with TZ_EX).
[[nodiscard]] data_types_request make_data_types_request(const caps& c,
                                                         std::optional<ttidty_time_zone> tz = std::nullopt);

// A fixed-offset time zone image (minutes east of UTC), as node-oracledb
// writes it: a zero day count, hour and minute biased by 60, then a
// five-byte trailer.
[[nodiscard]] ttidty_time_zone make_ttidty_time_zone(int offset_minutes) noexcept;
// The offset in minutes of a fixed-offset image; nullopt for a region id.
[[nodiscard]] std::optional<int> ttidty_offset_minutes(const ttidty_time_zone& tz) noexcept;

// Client role. The reply's time zone presence comes from c.supports_tz_ex.
void encode(writer& w, const data_types_request& m);
[[nodiscard]] std::error_code decode(reader& r, data_types_reply& m, const caps& c);
[[nodiscard]] std::error_code decode_body(reader& r, data_types_reply& m, const caps& c);

// Server role. The request's time zone presence comes from its own runtime caps.
[[nodiscard]] std::error_code decode(reader& r, data_types_request& m);
void encode(writer& w, const data_types_reply& m, const caps& c);

// Server role: the reply to `req` (each row echoed, as real servers do for
// the types they know; the time zone only when c.supports_tz_ex).
[[nodiscard]] data_types_reply make_data_types_reply(
    const data_types_request& req, const caps& c, ttidty_time_zone db_time_zone = make_ttidty_time_zone(0));

// Server role: apply the client's request to the server caps (field version,
// TZ_EX, 32k strings, encoding flags, OAC/OER listed).
void apply(caps& server, const data_types_request& req) noexcept;

}  // namespace oranet::proto::ttc

// Helpers of the TTC handshake tests: the vector files, the 23ai session
// dump's DATA payloads, and the "every strict prefix is truncated" check.
#pragma once

#include "hex.hpp"
#include "packet_dump.hpp"

#include <oranet/proto/reader.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace oranet::test {

inline constexpr const char* capture_dir = "captures/free23-python-oracledb/";

// A .hex vector file as bytes.
inline std::vector<std::uint8_t> read_hex_file(const std::filesystem::path& p) {
    return from_hex(read_text(p));
}

// The TTC payload of a dumped DATA packet: after the 8-byte TNS header (the
// 23ai session uses the 4-byte length form) and the 2-byte data flags.
inline std::vector<std::uint8_t> data_payload(const dumped_packet& p) {
    REQUIRE(p.bytes.size() >= 10);
    REQUIRE(p.bytes[4] == 6);  // TNS packet type DATA
    return {p.bytes.begin() + 10, p.bytes.end()};
}

inline const dumped_packet& packet_of_op(const std::vector<dumped_packet>& packets, int op) {
    for (const auto& p : packets)
        if (p.op == op) return p;
    FAIL("no packet for op " << op);
    return packets.front();
}

// Decoding any strict prefix of `whole` must fail with `truncated`.
template <class Decode>
void check_prefixes_truncated(const std::vector<std::uint8_t>& whole, Decode decode) {
    for (std::size_t n = 0; n < whole.size(); ++n) {
        proto::reader r(proto::bytes_view(whole.data(), n));
        const std::error_code ec = decode(r);
        INFO("prefix length " << n << " of " << whole.size());
        REQUIRE(ec == client_errc::truncated);
    }
}

}  // namespace oranet::test

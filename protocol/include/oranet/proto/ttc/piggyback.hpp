// Server-side piggyback (message 23): state the server pushes with a reply
// (LTXID, session sync key/value pairs, DRCP session return, ...). Each
// opcode has its own layout; the fields not used by an opcode stay zero.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

// A key/value pair of SYNC, SESSION_RETURN and return parameters.
struct key_value_pair {
    std::string text;                  // text value (UB2 length, then a string)
    std::vector<std::uint8_t> binary;  // binary value
    std::uint16_t keyword = 0;         // keyword number (keyword_current_schema, ...) or flags
};

void encode_key_value_pairs(writer& w, const std::vector<key_value_pair>& pairs);
void decode_key_value_pairs(reader& r, std::size_t n, std::vector<key_value_pair>& out);

struct server_piggyback {
    std::uint8_t opcode = 0;           // piggyback_opcode::*
    std::vector<std::uint8_t> ltxid;   // ltxid
    std::uint16_t os_pid_length = 0;   // os_pid_mts
    std::vector<std::uint8_t> os_pid;  // os_pid_mts
    std::uint16_t num_dtys  = 0;       // sync, ext_sync, ac_replay_context, session_return, session_signature
    std::uint8_t dty_length = 0;
    std::vector<key_value_pair> pairs;  // sync, session_return
    std::uint32_t flags      = 0;       // sync (overall), ac_replay_context, session_return (session flags)
    std::uint32_t error_code = 0;       // ac_replay_context
    std::uint8_t queue       = 0;       // ac_replay_context
    std::vector<std::uint8_t> replay_context;
    std::uint32_t session_id       = 0;  // session_return
    std::uint16_t serial_num       = 0;  // session_return
    std::uint64_t signature_flags  = 0;  // session_signature
    std::uint64_t client_signature = 0;
    std::uint64_t server_signature = 0;
};

void encode(writer& w, const server_piggyback& m, const caps& c);
// An unknown opcode gives client_errc::ttc_unsupported_piggyback.
[[nodiscard]] std::error_code decode_body(reader& r, server_piggyback& m, const caps& c);

}  // namespace oranet::proto::ttc

// The client's TTC requests as the emulator reads them (server role):
// auth phases one and two, execute, re-execute,
// fetch and the piggybacks clients put before a call. Layouts follow the
// writers of python-oracledb 1.2.1 and node-oracledb 26; where the two
// differ only in a UB2-vs-UB4 choice the wire bytes are the same.
#pragma once

#include "emulate/backend.hpp"

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>

#include <cstdint>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace oranet::emulate {

struct auth_request {
    std::string user;
    std::uint32_t mode = 0;
    std::vector<std::pair<std::string, std::string>> pairs;
    [[nodiscard]] const std::string* find(std::string_view key) const;
};
// After the function header.
[[nodiscard]] std::error_code decode_auth(proto::reader& r, const proto::ttc::caps& c, auth_request& out);

// One bind's metadata.
struct bind_meta {
    std::uint8_t type          = 1;
    std::uint8_t flags         = 0;
    std::uint32_t buffer_size  = 0;
    std::uint32_t max_elements = 0;
    std::uint8_t cs_form       = 0;
    std::uint16_t charset      = 0;  // of text binds
    std::uint64_t cont_flags   = 0;  // defines: lob_prefetch_flag for a LOB column
};

namespace exec_option {
inline constexpr std::uint32_t parse        = 0x01;
inline constexpr std::uint32_t bind         = 0x08;
inline constexpr std::uint32_t define       = 0x10;
inline constexpr std::uint32_t execute      = 0x20;
inline constexpr std::uint32_t fetch        = 0x40;
inline constexpr std::uint32_t commit       = 0x100;
inline constexpr std::uint32_t describe     = 0x20000;
inline constexpr std::uint32_t batch_errors = 0x80000;
}  // namespace exec_option

struct execute_request {
    std::uint32_t options       = 0;
    std::uint32_t cursor_id     = 0;
    std::uint32_t prefetch_rows = 0;
    std::string sql;                   // empty when the cursor is reused
    std::uint32_t exec_count = 1;      // al8i4[1]
    bool is_query_hint       = false;  // al8i4[7]
    std::uint32_t exec_flags = 0;      // al8i4[9]: DML row counts, implicit results
    std::vector<bind_meta> binds;
    std::uint32_t num_defines = 0;
    std::vector<bind_meta> defines;  // with exec_option::define: one per column
};
// Up to the end of the bind metadata; the bind rows follow (decode_bind_rows).
[[nodiscard]] std::error_code decode_execute(proto::reader& r, const proto::ttc::caps& c,
                                             execute_request& out);

// The rows of bind values after an execute or re-execute header: message 7,
// then each bind's value (an index-by table: UB4 count, then the elements).
// Binds with `sent[i] == false` carry no value (RETURNING INTO binds; OUT
// binds of a re-executed PL/SQL block). Fewer than `expected` rows at the
// end of the bytes: truncated (the request continues in the next packet).
[[nodiscard]] std::error_code decode_bind_rows(proto::reader& r, const std::vector<bind_meta>& binds,
                                               const std::vector<bool>& sent, std::size_t expected,
                                               std::vector<std::vector<wire_bind>>& rows);

struct reexecute_request {
    std::uint32_t cursor_id = 0;
    std::uint32_t iters     = 0;
    std::uint32_t flags1    = 0;
    std::uint32_t flags2    = 0;
};
// The header; the bind rows follow (decode_bind_rows with the cursor's metadata).
[[nodiscard]] std::error_code decode_reexecute(proto::reader& r, reexecute_request& out);

struct fetch_request {
    std::uint32_t cursor_id  = 0;
    std::uint32_t array_size = 0;
};
[[nodiscard]] std::error_code decode_fetch(proto::reader& r, fetch_request& out);

// A piggyback (message 17) after its function code: the cursors to close
// for code 105; other supported codes are read and ignored.
[[nodiscard]] std::error_code decode_piggyback(proto::reader& r, std::uint8_t code, const proto::ttc::caps& c,
                                               std::vector<std::uint32_t>& cursors_to_close);

// The set-end-to-end-attributes piggyback (code 135) after its function
// code: a UB4 of changed-attribute flags, nine (pointer, UB4 length)
// headers (client identifier, module, action, ECID, a pointer-less
// cidcct/cidecs pair, client info, two unused, DBOP), then the text of each
// announced non-empty attribute in header order (length-prefixed under
// CONV_LENGTH, raw otherwise as python-oracledb 1.2.1 sends them). Layout of
// python-oracledb (1.2.1 and newest) and node-oracledb 26.
[[nodiscard]] std::error_code decode_end_to_end(proto::reader& r, const proto::ttc::caps& c,
                                                end_to_end_attrs& out);

}  // namespace oranet::emulate

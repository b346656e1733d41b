// Constants of the TTC calls after login (execute, fetch, commit, ...) and of
// their reply items that constants.hpp does not hold. Values checked against
// python-oracledb thin (impl/thin/constants.pxi, base_impl.pxd) and
// node-oracledb 26 thin (protocol/constants.js).
#pragma once

#include <cstddef>
#include <cstdint>

namespace oranet::proto::ttc {

// Execute options (the first UB4 of function 94).
namespace exec_option {
inline constexpr std::uint32_t parse               = 0x00001;
inline constexpr std::uint32_t bind                = 0x00008;
inline constexpr std::uint32_t define              = 0x00010;
inline constexpr std::uint32_t execute             = 0x00020;
inline constexpr std::uint32_t fetch               = 0x00040;
inline constexpr std::uint32_t commit              = 0x00100;
inline constexpr std::uint32_t plsql_bind          = 0x00400;
inline constexpr std::uint32_t not_plsql           = 0x08000;
inline constexpr std::uint32_t describe            = 0x20000;
inline constexpr std::uint32_t no_compressed_fetch = 0x40000;
inline constexpr std::uint32_t batch_errors        = 0x80000;
// Re-execute: the second options word.
inline constexpr std::uint32_t commit_reexecute = 0x1;
}  // namespace exec_option

// Execute flags (al8i4[9]).
namespace exec_flag {
inline constexpr std::uint32_t scrollable         = 0x0002;
inline constexpr std::uint32_t no_cancel_on_eof   = 0x0080;
inline constexpr std::uint32_t dml_rowcounts      = 0x4000;
inline constexpr std::uint32_t implicit_resultset = 0x8000;
}  // namespace exec_flag

// Indexes of the al8i4 array of an execute.
namespace al8i4 {
inline constexpr std::size_t parse             = 0;
inline constexpr std::size_t execution_count   = 1;
inline constexpr std::size_t scn_part1         = 5;
inline constexpr std::size_t scn_part2         = 6;
inline constexpr std::size_t is_query          = 7;
inline constexpr std::size_t exec_flags        = 9;
inline constexpr std::size_t fetch_orientation = 10;
inline constexpr std::size_t fetch_pos         = 11;
inline constexpr std::size_t size              = 13;  // the length every client sends
}  // namespace al8i4

// Bind metadata flags and the directions of an I/O vector.
inline constexpr std::uint8_t bind_use_indicators   = 0x01;
inline constexpr std::uint8_t bind_array            = 0x40;
inline constexpr std::uint8_t bind_dir_output       = 16;
inline constexpr std::uint8_t bind_dir_input        = 32;
inline constexpr std::uint8_t bind_dir_input_output = 48;

// Column and bind continuation flag: the LOB prefetch form is used.
inline constexpr std::uint64_t lob_prefetch_flag = 0x2000000;
inline constexpr std::uint32_t max_long_length   = 0x7fffffff;  // the execute's maximum LONG size
inline constexpr std::uint32_t max_urowid_length = 5267;        // UROWID binds travel as VARCHAR of this size

// User-defined-structure flags of a column describe.
inline constexpr std::uint32_t uds_flag_is_json = 0x0100;
inline constexpr std::uint32_t uds_flag_is_oson = 0x0800;

// Server-side piggyback opcodes (message 23).
namespace piggyback_opcode {
inline constexpr std::uint8_t query_cache_invalidation = 1;
inline constexpr std::uint8_t os_pid_mts               = 2;
inline constexpr std::uint8_t trace_event              = 3;
inline constexpr std::uint8_t session_return           = 4;
inline constexpr std::uint8_t sync                     = 5;
inline constexpr std::uint8_t ltxid                    = 7;
inline constexpr std::uint8_t ac_replay_context        = 8;
inline constexpr std::uint8_t ext_sync                 = 9;
inline constexpr std::uint8_t session_signature        = 10;
}  // namespace piggyback_opcode

// Keyword numbers of the key/value pairs in return parameters and SYNC.
inline constexpr std::uint16_t keyword_current_schema = 168;
inline constexpr std::uint16_t keyword_edition        = 172;
inline constexpr std::uint16_t keyword_transaction_id = 201;

// Oracle type numbers the row layouts branch on (the full list is
// types::ora_type; these are the ones with a layout of their own).
namespace ora_type_num {
inline constexpr std::uint8_t varchar       = 1;
inline constexpr std::uint8_t number        = 2;
inline constexpr std::uint8_t long_         = 8;
inline constexpr std::uint8_t rowid         = 11;
inline constexpr std::uint8_t raw           = 23;
inline constexpr std::uint8_t long_raw      = 24;
inline constexpr std::uint8_t char_         = 96;
inline constexpr std::uint8_t cursor        = 102;
inline constexpr std::uint8_t object        = 109;
inline constexpr std::uint8_t clob          = 112;
inline constexpr std::uint8_t blob          = 113;
inline constexpr std::uint8_t bfile         = 114;
inline constexpr std::uint8_t json          = 119;
inline constexpr std::uint8_t vector        = 127;
inline constexpr std::uint8_t timestamp     = 180;
inline constexpr std::uint8_t timestamp_tz  = 181;
inline constexpr std::uint8_t interval_ds   = 183;
inline constexpr std::uint8_t urowid        = 208;
inline constexpr std::uint8_t timestamp_ltz = 231;
inline constexpr std::uint8_t boolean       = 252;
}  // namespace ora_type_num

// A NULL BOOLEAN bind travels as this escape byte and a 1.
inline constexpr std::uint8_t escape_char = 253;

// Errors with a meaning for the call flow.
inline constexpr std::uint32_t ora_no_data_found    = 1403;  // end of fetch
inline constexpr std::uint32_t ora_array_dml_errors = 24381;

// Upper bounds on counts read from the wire (beyond what the bytes allow).
inline constexpr std::size_t max_columns        = 65535;
inline constexpr std::size_t max_binds          = 65535;
inline constexpr std::size_t max_batch_errors   = 65535;
inline constexpr std::size_t max_array_elements = 1u << 20;

}  // namespace oranet::proto::ttc

// The server's TTC replies, as the emulator writes them: PARAMETER key/value
// lists, ERROR, STATUS, describe info and rows (the negotiation replies come
// from protocol/'s server-role codecs). Each layout branch
// names the client fact it serves (PEER-NOTES, python-oracledb 1.2.1 and
// node-oracledb 26 readers).
#pragma once

#include "emulate/backend.hpp"

#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace oranet::emulate {

struct kv_pair {
    std::string key;
    std::string value;
    std::uint32_t flags = 0;
};
// Message 8 as auth replies carry it: UB2 count, then key/value pairs.
void write_auth_parameters(proto::writer& w, const std::vector<kv_pair>& kvs);

// One failed row of an array DML with batch errors.
struct row_error {
    std::uint16_t code   = 0;
    std::uint32_t offset = 0;  // the row's index in the batch
    std::string message;       // "ORA-00001: unique constraint ... violated"
};

// The end-of-call block (message 4).
struct error_block {
    std::vector<row_error> batch_errors;
    std::uint32_t call_status = 0;
    std::uint16_t cursor_id   = 0;
    std::uint16_t position    = 0;  // error offset in the SQL text
    std::uint32_t error_num   = 0;  // 0 = success
    std::uint64_t row_count   = 0;
    std::string message;  // "ORA-01017: invalid username/password; logon denied"
};
void write_error(proto::writer& w, const error_block& e, const proto::ttc::caps& c);

// Message 9: call status and end-to-end sequence number.
void write_status(proto::writer& w, std::uint32_t call_status, std::uint16_t seq);

// Message 16: the describe info of a query's columns.
void write_describe(proto::writer& w, const std::vector<column_meta>& cols, const proto::ttc::caps& c);
// The describe without message type and prefix (nested in a REF CURSOR
// value and in an implicit result).
void write_describe_body(proto::writer& w, const std::vector<column_meta>& cols, const proto::ttc::caps& c);

// Message 8 after an array DML whose client asked for per-row counts
// (al8i4[9] 0x4000): no al8o4l, al8txn, key/value pairs or registration,
// then UB4 count and a UB8 per row (python-oracledb _process_return_parameters,
// node-oracledb processReturnParameter).
void write_row_counts(proto::writer& w, const std::vector<std::uint64_t>& counts);

// Message 11 (I/O vector) for a PL/SQL execute: each bind's direction
// (32 IN, 16 OUT, 48 IN OUT); the bind count travels as UB2 low byte
// count plus UB4 iteration (count / 256), as node-oracledb reads it.
void write_io_vector(proto::writer& w, const std::vector<bind_dir>& dirs);

// An out-bind value (not in a fetch): the value as its bind type, then SB4
// 0 (actual length: not truncated), as both clients read out binds.
void write_out_value(proto::writer& w, proto::types::ora_type type, std::uint8_t cs_form,
                     std::uint16_t charset, const value& v);

// Message 6 then message 7 for each row; NULL is a zero length, and a column
// that is NULL by describe (buffer size 0) sends nothing.
void write_row_header(proto::writer& w);
void write_row(proto::writer& w, const std::vector<column_meta>& cols, const std::vector<value>& row,
               std::uint16_t charset_id);

}  // namespace oranet::emulate

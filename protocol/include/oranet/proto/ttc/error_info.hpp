// Error (message 4): the end-of-call block with the call status, cursor id,
// row count, error number, position and message. Error number 0 means
// success; ORA-01403 ends a fetch. The two UB4s after the row count (SQL
// type, server checksum) are there from field version 20.1 when the client
// listed data type 652 (OER) (PEER-NOTES 2).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/row_data.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct batch_error {
    std::uint16_t code   = 0;
    std::uint32_t offset = 0;
    std::string message;
};

struct error_info {
    std::uint32_t call_status        = 0;  // end-of-call status flags
    std::uint16_t end_to_end_seq     = 0;
    std::uint32_t current_row        = 0;
    std::uint16_t error_number_short = 0;  // the UB2 error number (the UB4 one below is the real one)
    std::uint16_t array_elem_error   = 0;
    std::uint16_t array_elem_error2  = 0;
    std::uint16_t cursor_id          = 0;
    std::int16_t error_position      = 0;  // offset in the SQL text
    std::uint8_t sql_type            = 0;
    std::uint8_t fatal               = 0;
    std::uint8_t flags               = 0;
    std::uint8_t user_cursor_options = 0;
    std::uint8_t upi_parameter       = 0;
    std::uint8_t warning_flags       = 0;  // 0x20: PL/SQL compiled with errors
    physical_rowid rowid;                  // the last row touched (its length byte is not on the wire here)
    std::uint32_t os_error        = 0;
    std::uint8_t statement_number = 0;
    std::uint8_t call_number      = 0;
    std::uint16_t padding         = 0;
    std::uint32_t success_iters   = 0;
    std::vector<std::uint8_t> logical_rowid;  // oerrdd
    std::vector<batch_error> batch_errors;
    std::uint32_t num_batch_offsets  = 0;  // how many of them carry an offset
    std::uint32_t num_batch_messages = 0;  // how many of them carry a message
    std::uint32_t error_number       = 0;  // ORA-nnnnn, 0 for success
    std::uint64_t row_count          = 0;
    std::uint32_t sql_type_ext       = 0;  // 20.1 + OER
    std::uint32_t server_checksum    = 0;  // 20.1 + OER
    std::string message;                   // only when error_number != 0; may end with '\n'
};

[[nodiscard]] bool has_oer_fields(const caps& c) noexcept;

void encode(writer& w, const error_info& m, const caps& c);
[[nodiscard]] std::error_code decode_body(reader& r, error_info& m, const caps& c);

}  // namespace oranet::proto::ttc

// LOB operations (function 96): read, write, trim, length, chunk size,
// temporary LOBs, open/close; the LOB data message (14) that carries the
// bytes read or written; the return parameters (message 8) of the reply;
// and the piggyback that frees temporary LOBs in a batch.
//
// Request layout (python-oracledb 1.2.1 and newest, node-oracledb 26):
//   function header; UB1 source pointer, UB4 source locator length;
//   UB1 dest pointer, UB4 dest length (a dest locator's length, or the
//   duration of a temporary LOB for the newer clients); UB4 0, UB4 0 (short
//   offsets); UB1 charset pointer (create temporary); UB1 0 (short amount);
//   UB1 NULL-LOB pointer (create temporary, is-open, file exists/is-open);
//   UB4 operation; UB1 0, UB1 0 (SCN); UB8 source offset; UB8 dest offset;
//   UB1 amount pointer; three big-endian UB2 zeros (array LOB); the source
//   locator's bytes; the dest locator's bytes (when its pointer is set);
//   UB4 charset id (when its pointer is set); message 14 and the data
//   (write); UB8 amount (when its pointer is set).
// Reply: message 14 with the data (read), then message 8: the source
// locator again (its length is the request's), then for create temporary
// UB2 charset and one flag byte, otherwise SB8 amount when the request sent
// one; then for is-open and the file checks one flag byte.
//
// Locators are opaque to the client except four flag bytes: byte 4 (BLOB
// 0x01, abstract 0x40), byte 5 (init 0x08), byte 6 (variable-length
// character set 0x80: CLOB text travels as UTF-16BE, as NCLOB always does)
// and byte 7 (temporary 0x01, little endian 0x40).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

namespace lob_op_code {
inline constexpr std::uint32_t get_length     = 0x0001;
inline constexpr std::uint32_t read           = 0x0002;
inline constexpr std::uint32_t trim           = 0x0020;
inline constexpr std::uint32_t write          = 0x0040;
inline constexpr std::uint32_t file_open      = 0x0100;
inline constexpr std::uint32_t create_temp    = 0x0110;
inline constexpr std::uint32_t free_temp      = 0x0111;
inline constexpr std::uint32_t file_close     = 0x0200;
inline constexpr std::uint32_t file_is_open   = 0x0400;
inline constexpr std::uint32_t file_exists    = 0x0800;
inline constexpr std::uint32_t get_chunk_size = 0x4000;
inline constexpr std::uint32_t open           = 0x8000;
inline constexpr std::uint32_t close          = 0x10000;
inline constexpr std::uint32_t is_open        = 0x11000;
inline constexpr std::uint32_t array          = 0x80000;  // with free_temp: the piggyback form
}  // namespace lob_op_code

inline constexpr std::uint64_t lob_open_read_write  = 2;
inline constexpr std::uint64_t lob_open_read_only   = 11;
inline constexpr std::uint32_t lob_duration_session = 10;

namespace lob_locator {
inline constexpr std::size_t flag1_offset         = 4;
inline constexpr std::size_t flag2_offset         = 5;
inline constexpr std::size_t flag3_offset         = 6;
inline constexpr std::size_t flag4_offset         = 7;
inline constexpr std::uint8_t flag1_blob          = 0x01;
inline constexpr std::uint8_t flag1_value_based   = 0x20;
inline constexpr std::uint8_t flag1_abstract      = 0x40;
inline constexpr std::uint8_t flag2_init          = 0x08;
inline constexpr std::uint8_t flag3_var_length_cs = 0x80;
inline constexpr std::uint8_t flag4_temp          = 0x01;
inline constexpr std::uint8_t flag4_little_endian = 0x40;
inline constexpr std::size_t temp_locator_length  = 40;  // what clients send for create temporary
}  // namespace lob_locator

// True when the locator names a temporary (or abstract) LOB, which the
// client frees when done.
[[nodiscard]] bool lob_is_temporary(bytes_view locator) noexcept;
// True when CLOB text travels as UTF-16 (big endian unless the little
// endian flag is set); NCLOB text always does.
[[nodiscard]] bool lob_is_var_length_charset(bytes_view locator) noexcept;

struct lob_op_request {
    std::uint8_t seq        = 0;
    std::uint64_t token     = 0;
    std::uint32_t operation = 0;
    bool has_source         = true;
    std::vector<std::uint8_t> source;  // the source locator
    std::uint32_t dest_length = 0;     // dest locator length or, create temporary, the duration
    bool has_dest             = false;
    std::vector<std::uint8_t> dest;       // the dest locator (copy operations; python 1.2.1 only)
    bool charset_pointer        = false;  // create temporary
    bool null_lob_pointer       = false;  // create temporary, is-open, file checks
    std::uint64_t source_offset = 0;      // 1-based; create temporary: the charset form
    std::uint64_t dest_offset   = 0;      // create temporary: the Oracle type (112, 113)
    bool send_amount            = false;
    std::uint64_t amount        = 0;
    std::uint32_t charset_id    = 0;  // create temporary: 873 or 2000
    bool has_data               = false;
    std::vector<std::uint8_t> data;  // write: the bytes (message 14 inside the request)
};

// The pointer flags the clients set for `operation` (charset and NULL-LOB).
void set_lob_op_pointers(lob_op_request& m) noexcept;

// Client role: the whole call (header included).
void encode(writer& w, const lob_op_request& m, const caps& c);
// Server role: after the function header (type 3, code 96, seq, token).
[[nodiscard]] std::error_code decode_body(reader& r, lob_op_request& m, const caps& c);

// Message 14: LOB data.
struct lob_data {
    std::vector<std::uint8_t> data;
};
void encode(writer& w, const lob_data& m, const caps& c);
// After the type byte.
[[nodiscard]] std::error_code decode_body(reader& r, lob_data& m, const caps& c);

// What a client needs to read the return parameters of its LOB operation.
struct lob_op_reply_shape {
    std::uint32_t operation    = 0;
    std::size_t locator_length = 0;  // 0: no source locator was sent
    bool send_amount           = false;
};

// Message 8 in reply to a LOB operation.
struct lob_op_return {
    std::vector<std::uint8_t> locator;    // the source locator, updated
    bool has_charset            = false;  // create temporary
    std::uint16_t charset_id    = 0;
    std::uint8_t trailing_flags = 0;  // create temporary
    bool has_amount             = false;
    std::int64_t amount         = 0;  // read: amount read; length; chunk size
    bool has_flag               = false;
    bool flag                   = false;  // is-open, file exists, file is-open
};
// Server role: what a reply to `req` carries (the shape the client expects).
[[nodiscard]] lob_op_reply_shape reply_shape_of(const lob_op_request& req) noexcept;
void encode(writer& w, const lob_op_return& m, const caps& c);
// After the type byte (8).
[[nodiscard]] std::error_code decode_body(reader& r, lob_op_return& m, const lob_op_reply_shape& shape,
                                          const caps& c);

// The piggyback (message 17, function 96, operation free_temp | array) that
// frees temporary LOBs before another call. Locators are
// `locator_length` bytes each (40 for the server's temporaries).
struct free_temp_lobs_piggyback {
    std::uint8_t seq    = 0;
    std::uint64_t token = 0;
    std::vector<std::vector<std::uint8_t>> locators;
};
void encode(writer& w, const free_temp_lobs_piggyback& m, const caps& c);
// After the piggyback's header (type 17, code 96, seq, token).
[[nodiscard]] std::error_code decode_body(reader& r, free_temp_lobs_piggyback& m, std::size_t locator_length,
                                          const caps& c);

}  // namespace oranet::proto::ttc

// Column values as they travel in row data (message 7) and in an execute's
// bind rows, plus the row header (message 6). Values stay bytes here;
// types::decode_value turns them into oranet::value.
//
// The layout of one value depends on its type:
// - most types: a length-prefixed byte string (0 or 0xff: NULL; 0xfe: the
//   chunked long form);
// - ROWID in a fetch: a length byte and the physical rowid parts;
// - UROWID in a fetch: two length-prefixed strings (the first only says NULL or not);
// - CLOB/BLOB/BFILE: UB4 length, then (not BFILE) UB8 size and UB4 chunk
//   size, then the locator;
// - JSON/VECTOR: UB4 length, UB8 size, UB4 chunk size, the image, the locator;
// - REF CURSOR: a length byte, a nested describe, the UB2 cursor id;
// - objects: type OID, OID, snapshot, version, length, flags, image;
// - in a fetch, LONG and LONG RAW are followed by an SB4 indicator and a UB4
//   return code; out binds (not a fetch) by an SB4 actual length;
// - in a fetch a column whose describe has buffer size 0 (NULL by describe)
//   is not on the wire at all (except LONG, LONG RAW, UROWID).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/describe.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <memory>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

// What the row layout needs to know of a column or bind.
struct value_shape {
    std::uint8_t ora_type     = 0;
    std::uint8_t cs_form      = 0;
    std::uint32_t buffer_size = 1;      // 0: NULL by describe (fetch only)
    bool is_array             = false;  // PL/SQL array bind: UB4 count, then that many values
};

[[nodiscard]] value_shape shape_of(const column_info& col) noexcept;

enum class value_state : std::uint8_t {
    present,   // bytes on the wire
    null,      // NULL on the wire (or NULL by describe)
    repeated,  // left out by a bit vector: the previous row's value
};

struct physical_rowid {
    std::uint8_t length        = 0;  // the leading length byte
    std::uint32_t rba          = 0;
    std::uint16_t partition_id = 0;
    std::uint8_t filler        = 0;
    std::uint32_t block_num    = 0;
    std::uint16_t slot_num     = 0;
};

struct object_image {
    std::vector<std::uint8_t> toid;
    std::vector<std::uint8_t> oid;
    std::vector<std::uint8_t> snapshot;
    std::uint16_t version = 0;
    std::uint16_t flags   = 0;
};

struct column_value {
    value_state state = value_state::null;
    // The value bytes: the datum for most types (chunks joined), the locator
    // for CLOB/BLOB/BFILE, the image for JSON/VECTOR/objects, the rowid bytes
    // for UROWID.
    std::vector<std::uint8_t> data;
    std::vector<std::uint8_t> aux;  // JSON/VECTOR: the locator; UROWID: the first string
    std::uint64_t lob_size       = 0;
    std::uint32_t lob_chunk_size = 0;
    physical_rowid rowid;                            // ROWID in a fetch
    std::uint8_t lead       = 1;                     // REF CURSOR's leading byte
    std::uint16_t cursor_id = 0;                     // REF CURSOR
    std::shared_ptr<describe_info> cursor_describe;  // REF CURSOR
    object_image object;                             // objects
    std::int32_t long_indicator    = 0;              // LONG/LONG RAW in a fetch
    std::uint32_t long_return_code = 0;
    std::int32_t actual_length     = 0;  // out binds: SB4 after each value
    std::vector<column_value> elements;  // array binds and RETURNING: the values
    bool has_elements = false;

    [[nodiscard]] bool is_null() const noexcept { return state == value_state::null; }
};

// Where a value travels: a fetch's row, an execute's out binds, or a
// client's bind row.
enum class value_context : std::uint8_t { fetch, out_bind, bind };

// One value (an array's or RETURNING's elements included when the shape or
// `multi` asks).
void encode_value(writer& w, const column_value& v, const value_shape& s, value_context where, const caps& c);
[[nodiscard]] std::error_code decode_value(reader& r, column_value& v, const value_shape& s,
                                           value_context where, const caps& c, bool multi = false);

// Message 6.
struct row_header {
    std::uint8_t flags          = 0;
    std::uint16_t num_requests  = 0;
    std::uint32_t iteration     = 0;
    std::uint32_t num_iters     = 0;
    std::uint16_t buffer_length = 0;
    std::vector<std::uint8_t> bit_vector;  // when non-empty: applies to the next row
    std::uint8_t bit_vector_lead = 0;      // the repeated length byte before it
    std::vector<std::uint8_t> rxhrid;
};

// Message 7: one value per column (fetch) or per out bind.
struct row_data {
    std::vector<column_value> columns;
};

// Copies the values a bit vector left out from the previous row.
void resolve_repeated(row_data& row, const row_data& previous);

}  // namespace oranet::proto::ttc

namespace oranet::proto::ttc {

// Message 6, both roles; decode_body reads after the type byte.
void encode(writer& w, const row_header& m, const caps& c);
[[nodiscard]] std::error_code decode_body(reader& r, row_header& m, const caps& c);

}  // namespace oranet::proto::ttc

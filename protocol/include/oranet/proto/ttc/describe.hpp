// Describe info (message 16): the columns of a query. The layout grows with
// the TTC field version (12.2: OAC column id; 23.1: domain; 23.1 ext 3:
// annotations; 23.4: vector info) and, for the scale of NUMBER, INTERVAL DS
// and the TIMESTAMP types, depends on whether the client listed data type
// 646 (OAC): without it the scale is an SB2, with it a raw signed byte
// (PEER-NOTES 2; python-oracledb 1.2.1 vs node-oracledb 26).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct column_annotation {
    std::string key;
    std::string value;
    std::uint32_t flags = 0;
};

struct column_info {
    std::uint8_t ora_type            = 0;  // Oracle type number (types::ora_type)
    std::uint8_t flags               = 0;
    std::int8_t precision            = 0;
    std::int16_t scale               = 0;
    std::uint32_t buffer_size        = 0;  // 0 for a column that is NULL by describe
    std::uint32_t max_array_elements = 0;
    std::uint64_t cont_flags         = 0;
    std::vector<std::uint8_t> oid;  // object type id (objects only)
    std::uint16_t oid_version   = 0;
    std::uint16_t charset_id    = 0;  // 873 for text in the database charset, 0 for others
    std::uint8_t cs_form        = 0;  // 1 implicit, 2 nchar, 0 none
    std::uint32_t max_size      = 0;  // in characters for text
    std::uint32_t oac_column_id = 0;  // field version 12.2
    std::uint8_t nullable       = 0;  // 1 when NULLs are allowed
    std::uint8_t v7_name_length = 0;
    std::string name;
    std::string schema;     // of the object type
    std::string type_name;  // of the object type
    std::uint16_t position  = 0;
    std::uint32_t uds_flags = 0;  // uds_flag_is_json, uds_flag_is_oson
    std::string domain_schema;    // field version 23.1
    std::string domain_name;
    std::vector<column_annotation> annotations;  // field version 23.1 ext 3
    std::uint32_t annotations_flags = 0;
    std::uint32_t vector_dimensions = 0;  // field version 23.4
    std::uint8_t vector_format      = 0;
    std::uint8_t vector_flags       = 0;
};

struct describe_info {
    std::vector<std::uint8_t> prefix;  // opaque bytes before the describe in message 16 (clients skip them)
    std::uint32_t max_row_size = 0;
    std::uint8_t columns_lead  = 0x82;  // the byte before the columns (23ai sends 0x82; clients skip it)
    std::vector<column_info> columns;
    std::vector<std::uint8_t> current_date;  // 7-byte DATE of the server
    std::uint32_t dcb_flags = 0;
    std::uint32_t dcb_mdbz  = 0;
    std::uint32_t dcb_mnpr  = 0;
    std::uint32_t dcb_mxpr  = 0;
    std::vector<std::uint8_t> query_key;  // dcbqcky
};

// The describe without the message type and prefix: the form nested in a
// REF CURSOR column and in an implicit result.
void encode_describe_body(writer& w, const describe_info& d, const caps& c);
[[nodiscard]] std::error_code decode_describe_body(reader& r, describe_info& d, const caps& c);

// Message 16: type byte, prefix, describe body. decode_body reads after the
// type byte.
void encode(writer& w, const describe_info& d, const caps& c);
[[nodiscard]] std::error_code decode_body(reader& r, describe_info& d, const caps& c);

}  // namespace oranet::proto::ttc

// Oracle column types in the emulator: declared types, their describe
// metadata, and how values of each type are stored in SQLite and read back.
//
// Storage (one form per type so that every value round-trips exactly):
//   NUMBER, FLOAT       canonical decimal TEXT, column collation ORANUM (numeric)
//   VARCHAR2, NVARCHAR2, CLOB, NCLOB, LONG   TEXT
//   CHAR, NCHAR         TEXT blank-padded, collation ORACHAR (blank-padded compare)
//   DATE                REAL Julian day, whole seconds (so `d + 1` works)
//   TIMESTAMP, WITH LOCAL TIME ZONE  TEXT "YYYY-MM-DD HH:MM:SS.nnnnnnnnn" (UTC for LTZ)
//   WITH TIME ZONE      TEXT UTC instant + " +HH:MM"
//   INTERVAL YEAR TO MONTH  INTEGER months; DAY TO SECOND INTEGER nanoseconds
//   RAW, BLOB           BLOB
//   BINARY_FLOAT/DOUBLE REAL;  BOOLEAN INTEGER 0/1
#pragma once

#include "emulate/engine/lexer.hpp"

#include <oranet/proto/types/codec.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3_stmt;
struct sqlite3_value;
struct sqlite3_context;

namespace oranet::emulate {

using proto::types::cs_form;
using proto::types::ora_type;

// Describe metadata of one column (as the TTC describe carries it).
struct column_type {
    ora_type type = ora_type::varchar;
    std::string declared;         // "NUMBER(10,2)", "VARCHAR2(40 CHAR)", ...
    std::uint32_t max_bytes = 0;  // buffer size in bytes (AL32UTF8: 4 per char for CHAR semantics)
    std::uint32_t max_chars = 0;  // length in characters for text types, else 0
    std::int16_t precision =
        0;                    // NUMBER: 0 = unspecified; FLOAT: binary precision; INTERVAL: leading precision
    std::int16_t scale  = 0;  // NUMBER: -127 = unspecified; TIMESTAMP/INTERVAL DS: fractional digits
    bool nullable       = true;
    bool char_semantics = false;
    cs_form form        = cs_form::implicit;
    bool is_float       = false;  // FLOAT(b): a NUMBER without scale
    bool is_long        = false;  // LONG
    bool is_nclob       = false;
    friend bool operator==(const column_type&, const column_type&) = default;
};

// Session settings the conversions need.
struct nls_settings {
    std::string date_format         = "DD-MON-RR";
    std::string timestamp_format    = "DD-MON-RR HH.MI.SSXFF AM";
    std::string timestamp_tz_format = "DD-MON-RR HH.MI.SSXFF AM TZR";
    int time_zone_minutes           = 0;  // session time zone as an offset
};

// Parses a declared type at tokens[i], advancing i; ORA-00902 when unknown.
[[nodiscard]] column_type parse_type(const std::vector<token>& t, std::size_t& i);

// The SQLite column declaration for a type ("TEXT COLLATE ORANUM", ...).
[[nodiscard]] std::string sqlite_decl(const column_type& c);

// Types of expressions (as Oracle describes them).
[[nodiscard]] column_type number_expr();
[[nodiscard]] column_type char_literal(std::size_t bytes, std::size_t chars);
[[nodiscard]] column_type varchar_expr(std::uint32_t chars = 4000);
[[nodiscard]] column_type date_expr();
[[nodiscard]] column_type timestamp_expr(int scale, ora_type t = ora_type::timestamp);
[[nodiscard]] column_type simple_expr(ora_type t);

[[nodiscard]] std::size_t utf8_chars(std::string_view s);

// Converts the SQLite value `v` to the storage form of column `c` and sets it
// as the result of `ctx`; `src` is the Oracle type the rewriter inferred for
// the value (0 when unknown). Throws ora_exception (ORA-01438, 12899, 01722,
// 01843, 00932, ...); `column` is "SCHEMA"."T"."C" for messages.
void store_value(sqlite3_context* ctx, sqlite3_value* v, const column_type& c, int src,
                 const nls_settings& nls, const std::string& column);

// Reads column `i` of a stepped statement as a value of type `c`.
[[nodiscard]] value load_value(sqlite3_stmt* st, int i, const column_type& c, const nls_settings& nls);

// Binds a value at SQLite parameter index `idx` in its storage form.
void bind_storage(sqlite3_stmt* st, int idx, const value& v);

// The Oracle type a bound value stands for (for type inference).
[[nodiscard]] column_type bind_type(const value& v);

}  // namespace oranet::emulate

// Execute (function 94, the all-in-one OALL8: parse, bind, execute, fetch,
// describe, commit as the options say) and re-execute of an open cursor
// (function 4, or 78 with a fetch).
//
// The SQL text travels length-prefixed when the client's data types message
// set CONV_LENGTH (node-oracledb, current python-oracledb) and as raw bytes,
// its length given only by the earlier UB4, otherwise (python-oracledb 1.2.1;
// PEER-NOTES 1): caps::conv_length() decides.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/function_header.hpp>
#include <oranet/proto/ttc/row_data.hpp>
#include <oranet/proto/writer.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

// Bind (or define) metadata: one per bind variable.
struct bind_metadata {
    std::uint8_t ora_type      = 0;
    std::uint8_t flags         = bind_use_indicators;  // | bind_array for PL/SQL arrays
    std::uint8_t precision     = 0;                    // clients always send 0
    std::uint8_t scale         = 0;
    std::uint32_t buffer_size  = 0;
    std::uint32_t max_elements = 0;         // arrays: the array's capacity
    std::uint64_t cont_flags   = 0;         // lob_prefetch_flag for LOB/JSON/VECTOR
    std::vector<std::uint8_t> oid;          // object type id (objects only)
    std::uint16_t oid_version         = 0;  // UB2 (UB4 when an oid is given)
    std::uint16_t charset_id          = 0;  // 873 when cs_form != 0
    std::uint8_t cs_form              = 0;
    std::uint32_t lob_prefetch_length = 0;  // max chars (LOB prefetch)
    std::uint32_t oac_column_id       = 0;  // field version 12.2
    // Not on the wire: a DML RETURNING ... INTO bind. Its metadata travels
    // with the others, but no bind row carries a value for it (the server
    // knows it from the SQL text; the client from its own scan of it).
    bool is_return_bind = false;

    [[nodiscard]] bool is_array() const noexcept { return (flags & bind_array) != 0; }
};

[[nodiscard]] value_shape shape_of(const bind_metadata& b) noexcept;

// One row of bind values, one per bind in bind order (array binds: the
// value's `elements`). On the wire, unless the statement is PL/SQL, binds
// longer than caps::max_string_size come after the others, and RETURNING
// binds (is_return_bind) are left out; encode and decode apply that order.
using bind_row = std::vector<column_value>;

struct execute_request {
    std::uint8_t seq        = 0;
    std::uint64_t token     = 0;
    std::uint32_t options   = 0;     // exec_option::*
    std::uint32_t cursor_id = 0;     // 0: a new cursor (the SQL text follows)
    bool has_sql            = true;  // the SQL pointer: set for a new cursor or DDL
    std::vector<std::uint8_t> sql;   // SQL text in the database charset
    std::uint32_t prefetch_buffer_size = 0;
    std::uint32_t prefetch_rows        = 0;
    std::uint32_t max_long_size        = max_long_length;
    std::uint32_t num_defines          = 0;  // when defines are given: their count
    std::uint64_t registration_id      = 0;
    bool dml_rowcounts                 = false;
    std::uint32_t dml_rowcounts_size   = 0;  // al8pidmlrcbl (the number of executions)
    std::array<std::uint32_t, al8i4::size> al8i4{};
    std::vector<bind_metadata> binds;    // when options has exec_option::bind
    std::vector<bind_metadata> defines;  // when options has exec_option::define
    std::vector<bind_row> bind_rows;     // each preceded by message type 7 on the wire

    [[nodiscard]] bool is_plsql() const noexcept { return (options & exec_option::not_plsql) == 0; }
};

// Client role.
void encode(writer& w, const execute_request& m, const caps& c);
// Server role: the whole message, header included.
[[nodiscard]] std::error_code decode(reader& r, execute_request& m, const caps& c);
// Server role, after decode_call_prefix read the header (function 94).
[[nodiscard]] std::error_code decode_body(reader& r, execute_request& m, const caps& c);
// Server role for statements that may have RETURNING binds: `mark` runs
// after the SQL text and bind metadata are read and before the bind rows,
// and sets is_return_bind on the binds the SQL text returns into (that is
// not on the wire).
using return_bind_marker = std::function<void(execute_request&)>;
[[nodiscard]] std::error_code decode(reader& r, execute_request& m, const caps& c,
                                     const return_bind_marker& mark);
[[nodiscard]] std::error_code decode_body(reader& r, execute_request& m, const caps& c,
                                          const return_bind_marker& mark);

struct reexecute_request {
    std::uint8_t seq        = 0;
    std::uint64_t token     = 0;
    bool with_fetch         = false;  // function 78 instead of 4
    std::uint32_t cursor_id = 0;
    std::uint32_t num_iters = 0;  // rows to prefetch (78) or executions (4)
    std::uint32_t options1  = 0;  // exec_option::execute with a fetch
    std::uint32_t options2  = 0;  // exec_option::commit_reexecute
    std::vector<bind_row> bind_rows;
};

void encode(writer& w, const reexecute_request& m, std::span<const bind_metadata> binds, bool is_plsql,
            const caps& c);
// Server role: `binds` are the IN binds of the cursor's execute (the server
// remembers them with the cursor).
[[nodiscard]] std::error_code decode(reader& r, reexecute_request& m, std::span<const bind_metadata> binds,
                                     bool is_plsql, const caps& c);
// After decode_call_prefix: set m.with_fetch from the header first.
[[nodiscard]] std::error_code decode_body(reader& r, reexecute_request& m,
                                          std::span<const bind_metadata> binds, bool is_plsql, const caps& c);

// The bind rows that follow bind metadata (or a re-execute's header).
// `expected_rows` rows are read, each starting with the row data byte (7);
// none at all when the message ends before the first (a statement whose
// binds are all RETURNING binds sends no rows).
void encode_bind_rows(writer& w, const std::vector<bind_row>& rows, std::span<const bind_metadata> binds,
                      bool is_plsql, const caps& c);
void decode_bind_rows(reader& r, std::vector<bind_row>& rows, std::span<const bind_metadata> binds,
                      bool is_plsql, std::size_t expected_rows, const caps& c);

// How many bind rows a request carries: one for a query (and a re-execute
// with fetch), else the execution count (at least one).
[[nodiscard]] std::size_t expected_bind_rows(const execute_request& m) noexcept;
[[nodiscard]] std::size_t expected_bind_rows(const reexecute_request& m) noexcept;

}  // namespace oranet::proto::ttc

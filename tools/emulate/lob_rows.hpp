// Query rows with CLOB/NCLOB/BLOB columns (session_lob.cpp): each LOB value
// becomes a locator into the session's lob_store, or travels inline when
// the client's define re-typed the column as LONG / LONG RAW (python's
// fetch_lobs=False, node's fetchAsString / fetchAsBuffer).
#pragma once

#include "emulate/backend.hpp"
#include "emulate/lob_store.hpp"
#include "emulate/requests.hpp"

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <string>
#include <system_error>
#include <vector>

namespace oranet::emulate {

[[nodiscard]] bool has_lob_columns(const std::vector<column_meta>& cols);

// A LOB column's describe says buffer size 4000 as Oracle's does (its
// DATA_LENGTH); a zero would tell the clients the column is NULL by
// describe, with no bytes in the rows.
void size_lob_columns(std::vector<column_meta>& cols);

// Message 7 for one row. LOB locators carry the size and chunk size when
// the column's define has the LOB prefetch flag. `sql` tells whether the
// rows are locked (SELECT ... FOR UPDATE).
void write_lob_row(proto::writer& w, const std::vector<column_meta>& cols,
                   const std::vector<bind_meta>& defines, const std::vector<value>& row, lob_store& lobs,
                   const std::string& sql);

// A query with LOB columns sends its rows only after the client's define
// (or on a fetch): the row layout depends on it.
[[nodiscard]] bool holds_lob_rows(const std::vector<column_meta>& cols,
                                  const std::vector<bind_meta>& defines);

// The free-temporary-LOBs piggyback after its header.
[[nodiscard]] std::error_code decode_free_temp_lobs(proto::reader& r, const proto::ttc::caps& c,
                                                    lob_store& lobs);

}  // namespace oranet::emulate

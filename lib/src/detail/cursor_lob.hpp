// LOB columns of a query (cursor_lob.cpp).
#pragma once

#include <oranet/error.hpp>
#include <oranet/proto/ttc/describe.hpp>
#include <oranet/proto/ttc/row_data.hpp>
#include <oranet/proto/types/codec.hpp>
#include <oranet/value.hpp>

#include <system_error>

namespace oranet::detail {

struct cursor_impl;

[[nodiscard]] bool has_lob_columns(const proto::ttc::describe_info& d);
// A fetched CLOB/NCLOB/BLOB/BFILE column as a lob_locator; false for other types.
[[nodiscard]] bool lob_value(const proto::types::wire_type& t, const proto::ttc::column_value& cv,
                             value& out);
// After a query's execute whose rows the server held back because of LOB
// columns: defines them (locators with size, or LONG / LONG RAW when
// `fetch_inline`) and takes the first rows.
[[nodiscard]] std::error_code define_lob_columns(cursor_impl& c, bool fetch_inline, diagnostics& diag);

}  // namespace oranet::detail

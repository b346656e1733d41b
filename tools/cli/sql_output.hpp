// The three output formats of `oranet sql`: an aligned table (the default
// on a terminal), CSV with a header row, and JSON lines (one object per row).
// Rows stream through a printer: the table keeps one page of rows to size its
// columns, the other formats none.
#pragma once
#include <oranet/cursor.hpp>
#include <oranet/value.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace oranet::cli {

enum class output_format { table, csv, json };

class row_printer {
public:
    virtual ~row_printer()                              = default;
    virtual void begin(const std::vector<column>& cols) = 0;
    virtual void row(const row_view& r)                 = 0;
    // Called after the last row, with the number of rows printed.
    virtual void end(std::uint64_t rows) = 0;
};

// `page_rows`: rows the table format sizes its columns on before printing.
[[nodiscard]] std::unique_ptr<row_printer> make_printer(output_format f, std::FILE* out,
                                                        std::size_t page_rows = 500);

// The text of one value as every format shows it: DATE without fraction,
// TIMESTAMP with as many digits as its scale (DECISIONS.md).
[[nodiscard]] std::string cell_text(const value& v, const column& col);

[[nodiscard]] std::string csv_field(const std::string& s);
[[nodiscard]] std::string json_string(const std::string& s);

// SQL*Plus-style feedback for a statement that is not a query ("Table
// created.", "3 rows updated.", "Commit complete."); empty when it has none.
[[nodiscard]] std::string feedback_text(const std::string& verb, std::uint64_t rows);

}  // namespace oranet::cli

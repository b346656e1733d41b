// What a cursor holds between calls: its statement (from the connection's
// statement cache), the columns and the current batch of rows, the bind
// variables of the last execute and what the reply put in them.
#pragma once

#include "connection_impl.hpp"
#include "sql_scan.hpp"
#include "statement_cache.hpp"

#include <oranet/cursor.hpp>
#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/ttc/reply.hpp>
#include <oranet/proto/types/codec.hpp>
#include <oranet/variable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace oranet::detail {

struct cursor_impl;

struct variable_impl {
    db_type type               = db_type::varchar;
    bind_direction dir         = bind_direction::out;
    bool array                 = false;
    std::uint32_t max_size     = 0;
    std::uint32_t max_elements = 0;
    value in;                        // IN OUT scalar
    std::vector<value> in_elements;  // IN and IN OUT arrays
    value out;
    std::vector<value> out_elements;
    std::vector<std::vector<value>> returned;  // RETURNING INTO: per execution
    std::unique_ptr<cursor_impl> ref_cursor;

    variable_impl();
    ~variable_impl();
    variable_impl(const variable_impl&)            = delete;
    variable_impl& operator=(const variable_impl&) = delete;
};

// The wire type and bind metadata of a variable.
[[nodiscard]] proto::types::wire_type wire_type_of(const variable_impl& v);
[[nodiscard]] proto::ttc::bind_metadata metadata_of(const variable_impl& v);

// One bind position of one execution: a value or a variable.
struct bind_slot {
    value v;
    std::shared_ptr<variable_impl> var;
};

struct execute_options {
    bool batch_errors  = false;
    bool dml_rowcounts = false;
    bool many          = false;  // execute_many: one execution per row, even a single one
};

struct cursor_impl final : proto::session::reply_handler {
    connection_impl* conn   = nullptr;
    std::uint32_t cursor_id = 0;
    std::shared_ptr<cached_statement> stmt;  // null for REF CURSOR and implicit result cursors
    sql_info info;
    std::vector<column> columns;
    std::vector<proto::types::wire_type> column_types;
    std::unique_ptr<proto::ttc::reply_tracker> tracker;
    std::vector<std::vector<value>> rows;  // the current batch
    std::size_t next_row = 0;
    std::vector<value> current;
    bool more_rows          = false;
    std::uint64_t row_count = 0;
    std::uint32_t arraysize = 100;
    std::uint32_t prefetch  = 2;
    bool fetch_lobs_inline  = false;  // LOB columns as text / bytes (LONG defines) instead of locators
    std::chrono::milliseconds call_timeout{0};
    std::error_code value_error;
    // A cursor the server opened (REF CURSOR, implicit result): its first
    // fetch is a full execute of the cursor id with the fetch option only,
    // as python-oracledb and node-oracledb do it.
    bool requires_full_execute = false;

    // The last execute's variables: all binds in wire bind order (slots of
    // the first row), those the reply's out-bind rows fill, and whether the
    // reply rows are RETURNING values.
    std::vector<std::shared_ptr<variable_impl>> bind_vars;  // null for plain values
    std::vector<proto::types::wire_type> bind_types;
    std::vector<std::size_t> out_positions;
    bool returning = false;
    std::vector<batch_error> batch_errors;
    std::vector<std::uint64_t> dml_row_counts;
    std::vector<std::unique_ptr<cursor_impl>> implicit_results;

    cursor_impl() = default;
    ~cursor_impl() override;
    cursor_impl(const cursor_impl&)            = delete;
    cursor_impl& operator=(const cursor_impl&) = delete;

    [[nodiscard]] proto::ttc::reply_context context() const override { return tracker->context(); }
    [[nodiscard]] std::error_code on_item(proto::ttc::reply_item& item) override;

    // Rows of a cursor the server opened (REF CURSOR, implicit result).
    [[nodiscard]] static std::unique_ptr<cursor_impl> child(connection_impl* conn, std::uint32_t id,
                                                            const proto::ttc::describe_info& d);

    void set_columns(const proto::ttc::describe_info& d);
    void reset_results();
    // Gives the statement back to the connection's cache (or closes it).
    void release_statement(bool keep = true);
    // `rows`: one row of slots per execution (all rows bind the same way).
    [[nodiscard]] std::error_code execute(std::string_view sql, std::vector<std::vector<bind_slot>> rows,
                                          const execute_options& opts, diagnostics& diag);
    [[nodiscard]] std::error_code fetch_more(diagnostics& diag);
    bool fetch_one(std::error_code& ec, diagnostics& diag);

private:
    void on_out_binds(proto::ttc::row_data& r);
};

}  // namespace oranet::detail

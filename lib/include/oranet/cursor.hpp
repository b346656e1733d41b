// A cursor runs statements on a connection and streams a query's rows.
//
//   oranet::cursor cur = conn.cursor();
//   cur.execute("select id, name from emp where dept = :d", {{"d", oranet::number::from_int64(10)}});
//   while (auto row = cur.fetch_one()) std::cout << row->get<std::int64_t>(0) << '\n';
//
// Rows stream: the cursor holds at most `arraysize` rows (one round trip's
// worth), whatever the number of rows the query returns. A row_view is valid
// until the next fetch on its cursor.
#pragma once

#include <oranet/convert.hpp>
#include <oranet/error.hpp>
#include <oranet/value.hpp>
#include <oranet/variable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oranet {

class connection;

namespace detail {
struct cursor_impl;
}

// A result column as the server described it.
struct column {
    std::string name;
    std::uint16_t ora_type = 0;  // Oracle type number (1 VARCHAR2, 2 NUMBER, 12 DATE, 180 TIMESTAMP, ...)
    std::string type_name;       // "VARCHAR2", "NUMBER", ...
    std::uint32_t size     = 0;  // maximum size (characters for text, bytes otherwise)
    std::int16_t precision = 0;
    std::int16_t scale     = 0;
    bool nullable          = true;
};

// A bind by name (":name" in the SQL, without the colon here): a value, or
// a variable for OUT, IN OUT, array, REF CURSOR and RETURNING binds
// (variable.hpp). Positional binds that need a variable use the names "1",
// "2", ... of :1, :2.
struct named_value {
    std::string name;
    bind_arg v;
};

// One failed row of an execute_many with batch errors.
struct batch_error {
    std::uint32_t offset = 0;  // the row's index in the rows given (0-based)
    int code             = 0;  // ORA-nnnnn
    std::string message;       // "ORA-00001: unique constraint (...) violated"
};

struct execute_many_options {
    // Run every row and report the failed ones in batch_errors() instead of
    // stopping at the first failure (which then throws, with row_count()
    // the rows done before it).
    bool batch_errors = false;
    // Report the rows each execution affected in dml_row_counts().
    bool dml_row_counts = false;
};

class row_view {
public:
    row_view() = default;
    explicit row_view(const std::vector<value>* values) : values_(values) {}

    [[nodiscard]] std::size_t size() const noexcept { return values_ ? values_->size() : 0; }
    // Throws oranet::error(column_out_of_range).
    [[nodiscard]] const value& at(std::size_t i) const;
    [[nodiscard]] const value& operator[](std::size_t i) const { return (*values_)[i]; }
    [[nodiscard]] bool is_null(std::size_t i) const { return oranet::is_null(at(i)); }

    // get<std::int64_t>(0), get<std::optional<std::string>>(1), ... (convert.hpp).
    template <class T>
    [[nodiscard]] T get(std::size_t i) const {
        return oranet::value_as<T>(at(i));
    }

private:
    const std::vector<value>* values_ = nullptr;
};

class cursor {
public:
    cursor();  // not bound to a connection
    explicit cursor(connection& conn);
    // A cursor over rows the server opened (REF CURSOR, implicit result).
    explicit cursor(std::unique_ptr<detail::cursor_impl> impl) noexcept;
    ~cursor();
    cursor(cursor&&) noexcept;
    cursor& operator=(cursor&&) noexcept;
    cursor(const cursor&)            = delete;
    cursor& operator=(const cursor&) = delete;

    // Runs a statement with binds by position (:1, :2 or any names, in order
    // of first appearance) or by name. A query's first rows come back with
    // the execute (prefetch).
    void execute(std::string_view sql, std::vector<value> binds = {});
    void execute(std::string_view sql, std::vector<named_value> binds);
    void execute(std::string_view sql, std::initializer_list<named_value> binds) {
        execute(sql, std::vector<named_value>(binds));
    }
    void execute(std::string_view sql, const std::vector<value>& binds, std::error_code& ec,
                 diagnostics& diag);
    void execute(std::string_view sql, const std::vector<named_value>& binds, std::error_code& ec,
                 diagnostics& diag);

    // Array DML: the statement once per row of `rows`, in one round trip.
    // A row gives the values of the binds in order of first appearance,
    // leaving out the binds named in `vars` (RETURNING INTO targets, whose
    // variable then holds one returned() list per row).
    void execute_many(std::string_view sql, const std::vector<std::vector<value>>& rows,
                      const execute_many_options& o = {}, const std::vector<named_value>& vars = {});
    void execute_many(std::string_view sql, const std::vector<std::vector<value>>& rows,
                      const execute_many_options& o, const std::vector<named_value>& vars,
                      std::error_code& ec, diagnostics& diag);
    // After execute_many with batch_errors: the rows that failed.
    [[nodiscard]] const std::vector<batch_error>& batch_errors() const noexcept;
    // After execute_many with dml_row_counts: rows affected per row of binds.
    [[nodiscard]] const std::vector<std::uint64_t>& dml_row_counts() const noexcept;
    // The result sets a PL/SQL block returned with DBMS_SQL.RETURN_RESULT,
    // in order (each once: the cursors move out).
    [[nodiscard]] std::vector<cursor> implicit_results();

    // The columns of the last query (empty for other statements).
    [[nodiscard]] const std::vector<column>& columns() const noexcept;
    [[nodiscard]] bool is_query() const noexcept;
    // Rows fetched so far (query), or rows affected (DML).
    [[nodiscard]] std::uint64_t row_count() const noexcept;

    // The next row, or nullopt at the end. The view is valid until the next fetch.
    [[nodiscard]] std::optional<row_view> fetch_one();
    [[nodiscard]] std::optional<row_view> fetch_one(std::error_code& ec, diagnostics& diag);
    // All remaining rows, copied (memory grows with the rows: use fetch_one to stream).
    [[nodiscard]] std::vector<std::vector<value>> fetch_all();

    // Rows per fetch round trip (default 100) and rows returned with the
    // execute itself (default 2, as python-oracledb).
    void set_arraysize(std::uint32_t n) noexcept;
    [[nodiscard]] std::uint32_t arraysize() const noexcept;
    void set_prefetch_rows(std::uint32_t n) noexcept;
    // CLOB/NCLOB/BLOB columns as text / bytes (std::string, raw_bytes) instead
    // of lob_locator values (lob.hpp), for the next execute; default false.
    void set_fetch_lobs_inline(bool v) noexcept;
    [[nodiscard]] bool fetch_lobs_inline() const noexcept;
    [[nodiscard]] std::uint32_t prefetch_rows() const noexcept;
    // Call timeout for this cursor's calls (zero: the connection's).
    void set_call_timeout(std::chrono::milliseconds t) noexcept;

    // Range-for over the remaining rows.
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type        = row_view;
        using difference_type   = std::ptrdiff_t;
        iterator()              = default;
        explicit iterator(cursor* c) : cur_(c) { ++*this; }
        const row_view& operator*() const { return row_; }
        const row_view* operator->() const { return &row_; }
        iterator& operator++() {
            auto r = cur_->fetch_one();
            if (r)
                row_ = *r;
            else
                cur_ = nullptr;
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.cur_ == b.cur_; }

    private:
        cursor* cur_ = nullptr;
        row_view row_;
    };
    [[nodiscard]] iterator begin() { return iterator(this); }
    [[nodiscard]] iterator end() { return {}; }

private:
    std::unique_ptr<detail::cursor_impl> impl_;
};

}  // namespace oranet

// The SQL engine of `oranet emulate`: Oracle SQL text and bind values in,
// Oracle-typed column metadata and oranet::value rows out, run on SQLite.
// No wire protocol here: the TTC server (tools/emulate) drives a `session`
// per client connection.
//
// Threads: a `database` may be shared by sessions on different threads; one
// `session` (and its cursors) is used by one thread at a time.
#pragma once

#include "emulate/engine/error.hpp"
#include "emulate/engine/types.hpp"

#include <oranet/value.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oranet::emulate {

struct session_state;
struct database_state;

enum class statement_kind {
    query,          // SELECT / WITH: a cursor
    dml,            // INSERT / UPDATE / DELETE: a row count
    ddl,            // CREATE / DROP / TRUNCATE (commits as Oracle does)
    plsql,          // BEGIN / DECLARE / CALL: an anonymous PL/SQL block
    commit,         // COMMIT [WORK]
    rollback,       // ROLLBACK [WORK]
    alter_session,  // ALTER SESSION SET ...
};

// One result column as a describe reports it.
struct column_info {
    std::string name;  // as Oracle reports it: upper case unless quoted
    column_type type;
};

enum class bind_direction : std::uint8_t { in, out, in_out };

// One bind position as the client sent it. For PL/SQL, clients send one bind
// per unique name (order of first appearance); for SQL, one per occurrence.
struct bind_value {
    value v;                         // scalar IN value (null for OUT-only binds)
    bool is_array = false;           // PL/SQL index-by table (associative array) of scalars
    std::vector<value> elements;     // the array's IN elements (index 1..n)
    std::uint32_t max_elements = 0;  // the array capacity: OUT arrays beyond it fail with ORA-06513
    ora_type declared          = ora_type::varchar;  // the bind's wire type: OUT values are converted to it
                                                     // (ora_type::cursor for a REF CURSOR bind)
    std::uint32_t max_size = 0;  // the OUT buffer size in bytes for text/raw binds (0: no limit);
                                 // a longer value assigned to it is ORA-06502
};

// Bind values: by position (the n-th placeholder occurrence in the text, as
// the TTC execute carries them) or by name (every occurrence of :name; names
// are upper-cased unless quoted, positional names are "1", "2", ...).
struct bind_values {
    std::vector<value> by_position;
    std::vector<std::pair<std::string, value>> by_name;
    // When non-empty, used instead of by_position (one per bind position).
    std::vector<bind_value> slots;
};

// A query's rows, fetched one at a time (never materialised).
class cursor {
public:
    // Internal: built by the engine only.
    struct engine_access;

    ~cursor();
    cursor(const cursor&)            = delete;
    cursor& operator=(const cursor&) = delete;

    [[nodiscard]] const std::vector<column_info>& columns() const noexcept { return columns_; }
    // Next row into `row` (resized to columns().size()); false at the end or
    // on an error (then `err` is set). Rows fetched so far.
    bool fetch(std::vector<value>& row, sql_error& err);
    [[nodiscard]] std::uint64_t row_count() const noexcept { return fetched_; }
    void close();

private:
    friend class session;
    cursor() = default;
    std::shared_ptr<session_state> owner_;
    void* stmt_ = nullptr;  // sqlite3_stmt*
    std::vector<column_info> columns_;
    std::vector<value> pending_;  // a row stepped at execute to type untyped columns
    bool has_pending_      = false;
    bool done_             = false;
    std::uint64_t fetched_ = 0;
    std::string sql_;  // the Oracle text (for error offsets)
};

// What a PL/SQL block (or a DML ... RETURNING ... INTO) gives back for one bind.
struct bind_output {
    bind_direction dir = bind_direction::in;
    value v;  // OUT / IN OUT scalar, converted to `declared`
    bool is_array = false;
    std::vector<value> elements;         // OUT index-by table
    std::unique_ptr<cursor> ref_cursor;  // OUT REF CURSOR (OPEN :c FOR ...); null when not opened
    bool is_returning = false;           // DML ... RETURNING ... INTO this bind
    std::vector<value> returning;        // one value per row the DML touched (converted to `declared`)
};

struct execute_result {
    statement_kind kind     = statement_kind::query;
    std::uint64_t row_count = 0;   // DML: rows affected
    std::unique_ptr<cursor> rows;  // queries
    // PL/SQL and DML with RETURNING: one per bind slot / position, in order.
    std::vector<bind_output> binds;
    // DBMS_SQL.RETURN_RESULT(c) cursors, in the order returned.
    std::vector<std::unique_ptr<cursor>> implicit_results;
};

struct database_options {
    std::string path = ":memory:";  // a file, or ":memory:" (a private temporary file, removed at close)
    std::chrono::milliseconds busy_timeout{5000};  // then ORA-00054
};

class database {
public:
    // Opens (creating when needed) the store; WAL mode.
    [[nodiscard]] static std::shared_ptr<database> open(const database_options& o, sql_error& err);
    ~database();
    database(const database&)            = delete;
    database& operator=(const database&) = delete;
    [[nodiscard]] const std::string& path() const noexcept;

private:
    friend class session;
    database() = default;
    std::shared_ptr<database_state> state_;
};

// What SYS_CONTEXT('USERENV', ...) reports; set by the server layer.
struct session_attributes {
    std::string user     = "DEMO";  // SESSION_USER, CURRENT_USER, CURRENT_SCHEMA and USER
    std::uint32_t sid    = 1;
    std::uint32_t serial = 1;
    std::string client_identifier, module, action, client_info;
    std::string db_name = "FREE", service_name = "FREEPDB1", instance_name = "FREE";
    std::string host, os_user, terminal;
    bool sql_boolean = true;  // the BOOLEAN column type exists (23ai); else ORA-00902
};

class session {
public:
    session(std::shared_ptr<database> db, session_attributes attrs, sql_error& err);
    ~session();  // rolls back what is not committed
    session(const session&)            = delete;
    session& operator=(const session&) = delete;

    // Runs one statement (no trailing ';' except PL/SQL). A query returns a
    // cursor positioned before its first row.
    [[nodiscard]] sql_error execute(std::string_view sql, const bind_values& binds, execute_result& out);
    // The statement kind and, for queries, the columns (binds may be absent:
    // their types are then unknown, as for describe-only).
    [[nodiscard]] sql_error describe(std::string_view sql, statement_kind& kind,
                                     std::vector<column_info>& columns);
    [[nodiscard]] sql_error commit();
    [[nodiscard]] sql_error rollback();
    [[nodiscard]] bool in_transaction() const noexcept;

    [[nodiscard]] session_attributes& attributes() noexcept;
    [[nodiscard]] nls_settings& nls() noexcept;

    // The bind placeholder names in order of occurrence (":1" -> "1", ":a" -> "A").
    [[nodiscard]] static std::vector<std::string> bind_names(std::string_view sql, sql_error& err);
    [[nodiscard]] static statement_kind classify(std::string_view sql);
    // The bind directions of a statement without running it, one per bind
    // position (PL/SQL: one per unique name; OUT when only assigned, IN OUT
    // when read and assigned; SQL: RETURNING INTO binds are OUT).
    [[nodiscard]] static std::vector<bind_direction> bind_directions(std::string_view sql, sql_error& err);

    // Thread-safe: the statement (SQLite step) or sleep_for running on this
    // session ends with ORA-01013 as soon as possible. The flag stays set
    // (later statements and sleeps end at once) until clear_interrupt(),
    // which the server calls when a new call starts.
    void interrupt() noexcept;
    void clear_interrupt() noexcept;
    [[nodiscard]] bool interrupted() const noexcept;
    // Waits `seconds` (fractions allowed); ORA-01013 when interrupted.
    [[nodiscard]] sql_error sleep_for(double seconds);

private:
    std::shared_ptr<database> db_;
    std::shared_ptr<session_state> state_;
};

}  // namespace oranet::emulate

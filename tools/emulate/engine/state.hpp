// Internal state shared by the engine's files (not part of the API).
#pragma once

#include "emulate/engine/catalog.hpp"
#include "emulate/engine/engine.hpp"
#include "emulate/engine/translate.hpp"

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>

namespace oranet::emulate {

struct sequence_state {
    long long next      = 1;
    long long increment = 1;
};

struct database_state {
    std::string path;
    bool temporary = false;
    std::chrono::milliseconds busy_timeout{5000};
    sqlite3* keeper = nullptr;  // keeps the WAL open for the process
    std::mutex mutex;           // guards sequences and constraint numbering
    std::map<std::string, sequence_state> sequences;
    long long next_constraint = 0;
    ~database_state();
};

// session::interrupt() state, shared with the thread that calls it.
struct interrupt_state {
    std::mutex mutex;
    std::condition_variable cv;
    std::atomic<bool> interrupted{false};
    int running = 0;  // SQLite statements stepping now (sqlite3_interrupt only then)
};

// DBMS_OUTPUT's per-session buffer: lines written by a block become visible
// to GET_LINE(S) when the block ends.
struct dbms_output_state {
    bool enabled = false;
    std::deque<std::string> lines;
    std::string partial;      // PUT text not yet ended by NEW_LINE / PUT_LINE
    std::size_t visible = 0;  // lines readable by GET_LINE(S)
};

struct session_state {
    std::shared_ptr<database_state> db;
    sqlite3* conn = nullptr;
    session_attributes attrs;
    nls_settings nls;
    bool in_txn = false;
    std::vector<store_target> targets;  // of the DML being executed
    std::map<std::string, long long> currval;
    catalog_snapshot catalog;
    long long catalog_version = -1;
    interrupt_state intr;
    dbms_output_state output;
    ~session_state();
};

// Marks a SQLite step on `s` as running, so that interrupt() stops it.
class running_guard {
public:
    explicit running_guard(session_state& s);
    ~running_guard();
    running_guard(const running_guard&)            = delete;
    running_guard& operator=(const running_guard&) = delete;

private:
    session_state& s_;
};
// ORA-01013: user requested cancel of current operation
[[nodiscard]] sql_error cancelled_error();

void register_functions(sqlite3* db, session_state* s);
void load_catalog(session_state& s);
// Runs DDL (CREATE/DROP TABLE/SEQUENCE, TRUNCATE); throws ora_exception.
void run_ddl(session_state& s, const std::vector<token>& t);
// Maps the SQLite error of `conn` to an ORA error; `t` is the statement.
[[nodiscard]] sql_error map_sqlite_error(session_state& s, int rc, const std::vector<token>& t,
                                         const translation* tr, char verb);
void exec_sql(sqlite3* db, const std::string& sql);  // throws ora_exception
void begin_write(session_state& s);                  // BEGIN IMMEDIATE unless in a transaction
void end_txn(session_state& s, bool commit);         // COMMIT / ROLLBACK when in one
// The columns of a prepared query; `typed[i]` false when only a row can tell.
std::vector<column_info> describe_columns(session_state& s, sqlite3_stmt* st, const translation& tr,
                                          std::vector<bool>& typed);
[[nodiscard]] column_type type_from_storage(int sqlite_type);
// INSERT/UPDATE/DELETE `t` whose end is `RETURNING exprs` (no INTO): runs it
// and gives the exprs' values for each row touched (DELETE: before it).
void run_dml_returning(const std::shared_ptr<session_state>& owner, const std::vector<token>& t,
                       std::string_view sql, const std::vector<value>& values,
                       std::vector<std::vector<value>>& rows, std::uint64_t& row_count);
// Runs a query or DML (tokens `t` of the text `sql`) with one value per bind
// occurrence into `out` (kind, row_count, rows). Throws ora_exception.
void run_sql(const std::shared_ptr<session_state>& owner, const std::vector<token>& t, std::string_view sql,
             const std::vector<value>& values, execute_result& out);

}  // namespace oranet::emulate

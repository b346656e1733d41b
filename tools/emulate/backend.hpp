// What the wire side needs from the SQL side: a session that executes a
// statement and returns column metadata and rows, commits and rolls back.
// The SQL engine (tools/emulate/engine) implements it; sql_stub.cpp has a
// bare SQLite stand-in used until the engine is wired in.
#pragma once

#include <oranet/proto/types/codec.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::emulate {

// One column as the describe info reports it.
struct column_meta {
    std::string name;
    proto::types::ora_type type = proto::types::ora_type::varchar;
    proto::types::cs_form form  = proto::types::cs_form::implicit;
    std::int16_t precision      = 0;
    std::int16_t scale          = 0;
    std::uint32_t max_size      = 0;  // bytes (VARCHAR2, CHAR, RAW); 0 for fixed-size types
    std::uint32_t max_chars     = 0;  // characters, for text types
    bool nullable               = true;
};

// A bind value as the client sent it (already decoded).
struct wire_bind {
    std::string name;  // empty for positional binds
    value v;
    bool is_array = false;                                              // a PL/SQL index-by table
    std::vector<value> elements;                                        // its IN elements
    std::uint32_t max_elements      = 0;                                // the capacity the client declared
    proto::types::ora_type declared = proto::types::ora_type::varchar;  // the bind's wire type
    // The client's buffer for an OUT value, in bytes (text in the database
    // character set and RAW); 0: unknown (national text is not checked).
    std::uint32_t max_size = 0;
};

enum class bind_dir : std::uint8_t { in, out, in_out };

// A query's metadata and all of its rows (a REF CURSOR or an implicit result).
struct query_rows {
    std::vector<column_meta> columns;
    std::vector<std::vector<value>> rows;
};

// What an execute gives back for one bind (PL/SQL OUT / IN OUT, RETURNING INTO).
struct out_bind {
    bind_dir dir = bind_dir::in;
    value v;
    bool is_array = false;
    std::vector<value> elements;
    std::shared_ptr<query_rows> ref_cursor;  // an opened OUT REF CURSOR
    bool is_returning = false;
    std::vector<value> returning;  // one per row the DML touched
};

struct exec_result {
    int ora_code = 0;     // 0 = success
    std::string message;  // "ORA-00942: table or view does not exist"
    std::uint16_t error_offset = 0;
    bool is_query              = false;
    std::vector<column_meta> columns;
    std::vector<std::vector<value>> rows;  // all rows of a query
    std::uint64_t row_count = 0;           // DML rows affected
    bool is_plsql           = false;
    std::vector<out_bind> binds;               // PL/SQL and DML ... RETURNING: one per bind position
    std::vector<query_rows> implicit_results;  // DBMS_SQL.RETURN_RESULT
};

// How a statement's binds travel: PL/SQL or not, and each position's
// direction (RETURNING INTO binds are OUT; they carry no value on the wire).
struct bind_plan {
    bool known    = false;  // false: the backend cannot tell (run as one statement)
    bool is_plsql = false;
    bool is_query = false;
    std::vector<bind_dir> dirs;
};

// The end-to-end attributes a client changed (piggyback 135); an engaged
// empty string clears one.
struct end_to_end_attrs {
    std::optional<std::string> client_identifier, module, action, client_info;
};

class sql_session {
public:
    virtual ~sql_session()                                                                 = default;
    virtual exec_result execute(std::string_view sql, const std::vector<wire_bind>& binds) = 0;
    // Parses without executing: the statement kind and, for a query, its columns.
    virtual exec_result describe(std::string_view sql) = 0;
    // The statement's kind and bind directions without running it.
    virtual bind_plan plan(std::string_view sql) {
        (void)sql;
        return {};
    }
    virtual exec_result commit()   = 0;
    virtual exec_result rollback() = 0;
    // Uncommitted changes exist (the end-of-call status reports it).
    [[nodiscard]] virtual bool in_transaction() const = 0;
    // What SYS_CONTEXT('USERENV', 'CLIENT_IDENTIFIER' ...) reports from now on.
    virtual void set_end_to_end(const end_to_end_attrs& a) { (void)a; }
    // Thread-safe: the statement running now ends with ORA-01013 (a client's
    // break marker); the flag lasts until clear_interrupt() (a new call).
    virtual void interrupt() noexcept {}
    virtual void clear_interrupt() noexcept {}
};

class sql_backend {
public:
    virtual ~sql_backend() = default;
    // A session for `user` (upper case); `session_id` is what SYS_CONTEXT reports.
    virtual std::unique_ptr<sql_session> open_session(const std::string& user, std::uint32_t session_id,
                                                      std::uint32_t serial, const std::string& service) = 0;
};

// The stand-in backend over SQLite (sql_stub.cpp).
[[nodiscard]] std::unique_ptr<sql_backend> make_stub_backend(const std::string& db_path);

// The SQL engine (tools/emulate/engine) as the backend; nullptr and
// `error` when the database cannot be opened. `sql_boolean`: the BOOLEAN
// column type exists (profile 23), else creating one gives ORA-00902.
[[nodiscard]] std::unique_ptr<sql_backend> make_engine_backend(const std::string& db_path, std::string& error,
                                                               bool sql_boolean = true);

}  // namespace oranet::emulate

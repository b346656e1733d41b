// The parsed form of an anonymous PL/SQL block. Expressions and embedded SQL
// stay token ranges of the block's text: the interpreter rewrites them into
// SQL (locals become binds) and runs them through the SQL engine.
#pragma once

#include "emulate/engine/error.hpp"
#include "emulate/engine/lexer.hpp"
#include "emulate/engine/types.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace oranet::emulate::plsql {

// Tokens [b, e) of the block.
struct range {
    std::size_t b = 0, e = 0;
    [[nodiscard]] bool empty() const noexcept { return b >= e; }
};

// What a declared variable holds.
enum class var_kind { scalar, table, ref_cursor, exception, record };

struct var_type {
    var_kind kind = var_kind::scalar;
    column_type col;           // scalar (or table element) type
    bool integer     = false;  // PLS_INTEGER and friends: whole numbers only
    bool boolean     = false;
    bool string_keys = false;  // table INDEX BY VARCHAR2
};

// An assignment target: `:b`, `v`, `:b(i)` or `v(i)`.
struct target {
    std::string name;  // upper-cased local name or bind name
    bool bind = false;
    range index;  // element index, empty for a whole variable
    std::size_t tok = 0;
};

struct block;

struct stmt {
    enum class kind {
        null_,
        assign,     // tgt := e
        if_,        // conds[i] -> bodies[i], else_body
        for_,       // FOR name IN [REVERSE] e .. e2 LOOP body
        for_query,  // FOR name IN (query e) LOOP body
        case_,      // CASE [selector e] WHEN conds[i] THEN bodies[i] ... [ELSE else_body] END CASE
        while_,     // WHILE conds[0] LOOP body
        loop,       // LOOP body
        exit,       // EXIT [WHEN e]
        continue_,  // CONTINUE [WHEN e]
        return_,    // RETURN
        sql,        // INSERT/UPDATE/DELETE/MERGE/SELECT ... INTO: tokens `e`, INTO targets `into`
        open_for,   // OPEN tgt FOR query `e`
        call,       // name(args)
        block,      // nested block
        raise,      // RAISE [name]
        commit,
        rollback,
        exec_immediate,  // EXECUTE IMMEDIATE e [INTO targets] [USING args]
    };
    kind k          = kind::null_;
    std::size_t tok = 0;  // the first token (for ORA-06512 line numbers)
    target tgt;
    range e, e2;
    bool reverse  = false;
    bool has_else = false;  // CASE: an ELSE branch
    std::string name;       // FOR variable, call name ("DBMS_OUTPUT.PUT_LINE"), raised exception
    std::vector<range> conds;
    std::vector<std::vector<stmt>> bodies;
    std::vector<stmt> body, else_body;
    std::vector<range> args;
    std::vector<target> into;
    std::shared_ptr<block> sub;
};

struct decl {
    std::string name;
    var_type type;
    range init;
    bool constant   = false;
    std::size_t tok = 0;
};

struct handler {
    std::vector<std::string> names;  // NO_DATA_FOUND, ..., OTHERS, or user exceptions
    std::vector<stmt> body;
};

struct block {
    std::vector<decl> decls;
    std::vector<stmt> body;
    std::vector<handler> handlers;
};

// Parses the whole text (`t` from tokenize); throws ora_exception ORA-06550
// (PLS-00103 for syntax it does not accept) with the line and column.
[[nodiscard]] std::shared_ptr<block> parse(const std::vector<token>& t, std::string_view sql);

// "ORA-06550: line L, column C:\n<pls>" for token position `pos`.
[[nodiscard]] sql_error compile_error(std::string_view sql, std::uint32_t pos, const std::string& pls);
// The 1-based line of character offset `pos`.
[[nodiscard]] int line_of(std::string_view sql, std::uint32_t pos);

}  // namespace oranet::emulate::plsql

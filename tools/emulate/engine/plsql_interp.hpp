// The PL/SQL interpreter's runtime (internal to plsql*.cpp).
#pragma once

#include "emulate/engine/plsql_ast.hpp"
#include "emulate/engine/state.hpp"

#include <deque>
#include <map>

namespace oranet::emulate::plsql {

// One variable (a local, a FOR index or a bind slot).
struct cell {
    var_type type;
    bool typed = true;  // binds: false (their values keep the client's type)
    value v;
    std::map<long long, value> ik;    // index-by PLS_INTEGER
    std::map<std::string, value> sk;  // index-by VARCHAR2
    std::unique_ptr<cursor> cur;
    std::vector<std::string> fields;  // a record's field names (cursor FOR loops)
    bool constant         = false;
    std::uint32_t max_out = 0;  // a text/raw bind's buffer size in bytes (0: no limit)
};

enum class flow { normal, exit, cont, ret };

class interp {
public:
    interp(session& ses, std::shared_ptr<session_state> s, const std::vector<token>& t, std::string_view sql,
           execute_result& out)
        : ses_(ses), s_(std::move(s)), t_(t), sql_(sql), out_(out) {}

    void run(const block& b, const bind_values& binds);

private:
    session& ses_;
    std::shared_ptr<session_state> s_;
    const std::vector<token>& t_;
    std::string_view sql_;
    execute_result& out_;
    std::vector<std::pair<std::string, cell*>> scope_;
    std::vector<std::string> bind_names_;
    std::deque<cell> binds_;
    std::uint64_t rowcount_ = 0;
    bool sql_found_         = false;
    bool sql_ran_           = false;
    std::vector<sql_error> handling_;  // the exceptions being handled (SQLCODE / SQLERRM)
    std::size_t fail_tok_ = 0;
    bool fail_tagged_     = false;
    int gen_              = 0;  // generated bind names

    // blocks and statements
    flow exec_block(const block& b);
    flow exec_list(const std::vector<stmt>& l);
    flow exec(const stmt& st);
    flow exec_inner(const stmt& st);
    void exec_sql(const stmt& st);
    void exec_call(const stmt& st);
    void exec_immediate(const stmt& st);
    void check_calls(const block& b);
    void check_calls(const std::vector<stmt>& l);

    // names
    cell* find(const std::string& name);
    cell& bind_cell(const std::string& name);
    cell& resolve(const target& g);
    void assign(const target& g, value v);
    void store(cell& c, value v, const var_type* elem_type);

    // expressions
    value eval(range r, bool want_bool = false);
    bool cond(range r);
    bool equal(const value& a, const value& b);  // a = b as SQL compares (NULL: false)
    bool fast_value(range r, value& out);
    int fast_cond(range r);  // 1 true, 0 false, -1 not handled
    const value* simple_operand(std::size_t i);
    std::vector<token> rewrite(range r, std::vector<value>& vals, std::size_t skip_b = 0,
                               std::size_t skip_e = 0);
    void push_value(std::vector<token>& out, std::vector<value>& vals, value v, std::uint32_t pos);
    value element(cell& c, const value& key, std::uint32_t pos);
    std::unique_ptr<cursor> query(std::vector<token> t, const std::vector<value>& vals);
    [[nodiscard]] value sql_convert(const char* fn, const value& v, const value* second = nullptr);

public:
    // conversions (also used for OUT binds)
    value convert(const value& v, const var_type& to);
    value to_text(const value& v);

private:
    [[noreturn]] void compile_fail(std::uint32_t pos, const std::string& pls);
    void dbms_output(const std::string& proc, const stmt& st);
    void finish_binds(const bind_values& binds);
};

// The var_type a bind's wire type converts to.
[[nodiscard]] var_type type_of_wire(ora_type t);

}  // namespace oranet::emulate::plsql

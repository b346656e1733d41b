// The SQL engine (tools/emulate/engine) behind the wire side's sql_backend.
#include "emulate/backend.hpp"
#include "emulate/engine/engine.hpp"

namespace oranet::emulate {

namespace {

exec_result from_error(const sql_error& e) {
    exec_result r;
    r.ora_code     = e.code;
    r.message      = e.message;
    r.error_offset = static_cast<std::uint16_t>(e.offset);
    return r;
}

using proto::types::ora_type;

column_meta meta_of(const column_info& c);

// All rows of a cursor, with its columns.
sql_error drain(cursor& c, query_rows& q) {
    for (const auto& col : c.columns())
        q.columns.push_back(meta_of(col));
    std::vector<value> row;
    sql_error err;
    while (c.fetch(row, err))
        q.rows.push_back(row);
    return err;
}

// Any bind of the statement is OUT (RETURNING INTO).
bool has_out(std::string_view sql) {
    sql_error err;
    for (auto d : session::bind_directions(sql, err)) {
        if (d != bind_direction::in) return true;
    }
    return false;
}

column_meta meta_of(const column_info& c) {
    column_meta m;
    m.name      = c.name;
    m.type      = c.type.type;
    m.form      = c.type.form;
    m.precision = c.type.precision;
    m.scale     = c.type.scale;
    m.max_size  = c.type.max_bytes;
    m.max_chars = c.type.max_chars;
    m.nullable  = c.type.nullable;
    return m;
}

class engine_session final : public sql_session {
public:
    explicit engine_session(std::unique_ptr<session> s) : s_(std::move(s)) {}

    exec_result execute(std::string_view sql, const std::vector<wire_bind>& binds) override {
        bind_values bv;
        bool slots = false;
        for (const auto& b : binds)
            slots = slots || b.is_array || b.declared == ora_type::cursor;
        if (!slots && !binds.empty()) {
            // PL/SQL and RETURNING INTO need the slot form (directions,
            // declared types); remembered for the rows of an array DML.
            if (sql != slot_sql_) {
                slot_sql_    = std::string(sql);
                slot_needed_ = session::classify(sql) == statement_kind::plsql || has_out(sql);
            }
            slots = slot_needed_;
        }
        if (slots) {
            for (const auto& b : binds) {
                bind_value s;
                s.v            = b.v;
                s.is_array     = b.is_array;
                s.elements     = b.elements;
                s.max_elements = b.max_elements;
                s.declared     = b.declared;
                s.max_size     = b.max_size;
                bv.slots.push_back(std::move(s));
            }
        } else {
            for (const auto& b : binds)
                bv.by_position.push_back(b.v);
        }
        execute_result res;
        if (sql_error e = s_->execute(sql, bv, res)) return from_error(e);
        exec_result r;
        r.is_query  = res.kind == statement_kind::query;
        r.is_plsql  = res.kind == statement_kind::plsql;
        r.row_count = res.row_count;
        if (r.is_query && res.rows) {
            query_rows q;
            if (sql_error e = drain(*res.rows, q)) return from_error(e);
            r.columns = std::move(q.columns);
            r.rows    = std::move(q.rows);
        }
        for (auto& o : res.binds) {
            out_bind ob;
            ob.dir          = o.dir == bind_direction::out      ? bind_dir::out
                              : o.dir == bind_direction::in_out ? bind_dir::in_out
                                                                : bind_dir::in;
            ob.v            = std::move(o.v);
            ob.is_array     = o.is_array;
            ob.elements     = std::move(o.elements);
            ob.is_returning = o.is_returning;
            ob.returning    = std::move(o.returning);
            if (o.ref_cursor) {
                ob.ref_cursor = std::make_shared<query_rows>();
                if (sql_error e = drain(*o.ref_cursor, *ob.ref_cursor)) return from_error(e);
            }
            r.binds.push_back(std::move(ob));
        }
        for (auto& c : res.implicit_results) {
            query_rows q;
            if (c) {
                if (sql_error e = drain(*c, q)) return from_error(e);
            }
            r.implicit_results.push_back(std::move(q));
        }
        return r;
    }
    bind_plan plan(std::string_view sql) override {
        bind_plan p;
        p.known                = true;
        const statement_kind k = session::classify(sql);
        p.is_plsql             = k == statement_kind::plsql;
        p.is_query             = k == statement_kind::query;
        sql_error err;
        for (auto d : session::bind_directions(sql, err))
            p.dirs.push_back(d == bind_direction::out      ? bind_dir::out
                             : d == bind_direction::in_out ? bind_dir::in_out
                                                           : bind_dir::in);
        return p;
    }
    exec_result describe(std::string_view sql) override {
        statement_kind kind = statement_kind::query;
        std::vector<column_info> cols;
        if (sql_error e = s_->describe(sql, kind, cols)) return from_error(e);
        exec_result r;
        r.is_query = kind == statement_kind::query;
        for (const auto& c : cols)
            r.columns.push_back(meta_of(c));
        return r;
    }
    exec_result commit() override {
        if (sql_error e = s_->commit()) return from_error(e);
        return {};
    }
    exec_result rollback() override {
        if (sql_error e = s_->rollback()) return from_error(e);
        return {};
    }
    bool in_transaction() const override { return s_->in_transaction(); }
    void set_end_to_end(const end_to_end_attrs& a) override {
        session_attributes& at = s_->attributes();
        if (a.client_identifier) at.client_identifier = *a.client_identifier;
        if (a.module) at.module = *a.module;
        if (a.action) at.action = *a.action;
        if (a.client_info) at.client_info = *a.client_info;
    }
    void interrupt() noexcept override { s_->interrupt(); }
    void clear_interrupt() noexcept override { s_->clear_interrupt(); }

private:
    std::unique_ptr<session> s_;
    std::string slot_sql_;
    bool slot_needed_ = false;
};

class engine_backend final : public sql_backend {
public:
    engine_backend(std::shared_ptr<database> db, bool sql_boolean)
        : db_(std::move(db)), sql_boolean_(sql_boolean) {}

    std::unique_ptr<sql_session> open_session(const std::string& user, std::uint32_t session_id,
                                              std::uint32_t serial, const std::string& service) override {
        session_attributes a;
        a.user         = user;
        a.sid          = session_id;
        a.serial       = serial;
        a.service_name = service;
        a.sql_boolean  = sql_boolean_;
        sql_error err;
        auto s = std::make_unique<session>(db_, a, err);
        if (err) return nullptr;
        return std::make_unique<engine_session>(std::move(s));
    }

private:
    std::shared_ptr<database> db_;
    bool sql_boolean_;
};

}  // namespace

std::unique_ptr<sql_backend> make_engine_backend(const std::string& db_path, std::string& error,
                                                 bool sql_boolean) {
    database_options o;
    o.path = db_path;
    sql_error err;
    auto db = database::open(o, err);
    if (!db) {
        error = err.message.empty() ? "cannot open the database" : err.message;
        return nullptr;
    }
    return std::make_unique<engine_backend>(std::move(db), sql_boolean);
}

}  // namespace oranet::emulate

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
        for (const auto& b : binds)
            bv.by_position.push_back(b.v);
        execute_result res;
        if (sql_error e = s_->execute(sql, bv, res)) return from_error(e);
        exec_result r;
        r.is_query  = res.kind == statement_kind::query;
        r.row_count = res.row_count;
        if (r.is_query && res.rows) {
            for (const auto& c : res.rows->columns())
                r.columns.push_back(meta_of(c));
            std::vector<value> row;
            sql_error err;
            while (res.rows->fetch(row, err))
                r.rows.push_back(row);
            if (err) return from_error(err);
        }
        return r;
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

#include "emulate/engine/engine.hpp"

#include "emulate/engine/datetime.hpp"
#include "emulate/engine/lexer.hpp"
#include "emulate/engine/plsql.hpp"
#include "emulate/engine/state.hpp"

#include <cstdlib>
#include <unistd.h>

namespace oranet::emulate {
namespace {

constexpr const char* schema_sql =
    "CREATE TABLE IF NOT EXISTS ORANET$COLUMNS (TABLE_NAME TEXT, COLUMN_NAME TEXT, POSITION INTEGER, "
    "DECLARED TEXT, ORA_TYPE INTEGER, MAX_BYTES INTEGER, MAX_CHARS INTEGER, PRECISION_ INTEGER, SCALE "
    "INTEGER, "
    "NULLABLE INTEGER, CHAR_SEMANTICS INTEGER, FORM INTEGER, FLAGS INTEGER, PRIMARY KEY (TABLE_NAME, "
    "COLUMN_NAME));"
    "CREATE TABLE IF NOT EXISTS ORANET$CONSTRAINTS (TABLE_NAME TEXT, NAME TEXT PRIMARY KEY, KIND TEXT, "
    "COLUMNS TEXT, REFERENCES_ TEXT);"
    "CREATE TABLE IF NOT EXISTS ORANET$SEQUENCES (NAME TEXT PRIMARY KEY, START_VALUE INTEGER, INCREMENT "
    "INTEGER);"
    "CREATE TABLE IF NOT EXISTS \"DUAL\" (\"DUMMY\" TEXT);"
    "INSERT INTO \"DUAL\" SELECT 'X' WHERE NOT EXISTS (SELECT 1 FROM \"DUAL\");"
    "INSERT OR IGNORE INTO ORANET$COLUMNS VALUES ('DUAL','DUMMY',1,'VARCHAR2(1)',1,1,1,0,0,1,0,1,0);";

sql_error busy() {
    return make_ora(54, "resource busy and acquire with NOWAIT specified or timeout expired");
}

sqlite3* open_conn(const database_state& d, sql_error& err) {
    sqlite3* c = nullptr;
    int rc     = sqlite3_open_v2(d.path.c_str(), &c,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        err = make_ora(1034, "ORACLE not available");
        sqlite3_close_v2(c);
        return nullptr;
    }
    sqlite3_busy_timeout(c, static_cast<int>(d.busy_timeout.count()));
    sqlite3_extended_result_codes(c, 1);
    return c;
}

statement_kind kind_of(const std::vector<token>& t) {
    const token& f = t[0];
    if (f.is("SELECT") || f.is("WITH") || (f.is_op("(") && t[1].is("SELECT"))) return statement_kind::query;
    if (f.is("INSERT") || f.is("UPDATE") || f.is("DELETE") || f.is("MERGE")) return statement_kind::dml;
    if (f.is("BEGIN") || f.is("DECLARE") || f.is("CALL")) return statement_kind::plsql;
    if (f.is("COMMIT")) return statement_kind::commit;
    if (f.is("ROLLBACK")) return statement_kind::rollback;
    if (f.is("ALTER") && t[1].is("SESSION")) return statement_kind::alter_session;
    return statement_kind::ddl;
}

}  // namespace

void begin_write(session_state& s) {
    if (s.in_txn) return;
    int rc = sqlite3_exec(s.conn, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) throw ora_exception(busy());
    if (rc != SQLITE_OK) exec_sql(s.conn, "BEGIN IMMEDIATE");
    s.in_txn = true;
}

void end_txn(session_state& s, bool commit) {
    if (!s.in_txn) return;
    int rc = sqlite3_exec(s.conn, commit ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK && commit) {
        if ((rc & 0xff) == SQLITE_BUSY) throw ora_exception(busy());
        exec_sql(s.conn, "COMMIT");
    }
    s.in_txn = false;
}

namespace {

std::string string_value(const std::vector<token>& t, std::size_t i) {
    if (t[i].kind == tok::string) return t[i].text;
    if (t[i].kind == tok::ident || t[i].kind == tok::quoted) return t[i].name;
    raise(2248, "invalid option for ALTER SESSION", t[i].pos);
}

void alter_session(session_state& s, const std::vector<token>& t) {
    if (!t[2].is("SET")) unimplemented(t[2].pos);
    std::size_t i = 3;
    while (t[i].kind != tok::end) {
        const token& p = t[i];
        if (!t[i + 1].is_op("=")) raise(2248, "invalid option for ALTER SESSION", p.pos);
        std::string v = string_value(t, i + 2);
        std::string u = v;
        for (auto& c : u)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (p.is("NLS_DATE_FORMAT") || p.is("NLS_TIMESTAMP_FORMAT") || p.is("NLS_TIMESTAMP_TZ_FORMAT")) {
            (void)dt::format(date_time{}, v, 0, p.is("NLS_TIMESTAMP_TZ_FORMAT"));  // ORA-01821 when bad
            (p.is("NLS_DATE_FORMAT")        ? s.nls.date_format
             : p.is("NLS_TIMESTAMP_FORMAT") ? s.nls.timestamp_format
                                            : s.nls.timestamp_tz_format) = v;
        } else if (p.is("TIME_ZONE")) {
            int m = 0;
            if (u == "DBTIMEZONE" || u == "LOCAL")
                m = 0;
            else if (!dt::parse_offset(v, m))
                unimplemented(t[i + 2].pos);  // region names: no zone data here
            s.nls.time_zone_minutes = m;
        } else if ((p.is("NLS_LANGUAGE") && u == "AMERICAN") || (p.is("NLS_TERRITORY") && u == "AMERICA") ||
                   (p.is("CURRENT_SCHEMA") && u == s.attrs.user)) {
            // the defaults: nothing to change
        } else if (p.kind == tok::ident &&
                   (p.name.rfind("NLS_", 0) == 0 || p.is("CURRENT_SCHEMA") || p.is("EDITION") ||
                    p.is("OPTIMIZER_MODE") || p.is("SQL_TRACE") || p.is("STATISTICS_LEVEL"))) {
            unimplemented(p.pos);
        } else {
            raise(2248, "invalid option for ALTER SESSION", p.pos);
        }
        i += 3;
    }
}

// Values per bind occurrence.
std::vector<value> resolve_binds(const std::vector<std::string>& names, const bind_values& b,
                                 const std::vector<token>& t) {
    std::vector<value> r;
    std::size_t k = 0;
    for (const auto& n : names) {
        const value* v = nullptr;
        for (const auto& [bn, bv] : b.by_name) {
            std::string u = bn;
            if (!u.empty() && u[0] == ':') u.erase(0, 1);
            for (auto& c : u)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (u == n || bn == n) v = &bv;
        }
        if (!v && !b.slots.empty() && k < b.slots.size()) v = &b.slots[k].v;
        if (!v && b.slots.empty() && k < b.by_position.size()) v = &b.by_position[k];
        if (!v) {
            std::uint32_t pos = 0;
            std::size_t seen  = 0;
            for (const auto& tk : t)
                if (tk.kind == tok::bind && seen++ == k) pos = tk.pos;
            raise(1008, "not all variables bound", pos);
        }
        r.push_back(*v);
        ++k;
    }
    if (names.empty() && (!b.by_position.empty() || !b.by_name.empty() || !b.slots.empty()))
        raise(1006, "bind variable does not exist");
    return r;
}

}  // namespace

std::vector<column_info> describe_columns(session_state& s, sqlite3_stmt* st, const translation& tr,
                                          std::vector<bool>& typed) {
    int n = sqlite3_column_count(st);
    std::vector<column_info> cols(static_cast<std::size_t>(n));
    typed.assign(static_cast<std::size_t>(n), false);
    bool star = false;
    for (const auto& it : tr.items)
        star |= it.star;
    for (int i = 0; i < n; ++i) {
        auto& c                 = cols[static_cast<std::size_t>(i)];
        c.name                  = sqlite3_column_name(st, i);
        const char* tab         = sqlite3_column_table_name(st, i);
        const char* org         = sqlite3_column_origin_name(st, i);
        const result_item* item = nullptr;
        if (!star && tr.items.size() == static_cast<std::size_t>(n))
            item = &tr.items[static_cast<std::size_t>(i)];
        else
            for (const auto& it : tr.items)
                if (!it.star && it.name == c.name) item = &it;
        bool plain_column = item == nullptr || (item->type && tab && org);
        if (tab && org && plain_column) {
            if (const table_info* ti = s.catalog.table(tab))
                if (const table_column* col = ti->column(org)) {
                    c.type                             = col->type;
                    typed[static_cast<std::size_t>(i)] = true;
                    continue;
                }
        }
        if (item && item->type) {
            c.type                             = *item->type;
            c.type.nullable                    = item->type->nullable;
            typed[static_cast<std::size_t>(i)] = true;
        }
    }
    return cols;
}

column_type type_from_storage(int st) {
    switch (st) {
        case SQLITE_INTEGER:
        case SQLITE_FLOAT: return number_expr();
        case SQLITE_BLOB: return simple_expr(ora_type::raw);
        default: return varchar_expr(4000);
    }
}

database_state::~database_state() {
    if (keeper) sqlite3_close_v2(keeper);
    if (temporary) {
        ::unlink(path.c_str());
        ::unlink((path + "-wal").c_str());
        ::unlink((path + "-shm").c_str());
    }
}

session_state::~session_state() {
    if (conn) {
        if (in_txn) sqlite3_exec(conn, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close_v2(conn);
    }
}

std::shared_ptr<database> database::open(const database_options& o, sql_error& err) {
    auto st          = std::make_shared<database_state>();
    st->busy_timeout = o.busy_timeout;
    if (o.path == ":memory:" || o.path.empty()) {
        char tmpl[] = "/tmp/oranet-emulate-XXXXXX";
        int fd      = ::mkstemp(tmpl);
        if (fd < 0) {
            err = make_ora(1034, "ORACLE not available");
            return nullptr;
        }
        ::close(fd);
        st->path      = tmpl;
        st->temporary = true;
    } else {
        st->path = o.path;
    }
    st->keeper = open_conn(*st, err);
    if (!st->keeper) return nullptr;
    try {
        exec_sql(st->keeper, "PRAGMA journal_mode=WAL");
        exec_sql(st->keeper, std::string("BEGIN IMMEDIATE;") + schema_sql + "COMMIT;");
        sqlite3_stmt* q = nullptr;
        sqlite3_prepare_v2(st->keeper, "SELECT NAME, START_VALUE, INCREMENT FROM ORANET$SEQUENCES", -1, &q,
                           nullptr);
        while (sqlite3_step(q) == SQLITE_ROW)
            st->sequences[reinterpret_cast<const char*>(sqlite3_column_text(q, 0))] =
                sequence_state{sqlite3_column_int64(q, 1), sqlite3_column_int64(q, 2)};
        sqlite3_finalize(q);
        sqlite3_prepare_v2(st->keeper, "SELECT COUNT(*) FROM ORANET$CONSTRAINTS", -1, &q, nullptr);
        if (sqlite3_step(q) == SQLITE_ROW) st->next_constraint = 8000 + sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    } catch (const ora_exception& e) {
        err = e.error;
        return nullptr;
    }
    std::shared_ptr<database> db(new database());
    db->state_ = std::move(st);
    return db;
}

database::~database() = default;
const std::string& database::path() const noexcept { return state_->path; }

session::session(std::shared_ptr<database> db, session_attributes attrs, sql_error& err)
    : db_(std::move(db)) {
    state_        = std::make_shared<session_state>();
    state_->db    = db_->state_;
    state_->attrs = std::move(attrs);
    state_->conn  = open_conn(*state_->db, err);
    if (!state_->conn) return;
    sqlite3_exec(state_->conn, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
    register_functions(state_->conn, state_.get());
}

session::~session() = default;

session_attributes& session::attributes() noexcept { return state_->attrs; }
nls_settings& session::nls() noexcept { return state_->nls; }
bool session::in_transaction() const noexcept { return state_->in_txn; }

sql_error session::commit() {
    try {
        end_txn(*state_, true);
    } catch (const ora_exception& e) {
        return e.error;
    }
    return {};
}

sql_error session::rollback() {
    try {
        end_txn(*state_, false);
    } catch (const ora_exception& e) {
        return e.error;
    }
    return {};
}

statement_kind session::classify(std::string_view sql) {
    try {
        return kind_of(tokenize(sql));
    } catch (const ora_exception&) {
        return statement_kind::ddl;
    }
}

std::vector<std::string> session::bind_names(std::string_view sql, sql_error& err) {
    try {
        return bind_occurrences(tokenize(sql));
    } catch (const ora_exception& e) {
        err = e.error;
        return {};
    }
}

sql_error session::describe(std::string_view sql, statement_kind& kind, std::vector<column_info>& columns) {
    session_state& s = *state_;
    try {
        auto t = tokenize(sql);
        kind   = kind_of(t);
        columns.clear();
        if (kind != statement_kind::query) return {};
        load_catalog(s);
        std::vector<column_type> no_binds;
        translation tr   = translate(t, translate_context{s.catalog, no_binds, s.attrs.user});
        sqlite3_stmt* st = nullptr;
        int rc           = sqlite3_prepare_v2(s.conn, tr.sql.c_str(), -1, &st, nullptr);
        if (rc != SQLITE_OK) return map_sqlite_error(s, rc, t, &tr, 'S');
        std::vector<bool> typed;
        columns = describe_columns(s, st, tr, typed);
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (!typed[i]) columns[i].type = varchar_expr(4000);
        sqlite3_finalize(st);
    } catch (const ora_exception& e) {
        return e.error;
    }
    return {};
}

sql_error session::execute(std::string_view sql, const bind_values& binds, execute_result& out) {
    session_state& s = *state_;
    out              = execute_result{};
    sqlite3_stmt* st = nullptr;
    if (s.intr.interrupted) return cancelled_error();
    running_guard running(s);
    try {
        auto t = tokenize(sql);
        if (t[0].kind == tok::end) raise(900, "invalid SQL statement", 0);
        out.kind = kind_of(t);
        if (out.kind == statement_kind::plsql) {
            run_plsql(*this, state_, t, sql, binds, out);
            return {};
        }
        for (const auto& k : t)
            if (k.is_op(";") || k.is_op("?") || k.is_op("[") || k.is_op("]") || k.is_op("{") ||
                k.is_op("}") || k.is_op("`"))
                raise(911, "invalid character", k.pos);
        out.kind = kind_of(t);
        switch (out.kind) {
            case statement_kind::commit:
                if (t[1].kind != tok::end && !t[1].is("WORK")) unimplemented(t[1].pos);
                end_txn(s, true);
                return {};
            case statement_kind::rollback:
                if (t[1].kind != tok::end && !t[1].is("WORK")) unimplemented(t[1].pos);
                end_txn(s, false);
                return {};
            case statement_kind::alter_session: alter_session(s, t); return {};
            case statement_kind::plsql: unimplemented(t[0].pos);
            case statement_kind::ddl: {
                end_txn(s, true);  // DDL commits what came before
                begin_write(s);
                try {
                    run_ddl(s, t);
                } catch (...) {
                    end_txn(s, false);
                    throw;
                }
                end_txn(s, true);
                return {};
            }
            default: break;
        }
        if (t[0].is("MERGE")) unimplemented(t[0].pos);
        load_catalog(s);
        auto values = resolve_binds(bind_occurrences(t), binds, t);
        if (out.kind == statement_kind::dml && has_returning_into(t))
            run_returning_into(*this, state_, t, sql, values, binds, out);
        else
            run_sql(state_, t, sql, values, out);
    } catch (const ora_exception& e) {
        if (st) sqlite3_finalize(st);
        return e.error;
    }
    return {};
}

struct cursor::engine_access {
    static void run(const std::shared_ptr<session_state>& owner, const std::vector<token>& t,
                    std::string_view sql, const std::vector<value>& values, execute_result& out);
};

void run_sql(const std::shared_ptr<session_state>& owner, const std::vector<token>& t, std::string_view sql,
             const std::vector<value>& values, execute_result& out) {
    cursor::engine_access::run(owner, t, sql, values, out);
}

void cursor::engine_access::run(const std::shared_ptr<session_state>& owner, const std::vector<token>& t,
                                std::string_view sql, const std::vector<value>& values, execute_result& out) {
    session_state& s = *owner;
    sqlite3_stmt* st = nullptr;
    out.kind         = kind_of(t);
    try {
        std::vector<column_type> types;
        for (const auto& v : values)
            types.push_back(bind_type(v));
        translation tr = translate(t, translate_context{s.catalog, types, s.attrs.user});
        if (out.kind == statement_kind::dml) begin_write(s);
        int rc = sqlite3_prepare_v2(s.conn, tr.sql.c_str(), -1, &st, nullptr);
        if (rc != SQLITE_OK) throw ora_exception(map_sqlite_error(s, rc, t, &tr, tr.verb));
        for (std::size_t i = 0; i < values.size(); ++i)
            bind_storage(st, static_cast<int>(i + 1), values[i]);
        s.targets = tr.targets;
        if (out.kind == statement_kind::dml) {
            while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            }
            if (rc != SQLITE_DONE) {
                sql_error e = map_sqlite_error(s, rc, t, &tr, tr.verb);
                sqlite3_finalize(std::exchange(st, nullptr));
                throw ora_exception(e);
            }
            out.row_count = static_cast<std::uint64_t>(sqlite3_changes64(s.conn));
            sqlite3_finalize(std::exchange(st, nullptr));
            return;
        }
        std::vector<bool> typed;
        auto cols = describe_columns(s, st, tr, typed);
        std::unique_ptr<cursor> c(new cursor());
        c->owner_      = owner;
        c->stmt_       = st;
        c->sql_        = std::string(sql);
        st             = nullptr;
        bool all_typed = true;
        for (bool b : typed)
            all_typed &= b;
        if (!all_typed) {
            auto* cs = static_cast<sqlite3_stmt*>(c->stmt_);
            rc       = sqlite3_step(cs);
            if (rc == SQLITE_ROW) {
                for (std::size_t i = 0; i < cols.size(); ++i)
                    if (!typed[i])
                        cols[i].type = type_from_storage(sqlite3_column_type(cs, static_cast<int>(i)));
                c->pending_.resize(cols.size());
                for (std::size_t i = 0; i < cols.size(); ++i)
                    c->pending_[i] = load_value(cs, static_cast<int>(i), cols[i].type, s.nls);
                c->has_pending_ = true;
            } else if (rc == SQLITE_DONE) {
                for (std::size_t i = 0; i < cols.size(); ++i)
                    if (!typed[i]) cols[i].type = varchar_expr(4000);
                c->done_ = true;
            } else {
                throw ora_exception(map_sqlite_error(s, rc, t, &tr, 'S'));
            }
        }
        c->columns_ = std::move(cols);
        out.rows    = std::move(c);
    } catch (...) {
        if (st) sqlite3_finalize(st);
        throw;
    }
}

cursor::~cursor() { close(); }

void cursor::close() {
    if (stmt_) sqlite3_finalize(static_cast<sqlite3_stmt*>(stmt_));
    stmt_ = nullptr;
    done_ = true;
}

bool cursor::fetch(std::vector<value>& row, sql_error& err) {
    err = {};
    if (has_pending_) {
        row          = std::move(pending_);
        has_pending_ = false;
        ++fetched_;
        return true;
    }
    if (done_ || !stmt_) return false;
    auto* st = static_cast<sqlite3_stmt*>(stmt_);
    if (owner_->intr.interrupted) {
        err   = cancelled_error();
        done_ = true;
        close();
        return false;
    }
    int rc = 0;
    {
        running_guard running(*owner_);
        rc = sqlite3_step(st);
    }
    if (rc == SQLITE_ROW) {
        row.resize(columns_.size());
        try {
            for (std::size_t i = 0; i < columns_.size(); ++i)
                row[i] = load_value(st, static_cast<int>(i), columns_[i].type, owner_->nls);
        } catch (const ora_exception& e) {
            err = e.error;
            return false;
        }
        ++fetched_;
        return true;
    }
    done_ = true;
    if (rc != SQLITE_DONE) {
        std::vector<token> t;
        try {
            t = tokenize(sql_);
        } catch (const ora_exception&) {
        }
        err = map_sqlite_error(*owner_, rc, t, nullptr, 'S');
    }
    close();
    return false;
}

}  // namespace oranet::emulate

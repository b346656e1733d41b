// DDL, the catalog tables and the mapping of SQLite errors to ORA errors.
#include "emulate/engine/error.hpp"
#include "emulate/engine/state.hpp"

#include <cstring>
#include <sstream>

namespace oranet::emulate {
namespace {

struct stmt_guard {
    sqlite3_stmt* s = nullptr;
    ~stmt_guard() { sqlite3_finalize(s); }
};

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
        std::string m = sqlite3_errmsg(db);
        raise(600, "internal error code, arguments: [catalog], [" + m + "]");
    }
    return s;
}

std::string col_text(sqlite3_stmt* s, int i) {
    const auto* p = sqlite3_column_text(s, i);
    return p ? reinterpret_cast<const char*>(p) : "";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string r;
    for (const auto& x : v)
        r += (r.empty() ? "" : sep) + x;
    return r;
}

std::size_t close_of(const std::vector<token>& t, std::size_t i) {
    int depth = 0;
    for (std::size_t j = i; j < t.size(); ++j) {
        if (t[j].is_op("("))
            ++depth;
        else if (t[j].is_op(")") && --depth == 0)
            return j;
    }
    raise(907, "missing right parenthesis", t.back().pos);
}

std::string name_at(const std::vector<token>& t, std::size_t& i) {
    if (t[i].kind != tok::ident && t[i].kind != tok::quoted) raise(903, "invalid table name", t[i].pos);
    if (t[i + 1].is_op(".")) i += 2;  // schema qualifier
    if (t[i].kind != tok::ident && t[i].kind != tok::quoted) raise(903, "invalid table name", t[i].pos);
    return t[i++].name;
}

bool object_exists(session_state& s, const std::string& n) {
    return s.catalog.table(n) != nullptr || s.catalog.sequences.count(n) != 0;
}

std::string next_constraint_name(session_state& s) {
    std::lock_guard<std::mutex> lock(s.db->mutex);
    return "SYS_C00" + std::to_string(++s.db->next_constraint);
}

// Column names of a parenthesised list at t[i] == "(".
std::vector<std::string> name_list(const std::vector<token>& t, std::size_t& i) {
    if (!t[i].is_op("(")) raise(906, "missing left parenthesis", t[i].pos);
    std::size_t close = close_of(t, i);
    std::vector<std::string> r;
    for (std::size_t j = i + 1; j < close; ++j)
        if (!t[j].is_op(",")) r.push_back(t[j].name);
    i = close + 1;
    return r;
}

void create_table(session_state& s, const std::vector<token>& t, std::size_t i) {
    std::size_t name_pos = i;
    std::string table    = name_at(t, i);
    if (object_exists(s, table) || table == "DUAL")
        raise(955, "name is already used by an existing object", t[name_pos].pos);
    if (t[i].is("AS")) unimplemented(t[i].pos);
    if (!t[i].is_op("(")) raise(906, "missing left parenthesis", t[i].pos);
    std::size_t close = close_of(t, i);
    table_info info;
    info.name = table;
    std::vector<std::string> defs;
    std::vector<std::string> checks;  // SQLite CHECK texts
    ++i;
    while (i < close) {
        std::string cname;
        if (t[i].is("CONSTRAINT")) {
            cname = t[i + 1].name;
            i += 2;
        }
        if (t[i].is("PRIMARY") || t[i].is("UNIQUE") || t[i].is("CHECK") || t[i].is("FOREIGN")) {
            table_constraint c;
            c.name = cname.empty() ? next_constraint_name(s) : cname;
            if (t[i].is("CHECK")) {
                std::size_t b = i + 1, e = close_of(t, b);
                std::string text;
                for (std::size_t j = b; j <= e; ++j)
                    text += (t[j].kind == tok::string   ? quote_string(t[j].text)
                             : t[j].kind == tok::quoted ? quote_ident(t[j].name)
                                                        : t[j].text) +
                            " ";
                c.kind = 'C';
                defs.push_back("CONSTRAINT " + quote_ident(c.name) + " CHECK " + text);
                i = e + 1;
            } else if (t[i].is("FOREIGN")) {
                i += 2;  // FOREIGN KEY
                c.kind    = 'R';
                c.columns = name_list(t, i);
                if (!t[i].is("REFERENCES")) raise(905, "missing keyword", t[i].pos);
                ++i;
                c.references = name_at(t, i);
                std::vector<std::string> pcols;
                if (t[i].is_op("(")) pcols = name_list(t, i);
                std::vector<std::string> q, pq;
                for (auto& x : c.columns)
                    q.push_back(quote_ident(x));
                for (auto& x : pcols)
                    pq.push_back(quote_ident(x));
                defs.push_back("CONSTRAINT " + quote_ident(c.name) + " FOREIGN KEY (" + join(q, ",") +
                               ") REFERENCES " + quote_ident(c.references) +
                               (pq.empty() ? "" : "(" + join(pq, ",") + ")"));
            } else {
                c.kind = t[i].is("PRIMARY") ? 'P' : 'U';
                i += c.kind == 'P' ? 2 : 1;
                c.columns = name_list(t, i);
                std::vector<std::string> q;
                for (auto& x : c.columns)
                    q.push_back(quote_ident(x));
                defs.push_back("CONSTRAINT " + quote_ident(c.name) +
                               (c.kind == 'P' ? " PRIMARY KEY (" : " UNIQUE (") + join(q, ",") + ")");
                if (c.kind == 'P')
                    for (auto& x : c.columns)
                        for (auto& col : info.columns)
                            if (col.name == x) col.type.nullable = false;
            }
            info.constraints.push_back(c);
        } else {
            if (!cname.empty()) raise(902, "invalid datatype", t[i].pos);
            table_column col;
            if (t[i].kind != tok::ident && t[i].kind != tok::quoted)
                raise(904, "invalid identifier", t[i].pos);
            col.name = t[i].name;
            if (info.column(col.name)) raise(957, "duplicate column name", t[i].pos);
            ++i;
            const std::size_t type_at = i;
            col.type                  = parse_type(t, i);
            // SQL BOOLEAN is a 23ai type: older releases do not know the name.
            if (col.type.type == ora_type::boolean && !s.attrs.sql_boolean)
                raise(902, "invalid datatype", t[type_at].pos);
            std::string def = quote_ident(col.name) + " " + sqlite_decl(col.type);
            while (i < close && !t[i].is_op(",")) {
                std::string ccname;
                if (t[i].is("CONSTRAINT")) {
                    ccname = t[i + 1].name;
                    i += 2;
                }
                if (t[i].is("NOT") && t[i + 1].is("NULL")) {
                    col.type.nullable = false;
                    def += " NOT NULL";
                    i += 2;
                } else if (t[i].is("NULL")) {
                    ++i;
                } else if (t[i].is("PRIMARY") || t[i].is("UNIQUE")) {
                    table_constraint c;
                    c.kind    = t[i].is("PRIMARY") ? 'P' : 'U';
                    c.name    = ccname.empty() ? next_constraint_name(s) : ccname;
                    c.columns = {col.name};
                    def +=
                        " CONSTRAINT " + quote_ident(c.name) + (c.kind == 'P' ? " PRIMARY KEY" : " UNIQUE");
                    if (c.kind == 'P') {
                        col.type.nullable = false;
                        def += " NOT NULL";
                    }
                    info.constraints.push_back(c);
                    i += c.kind == 'P' ? 2 : 1;
                } else if (t[i].is("DEFAULT")) {
                    std::size_t b = ++i;
                    int depth     = 0;
                    while (i < close &&
                           !(depth == 0 && (t[i].is_op(",") || t[i].is("NOT") || t[i].is("CONSTRAINT") ||
                                            t[i].is("PRIMARY") || t[i].is("UNIQUE") || t[i].is("CHECK") ||
                                            t[i].is("NULL") || t[i].is("REFERENCES")))) {
                        if (t[i].is_op("(")) ++depth;
                        if (t[i].is_op(")")) --depth;
                        ++i;
                    }
                    if (i == b + 1 && t[b].kind == tok::number)
                        def += " DEFAULT " + quote_string(t[b].text);
                    else if (i == b + 1 && t[b].kind == tok::string)
                        def += " DEFAULT " + quote_string(t[b].text);
                    else if (i == b + 1 && t[b].is("SYSDATE"))
                        def += " DEFAULT (ora_sysdate())";
                    else if (i == b + 1 && t[b].is("SYSTIMESTAMP"))
                        def += " DEFAULT (ora_systimestamp())";
                    else if (i == b + 1 && t[b].is("NULL")) {
                    } else
                        unimplemented(t[b].pos);
                } else if (t[i].is("CHECK")) {
                    std::size_t b = i + 1, e = close_of(t, b);
                    std::string text;
                    for (std::size_t j = b; j <= e; ++j)
                        text += (t[j].kind == tok::string   ? quote_string(t[j].text)
                                 : t[j].kind == tok::quoted ? quote_ident(t[j].name)
                                                            : t[j].text) +
                                " ";
                    table_constraint c;
                    c.kind = 'C';
                    c.name = ccname.empty() ? next_constraint_name(s) : ccname;
                    def += " CONSTRAINT " + quote_ident(c.name) + " CHECK " + text;
                    info.constraints.push_back(c);
                    i = e + 1;
                } else if (t[i].is("REFERENCES")) {
                    ++i;
                    table_constraint c;
                    c.kind       = 'R';
                    c.name       = ccname.empty() ? next_constraint_name(s) : ccname;
                    c.columns    = {col.name};
                    c.references = name_at(t, i);
                    std::vector<std::string> pcols;
                    if (t[i].is_op("(")) pcols = name_list(t, i);
                    def += " CONSTRAINT " + quote_ident(c.name) + " REFERENCES " + quote_ident(c.references) +
                           (pcols.empty() ? "" : "(" + quote_ident(pcols[0]) + ")");
                    info.constraints.push_back(c);
                } else {
                    unimplemented(t[i].pos);
                }
            }
            defs.push_back(def);
            info.columns.push_back(col);
        }
        if (t[i].is_op(",")) ++i;
    }
    if (info.columns.empty()) raise(904, "invalid identifier", t[close].pos);
    for (std::size_t j = close + 1; t[j].kind != tok::end; ++j)
        if (!t[j].is("PURGE")) unimplemented(t[j].pos);  // storage clauses etc.
    // Constraint columns that are not columns.
    for (const auto& c : info.constraints)
        for (const auto& x : c.columns)
            if (!info.column(x)) raise(904, "\"" + x + "\": invalid identifier");
    // Columns made NOT NULL by a later PRIMARY KEY clause.
    std::vector<std::string> final_defs;
    std::size_t col_index = 0;
    for (auto& d : defs) {
        if (d.rfind("CONSTRAINT", 0) != 0 && col_index < info.columns.size()) {
            if (!info.columns[col_index].type.nullable && d.find(" NOT NULL") == std::string::npos)
                d += " NOT NULL";
            ++col_index;
        }
        final_defs.push_back(d);
    }
    exec_sql(s.conn, "CREATE TABLE " + quote_ident(table) + " (" + join(final_defs, ", ") + ")");
    stmt_guard ins{prepare(s.conn, "INSERT INTO ORANET$COLUMNS VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")};
    int pos = 0;
    for (const auto& c : info.columns) {
        sqlite3_reset(ins.s);
        const column_type& ty = c.type;
        sqlite3_bind_text(ins.s, 1, table.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins.s, 2, c.name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins.s, 3, ++pos);
        sqlite3_bind_text(ins.s, 4, ty.declared.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins.s, 5, static_cast<int>(ty.type));
        sqlite3_bind_int64(ins.s, 6, ty.max_bytes);
        sqlite3_bind_int64(ins.s, 7, ty.max_chars);
        sqlite3_bind_int(ins.s, 8, ty.precision);
        sqlite3_bind_int(ins.s, 9, ty.scale);
        sqlite3_bind_int(ins.s, 10, ty.nullable);
        sqlite3_bind_int(ins.s, 11, ty.char_semantics);
        sqlite3_bind_int(ins.s, 12, static_cast<int>(ty.form));
        sqlite3_bind_int(ins.s, 13, (ty.is_float ? 1 : 0) | (ty.is_long ? 2 : 0) | (ty.is_nclob ? 4 : 0));
        if (sqlite3_step(ins.s) != SQLITE_DONE) raise(600, "internal error code, arguments: [catalog]");
    }
    stmt_guard con{prepare(s.conn, "INSERT INTO ORANET$CONSTRAINTS VALUES (?,?,?,?,?)")};
    for (const auto& c : info.constraints) {
        sqlite3_reset(con.s);
        std::string kind(1, c.kind), cols = join(c.columns, ",");
        sqlite3_bind_text(con.s, 1, table.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(con.s, 2, c.name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(con.s, 3, kind.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(con.s, 4, cols.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(con.s, 5, c.references.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(con.s) != SQLITE_DONE) raise(600, "internal error code, arguments: [catalog]");
    }
}

}  // namespace

void exec_sql(sqlite3* db, const std::string& sql) {
    char* msg = nullptr;
    int rc    = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        std::string m = msg ? msg : sqlite3_errstr(rc);
        sqlite3_free(msg);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            raise(54, "resource busy and acquire with NOWAIT specified or timeout expired");
        if (m.rfind("ORA-", 0) == 0) raise(std::atoi(m.c_str() + 4), m.substr(11));
        raise(600, "internal error code, arguments: [sqlite], [" + m + "]");
    }
}

static void load_tables(session_state& s) {
    stmt_guard v{prepare(s.conn, "PRAGMA schema_version")};
    long long version = sqlite3_step(v.s) == SQLITE_ROW ? sqlite3_column_int64(v.s, 0) : -2;
    if (version == s.catalog_version) return;
    catalog_snapshot cat;
    stmt_guard q{prepare(s.conn, "SELECT * FROM ORANET$COLUMNS ORDER BY TABLE_NAME, POSITION")};
    while (sqlite3_step(q.s) == SQLITE_ROW) {
        std::string table = col_text(q.s, 0);
        table_info& ti    = cat.tables[table];
        ti.name           = table;
        table_column c;
        c.name                = col_text(q.s, 1);
        c.type.declared       = col_text(q.s, 3);
        c.type.type           = static_cast<ora_type>(sqlite3_column_int(q.s, 4));
        c.type.max_bytes      = static_cast<std::uint32_t>(sqlite3_column_int64(q.s, 5));
        c.type.max_chars      = static_cast<std::uint32_t>(sqlite3_column_int64(q.s, 6));
        c.type.precision      = static_cast<std::int16_t>(sqlite3_column_int(q.s, 7));
        c.type.scale          = static_cast<std::int16_t>(sqlite3_column_int(q.s, 8));
        c.type.nullable       = sqlite3_column_int(q.s, 9) != 0;
        c.type.char_semantics = sqlite3_column_int(q.s, 10) != 0;
        c.type.form           = static_cast<cs_form>(sqlite3_column_int(q.s, 11));
        int flags             = sqlite3_column_int(q.s, 12);
        c.type.is_float       = flags & 1;
        c.type.is_long        = flags & 2;
        c.type.is_nclob       = flags & 4;
        ti.columns.push_back(c);
    }
    stmt_guard k{prepare(s.conn, "SELECT * FROM ORANET$CONSTRAINTS")};
    while (sqlite3_step(k.s) == SQLITE_ROW) {
        table_constraint c;
        c.name           = col_text(k.s, 1);
        c.kind           = col_text(k.s, 2)[0];
        std::string cols = col_text(k.s, 3);
        std::stringstream ss(cols);
        for (std::string x; std::getline(ss, x, ',');)
            c.columns.push_back(x);
        c.references = col_text(k.s, 4);
        cat.tables[col_text(k.s, 0)].constraints.push_back(c);
    }
    s.catalog         = std::move(cat);
    s.catalog_version = version;
}

void load_catalog(session_state& s) {
    load_tables(s);
    // Sequences live in the database object (they are not transactional).
    std::lock_guard<std::mutex> lock(s.db->mutex);
    s.catalog.sequences.clear();
    for (const auto& [name, st] : s.db->sequences)
        s.catalog.sequences[name] = true;
}

void run_ddl(session_state& s, const std::vector<token>& t) {
    load_catalog(s);
    if (t[0].is("CREATE") && t[1].is("TABLE")) return create_table(s, t, 2);
    if (t[0].is("CREATE") && t[1].is("SEQUENCE")) {
        std::size_t i    = 2;
        std::size_t npos = i;
        std::string name = name_at(t, i);
        if (object_exists(s, name)) raise(955, "name is already used by an existing object", t[npos].pos);
        long long start = 1, inc = 1;
        while (t[i].kind != tok::end) {
            auto num = [&](std::size_t& j) {
                bool neg = t[j].is_op("-");
                if (neg) ++j;
                if (t[j].kind != tok::number) raise(2017, "integer value required", t[j].pos);
                long long v = std::stoll(t[j++].text);
                return neg ? -v : v;
            };
            if (t[i].is("START") && t[i + 1].is("WITH")) {
                i += 2;
                start = num(i);
            } else if (t[i].is("INCREMENT") && t[i + 1].is("BY")) {
                i += 2;
                inc = num(i);
                if (inc == 0) raise(4002, "INCREMENT must be a non-zero integer", t[i - 1].pos);
            } else if (t[i].is("NOCACHE") || t[i].is("NOCYCLE") || t[i].is("NOORDER") || t[i].is("ORDER")) {
                ++i;
            } else if (t[i].is("CACHE")) {
                i += 2;
            } else {
                unimplemented(t[i].pos);
            }
        }
        stmt_guard ins{prepare(s.conn, "INSERT INTO ORANET$SEQUENCES VALUES (?,?,?)")};
        sqlite3_bind_text(ins.s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ins.s, 2, start);
        sqlite3_bind_int64(ins.s, 3, inc);
        if (sqlite3_step(ins.s) != SQLITE_DONE) raise(600, "internal error code, arguments: [catalog]");
        std::lock_guard<std::mutex> lock(s.db->mutex);
        s.db->sequences[name] = sequence_state{start, inc};
        return;
    }
    if (t[0].is("DROP") && t[1].is("SEQUENCE")) {
        std::size_t i = 2, npos = 2;
        std::string name = name_at(t, i);
        if (!s.catalog.sequences.count(name)) raise(2289, "sequence does not exist", t[npos].pos);
        stmt_guard del{prepare(s.conn, "DELETE FROM ORANET$SEQUENCES WHERE NAME = ?")};
        sqlite3_bind_text(del.s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(del.s);
        std::lock_guard<std::mutex> lock(s.db->mutex);
        s.db->sequences.erase(name);
        return;
    }
    if ((t[0].is("DROP") || t[0].is("TRUNCATE")) && t[1].is("TABLE")) {
        std::size_t i = 2, npos = 2;
        std::string name = name_at(t, i);
        if (!s.catalog.table(name) || name == "DUAL") raise(942, "table or view does not exist", t[npos].pos);
        while (t[i].is("PURGE") || t[i].is("CASCADE") || t[i].is("CONSTRAINTS") || t[i].is("DROP") ||
               t[i].is("STORAGE") || t[i].is("REUSE"))
            ++i;
        if (t[i].kind != tok::end) raise(933, "SQL command not properly ended", t[i].pos);
        if (t[0].is("TRUNCATE")) return exec_sql(s.conn, "DELETE FROM " + quote_ident(name));
        exec_sql(s.conn, "DROP TABLE " + quote_ident(name));
        for (const char* tbl : {"ORANET$COLUMNS", "ORANET$CONSTRAINTS"}) {
            stmt_guard del{
                prepare(s.conn, (std::string("DELETE FROM ") + tbl + " WHERE TABLE_NAME = ?").c_str())};
            sqlite3_bind_text(del.s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_step(del.s);
        }
        return;
    }
    if (t[0].is("CREATE") || t[0].is("DROP") || t[0].is("ALTER") || t[0].is("TRUNCATE") ||
        t[0].is("COMMENT") || t[0].is("GRANT") || t[0].is("REVOKE") || t[0].is("RENAME"))
        unimplemented(t[1].pos);
    raise(900, "invalid SQL statement", t[0].pos);
}

namespace {

std::uint32_t find_name(const std::vector<token>& t, const std::string& name, const std::string& qual = "") {
    for (std::size_t i = 0; i < t.size(); ++i) {
        if ((t[i].kind == tok::ident || t[i].kind == tok::quoted) && t[i].name == name) {
            if (qual.empty()) return t[i].pos;
            if (i >= 2 && t[i - 1].is_op(".") && t[i - 2].name == qual) return t[i - 2].pos;
        }
    }
    return 0;
}

std::string upper(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

sql_error map_sqlite_error(session_state& s, int rc, const std::vector<token>& t, const translation* tr,
                           char verb) {
    std::string m             = sqlite3_errmsg(s.conn);
    int ext                   = sqlite3_extended_errcode(s.conn);
    const std::string& schema = s.attrs.user;
    if ((rc & 0xff) == SQLITE_INTERRUPT) return cancelled_error();
    if (m.rfind("ORA-", 0) == 0) return sql_error{std::atoi(m.c_str() + 4), m, 0};
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || (rc & 0xff) == SQLITE_BUSY)
        return make_ora(54, "resource busy and acquire with NOWAIT specified or timeout expired");
    auto after = [&](const char* prefix) -> std::string {
        auto p = m.find(prefix);
        return p == std::string::npos ? std::string() : m.substr(p + std::strlen(prefix));
    };
    if (m.rfind("no such table: ", 0) == 0) {
        std::string n = upper(after("no such table: "));
        if (n.rfind("MAIN.", 0) == 0) n = n.substr(5);
        return make_ora(942, "table or view does not exist", find_name(t, n));
    }
    if (m.rfind("no such column: ", 0) == 0 || m.rfind("no such function: ", 0) == 0) {
        std::string n = upper(after(": "));
        auto dot      = n.find('.');
        if (dot != std::string::npos) {
            std::string q = n.substr(0, dot), c = n.substr(dot + 1);
            return make_ora(904, "\"" + q + "\".\"" + c + "\": invalid identifier", find_name(t, c, q));
        }
        return make_ora(904, "\"" + n + "\": invalid identifier", find_name(t, n));
    }
    if (m.rfind("ambiguous column name: ", 0) == 0) {
        std::string n = upper(after(": "));
        return make_ora(918, "column ambiguously defined", find_name(t, n.substr(n.find('.') + 1)));
    }
    if (ext == SQLITE_CONSTRAINT_NOTNULL) {
        std::string n = after("failed: ");
        auto dot      = n.find('.');
        std::string q = "(\"" + schema + "\".\"" + n.substr(0, dot) + "\".\"" + n.substr(dot + 1) + "\")";
        if (verb == 'U') return make_ora(1407, "cannot update " + q + " to NULL");
        return make_ora(1400, "cannot insert NULL into " + q);
    }
    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
        std::string n = after("failed: ");
        std::string table;
        std::vector<std::string> cols;
        std::stringstream ss(n);
        for (std::string x; std::getline(ss, x, ',');) {
            while (!x.empty() && x[0] == ' ')
                x.erase(0, 1);
            auto dot = x.find('.');
            table    = x.substr(0, dot);
            cols.push_back(x.substr(dot + 1));
        }
        std::string cname = "SYS_C00";
        load_catalog(s);
        if (const table_info* ti = s.catalog.table(table))
            for (const auto& c : ti->constraints)
                if ((c.kind == 'P' || c.kind == 'U') && c.columns == cols) cname = c.name;
        return make_ora(1, "unique constraint (" + schema + "." + cname + ") violated");
    }
    if (ext == SQLITE_CONSTRAINT_CHECK) {
        return make_ora(2290, "check constraint (" + schema + "." + after("failed: ") + ") violated");
    }
    if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) {
        std::string cname = "SYS_C00";
        load_catalog(s);
        for (const auto& [tn, ti] : s.catalog.tables)
            for (const auto& c : ti.constraints)
                if (c.kind == 'R' && ((verb == 'D' && tr && c.references == tr->table) ||
                                      (verb != 'D' && tr && tn == tr->table)))
                    cname = c.name;
        if (verb == 'D')
            return make_ora(
                2292, "integrity constraint (" + schema + "." + cname + ") violated - child record found");
        return make_ora(
            2291, "integrity constraint (" + schema + "." + cname + ") violated - parent key not found");
    }
    if (m.find("syntax error") != std::string::npos || m == "incomplete input") {
        int off           = sqlite3_error_offset(s.conn);
        std::uint32_t pos = t.empty() ? 0 : t.back().pos;
        if (tr && off >= 0)
            for (const auto& [o, p] : tr->map)
                if (o <= static_cast<std::size_t>(off)) pos = p;
        if (m == "incomplete input") return make_ora(921, "unexpected end of SQL command", pos);
        return make_ora(933, "SQL command not properly ended", pos);
    }
    if (m.find("values for") != std::string::npos) return make_ora(913, "too many values");
    return make_ora(3001, "unimplemented feature");
}

}  // namespace oranet::emulate

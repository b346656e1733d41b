// A bare SQLite stand-in for the SQL engine: enough for the wire side's own
// tests (DUAL, literals, simple tables). The engine in tools/emulate/engine
// replaces it with Oracle semantics.
#include "emulate/backend.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <mutex>

namespace oranet::emulate {

namespace {

using proto::types::ora_type;

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

column_meta meta_from_decl(const char* decl, int sqlite_type) {
    column_meta m;
    const std::string d = decl ? upper(decl) : std::string{};
    auto args           = [&](int& a, int& b) {
        a             = 0;
        b             = 0;
        const auto lp = d.find('(');
        if (lp == std::string::npos) return false;
        std::sscanf(d.c_str() + lp, "(%d,%d", &a, &b);
        return true;
    };
    int a = 0;
    int b = 0;
    if (d.rfind("NUMBER", 0) == 0 || d.rfind("INT", 0) == 0) {
        m.type = ora_type::number;
        if (args(a, b)) {
            m.precision = static_cast<std::int16_t>(a);
            m.scale     = static_cast<std::int16_t>(b);
        } else {
            m.scale = d.rfind("INT", 0) == 0 ? 0 : -127;
        }
        m.max_size = 22;
    } else if (d.rfind("VARCHAR", 0) == 0 || d.rfind("CHAR", 0) == 0) {
        m.type     = d.rfind("CHAR", 0) == 0 ? ora_type::char_ : ora_type::varchar;
        m.max_size = args(a, b) ? static_cast<std::uint32_t>(a) : 1;
    } else if (d == "BINARY_DOUBLE") {
        m.type     = ora_type::binary_double;
        m.max_size = 8;
    } else if (!d.empty()) {
        m.type     = ora_type::varchar;
        m.max_size = 4000;
    } else if (sqlite_type == SQLITE_INTEGER || sqlite_type == SQLITE_FLOAT) {
        m.type     = ora_type::number;
        m.scale    = -127;
        m.max_size = 22;
    } else {
        m.type     = ora_type::varchar;
        m.max_size = 4000;
    }
    if (m.type == ora_type::varchar || m.type == ora_type::char_)
        m.form = proto::types::cs_form::implicit;
    else
        m.form = proto::types::cs_form::none;
    return m;
}

exec_result error_result(sqlite3* db) {
    exec_result r;
    const std::string msg = sqlite3_errmsg(db);
    if (msg.find("no such table") != std::string::npos) {
        r.ora_code = 942;
        r.message  = "ORA-00942: table or view does not exist";
    } else if (msg.find("no such column") != std::string::npos) {
        r.ora_code = 904;
        r.message  = "ORA-00904: \"" + upper(msg.substr(msg.rfind(' ') + 1)) + "\": invalid identifier";
    } else if (msg.find("syntax error") != std::string::npos ||
               msg.find("incomplete input") != std::string::npos) {
        r.ora_code = 900;
        r.message  = "ORA-00900: invalid SQL statement";
    } else if (msg.find("UNIQUE constraint") != std::string::npos) {
        r.ora_code = 1;
        r.message  = "ORA-00001: unique constraint violated";
    } else {
        r.ora_code = 3001;
        r.message  = "ORA-03001: unimplemented feature";
    }
    return r;
}

class stub_session final : public sql_session {
public:
    explicit stub_session(sqlite3* db) : db_(db) {}
    ~stub_session() override { sqlite3_close(db_); }

    exec_result execute(std::string_view sql, const std::vector<wire_bind>& binds) override {
        std::string text(sql);
        while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == ';'))
            text.pop_back();
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, text.c_str(), -1, &st, nullptr) != SQLITE_OK) return error_result(db_);
        const int nparams = sqlite3_bind_parameter_count(st);
        for (int i = 0; i < nparams && i < static_cast<int>(binds.size()); ++i) {
            const value& v = binds[static_cast<std::size_t>(i)].v;
            if (is_null(v)) {
                sqlite3_bind_null(st, i + 1);
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                sqlite3_bind_text(st, i + 1, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
            } else if (const auto* d = std::get_if<double>(&v)) {
                sqlite3_bind_double(st, i + 1, *d);
            } else if (const auto* r = std::get_if<raw_bytes>(&v)) {
                sqlite3_bind_blob(st, i + 1, r->data.data(), static_cast<int>(r->data.size()),
                                  SQLITE_TRANSIENT);
            } else if (const auto* n = std::get_if<number>(&v)) {
                sqlite3_bind_text(st, i + 1, n->text().data(), static_cast<int>(n->text().size()),
                                  SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_null(st, i + 1);
            }
        }
        exec_result r;
        const int ncols = sqlite3_column_count(st);
        r.is_query      = ncols > 0;
        int rc          = 0;
        bool first      = true;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (first) {
                for (int c = 0; c < ncols; ++c) {
                    column_meta m =
                        meta_from_decl(sqlite3_column_decltype(st, c), sqlite3_column_type(st, c));
                    m.name = upper(sqlite3_column_name(st, c));
                    r.columns.push_back(std::move(m));
                }
                first = false;
            }
            std::vector<value> row;
            for (int c = 0; c < ncols; ++c) {
                switch (sqlite3_column_type(st, c)) {
                    case SQLITE_NULL: row.emplace_back(null_t{}); break;
                    case SQLITE_INTEGER: row.emplace_back(std::to_string(sqlite3_column_int64(st, c))); break;
                    case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(st, c)); break;
                    case SQLITE_BLOB: {
                        const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(st, c));
                        row.emplace_back(
                            raw_bytes{std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(st, c))});
                        break;
                    }
                    default:
                        row.emplace_back(
                            std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c)),
                                        static_cast<std::size_t>(sqlite3_column_bytes(st, c))));
                }
            }
            r.rows.push_back(std::move(row));
        }
        if (rc != SQLITE_DONE) {
            sqlite3_finalize(st);
            return error_result(db_);
        }
        if (first && ncols > 0) {
            for (int c = 0; c < ncols; ++c) {
                column_meta m = meta_from_decl(sqlite3_column_decltype(st, c), SQLITE_TEXT);
                m.name        = upper(sqlite3_column_name(st, c));
                r.columns.push_back(std::move(m));
            }
        }
        if (!r.is_query) r.row_count = static_cast<std::uint64_t>(sqlite3_changes(db_));
        sqlite3_finalize(st);
        return r;
    }

    exec_result describe(std::string_view) override { return {}; }
    exec_result commit() override { return {}; }
    exec_result rollback() override { return {}; }
    bool in_transaction() const override { return false; }

private:
    sqlite3* db_;
};

class stub_backend final : public sql_backend {
public:
    explicit stub_backend(std::string path) {
        static std::atomic<int> counter{0};
        uri_ = path == ":memory:"
                   ? "file:oranet_stub_" + std::to_string(counter++) + "?mode=memory&cache=shared"
                   : "file:" + path;
        // Keep one connection open so that a shared in-memory database lives on.
        if (sqlite3_open_v2(uri_.c_str(), &keep_,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                            nullptr) == SQLITE_OK) {
            sqlite3_exec(keep_,
                         "CREATE TABLE IF NOT EXISTS DUAL (DUMMY VARCHAR2(1)); "
                         "INSERT INTO DUAL SELECT 'X' WHERE NOT EXISTS (SELECT 1 FROM DUAL);",
                         nullptr, nullptr, nullptr);
        }
    }
    ~stub_backend() override { sqlite3_close(keep_); }

    std::unique_ptr<sql_session> open_session(const std::string&, std::uint32_t, std::uint32_t,
                                              const std::string&) override {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(uri_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                            nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            return nullptr;
        }
        sqlite3_busy_timeout(db, 2000);
        return std::make_unique<stub_session>(db);
    }

private:
    std::string uri_;
    sqlite3* keep_ = nullptr;
};

}  // namespace

std::unique_ptr<sql_backend> make_stub_backend(const std::string& db_path) {
    return std::make_unique<stub_backend>(db_path);
}

}  // namespace oranet::emulate

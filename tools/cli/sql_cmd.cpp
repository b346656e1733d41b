// `oranet sql user/password@host:port/service -e "SQL" [-e ...] [--format csv|json]`:
// the batch form. Statements run in order on one connection; a failing one
// is reported on stderr (its ORA message) and the next still runs; the exit
// status is 1 when any failed, 2 for a usage error or a failed connect.
#include <oranet/oranet.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::cli {
namespace {

constexpr const char* sql_usage =
    "usage: oranet sql user/password@host[:port][/service] -e \"SQL\" [-e \"SQL\" ...] [--format csv|json]\n"
    "\n"
    "Runs each statement in order on one connection. Queries print a header row\n"
    "and their rows (csv) or one JSON object per row (json). A trailing ';' is\n"
    "dropped unless the statement is a PL/SQL block.\n";

enum class format { csv, json };

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char b[8];
                    std::snprintf(b, sizeof b, "\\u%04x", c);
                    out += b;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + '"';
}

// The text of one value per DECISIONS.md: DATE without fraction, TIMESTAMP
// with as many digits as its scale.
std::string cell_text(const value& v, const column& col) {
    int frac = -1;
    if (col.ora_type == 12) frac = 0;  // DATE
    if (col.ora_type == 180 || col.ora_type == 181 || col.ora_type == 231) frac = col.scale;
    return to_text(v, frac);
}

bool is_plsql(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size() && (sql[i] == ' ' || sql[i] == '\t' || sql[i] == '\n' || sql[i] == '\r'))
        ++i;
    std::string word;
    while (i < sql.size() && ((sql[i] >= 'a' && sql[i] <= 'z') || (sql[i] >= 'A' && sql[i] <= 'Z')))
        word += static_cast<char>(sql[i++] | 0x20);
    return word == "begin" || word == "declare";
}

std::string statement_text(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.pop_back();
    if (!is_plsql(s) && !s.empty() && s.back() == ';') s.pop_back();
    return s;
}

bool run_one(connection& conn, const std::string& sql, format fmt) {
    cursor cur = conn.cursor();
    std::error_code ec;
    diagnostics diag;
    cur.execute(sql, std::vector<value>{}, ec, diag);
    if (ec) {
        std::fprintf(stderr, "%s\n", format_error(ec, diag).c_str());
        return false;
    }
    if (!cur.is_query()) return true;
    const auto& cols = cur.columns();
    if (fmt == format::csv) {
        std::string line;
        for (std::size_t i = 0; i < cols.size(); ++i)
            line += (i ? "," : "") + csv_field(cols[i].name);
        std::printf("%s\n", line.c_str());
    }
    for (;;) {
        auto row = cur.fetch_one(ec, diag);
        if (ec) {
            std::fprintf(stderr, "%s\n", format_error(ec, diag).c_str());
            return false;
        }
        if (!row) break;
        std::string line;
        if (fmt == format::csv) {
            for (std::size_t i = 0; i < row->size(); ++i)
                line += (i ? "," : "") + csv_field(cell_text((*row)[i], cols[i]));
        } else {
            line = "{";
            for (std::size_t i = 0; i < row->size(); ++i) {
                const value& v = (*row)[i];
                line += (i ? "," : "") + json_string(cols[i].name) + ":";
                if (is_null(v))
                    line += "null";
                else if (std::holds_alternative<number>(v) && !std::get<number>(v).is_infinity())
                    line += std::get<number>(v).text();
                else if (std::holds_alternative<bool>(v))
                    line += std::get<bool>(v) ? "true" : "false";
                else
                    line += json_string(cell_text(v, cols[i]));
            }
            line += "}";
        }
        std::printf("%s\n", line.c_str());
    }
    std::fflush(stdout);
    return true;
}

}  // namespace

int sql_command(int argc, char** argv) {
    std::string login;
    std::vector<std::string> statements;
    format fmt = format::csv;
    for (int i = 0; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(sql_usage, stdout);
            return 0;
        }
        if ((a == "-e" || a == "--execute") && i + 1 < argc) {
            statements.push_back(statement_text(argv[++i]));
        } else if (a == "--format" && i + 1 < argc) {
            const std::string_view f = argv[++i];
            if (f == "csv")
                fmt = format::csv;
            else if (f == "json")
                fmt = format::json;
            else {
                std::fprintf(stderr, "oranet sql: unknown format '%s' (csv or json)\n", argv[i]);
                return 2;
            }
        } else if (!a.empty() && a[0] != '-' && login.empty()) {
            login = a;
        } else {
            std::fprintf(stderr, "oranet sql: unexpected argument '%s'\n%s", argv[i], sql_usage);
            return 2;
        }
    }
    if (login.empty() || statements.empty()) {
        std::fputs(sql_usage, stderr);
        return 2;
    }
    login_string ls;
    if (parse_login_string(login, ls)) {
        std::fprintf(stderr, "oranet sql: expected user/password@host[:port][/service]\n");
        return 2;
    }
    connect_params p;
    p.user           = ls.user;
    p.password       = ls.password;
    p.connect_string = ls.connect_string;
    std::error_code ec;
    diagnostics diag;
    connection conn = connect(p, ec, diag);
    if (ec) {
        std::fprintf(stderr, "oranet sql: %s\n", format_error(ec, diag).c_str());
        return 2;
    }
    bool ok = true;
    for (const auto& s : statements) {
        if (!run_one(conn, s, fmt)) {
            ok = false;
            if (conn.is_dead()) break;
        }
    }
    conn.close();
    return ok ? 0 : 1;
}

}  // namespace oranet::cli

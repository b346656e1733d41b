// `oranet sql CONNECT [-e SQL]... [-f FILE]... [--format table|csv|json] [--bind NAME=VALUE]...`
//
// CONNECT is user[/password]@connect_string as SQL*Plus takes it; without a
// password it comes from ORANET_PASSWORD or a prompt on the terminal, so it
// never has to be on the command line. Statements come from -e (each one
// statement), -f files and, without either, standard input: an interactive
// prompt on a terminal, a script otherwise (see sql_script.hpp for how a
// script is cut). A failing statement is reported on stderr with its ORA
// message and the next one still runs; the exit status is 1 when any failed,
// 2 for a usage error or a failed connect.
#include "line_editor.hpp"
#include "sql_output.hpp"
#include "sql_script.hpp"

#include <oranet/oranet.hpp>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace oranet::cli {
namespace {

constexpr const char* sql_usage =
    "usage: oranet sql user[/password]@connect_string [options]\n"
    "\n"
    "options:\n"
    "  -e, --execute SQL      run one statement (may be given several times)\n"
    "  -f, --file FILE        run a script ('-' reads standard input)\n"
    "  --format FMT           table (default on a terminal), csv (header row) or\n"
    "                         json (one object per line)\n"
    "  -b, --bind NAME=VALUE  bind :NAME as text; NAME:number=VALUE as a NUMBER;\n"
    "                         NAME:null as NULL (used by statements that name it)\n"
    "  -h, --help             print this text\n"
    "\n"
    "Without -e or -f, statements are read from standard input: an interactive\n"
    "prompt on a terminal. A statement ends with ';' at the end of a line or\n"
    "with '/' alone on a line; a PL/SQL block only with '/'. 'exit' or 'quit'\n"
    "leaves. The password is taken from ORANET_PASSWORD or asked for when the\n"
    "connect string has none.\n";

struct bind_arg {
    std::string name;  // upper-cased unless given in double quotes
    value v;
};

struct options {
    std::string login;
    struct source {
        bool is_file;
        std::string text;  // the statement, or the file name
    };
    std::vector<source> sources;
    std::optional<output_format> format;
    std::vector<bind_arg> binds;
};

std::string upper(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

bool parse_bind(std::string_view a, bind_arg& out, std::string& why) {
    const auto eq          = a.find('=');
    std::string_view left  = a.substr(0, eq);
    std::string_view right = eq == std::string_view::npos ? std::string_view() : a.substr(eq + 1);
    std::string type       = "text";
    if (const auto colon = left.find(':'); colon != std::string_view::npos) {
        type = std::string(left.substr(colon + 1));
        left = left.substr(0, colon);
    }
    if (!left.empty() && left.front() == ':') left.remove_prefix(1);
    if (left.empty()) {
        why = "a bind needs a name: --bind NAME=VALUE";
        return false;
    }
    out.name = left.size() >= 2 && left.front() == '"' && left.back() == '"'
                   ? std::string(left.substr(1, left.size() - 2))
                   : upper(std::string(left));
    if (type == "null") {
        out.v = null_t{};
        return true;
    }
    if (eq == std::string_view::npos) {
        why = "bind '" + std::string(left) + "' has no value: --bind NAME=VALUE or NAME:null";
        return false;
    }
    if (type == "text") {
        out.v = std::string(right);  // '' is NULL to Oracle, as it would be in the SQL
        return true;
    }
    if (type == "number") {
        number n;
        if (!number::parse(right, n)) {
            why = "bind '" + std::string(left) + "': '" + std::string(right) + "' is not a number";
            return false;
        }
        out.v = n;
        return true;
    }
    why = "bind '" + std::string(left) + "': unknown type '" + type + "' (text, number or null)";
    return false;
}

// The binds a statement names, in the order it names them.
std::vector<named_value> binds_for(const std::string& sql, const std::vector<bind_arg>& binds) {
    std::vector<named_value> out;
    for (const auto& n : bind_names(sql))
        for (const auto& b : binds)
            if (b.name == n) out.push_back({b.name, b.v});
    return out;
}

class runner {
public:
    runner(connection& conn, output_format fmt, std::vector<bind_arg> binds, bool feedback)
        : conn_(conn), fmt_(fmt), binds_(std::move(binds)), feedback_(feedback) {}

    // Runs one statement; false when it failed.
    bool run(const std::string& sql) {
        if (sql.empty()) return true;
        cursor cur = conn_.cursor();
        std::error_code ec;
        diagnostics diag;
        cur.execute(sql, binds_for(sql, binds_), ec, diag);
        if (ec) return report(ec, diag);
        if (serveroutput_ && !print_server_output()) return false;
        if (!cur.is_query()) {
            if (feedback_) {
                const auto text = feedback_text(statement_verb(sql), cur.row_count());
                std::printf("%s\n\n", text.empty() ? "Statement processed." : text.c_str());
                std::fflush(stdout);
            }
            return true;
        }
        auto printer = make_printer(fmt_, stdout);
        printer->begin(cur.columns());
        std::uint64_t rows = 0;
        for (;;) {
            auto row = cur.fetch_one(ec, diag);
            if (ec) {
                printer->end(rows);
                return report(ec, diag);
            }
            if (!row) break;
            printer->row(*row);
            ++rows;
        }
        printer->end(rows);
        return true;
    }

    // SQL*Plus's SET SERVEROUTPUT ON|OFF (on its own line, ';' optional):
    // true when `line` is that command (then it ran).
    bool client_command(std::string_view line) {
        std::istringstream in(lower_without_semicolons(line));
        std::string set, what, value, extra;
        in >> set >> what >> value;
        if (set != "set" || (what != "serveroutput" && what != "serverout") || (in >> extra)) return false;
        if (value != "on" && value != "off") {
            std::fprintf(stderr, "oranet sql: SET SERVEROUTPUT takes ON or OFF\n");
            return true;
        }
        try {
            if (value == "on")
                dbms_output::enable(conn_);
            else
                dbms_output::disable(conn_);
            serveroutput_ = value == "on";
        } catch (const error& e) {
            (void)report(e.code(), e.diag());
        }
        return true;
    }

private:
    // Prints the lines the statement put with DBMS_OUTPUT, as SQL*Plus does.
    bool print_server_output() {
        try {
            for (const auto& line : dbms_output::read_lines(conn_))
                std::printf("%s\n", line.c_str());
            std::fflush(stdout);
            return true;
        } catch (const error& e) {
            return report(e.code(), e.diag());
        }
    }
    static std::string lower_without_semicolons(std::string_view line) {
        std::string s;
        for (char c : line)
            if (c != ';') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }
    static bool report(std::error_code ec, const diagnostics& diag) {
        std::fflush(stdout);
        std::fprintf(stderr, "%s\n", format_error(ec, diag).c_str());
        return false;
    }
    connection& conn_;
    output_format fmt_;
    std::vector<bind_arg> binds_;
    bool feedback_;
    bool serveroutput_ = false;
};

// `exit`, `quit` (with an optional status and ';'), on their own.
bool is_exit_command(std::string_view line, int& status) {
    std::string s;
    for (char c : line)
        if (c != ';') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::istringstream in(s);
    std::string word;
    in >> word;
    if (word != "exit" && word != "quit") return false;
    std::string rest;
    in >> rest;
    std::string extra;
    if (in >> extra) return false;
    status = 0;
    if (!rest.empty()) {
        if (rest.find_first_not_of("0123456789") != std::string::npos) return false;
        status = std::atoi(rest.c_str());
    }
    return true;
}

// Reads statements from a stream (a file or a piped standard input).
bool run_script(std::istream& in, runner& r, int& exit_status, bool& exited) {
    statement_splitter split;
    bool ok = true;
    std::string line;
    while (std::getline(in, line)) {
        if (!split.pending() && is_exit_command(line, exit_status)) {
            exited = true;
            return ok;
        }
        if (!split.pending() && r.client_command(line)) continue;
        if (auto stmt = split.feed_line(line)) ok = r.run(*stmt) && ok;
    }
    if (auto stmt = split.finish()) ok = r.run(*stmt) && ok;
    return ok;
}

std::string history_path() {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return {};
    return std::string(home) + "/.oranet_sql_history";
}

int interactive(connection& conn, runner& r) {
    const auto v = conn.server_version_numbers();
    std::printf("Connected to Oracle Database %d.%d.%d.%d.%d %s\n'exit' leaves.\n\n", v[0], v[1], v[2], v[3],
                v[4], conn.server_version().c_str());
    line_editor editor;
    const std::string hist = history_path();
    if (!hist.empty()) editor.load_history(hist);
    statement_splitter split;
    int status = 0;
    std::string line;
    for (;;) {
        const std::string prompt = split.pending() ? (std::string(split.lines() + 1 < 10 ? "  " : " ") +
                                                      std::to_string(split.lines() + 1) + "  ")
                                                   : std::string("SQL> ");
        const auto st            = editor.read_line(prompt, line);
        if (st == line_editor::status::end) break;
        if (st == line_editor::status::interrupted) {
            split.clear();
            continue;
        }
        editor.add_history(line);
        if (!split.pending() && is_exit_command(line, status)) break;
        if (!split.pending() && r.client_command(line)) continue;
        if (auto stmt = split.feed_line(line)) r.run(*stmt);
        if (conn.is_dead()) {
            std::fprintf(stderr, "oranet sql: the connection is lost; leaving\n");
            status = 1;
            break;
        }
    }
    if (!hist.empty()) editor.save_history(hist);
    return status;
}

}  // namespace

int sql_command(int argc, char** argv) {
    options opt;
    for (int i = 0; i < argc; ++i) {
        const std::string_view a = argv[i];
        const bool has_value     = i + 1 < argc;
        if (a == "--help" || a == "-h") {
            std::fputs(sql_usage, stdout);
            return 0;
        }
        if ((a == "-e" || a == "--execute") && has_value) {
            std::string s = argv[++i];
            while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
                s.pop_back();
            if (!is_plsql_text(s) && !s.empty() && s.back() == ';') s.pop_back();
            opt.sources.push_back({false, s});
        } else if ((a == "-f" || a == "--file") && has_value) {
            opt.sources.push_back({true, argv[++i]});
        } else if ((a == "-b" || a == "--bind") && has_value) {
            bind_arg b;
            std::string why;
            if (!parse_bind(argv[++i], b, why)) {
                std::fprintf(stderr, "oranet sql: %s\n", why.c_str());
                return 2;
            }
            opt.binds.push_back(std::move(b));
        } else if (a == "--format" && has_value) {
            const std::string_view f = argv[++i];
            if (f == "csv")
                opt.format = output_format::csv;
            else if (f == "json")
                opt.format = output_format::json;
            else if (f == "table")
                opt.format = output_format::table;
            else {
                std::fprintf(stderr, "oranet sql: unknown format '%s' (table, csv or json)\n", argv[i]);
                return 2;
            }
        } else if (!a.empty() && a[0] != '-' && opt.login.empty()) {
            opt.login = a;
        } else {
            std::fprintf(stderr, "oranet sql: unexpected argument '%s'\n%s", argv[i], sql_usage);
            return 2;
        }
    }
    if (opt.login.empty()) {
        std::fputs(sql_usage, stderr);
        return 2;
    }
    login_string ls;
    if (parse_login_string(opt.login, ls)) {
        std::fprintf(stderr, "oranet sql: expected user[/password]@connect_string\n");
        return 2;
    }
    connect_params p;
    p.user           = ls.user;
    p.connect_string = ls.connect_string;
    if (opt.login.substr(0, opt.login.rfind('@')).find('/') != std::string::npos) {
        p.password = ls.password;
    } else if (const char* env = std::getenv("ORANET_PASSWORD"); env != nullptr) {
        p.password = env;
    } else {
        auto typed = read_password("Password for " + ls.user + ": ");
        if (!typed) {
            std::fprintf(stderr, "oranet sql: no password: put it in ORANET_PASSWORD or run on a terminal\n");
            return 2;
        }
        p.password = *typed;
        std::fill(typed->begin(), typed->end(), '\0');
    }
    std::fill(ls.password.begin(), ls.password.end(), '\0');

    const bool terminal       = ::isatty(STDOUT_FILENO) != 0;
    const output_format fmt   = opt.format.value_or(terminal ? output_format::table : output_format::csv);
    const bool interactive_in = opt.sources.empty() && line_editor::stdin_is_terminal();

    std::error_code ec;
    diagnostics diag;
    connection conn = connect(p, ec, diag);
    if (ec) {
        std::fprintf(stderr, "oranet sql: %s\n", format_error(ec, diag).c_str());
        return 2;
    }
    runner r(conn, fmt, std::move(opt.binds), fmt == output_format::table);
    if (interactive_in) {
        const int status = interactive(conn, r);
        conn.close();
        return status;
    }
    bool ok         = true;
    int exit_status = 0;
    bool exited     = false;
    if (opt.sources.empty()) opt.sources.push_back({true, "-"});
    for (const auto& src : opt.sources) {
        if (!src.is_file) {
            ok = r.run(src.text) && ok;
        } else if (src.text == "-") {
            ok = run_script(std::cin, r, exit_status, exited) && ok;
        } else {
            std::ifstream in(src.text);
            if (!in) {
                std::fprintf(stderr, "oranet sql: cannot read %s\n", src.text.c_str());
                ok = false;
                continue;
            }
            ok = run_script(in, r, exit_status, exited) && ok;
        }
        if (exited || conn.is_dead()) break;
    }
    conn.close();
    if (exited && exit_status != 0) return exit_status;
    return ok ? 0 : 1;
}

}  // namespace oranet::cli

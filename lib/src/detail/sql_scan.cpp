#include "sql_scan.hpp"

#include <algorithm>
#include <cctype>

namespace oranet::detail {
namespace {

bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' || c == '#' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::string upper(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return r;
}

// Skips whitespace, comments and opening parentheses at `i`.
std::size_t skip_noise(std::string_view s, std::size_t i) {
    for (;;) {
        while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) != 0 || s[i] == '('))
            ++i;
        if (s.substr(i, 2) == "--") {
            const auto e = s.find('\n', i);
            i            = e == std::string_view::npos ? s.size() : e + 1;
        } else if (s.substr(i, 2) == "/*") {
            const auto e = s.find("*/", i + 2);
            i            = e == std::string_view::npos ? s.size() : e + 2;
        } else {
            return i;
        }
    }
}

}  // namespace

sql_info scan_sql(std::string_view sql) {
    sql_info out;
    std::size_t i = skip_noise(sql, 0);
    std::size_t j = i;
    while (j < sql.size() && ident_char(sql[j]))
        ++j;
    const std::string first = upper(sql.substr(i, j - i));
    if (first == "SELECT" || first == "WITH")
        out.kind = statement_kind::query;
    else if (first == "BEGIN" || first == "DECLARE" || first == "CALL")
        out.kind = statement_kind::plsql;
    else if (first == "CREATE" || first == "ALTER" || first == "DROP" || first == "TRUNCATE" ||
             first == "GRANT" || first == "REVOKE" || first == "ANALYZE" || first == "AUDIT" ||
             first == "COMMENT" || first == "RENAME" || first == "FLASHBACK" || first == "PURGE" ||
             first == "NOAUDIT")
        out.kind = statement_kind::ddl;
    else
        out.kind = statement_kind::dml;
    if (out.kind == statement_kind::ddl) return out;  // DDL takes no binds

    bool seen_returning = false;
    bool in_into        = false;
    for (std::size_t k = 0; k < sql.size();) {
        const char c = sql[k];
        if (std::isalpha(static_cast<unsigned char>(c)) != 0 && (k == 0 || !ident_char(sql[k - 1]))) {
            std::size_t e = k;
            while (e < sql.size() && ident_char(sql[e]))
                ++e;
            if (out.kind == statement_kind::dml) {
                const std::string word = upper(sql.substr(k, e - k));
                if (word == "RETURNING" || word == "RETURN") seen_returning = true;
                if (seen_returning && word == "INTO") in_into = true;
            }
            k = e;
            continue;
        }
        if (c == '\'' || c == '"') {
            const auto e = sql.find(c, k + 1);
            k            = e == std::string_view::npos ? sql.size() : e + 1;
        } else if (sql.substr(k, 2) == "--") {
            const auto e = sql.find('\n', k);
            k            = e == std::string_view::npos ? sql.size() : e + 1;
        } else if (sql.substr(k, 2) == "/*") {
            const auto e = sql.find("*/", k + 2);
            k            = e == std::string_view::npos ? sql.size() : e + 2;
        } else if (c == ':' && k + 1 < sql.size()) {
            std::size_t s = k + 1;
            std::string name;
            if (sql[s] == '"') {
                const auto e = sql.find('"', s + 1);
                if (e == std::string_view::npos) break;
                name = std::string(sql.substr(s + 1, e - s - 1));
                k    = e + 1;
            } else {
                std::size_t e = s;
                while (e < sql.size() && ident_char(sql[e]))
                    ++e;
                if (e == s) {
                    ++k;
                    continue;
                }
                name = upper(sql.substr(s, e - s));
                k    = e;
            }
            out.occurrences.push_back(name);
            out.returning.push_back(in_into);
            if (std::find(out.unique.begin(), out.unique.end(), name) == out.unique.end())
                out.unique.push_back(name);
        } else {
            ++k;
        }
    }
    return out;
}

}  // namespace oranet::detail

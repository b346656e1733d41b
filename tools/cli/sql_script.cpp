#include "sql_script.hpp"

#include <algorithm>
#include <cctype>

namespace oranet::cli {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '_' || c == '$' || c == '#' || u >= 0x80;
}
std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}
std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}
char q_closer(char open) {
    switch (open) {
        case '[': return ']';
        case '{': return '}';
        case '<': return '>';
        case '(': return ')';
        default: return open;
    }
}

// The first `n` keywords of a statement, upper-cased, skipping whitespace and
// comments.
std::vector<std::string> leading_words(std::string_view sql, std::size_t n) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < sql.size() && words.size() < n) {
        const char c = sql[i];
        if (is_space(c)) {
            ++i;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const auto end = sql.find("*/", i + 2);
            i              = end == std::string_view::npos ? sql.size() : end + 2;
        } else if (is_word_char(c)) {
            const std::size_t start = i;
            while (i < sql.size() && is_word_char(sql[i]))
                ++i;
            words.push_back(upper(sql.substr(start, i - start)));
        } else {
            break;
        }
    }
    return words;
}

}  // namespace

bool is_plsql_text(std::string_view sql) {
    const auto w = leading_words(sql, 6);
    if (w.empty()) return false;
    if (w[0] == "BEGIN" || w[0] == "DECLARE") return true;
    if (w[0] != "CREATE") return false;
    for (std::size_t i = 1; i < w.size(); ++i) {
        const auto& k = w[i];
        if (k == "OR" || k == "REPLACE" || k == "EDITIONABLE" || k == "NONEDITIONABLE" || k == "EDITIONING")
            continue;
        return k == "PROCEDURE" || k == "FUNCTION" || k == "PACKAGE" || k == "TRIGGER" || k == "TYPE" ||
               k == "LIBRARY";
    }
    return false;
}

std::string statement_verb(std::string_view sql) {
    const auto w = leading_words(sql, 6);
    if (w.empty()) return {};
    if (w[0] != "CREATE" && w[0] != "ALTER" && w[0] != "DROP" && w[0] != "TRUNCATE") return w[0];
    for (std::size_t i = 1; i < w.size(); ++i) {
        const auto& k = w[i];
        if (k == "OR" || k == "REPLACE" || k == "GLOBAL" || k == "PRIVATE" || k == "TEMPORARY" ||
            k == "UNIQUE" || k == "BITMAP" || k == "PUBLIC" || k == "EDITIONABLE" || k == "NONEDITIONABLE" ||
            k == "FORCE" || k == "NOFORCE")
            continue;
        if (k == "PACKAGE" && i + 1 < w.size() && w[i + 1] == "BODY") return w[0] + " PACKAGE BODY";
        return w[0] + " " + k;
    }
    return w[0];
}

std::vector<std::string> bind_names(std::string_view sql) {
    std::vector<std::string> names;
    auto add = [&](std::string n) {
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
    };
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n')
                ++i;
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const auto end = sql.find("*/", i + 2);
            i              = end == std::string_view::npos ? sql.size() : end + 2;
        } else if ((c == 'q' || c == 'Q') && i + 2 < sql.size() && sql[i + 1] == '\'' &&
                   (i == 0 || !is_word_char(sql[i - 1]))) {
            const char close = q_closer(sql[i + 2]);
            std::size_t j    = i + 3;
            while (j + 1 < sql.size() && !(sql[j] == close && sql[j + 1] == '\''))
                ++j;
            i = std::min(sql.size(), j + 2);
        } else if (c == '\'' || c == '"') {
            std::size_t j = i + 1;
            while (j < sql.size()) {
                if (sql[j] == c) {
                    if (c == '\'' && j + 1 < sql.size() && sql[j + 1] == '\'') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            i = std::min(sql.size(), j + 1);
        } else if (c == ':' && i + 1 < sql.size()) {
            const char n = sql[i + 1];
            if (n == '"') {
                const auto end = sql.find('"', i + 2);
                if (end == std::string_view::npos) break;
                add(std::string(sql.substr(i + 2, end - i - 2)));
                i = end + 1;
            } else if (is_word_char(n) && (i == 0 || sql[i - 1] != ':')) {
                std::size_t j = i + 1;
                while (j < sql.size() && is_word_char(sql[j]))
                    ++j;
                add(upper(sql.substr(i + 1, j - i - 1)));
                i = j;
            } else {
                ++i;
            }
        } else if (is_word_char(c)) {
            while (i < sql.size() && is_word_char(sql[i]))
                ++i;
        } else {
            ++i;
        }
    }
    return names;
}

std::size_t statement_splitter::scan(std::string_view line) {
    char last            = 0;  // last significant character in code
    std::size_t last_pos = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        switch (state_) {
            case state::code:
                if (c == '-' && i + 1 < line.size() && line[i + 1] == '-') {
                    i = line.size();
                } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '*') {
                    state_ = state::block_comment;
                    ++i;
                } else if ((c == 'q' || c == 'Q') && i + 2 < line.size() && line[i + 1] == '\'' &&
                           (i == 0 || !is_word_char(line[i - 1]) || line[i - 1] == 'n' ||
                            line[i - 1] == 'N')) {
                    q_close_ = q_closer(line[i + 2]);
                    state_   = state::q_quote;
                    i += 2;
                    last = '\'';
                } else if (c == '\'') {
                    state_ = state::quote;
                    last   = c;
                } else if (c == '"') {
                    state_ = state::identifier;
                    last   = c;
                } else if (!is_space(c)) {
                    last     = c;
                    last_pos = i;
                }
                break;
            case state::quote:
                if (c == '\'') {
                    if (i + 1 < line.size() && line[i + 1] == '\'')
                        ++i;
                    else
                        state_ = state::code;
                }
                break;
            case state::q_quote:
                if (c == q_close_ && i + 1 < line.size() && line[i + 1] == '\'') {
                    state_ = state::code;
                    ++i;
                }
                break;
            case state::identifier:
                if (c == '"') state_ = state::code;
                break;
            case state::block_comment:
                if (c == '*' && i + 1 < line.size() && line[i + 1] == '/') {
                    state_ = state::code;
                    ++i;
                }
                break;
        }
    }
    return state_ == state::code && last == ';' ? last_pos : std::string_view::npos;
}

std::string statement_splitter::take() {
    std::string s(trim(buffer_));
    buffer_.clear();
    lines_ = 0;
    state_ = state::code;
    last_  = s;
    return s;
}

void statement_splitter::clear() noexcept {
    buffer_.clear();
    lines_ = 0;
    state_ = state::code;
}

std::optional<std::string> statement_splitter::feed_line(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view t = trim(line);
    if (t == "/" && (state_ == state::code || state_ == state::block_comment)) {
        if (trim(buffer_).empty()) {
            buffer_.clear();
            lines_ = 0;
            if (last_.empty()) return std::nullopt;
            return last_;
        }
        return take();
    }
    if (buffer_.empty() && t.empty()) return std::nullopt;
    if (!buffer_.empty()) buffer_ += '\n';
    buffer_.append(line);
    ++lines_;
    const std::size_t semi = scan(line);
    if (semi == std::string_view::npos || is_plsql_text(buffer_)) return std::nullopt;
    // Cut the terminating ';' (and whatever comment follows it on the line).
    buffer_.resize(buffer_.size() - line.size() + semi);
    return take();
}

std::optional<std::string> statement_splitter::finish() {
    if (trim(buffer_).empty()) {
        clear();
        return std::nullopt;
    }
    return take();
}

}  // namespace oranet::cli

// How `oranet sql` cuts its input into statements, the way SQL*Plus does:
// a SQL statement ends with ';' at the end of a line or with '/' alone on a
// line; a PL/SQL block (BEGIN, DECLARE, CREATE [OR REPLACE] PROCEDURE,
// FUNCTION, PACKAGE, TRIGGER, TYPE, LIBRARY) only with '/' alone on a line,
// since its ';' are its own. Quotes (including q'[...]'), quoted identifiers
// and comments are tracked across lines so that a ';' inside them ends
// nothing. Unlike SQL*Plus, a blank line does not throw the buffer away.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::cli {

class statement_splitter {
public:
    // Feeds one line (without its newline). Returns a complete statement
    // (terminator removed) when this line ends one. A '/' line with an
    // empty buffer returns the previous statement again, as SQL*Plus does.
    std::optional<std::string> feed_line(std::string_view line);

    // The statement being collected, if any, at the end of the input.
    std::optional<std::string> finish();

    // True while a statement is being collected (for the continuation prompt).
    [[nodiscard]] bool pending() const noexcept { return !buffer_.empty(); }
    // Lines collected so far in the current statement.
    [[nodiscard]] int lines() const noexcept { return lines_; }
    void clear() noexcept;

private:
    enum class state { code, quote, q_quote, identifier, block_comment };

    // Scans `line`, updating the lexical state; the offset of the ';' the line
    // ends with (outside quotes and comments), or npos.
    std::size_t scan(std::string_view line);
    std::string take();

    std::string buffer_;
    std::string last_;
    int lines_    = 0;
    state state_  = state::code;
    char q_close_ = 0;
};

// True when the statement is a PL/SQL block or a stored-unit definition.
[[nodiscard]] bool is_plsql_text(std::string_view sql);

// The bind names (without ':'; upper-cased unless quoted) in order of first
// appearance, outside quotes and comments. Numeric names (":1") come back as
// their digits.
[[nodiscard]] std::vector<std::string> bind_names(std::string_view sql);

// The statement's first keyword(s), upper-cased, for status messages:
// "INSERT", "CREATE TABLE", "ALTER SESSION", "BEGIN", ...
[[nodiscard]] std::string statement_verb(std::string_view sql);

}  // namespace oranet::cli

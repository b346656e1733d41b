// A small line editor for the interactive `oranet sql` prompt: no readline
// or libedit, so the static binary stays self-contained. On a terminal it
// edits in raw mode (left/right, home/end, backspace/delete, Ctrl-A/E/K/U/W,
// up/down through the history, Ctrl-C drops the line, Ctrl-D on an empty
// line ends the input); elsewhere it reads plain lines.
#pragma once
#include <cstddef>
#include <deque>
#include <optional>
#include <string>

namespace oranet::cli {

class line_editor {
public:
    enum class status { line, interrupted, end };

    explicit line_editor(std::size_t history_limit = 1000) : limit_(history_limit) {}

    // Reads one line after printing `prompt` (on the terminal only).
    status read_line(const std::string& prompt, std::string& out);

    void add_history(const std::string& line);
    // Loads/saves the history file (one entry per line); errors are ignored:
    // a missing history is not a failure.
    void load_history(const std::string& path);
    void save_history(const std::string& path) const;

    [[nodiscard]] static bool stdin_is_terminal();

private:
    status read_raw(const std::string& prompt, std::string& out);
    std::deque<std::string> history_;
    std::size_t limit_;
};

// Reads a secret from the terminal (/dev/tty) with echo off. nullopt when
// there is no terminal.
[[nodiscard]] std::optional<std::string> read_password(const std::string& prompt);

}  // namespace oranet::cli

#include "line_editor.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace oranet::cli {
namespace {

// Restores the terminal mode it changed, whatever way the scope is left.
class terminal_mode {
public:
    terminal_mode(int fd, bool raw, bool echo) : fd_(fd) {
        if (::tcgetattr(fd_, &saved_) != 0) return;
        termios t = saved_;
        if (raw) {
            t.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO | IEXTEN | ISIG));
            t.c_iflag &= static_cast<tcflag_t>(~(IXON | ICRNL | INLCR));
            t.c_cc[VMIN]  = 1;
            t.c_cc[VTIME] = 0;
        } else if (!echo) {
            t.c_lflag &= static_cast<tcflag_t>(~ECHO);
        }
        ok_ = ::tcsetattr(fd_, TCSAFLUSH, &t) == 0;
    }
    ~terminal_mode() {
        if (ok_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
    }
    terminal_mode(const terminal_mode&)            = delete;
    terminal_mode& operator=(const terminal_mode&) = delete;
    [[nodiscard]] bool ok() const noexcept { return ok_; }

private:
    int fd_;
    termios saved_{};
    bool ok_ = false;
};

void write_all(int fd, const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
        const auto n = ::write(fd, s.data() + done, s.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

int read_byte(int fd) {
    unsigned char c = 0;
    for (;;) {
        const auto n = ::read(fd, &c, 1);
        if (n == 1) return c;
        if (n < 0 && errno == EINTR) continue;
        return -1;
    }
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Cursor moves and deletions step over whole UTF-8 characters.
std::size_t prev_char(const std::string& s, std::size_t pos) {
    if (pos == 0) return 0;
    --pos;
    while (pos > 0 && is_continuation(static_cast<unsigned char>(s[pos])))
        --pos;
    return pos;
}
std::size_t next_char(const std::string& s, std::size_t pos) {
    if (pos >= s.size()) return s.size();
    ++pos;
    while (pos < s.size() && is_continuation(static_cast<unsigned char>(s[pos])))
        ++pos;
    return pos;
}
std::size_t columns(const std::string& s, std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to && i < s.size(); ++i)
        if (!is_continuation(static_cast<unsigned char>(s[i]))) ++n;
    return n;
}

void redraw(const std::string& prompt, const std::string& line, std::size_t pos) {
    std::string out        = "\r" + prompt + line + "\x1b[K";
    const std::size_t back = columns(line, pos, line.size());
    if (back > 0) out += "\x1b[" + std::to_string(back) + "D";
    write_all(STDOUT_FILENO, out);
}

}  // namespace

bool line_editor::stdin_is_terminal() { return ::isatty(STDIN_FILENO) != 0 && ::isatty(STDOUT_FILENO) != 0; }

line_editor::status line_editor::read_line(const std::string& prompt, std::string& out) {
    out.clear();
    if (stdin_is_terminal()) return read_raw(prompt, out);
    if (!std::getline(std::cin, out)) return status::end;
    return status::line;
}

line_editor::status line_editor::read_raw(const std::string& prompt, std::string& out) {
    std::fflush(stdout);
    terminal_mode mode(STDIN_FILENO, true, false);
    if (!mode.ok()) {
        if (!std::getline(std::cin, out)) return status::end;
        return status::line;
    }
    std::string line;
    std::size_t pos     = 0;
    std::size_t hist_at = history_.size();  // history_.size(): the line being typed
    std::string scratch;                    // the line being typed while browsing history
    write_all(STDOUT_FILENO, prompt);
    for (;;) {
        const int c = read_byte(STDIN_FILENO);
        if (c < 0) return status::end;
        switch (c) {
            case '\r':
            case '\n':
                write_all(STDOUT_FILENO, "\r\n");
                out = line;
                return status::line;
            case 3:  // Ctrl-C
                write_all(STDOUT_FILENO, "^C\r\n");
                return status::interrupted;
            case 4:  // Ctrl-D
                if (line.empty()) {
                    write_all(STDOUT_FILENO, "\r\n");
                    return status::end;
                }
                if (pos < line.size()) line.erase(pos, next_char(line, pos) - pos);
                break;
            case 127:
            case 8:  // Backspace
                if (pos > 0) {
                    const auto p = prev_char(line, pos);
                    line.erase(p, pos - p);
                    pos = p;
                }
                break;
            case 1: pos = 0; break;            // Ctrl-A
            case 5: pos = line.size(); break;  // Ctrl-E
            case 11: line.erase(pos); break;   // Ctrl-K
            case 21:                           // Ctrl-U
                line.erase(0, pos);
                pos = 0;
                break;
            case 23: {  // Ctrl-W: the word before the cursor
                std::size_t p = pos;
                while (p > 0 && line[p - 1] == ' ')
                    --p;
                while (p > 0 && line[p - 1] != ' ')
                    --p;
                line.erase(p, pos - p);
                pos = p;
                break;
            }
            case 12: write_all(STDOUT_FILENO, "\x1b[H\x1b[2J"); break;  // Ctrl-L
            case 27: {  // escape sequences: arrows, home, end, delete
                const int a = read_byte(STDIN_FILENO);
                if (a != '[' && a != 'O') break;
                int b = read_byte(STDIN_FILENO);
                if (b >= '0' && b <= '9') {
                    const int tilde = read_byte(STDIN_FILENO);
                    if (tilde != '~') break;
                    if (b == '3' && pos < line.size()) line.erase(pos, next_char(line, pos) - pos);
                    if (b == '1' || b == '7') pos = 0;
                    if (b == '4' || b == '8') pos = line.size();
                    break;
                }
                if (b == 'A' && hist_at > 0) {  // up
                    if (hist_at == history_.size()) scratch = line;
                    line = history_[--hist_at];
                    pos  = line.size();
                } else if (b == 'B' && hist_at < history_.size()) {  // down
                    ++hist_at;
                    line = hist_at == history_.size() ? scratch : history_[hist_at];
                    pos  = line.size();
                } else if (b == 'C') {
                    pos = next_char(line, pos);
                } else if (b == 'D') {
                    pos = prev_char(line, pos);
                } else if (b == 'H') {
                    pos = 0;
                } else if (b == 'F') {
                    pos = line.size();
                }
                break;
            }
            default:
                if (c >= 0x20 || c == '\t') {
                    line.insert(pos, 1, static_cast<char>(c));
                    ++pos;
                }
        }
        redraw(prompt, line, pos);
    }
}

void line_editor::add_history(const std::string& line) {
    if (line.empty() || line.find('\n') != std::string::npos) return;
    if (!history_.empty() && history_.back() == line) return;
    history_.push_back(line);
    while (history_.size() > limit_)
        history_.pop_front();
}

void line_editor::load_history(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        add_history(line);
}

void line_editor::save_history(const std::string& path) const {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return;
    std::string all;
    for (const auto& h : history_)
        all += h + "\n";
    write_all(fd, all);
    ::close(fd);
}

std::optional<std::string> read_password(const std::string& prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string secret;
    {
        terminal_mode mode(fd, false, false);
        if (!mode.ok()) {
            ::close(fd);
            return std::nullopt;
        }
        write_all(fd, prompt);
        for (;;) {
            const int c = read_byte(fd);
            if (c < 0 || c == '\n' || c == '\r') break;
            secret += static_cast<char>(c);
        }
        write_all(fd, "\n");
    }
    ::close(fd);
    return secret;
}

}  // namespace oranet::cli

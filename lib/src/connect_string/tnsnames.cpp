// tnsnames.ora: "alias[, alias...] = value" entries, where a value that
// starts with '(' runs until its parentheses balance (over several lines)
// and any other value ends with its line; '#' starts a comment to the end of
// the line. IFILE = path includes another file, relative to the including
// one. Shape after python-oracledb's TnsnamesFileParser and
// TnsnamesFileReader, but malformed files are reported with file:line:column
// instead of being skipped silently.
#include "values.hpp"

#include <oranet/connect_descriptor.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace oranet {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

class tns_parser {
public:
    tns_parser(std::string_view s, std::string_view file, diagnostics& diag)
        : s_(s), file_(file), diag_(diag) {}

    std::error_code run(std::vector<tnsnames_entry>& out) {
        for (;;) {
            skip_blank();
            if (at_end()) return {};
            tnsnames_entry e;
            e.file = std::string(file_);
            e.line = line_;
            if (auto ec = key(e)) return ec;
            if (auto ec = value(e)) return ec;
            out.push_back(std::move(e));
        }
    }

private:
    std::error_code fail(const std::string& what, std::size_t at = std::string_view::npos) {
        if (at != std::string_view::npos) pos_ = at;  // on the current line
        std::string where = file_.empty() ? std::string("tnsnames.ora") : std::string(file_);
        diag_.client_message =
            where + ":" + std::to_string(line_) + ":" + std::to_string(column()) + ": " + what;
        diag_.offset = static_cast<std::uint32_t>(pos_);
        return client_errc::tnsnames_invalid;
    }

    std::error_code key(tnsnames_entry& e) {
        const std::size_t start = pos_;
        while (!at_end() && s_[pos_] != '=' && s_[pos_] != '\n' && s_[pos_] != '#' && s_[pos_] != '(' &&
               s_[pos_] != ')')
            ++pos_;
        if (at_end() || s_[pos_] != '=') {
            if (!at_end() && (s_[pos_] == '(' || s_[pos_] == ')'))
                return fail(std::string("unexpected '") + s_[pos_] + "' where an alias was expected");
            return fail("expected '=' after the alias \"" +
                        std::string(detail::trim(s_.substr(start, pos_ - start))) + "\"");
        }
        std::string_view names = s_.substr(start, pos_ - start);
        for (;;) {
            const auto comma           = names.find(',');
            const std::string_view one = detail::trim(names.substr(0, comma));
            if (one.empty()) return fail("empty alias name before '='", start);
            for (char c : one)
                if (is_space(c)) return fail("alias \"" + std::string(one) + "\" contains a space", start);
            e.aliases.push_back(detail::to_upper(one));
            if (comma == std::string_view::npos) break;
            names.remove_prefix(comma + 1);
        }
        ++pos_;  // '='
        return {};
    }

    std::error_code value(tnsnames_entry& e) {
        // Skip spaces, newlines and comments before the value starts. A value
        // on a later line must be indented or start with '(': a name at the
        // start of a line begins the next entry.
        const std::uint32_t key_line = line_;
        skip_blank();
        if (at_end() || (line_ != key_line && column() == 1 && s_[pos_] != '('))
            return fail("alias " + e.aliases.front() + " has no value");
        e.value_line   = line_;
        e.value_column = static_cast<std::uint32_t>(column());
        if (s_[pos_] != '(') {
            const std::size_t start = pos_;
            while (!at_end() && s_[pos_] != '\n' && s_[pos_] != '#')
                ++pos_;
            e.value = std::string(detail::trim(s_.substr(start, pos_ - start)));
            return {};
        }
        int depth = 0;
        std::string text;
        while (!at_end()) {
            const char c = s_[pos_];
            if (c == '#') {
                while (!at_end() && s_[pos_] != '\n' && s_[pos_] != '\r') {
                    text += ' ';
                    ++pos_;
                }
                continue;
            }
            if (c == '"') {
                const auto close = s_.find('"', pos_ + 1);
                if (close == std::string_view::npos) return fail("unterminated quoted value");
                const std::string_view q = s_.substr(pos_, close - pos_ + 1);
                for (std::size_t i = 0; i < q.size(); ++i)
                    if (q[i] == '\n') {
                        pos_ += i;
                        new_line();
                        pos_ -= i;
                    }
                text.append(q);
                pos_ = close + 1;
                continue;
            }
            if (c == '\n') {
                new_line();
            } else if (c == '(') {
                ++depth;
            } else if (c == ')') {
                --depth;
            }
            text += c;
            ++pos_;
            if (depth == 0) break;
        }
        if (depth != 0) {
            return fail("missing ')': the value of " + e.aliases.front() + " opened at line " +
                        std::to_string(e.value_line) + ", column " + std::to_string(e.value_column) +
                        " does not close before the end of the file");
        }
        // Whatever follows on the closing line must be a comment.
        while (!at_end() && is_space(s_[pos_]))
            ++pos_;
        if (!at_end() && s_[pos_] != '\n' && s_[pos_] != '#')
            return fail("unexpected text after the value of " + e.aliases.front());
        e.value = std::move(text);
        return {};
    }

    void skip_blank() {
        while (!at_end()) {
            const char c = s_[pos_];
            if (c == '\n') {
                new_line();
                ++pos_;
            } else if (is_space(c)) {
                ++pos_;
            } else if (c == '#') {
                while (!at_end() && s_[pos_] != '\n')
                    ++pos_;
            } else {
                return;
            }
        }
    }
    void new_line() {
        ++line_;
        line_start_ = pos_ + 1;
    }
    std::size_t column() const { return pos_ - line_start_ + 1; }
    bool at_end() const { return pos_ >= s_.size(); }

    std::string_view s_;
    std::string_view file_;
    diagnostics& diag_;
    std::size_t pos_        = 0;
    std::size_t line_start_ = 0;
    std::uint32_t line_     = 1;
};

namespace fs = std::filesystem;

class loader {
public:
    explicit loader(diagnostics& diag) : diag_(diag) {}

    std::error_code load(const fs::path& path, const std::string& included_from, int depth,
                         std::vector<tnsnames_entry>& out) {
        std::error_code fs_ec;
        fs::path canon = fs::weakly_canonical(path, fs_ec);
        if (fs_ec) canon = path;
        for (const auto& p : stack_) {
            if (p == canon) {
                diag_.client_message =
                    included_from + ": IFILE " + path.string() + " is already being read (an include cycle)";
                return client_errc::tnsnames_include_cycle;
            }
        }
        if (depth > max_include_depth) {
            diag_.client_message = included_from + ": IFILE " + path.string() + " nests deeper than " +
                                   std::to_string(max_include_depth) + " files";
            return client_errc::tnsnames_include_too_deep;
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            diag_.client_message = (included_from.empty() ? std::string() : included_from + ": ") +
                                   "cannot read " + path.string();
            return client_errc::tnsnames_unreadable;
        }
        std::ostringstream buf;
        buf << in.rdbuf();
        const std::string text = buf.str();
        std::vector<tnsnames_entry> entries;
        if (auto ec = parse_tnsnames(text, path.string(), entries, diag_)) return ec;
        stack_.push_back(canon);
        for (auto& e : entries) {
            if (e.aliases.size() == 1 && e.aliases[0] == "IFILE") {
                std::string target = e.value;
                if (target.size() >= 2 && target.front() == '"' && target.back() == '"')
                    target = target.substr(1, target.size() - 2);
                fs::path next(target);
                if (next.is_relative()) next = path.parent_path() / next;
                const std::string where = path.string() + ":" + std::to_string(e.line);
                if (auto ec = load(next, where, depth + 1, out)) return ec;
            } else {
                out.push_back(std::move(e));
            }
        }
        stack_.pop_back();
        return {};
    }

private:
    diagnostics& diag_;
    std::vector<fs::path> stack_;
};

}  // namespace

std::error_code parse_tnsnames(std::string_view text, std::string_view file_name,
                               std::vector<tnsnames_entry>& out, diagnostics& diag) {
    std::vector<tnsnames_entry> r;
    tns_parser p(text, file_name, diag);
    if (auto ec = p.run(r)) return ec;
    out = std::move(r);
    return {};
}

const tnsnames_entry* tnsnames_file::find(std::string_view alias) const {
    // The last definition wins, as in python-oracledb's dictionary.
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        for (const auto& a : it->aliases)
            if (detail::iequals(a, alias)) return &*it;
    return nullptr;
}

std::error_code load_tnsnames(const std::string& path, tnsnames_file& out, diagnostics& diag) {
    tnsnames_file r;
    r.path = path;
    loader l(diag);
    if (auto ec = l.load(path, std::string(), 0, r.entries)) return ec;
    out = std::move(r);
    return {};
}

std::string tnsnames_directory(const std::string& config_dir) {
    if (!config_dir.empty()) return config_dir;
    if (const char* t = std::getenv("TNS_ADMIN"); t != nullptr && *t != '\0')
        return t;  // NOLINT(concurrency-mt-unsafe)
    if (const char* h = std::getenv("ORACLE_HOME");
        h != nullptr && *h != '\0')  // NOLINT(concurrency-mt-unsafe)
        return (std::filesystem::path(h) / "network" / "admin").string();
    return {};
}

}  // namespace oranet

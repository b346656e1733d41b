#include "sql_output.hpp"

#include <oranet/convert.hpp>

#include <algorithm>
#include <cctype>

namespace oranet::cli {
namespace {

// Display columns of UTF-8 text (one per character; wide characters are rare
// in database output and are counted as one).
std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool right_aligned(const column& c) {
    return c.ora_type == 2 || c.ora_type == 100 || c.ora_type == 101 || c.ora_type == 3 || c.ora_type == 21 ||
           c.ora_type == 22;
}

// Control characters would break the table's lines; they are shown escaped.
std::string printable(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20) {
            char b[8];
            std::snprintf(b, sizeof b, "\\x%02x", c);
            out += b;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

class csv_printer final : public row_printer {
public:
    explicit csv_printer(std::FILE* out) : out_(out) {}
    void begin(const std::vector<column>& cols) override {
        cols_ = cols;
        std::string line;
        for (std::size_t i = 0; i < cols.size(); ++i)
            line += (i ? "," : "") + csv_field(cols[i].name);
        std::fprintf(out_, "%s\n", line.c_str());
    }
    void row(const row_view& r) override {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i)
            line += (i ? "," : "") + csv_field(cell_text(r[i], cols_[i]));
        std::fprintf(out_, "%s\n", line.c_str());
    }
    void end(std::uint64_t /*rows*/) override { std::fflush(out_); }

private:
    std::FILE* out_;
    std::vector<column> cols_;
};

class json_printer final : public row_printer {
public:
    explicit json_printer(std::FILE* out) : out_(out) {}
    void begin(const std::vector<column>& cols) override { cols_ = cols; }
    void row(const row_view& r) override {
        std::string line = "{";
        for (std::size_t i = 0; i < r.size(); ++i) {
            const value& v = r[i];
            line += (i ? "," : "") + json_string(cols_[i].name) + ":";
            if (is_null(v))
                line += "null";
            else if (std::holds_alternative<number>(v) && !std::get<number>(v).is_infinity())
                line += std::get<number>(v).text();
            else if (std::holds_alternative<bool>(v))
                line += std::get<bool>(v) ? "true" : "false";
            else
                line += json_string(cell_text(v, cols_[i]));
        }
        line += "}";
        std::fprintf(out_, "%s\n", line.c_str());
    }
    void end(std::uint64_t /*rows*/) override { std::fflush(out_); }

private:
    std::FILE* out_;
    std::vector<column> cols_;
};

class table_printer final : public row_printer {
public:
    table_printer(std::FILE* out, std::size_t page) : out_(out), page_(std::max<std::size_t>(page, 1)) {}
    void begin(const std::vector<column>& cols) override {
        cols_ = cols;
        widths_.assign(cols.size(), 0);
        for (std::size_t i = 0; i < cols.size(); ++i)
            widths_[i] = display_width(cols[i].name);
    }
    void row(const row_view& r) override {
        std::vector<std::string> cells;
        cells.reserve(r.size());
        for (std::size_t i = 0; i < r.size(); ++i)
            cells.push_back(is_null(r[i]) ? std::string() : printable(cell_text(r[i], cols_[i])));
        if (!header_done_) {
            for (std::size_t i = 0; i < cells.size() && i < widths_.size(); ++i)
                widths_[i] = std::max(widths_[i], display_width(cells[i]));
            pending_.push_back(std::move(cells));
            if (pending_.size() >= page_) flush_page();
        } else {
            print_row(cells);
        }
    }
    void end(std::uint64_t rows) override {
        flush_page();
        if (rows == 0)
            std::fprintf(out_, "\nno rows selected\n\n");
        else
            std::fprintf(out_, "\n%llu row%s selected.\n\n", static_cast<unsigned long long>(rows),
                         rows == 1 ? "" : "s");
        std::fflush(out_);
    }

private:
    void flush_page() {
        if (!header_done_ && !cols_.empty() && !pending_.empty()) {
            std::vector<std::string> names;
            for (const auto& c : cols_)
                names.push_back(c.name);
            print_cells(names, false);
            std::string rule;
            for (std::size_t i = 0; i < widths_.size(); ++i)
                rule += (i ? " " : "") + std::string(widths_[i], '-');
            std::fprintf(out_, "%s\n", rule.c_str());
            header_done_ = true;
        }
        for (const auto& r : pending_)
            print_row(r);
        pending_.clear();
    }
    void print_row(const std::vector<std::string>& cells) { print_cells(cells, true); }
    void print_cells(const std::vector<std::string>& cells, bool align_numbers) {
        std::string line;
        for (std::size_t i = 0; i < cells.size() && i < widths_.size(); ++i) {
            const std::size_t w   = display_width(cells[i]);
            const std::size_t pad = w < widths_[i] ? widths_[i] - w : 0;
            if (i) line += ' ';
            const bool last = i + 1 == cells.size();
            if (align_numbers && right_aligned(cols_[i])) {
                line += std::string(pad, ' ') + cells[i];
            } else {
                line += cells[i];
                if (!last) line += std::string(pad, ' ');
            }
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        std::fprintf(out_, "%s\n", line.c_str());
    }

    std::FILE* out_;
    std::size_t page_;
    std::vector<column> cols_;
    std::vector<std::size_t> widths_;
    std::vector<std::vector<std::string>> pending_;
    bool header_done_ = false;
};

}  // namespace

std::unique_ptr<row_printer> make_printer(output_format f, std::FILE* out, std::size_t page_rows) {
    switch (f) {
        case output_format::csv: return std::make_unique<csv_printer>(out);
        case output_format::json: return std::make_unique<json_printer>(out);
        case output_format::table: break;
    }
    return std::make_unique<table_printer>(out, page_rows);
}

std::string cell_text(const value& v, const column& col) {
    int frac = -1;
    if (col.ora_type == 12) frac = 0;  // DATE
    if (col.ora_type == 180 || col.ora_type == 181 || col.ora_type == 231) frac = col.scale;
    return to_text(v, frac);
}

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

std::string feedback_text(const std::string& verb, std::uint64_t rows) {
    const std::string n = std::to_string(rows) + (rows == 1 ? " row " : " rows ");
    if (verb == "INSERT") return n + "inserted.";
    if (verb == "UPDATE") return n + "updated.";
    if (verb == "DELETE") return n + "deleted.";
    if (verb == "MERGE") return n + "merged.";
    if (verb == "COMMIT") return "Commit complete.";
    if (verb == "ROLLBACK") return "Rollback complete.";
    if (verb == "SAVEPOINT") return "Savepoint created.";
    if (verb == "BEGIN" || verb == "DECLARE" || verb == "CALL")
        return "PL/SQL procedure successfully completed.";
    if (verb == "GRANT") return "Grant succeeded.";
    if (verb == "REVOKE") return "Revoke succeeded.";
    if (verb == "ALTER SESSION") return "Session altered.";
    if (verb == "ALTER SYSTEM") return "System altered.";
    const auto space = verb.find(' ');
    if (space == std::string::npos) return {};
    const std::string action = verb.substr(0, space);
    std::string object       = verb.substr(space + 1);
    for (std::size_t i = 1; i < object.size(); ++i)
        if (object[i - 1] != ' ')
            object[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(object[i])));
    const char* done = action == "CREATE"  ? "created."
                       : action == "ALTER" ? "altered."
                       : action == "DROP"  ? "dropped."
                                           : "truncated.";
    return object + " " + done;
}

}  // namespace oranet::cli

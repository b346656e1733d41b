#include "nv.hpp"

#include "values.hpp"

namespace oranet::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_keyword_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

std::string shown(char c) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
        static const char* hex = "0123456789abcdef";
        const auto u           = static_cast<unsigned char>(c);
        return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
    }
    return std::string("'") + c + "'";
}

class nv_parser {
public:
    nv_parser(std::string_view text, std::size_t pos, diagnostics& diag) : s_(text), pos_(pos), diag_(diag) {}

    std::error_code node(nv_node& out, int depth) {
        skip_spaces();
        if (depth > max_nv_depth) return fail_at(diag_, s_, pos_, "descriptor nests too deeply");
        if (at_end()) return fail_at(diag_, s_, pos_, "expected '(' but the text ends");
        if (s_[pos_] != '(') return fail_at(diag_, s_, pos_, "expected '(' but got " + shown(s_[pos_]));
        const std::size_t open = pos_++;
        skip_spaces();
        out.name_offset = pos_;
        while (!at_end() && is_keyword_char(s_[pos_]))
            ++pos_;
        if (pos_ == out.name_offset) {
            if (at_end()) return fail_at(diag_, s_, pos_, "expected a keyword but the text ends");
            return fail_at(diag_, s_, pos_, "expected a keyword but got " + shown(s_[pos_]));
        }
        out.name = std::string(s_.substr(out.name_offset, pos_ - out.name_offset));
        skip_spaces();
        if (at_end() || s_[pos_] != '=')
            return fail_at(diag_, s_, pos_, "expected '=' after " + to_upper(out.name));
        ++pos_;
        skip_spaces();
        out.value_offset = pos_;
        if (auto ec = value(out, depth)) return ec;
        skip_spaces();
        if (at_end())
            return fail_at(
                diag_, s_, pos_,
                "missing ')' to close " + to_upper(out.name) + " opened at " + position_text(s_, open));
        if (s_[pos_] != ')')
            return fail_at(diag_, s_, pos_, "expected ')' after the value of " + to_upper(out.name));
        ++pos_;
        skip_spaces();
        return {};
    }

    std::size_t pos() const { return pos_; }

private:
    std::error_code value(nv_node& out, int depth) {
        if (at_end()) return {};
        const char c = s_[pos_];
        if (c == '(') {
            out.is_list = true;
            while (!at_end() && s_[pos_] == '(') {
                out.children.emplace_back();
                if (auto ec = node(out.children.back(), depth + 1)) return ec;
            }
            if (!at_end() && s_[pos_] != ')')
                return fail_at(diag_, s_, pos_,
                               "expected '(' or ')' in the list of " + to_upper(out.name) + " but got " +
                                   shown(s_[pos_]));
            return {};
        }
        if (c == '"') {
            const auto close = s_.find('"', pos_ + 1);
            if (close == std::string_view::npos)
                return fail_at(diag_, s_, pos_, "unterminated quoted value of " + to_upper(out.name));
            out.atom   = std::string(s_.substr(pos_ + 1, close - pos_ - 1));
            out.quoted = true;
            pos_       = close + 1;
            return {};
        }
        const std::size_t start = pos_;
        while (!at_end() && s_[pos_] != ')') {
            if (s_[pos_] == '(' || s_[pos_] == '"')
                return fail_at(diag_, s_, pos_,
                               "unexpected " + shown(s_[pos_]) + " in the value of " + to_upper(out.name));
            ++pos_;
        }
        out.atom = std::string(trim(s_.substr(start, pos_ - start)));
        return {};
    }

    void skip_spaces() {
        while (!at_end() && is_space(s_[pos_]))
            ++pos_;
    }
    bool at_end() const { return pos_ >= s_.size(); }

    std::string_view s_;
    std::size_t pos_;
    diagnostics& diag_;
};

}  // namespace

std::error_code parse_nv(std::string_view text, std::size_t& pos, nv_node& out, diagnostics& diag) {
    nv_parser p(text, pos, diag);
    out = nv_node{};
    if (auto ec = p.node(out, 0)) return ec;
    pos = p.pos();
    return {};
}

std::string position_text(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    if (text.find('\n') == std::string_view::npos) return "offset " + std::to_string(offset);
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::error_code fail_at(diagnostics& diag, std::string_view text, std::size_t offset, const std::string& what,
                        client_errc code) {
    diag.client_message = position_text(text, offset) + ": " + what;
    diag.offset         = static_cast<std::uint32_t>(offset);
    return code;
}

std::string render_nv(const nv_node& n) {
    std::string out = "(" + to_upper(n.name) + "=";
    if (n.is_list) {
        for (const auto& c : n.children)
            out += render_nv(c);
    } else {
        out += descriptor_value(n.atom);
    }
    out += ')';
    return out;
}

}  // namespace oranet::detail

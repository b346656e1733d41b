#include "emulate/engine/lexer.hpp"

#include "emulate/engine/error.hpp"

#include <cctype>

namespace oranet::emulate {
namespace {

bool ident_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}
bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Character offset (not byte offset) of byte position b.
std::uint32_t char_pos(std::string_view s, std::size_t b) {
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < b && i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

std::string upper(std::string_view s) {
    std::string r(s);
    for (auto& c : r)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return r;
}

}  // namespace

std::vector<token> tokenize(std::string_view s) {
    std::vector<token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
            while (i < s.size() && s[i] != '\n')
                ++i;
            continue;
        }
        if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            auto e = s.find("*/", i + 2);
            i      = e == std::string_view::npos ? s.size() : e + 2;
            continue;
        }
        token t;
        t.pos         = char_pos(s, i);
        bool national = (c == 'N' || c == 'n') && i + 1 < s.size() && s[i + 1] == '\'';
        if (c == '\'' || national) {
            if (national) ++i;
            std::string v;
            std::size_t j = i + 1;
            for (;; ++j) {
                if (j >= s.size()) raise(1756, "quoted string not properly terminated", t.pos);
                if (s[j] == '\'') {
                    if (j + 1 < s.size() && s[j + 1] == '\'') {
                        v.push_back('\'');
                        ++j;
                        continue;
                    }
                    break;
                }
                v.push_back(s[j]);
            }
            t.kind     = tok::string;
            t.text     = v;
            t.national = national;
            i          = j + 1;
        } else if (c == '"') {
            auto e = s.find('"', i + 1);
            if (e == std::string_view::npos) raise(1740, "missing double quote in identifier", t.pos);
            if (e == i + 1) raise(1741, "illegal zero-length identifier", t.pos);
            t.kind = tok::quoted;
            t.text = t.name = std::string(s.substr(i + 1, e - i - 1));
            i               = e + 1;
        } else if (ident_start(c)) {
            std::size_t j = i;
            while (j < s.size() && ident_char(s[j]))
                ++j;
            t.kind = tok::ident;
            t.text = std::string(s.substr(i, j - i));
            t.name = upper(t.text);
            i      = j;
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            std::size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                ++j;
            if (j < s.size() && s[j] == '.' && !(j + 1 < s.size() && s[j + 1] == '.')) {
                ++j;
                while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                    ++j;
            }
            if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
                std::size_t k = j + 1;
                if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
                if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
                    while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])))
                        ++k;
                    j = k;
                }
            }
            t.kind = tok::number;
            t.text = std::string(s.substr(i, j - i));
            i      = j;
        } else if (c == ':' && i + 1 < s.size() && (ident_char(s[i + 1]) || s[i + 1] == '"')) {
            std::size_t j = i + 1;
            t.kind        = tok::bind;
            if (s[j] == '"') {
                auto e = s.find('"', j + 1);
                if (e == std::string_view::npos) raise(1740, "missing double quote in identifier", t.pos);
                t.name = std::string(s.substr(j + 1, e - j - 1));
                j      = e + 1;
            } else {
                while (j < s.size() && ident_char(s[j]))
                    ++j;
                t.name = upper(s.substr(i + 1, j - i - 1));
            }
            t.text = std::string(s.substr(i, j - i));
            i      = j;
        } else {
            static const char* two[] = {"||", "<=", ">=", "<>", "!=", "^=", "=>", ":="};
            t.kind                   = tok::op;
            t.text                   = std::string(1, c);
            for (const char* o : two)
                if (s.substr(i, 2) == o) t.text = o;
            i += t.text.size();
        }
        out.push_back(std::move(t));
    }
    token e;
    e.kind = tok::end;
    e.pos  = char_pos(s, s.size());
    for (int k = 0; k < 8; ++k)
        out.push_back(e);  // lookahead past the end stays on end tokens
    return out;
}

std::string quote_ident(std::string_view name) {
    std::string r = "\"";
    for (char c : name) {
        if (c == '"') r.push_back('"');
        r.push_back(c);
    }
    return r + "\"";
}

std::string quote_string(std::string_view text) {
    std::string r = "'";
    for (char c : text) {
        if (c == '\'') r.push_back('\'');
        r.push_back(c);
    }
    return r + "'";
}

}  // namespace oranet::emulate

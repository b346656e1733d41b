// A small Oracle SQL tokenizer for the emulator's rewriter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::emulate {

enum class tok { ident, quoted, string, number, bind, op, end };

struct token {
    tok kind = tok::end;
    std::string text;       // ident: as written; quoted: without quotes; string: unescaped; op: the operator
    std::string name;       // ident: upper-cased; quoted: as written; bind: its name ("1", "NAME")
    std::uint32_t pos = 0;  // 0-based character offset in the SQL text
    bool national     = false;  // N'...'

    [[nodiscard]] bool is(std::string_view kw) const { return kind == tok::ident && name == kw; }
    [[nodiscard]] bool is_op(std::string_view o) const { return kind == tok::op && text == o; }
};

// Splits SQL into tokens (comments dropped), followed by 8 tok::end tokens
// (so that lookahead never leaves the vector).
// Throws ora_exception ORA-01756 for an unterminated quoted string.
[[nodiscard]] std::vector<token> tokenize(std::string_view sql);

// An SQLite-safe spelling of one token.
[[nodiscard]] std::string quote_ident(std::string_view name);
[[nodiscard]] std::string quote_string(std::string_view text);

}  // namespace oranet::emulate

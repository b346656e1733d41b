// The (NAME=value) syntax of connect descriptors as a tree, with the offset
// of every name and value so that errors can say where. Private to lib/.
#pragma once

#include <oranet/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet::detail {

struct nv_node {
    std::string name;  // as written
    std::size_t name_offset = 0;
    bool is_list            = false;  // (NAME=(A=..)(B=..)) rather than (NAME=atom)
    std::string atom;                 // trimmed, quotes removed
    bool quoted              = false;
    std::size_t value_offset = 0;
    std::vector<nv_node> children;
};

// Nesting deeper than this is refused (real descriptors nest 4 or 5 deep).
inline constexpr int max_nv_depth = 16;

// Parses one "(NAME=value)" starting at text[pos] (spaces before it are
// skipped) and leaves pos after its ')' and any spaces. On failure returns
// connect_string_invalid with "<where>: <what>" in diag.client_message.
[[nodiscard]] std::error_code parse_nv(std::string_view text, std::size_t& pos, nv_node& out,
                                       diagnostics& diag);

// "offset 12" for one-line text, "line 3, column 7" for text with newlines.
[[nodiscard]] std::string position_text(std::string_view text, std::size_t offset);

// Sets diag.client_message to "<position>: <what>" and returns `code`.
std::error_code fail_at(diagnostics& diag, std::string_view text, std::size_t offset, const std::string& what,
                        client_errc code = client_errc::connect_string_invalid);

// (NAME=value) as text, the name upper-cased, nested lists rendered inline.
[[nodiscard]] std::string render_nv(const nv_node& n);

}  // namespace oranet::detail

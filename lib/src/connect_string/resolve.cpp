// Any connect string (descriptor, Easy Connect Plus, tnsnames.ora alias) to
// the connect-descriptor model.
#include "nv.hpp"
#include "values.hpp"

#include <oranet/connect_descriptor.hpp>

#include <algorithm>
#include <filesystem>

namespace oranet {
namespace {

bool is_alias_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

// A descriptor or Easy Connect string (no alias lookup).
std::error_code parse_direct(std::string_view text, description_list& out, diagnostics& diag) {
    if (!text.empty() && text.front() == '(') return parse_connect_descriptor(text, out, diag);
    return parse_easy_connect_plus(text, out, diag);
}

// "file:line:column: alias NAME: what", the position of a value error
// mapped back into the file.
std::string alias_error(const tnsnames_entry& e, std::string_view alias, const diagnostics& diag) {
    std::uint32_t line = e.value_line, column = e.value_column;
    const std::size_t offset = std::min<std::size_t>(diag.offset.value_or(0), e.value.size());
    for (std::size_t i = 0; i < offset; ++i) {
        if (e.value[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    std::string what = diag.client_message;
    if (const auto colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    return e.file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": alias " +
           std::string(alias) + ": " + what;
}

}  // namespace

bool description::uses_tcps() const noexcept {
    for (const auto& l : address_lists)
        for (const auto& a : l.addresses)
            if (a.protocol == net_protocol::tcps) return true;
    return false;
}

std::vector<net_address> description_list::all_addresses() const {
    std::vector<net_address> r;
    for (const auto& d : descriptions)
        for (const auto& l : d.address_lists)
            r.insert(r.end(), l.addresses.begin(), l.addresses.end());
    return r;
}

std::error_code resolve_connect_string(std::string_view text, const resolve_options& opts,
                                       description_list& out, diagnostics& diag) {
    const std::string_view t = detail::trim(text);
    if (t.empty()) {
        diag.client_message = "the connect string is empty";
        return client_errc::connect_string_invalid;
    }
    bool bare = true;
    for (char c : t)
        bare = bare && is_alias_char(c);
    if (!bare) return parse_direct(t, out, diag);

    // A bare name: a tnsnames.ora alias when the file holds it, else a host.
    const std::string dir = tnsnames_directory(opts.config_dir);
    if (!dir.empty()) {
        const auto path = (std::filesystem::path(dir) / "tnsnames.ora").string();
        std::error_code exists_ec;
        if (std::filesystem::exists(path, exists_ec)) {
            tnsnames_file file;
            if (auto ec = load_tnsnames(path, file, diag)) return ec;
            if (const auto* e = file.find(t)) {
                if (auto ec = parse_direct(e->value, out, diag)) {
                    diag.client_message = alias_error(*e, t, diag);
                    return ec;
                }
                return {};
            }
        } else if (!opts.config_dir.empty()) {
            diag.client_message = "no tnsnames.ora in " + dir + " for alias " + std::string(t);
            return client_errc::tnsnames_unreadable;
        }
    }
    return parse_easy_connect_plus(t, out, diag);
}

}  // namespace oranet

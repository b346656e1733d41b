// Fuzzes the tnsnames.ora parser: any text, no crash, every error says
// where; each entry's value goes through the descriptor or Easy Connect
// parser as resolve_connect_string would send it.
#include <oranet/connect_descriptor.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    try {
        const std::string_view text(reinterpret_cast<const char*>(data), size);
        std::vector<oranet::tnsnames_entry> entries;
        oranet::diagnostics diag;
        if (oranet::parse_tnsnames(text, "fuzz.ora", entries, diag)) {
            if (diag.client_message.rfind("fuzz.ora:", 0) != 0) __builtin_trap();
            return 0;
        }
        for (const auto& e : entries) {
            if (e.aliases.empty() || e.value.empty() || e.line == 0 || e.value_line < e.line)
                __builtin_trap();
            oranet::description_list dl;
            if (e.value.front() == '(') {
                (void)oranet::parse_connect_descriptor(e.value, dl, diag);
            } else {
                (void)oranet::parse_easy_connect_plus(e.value, dl, diag);
            }
        }
    } catch (...) {
        // std::bad_alloc only; the parser itself never throws.
    }
    return 0;
}

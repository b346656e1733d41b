// Fuzzes the (DESCRIPTION=...) parser: any text, no crash, and what parses
// renders to text that parses again and renders the same (a fixed point).
#include <oranet/connect_descriptor.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    try {
        const std::string_view text(reinterpret_cast<const char*>(data), size);
        oranet::description_list dl;
        oranet::diagnostics diag;
        if (oranet::parse_connect_descriptor(text, dl, diag)) {
            if (diag.client_message.empty()) __builtin_trap();  // every error says where and what
            return 0;
        }
        if (dl.all_addresses().empty()) __builtin_trap();
        const std::string once = oranet::render_descriptor(dl);
        oranet::description_list again;
        if (oranet::parse_connect_descriptor(once, again, diag)) __builtin_trap();
        if (oranet::render_descriptor(again) != once) __builtin_trap();
        const oranet::client_identity cid{"p", "h", "u", "id"};
        for (const auto& d : dl.descriptions)
            (void)oranet::render_description(d, &cid);
    } catch (...) {
        // std::bad_alloc only; the parser itself never throws.
    }
    return 0;
}

// Fuzzes the Easy Connect parsers (today's host[:port][/service] one and
// Easy Connect Plus): any text, no crash; what Easy Connect Plus accepts
// renders to a descriptor that parses and renders the same again.
#include <oranet/connect_descriptor.hpp>
#include <oranet/easy_connect.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    try {
        const std::string_view text(reinterpret_cast<const char*>(data), size);
        oranet::easy_connect simple;
        (void)oranet::parse_easy_connect(text, simple);
        oranet::login_string login;
        (void)oranet::parse_login_string(text, login);

        oranet::description_list dl;
        oranet::diagnostics diag;
        if (oranet::parse_easy_connect_plus(text, dl, diag)) {
            if (diag.client_message.empty()) __builtin_trap();
            return 0;
        }
        if (dl.descriptions.size() != 1 || dl.all_addresses().empty()) __builtin_trap();
        const std::string once = oranet::render_descriptor(dl);
        oranet::description_list again;
        if (oranet::parse_connect_descriptor(once, again, diag)) __builtin_trap();
        if (oranet::render_descriptor(again) != once) __builtin_trap();
        if (again.all_addresses() != dl.all_addresses()) __builtin_trap();
    } catch (...) {
        // std::bad_alloc only; the parsers themselves never throw.
    }
    return 0;
}

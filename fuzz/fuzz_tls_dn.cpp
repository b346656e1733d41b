// Fuzzes the ssl_server_cert_dn parser of the TLS transport: any text, no
// crash; what it accepts equals itself, and renders ("K=v,...") to a text
// that parses to the same attributes.
#include "../lib/src/detail/tls_transport.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    try {
        const std::string_view text(reinterpret_cast<const char*>(data), size);
        std::vector<std::pair<std::string, std::string>> dn;
        if (!oranet::detail::parse_dn(text, dn)) return 0;
        if (dn.empty() || !oranet::detail::same_dn(dn, dn)) __builtin_trap();
        std::string rendered;
        for (const auto& [k, v] : dn)
            rendered += (rendered.empty() ? "" : ",") + k + "=" + v;
        std::vector<std::pair<std::string, std::string>> again;
        if (!oranet::detail::parse_dn(rendered, again) || again != dn) __builtin_trap();
    } catch (...) {
        // std::bad_alloc only; the parser itself never throws.
    }
    return 0;
}

// Fuzzes the reading of an HTTPS proxy's reply to CONNECT: any bytes, no
// crash; a head end lies inside the input; an accepted status is three
// digits from 100 up; the status line kept for messages is printable ASCII
// and bounded.
#include "../lib/src/detail/http_proxy.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    try {
        const std::string_view text(reinterpret_cast<const char*>(data), size);
        const std::size_t end = oranet::detail::proxy_reply_end(text);
        if (end != std::string_view::npos && (end > size || end < 2)) __builtin_trap();
        oranet::detail::proxy_reply r;
        const bool ok = oranet::detail::parse_proxy_reply(text, r);
        if (ok != (r.status != 0)) __builtin_trap();
        if (ok && (r.status < 100 || r.status > 999)) __builtin_trap();
        if (r.status_line.size() > 200) __builtin_trap();
        for (char ch : r.status_line)
            if (ch < 0x20 || ch > 0x7e) __builtin_trap();
    } catch (...) {
        // std::bad_alloc only; the parser itself never throws.
    }
    return 0;
}

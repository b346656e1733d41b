// Fuzzes NUMBER text parsing: whatever parses is canonical (it parses to
// itself), survives the byte form, and converts consistently to int64.
#include <oranet/proto/types/number.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    using oranet::number;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    number n;
    if (!number::parse(text, n)) return 0;
    number again;
    if (!number::parse(n.text(), again) || again.text() != n.text()) __builtin_trap();
    std::vector<std::uint8_t> bytes;
    oranet::proto::types::encode_number(n, bytes);
    number back;
    if (oranet::proto::types::decode_number(bytes, back) || back != n) __builtin_trap();
    std::int64_t i = 0;
    if (n.to_int64(i) && number::from_int64(i) != n) __builtin_trap();
    number from_d;
    (void)number::from_double(n.to_double(), from_d);
    if ((n <=> n) != 0) __builtin_trap();
    return 0;
}

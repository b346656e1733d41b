// Fuzzes the implicit results decoder (message 27 after its type byte): any
// input, no crash; a decoded message re-encodes and decodes to the same bytes.
#include <oranet/proto/ttc/implicit_result.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size == 0) return 0;
    // The first byte picks the field version.
    oranet::proto::ttc::caps c;
    c.ttc_field_version = static_cast<std::uint8_t>(data[0] % 26);
    c.supports_oac_type = (data[0] & 0x80) != 0;
    oranet::proto::reader r({data + 1, size - 1});
    oranet::proto::ttc::implicit_results m;
    if (oranet::proto::ttc::decode_body(r, m, c)) return 0;
    if (r.offset() > size - 1) __builtin_trap();
    oranet::proto::writer w;
    oranet::proto::ttc::encode(w, m, c);
    oranet::proto::reader again({w.data().data() + 1, w.data().size() - 1});
    oranet::proto::ttc::implicit_results m2;
    if (oranet::proto::ttc::decode_body(again, m2, c)) __builtin_trap();
    if (m2.results.size() != m.results.size()) __builtin_trap();
    return 0;
}

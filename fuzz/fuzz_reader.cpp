// Fuzzes the reader primitives: any input, any sequence of reads, no crash,
// and a failed reader never reports progress past its input.
#include <oranet/proto/reader.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size == 0) return 0;
    // The first byte picks the sequence of reads; the rest is the input.
    const std::uint8_t program = data[0];
    oranet::proto::reader r({data + 1, size - 1});
    std::vector<std::uint8_t> scratch;
    for (int step = 0; step < 64 && r.ok() && !r.empty(); ++step) {
        switch ((program + step) % 8) {
            case 0: (void)r.ub2(); break;
            case 1: (void)r.ub4(); break;
            case 2: (void)r.ub8(); break;
            case 3: (void)r.sb8(); break;
            case 4: (void)r.bytes_with_length(scratch); break;
            case 5: (void)r.ub4_then_bytes(scratch); break;
            case 6: (void)r.count(r.ub4(), 1000, 2); break;
            default: (void)r.u32be(); break;
        }
    }
    if (r.offset() > size - 1) __builtin_trap();
    return 0;
}

// Fuzzes the TNS assembler: the input is fed in chunks whose sizes come from
// the input itself; every packet returned is decoded by its type; packets
// never exceed the maximum size, and the bytes returned never exceed the
// bytes fed.
#include <oranet/proto/tns/assembler.hpp>
#include <oranet/proto/tns/packet.hpp>

#include <cstddef>
#include <cstdint>

using namespace oranet::proto;
using namespace oranet::proto::tns;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size < 2) return 0;
    // Byte 0: chunk size seed; byte 1: the maximum packet size class.
    const std::size_t chunk_seed = data[0];
    const std::size_t max_packet = 8 + static_cast<std::size_t>(data[1]) * 257;
    const bytes_view stream(data + 2, size - 2);

    assembler a(length_mode::short_form, max_packet);
    std::size_t pos = 0, returned = 0, packets = 0;
    for (;;) {
        packet_view v;
        std::error_code ec;
        const auto st = a.next(v, ec);
        if (st == assemble_status::error) break;
        if (st == assemble_status::packet) {
            if (v.bytes.size() > max_packet || v.bytes.size() < header_size) __builtin_trap();
            returned += v.bytes.size();
            any_packet any;
            if (!decode_packet(v, any)) {
                // Switch to the large form after an ACCEPT, as a driver would.
                if (const auto* acc = std::get_if<accept_packet>(&any))
                    a.set_length_mode(negotiated_length_mode(*acc));
            }
            if (++packets % 3 == 0) a.set_length_mode(length_mode::large_sdu);
            continue;
        }
        if (pos == stream.size()) break;
        const std::size_t n =
            std::min<std::size_t>(1 + (chunk_seed * (packets + 1) + pos) % 97, stream.size() - pos);
        a.feed(stream.subspan(pos, n));
        pos += n;
    }
    if (returned + a.buffered() > stream.size() && !a.error()) __builtin_trap();
    return 0;
}

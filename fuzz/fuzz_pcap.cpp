// Fuzzes `oranet dump` end to end: any file (pcap, pcapng, a packet trace
// or noise) through the container readers, the link/IP/TCP parsers, TCP
// reassembly, TNS framing and the TTC decoders, to the printed JSON and
// text. No crash, no hang, whatever the bytes. A second pass feeds the input
// straight into one stream's decoder, split where its first byte says.
// The tools/dump sources are compiled into this target directly (the fuzz
// targets link only the libraries).
#include "../tools/dump/decoder.cpp"
#include "../tools/dump/dump.cpp"
#include "../tools/dump/frame_parse.cpp"
#include "../tools/dump/hex_dump.cpp"
#include "../tools/dump/output.cpp"
#include "../tools/dump/pcap_reader.cpp"
#include "../tools/dump/tcp_reassembly.cpp"
#include "../tools/dump/ttc_decode.cpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    static std::FILE* sink = std::fopen("/dev/null", "w");
    try {
        const std::vector<std::uint8_t> file(data, data + size);
        (void)oranet::dump::decode_capture(file, [](const oranet::dump::packet_out& p) {
            oranet::dump::print_packet(sink, p, {true});
            oranet::dump::print_packet(sink, p, {false});
        });
        if (size > 1) {
            const std::size_t split = 1 + data[0] % (size - 1);
            oranet::dump::stream_decoder d(1);
            auto emit = [](const oranet::dump::packet_out& p) {
                oranet::dump::print_packet(sink, p, {true});
            };
            oranet::dump::stream_chunk c;
            c.stream = 1;
            c.data   = {data + 1, split - 1};
            d.feed(c, emit);
            c.side = 1;
            c.data = {data + split, size - split};
            d.feed(c, emit);
            d.finish(emit);
        }
    } catch (const std::bad_alloc&) {
        // Only a bounded amount is ever buffered; an allocation failure is the
        // fuzzer's memory limit, not a bug here.
    }
    return 0;
}

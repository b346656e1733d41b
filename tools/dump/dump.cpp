// `oranet dump`: file format detection and the pipeline from frames to
// printed packets.
#include "dump.hpp"

#include "capture.hpp"
#include "decoder.hpp"

#include <fstream>
#include <iterator>

namespace oranet::dump {

std::string decode_capture(const std::vector<std::uint8_t>& file,
                           const std::function<void(const packet_out&)>& emit) {
    traffic_decoder decoder(emit);
    const bytes_view bytes(file);
    if (is_pcap(bytes) || is_pcapng(bytes)) {
        tcp_reassembler tcp([&](const stream_chunk& c) { decoder.feed(c); });
        const std::string err = read_pcap_frames(bytes, [&](const raw_frame& f) {
            tcp_segment seg;
            if (parse_tcp_frame(f.link, f.data, seg)) tcp.add(f.index, seg);
        });
        tcp.finish();
        decoder.finish();
        return err;
    }
    const std::string_view text(reinterpret_cast<const char*>(file.data()), file.size());
    if (looks_like_hex_dump(text)) {
        read_hex_dump(text, [&](const stream_chunk& c) { decoder.feed(c); });
        decoder.finish();
        return {};
    }
    return "not a pcap, pcapng or packet trace file";
}

int run_dump(const std::string& path, const output_options& o, std::FILE* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "oranet dump: cannot open %s\n", path.c_str());
        return 1;
    }
    const std::vector<std::uint8_t> file((std::istreambuf_iterator<char>(in)),
                                         std::istreambuf_iterator<char>());
    const std::string err = decode_capture(file, [&](const packet_out& p) { print_packet(out, p, o); });
    if (!err.empty()) {
        print_notice(out, err, o);
        std::fprintf(stderr, "oranet dump: %s: %s\n", path.c_str(), err.c_str());
        return 1;
    }
    return 0;
}

}  // namespace oranet::dump

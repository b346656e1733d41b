#include <oranet/proto/tns/data.hpp>

#include <algorithm>

namespace oranet::proto::tns {

void encode(writer& w, const data_packet& m) {
    w.u16be(m.data_flags);
    w.bytes(m.payload);
}

std::error_code decode(reader& r, data_packet& m) {
    m.data_flags = r.u16be("data_flags");
    m.payload    = r.bytes(r.remaining(), "data");
    return r.finish();
}

std::size_t max_data_payload(std::size_t max_packet_size) noexcept {
    constexpr std::size_t overhead = header_size + data_flags_size;
    return max_packet_size > overhead ? max_packet_size - overhead : 0;
}

std::error_code write_data_packets(writer& w, bytes_view payload, std::size_t max_packet_size,
                                   length_mode mode, std::uint16_t last_flags, std::uint16_t other_flags) {
    if (mode == length_mode::short_form)
        max_packet_size = std::min<std::size_t>(max_packet_size, max_short_packet);
    const std::size_t chunk = max_data_payload(max_packet_size);
    if (chunk == 0) return client_errc::bad_argument;
    std::size_t pos = 0;
    do {
        const std::size_t n = std::min(chunk, payload.size() - pos);
        const bool last     = pos + n == payload.size();
        data_packet d;
        d.data_flags = last ? last_flags : other_flags;
        d.payload    = payload.subspan(pos, n);
        if (auto ec = write_packet(w, d, mode)) return ec;
        pos += n;
    } while (pos < payload.size());
    return {};
}

}  // namespace oranet::proto::tns

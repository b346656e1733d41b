// pcap and pcapng containers. Formats: the classic libpcap file (24-byte
// file header, 16-byte record headers; either byte order, micro- or
// nanosecond stamps) and pcapng (blocks of type, total length, body, total
// length; section header, interface description, enhanced, simple and the
// obsolete packet block).
#include "capture.hpp"

#include <cstring>

namespace oranet::dump {
namespace {

constexpr std::uint32_t pcap_magic_us = 0xa1b2c3d4;
constexpr std::uint32_t pcap_magic_ns = 0xa1b23c4d;
constexpr std::uint32_t pcapng_shb    = 0x0a0d0d0a;
constexpr std::uint32_t pcapng_bom    = 0x1a2b3c4d;

std::uint32_t load32(const std::uint8_t* p, bool big) noexcept {
    return big ? (std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3])
               : (std::uint32_t{p[3]} << 24 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[1]} << 8 | p[0]);
}
std::uint16_t load16(const std::uint8_t* p, bool big) noexcept {
    return big ? static_cast<std::uint16_t>(p[0] << 8 | p[1]) : static_cast<std::uint16_t>(p[1] << 8 | p[0]);
}

std::string read_classic(bytes_view f, const frame_fn& fn) {
    if (f.size() < 24) return "pcap file header cut short";
    const bool big     = load32(f.data(), true) == pcap_magic_us || load32(f.data(), true) == pcap_magic_ns;
    const bool nano    = load32(f.data(), big) == pcap_magic_ns;
    const auto link    = load32(f.data() + 20, big) & 0xffffu;  // upper bits: FCS length
    std::size_t pos    = 24;
    std::size_t number = 0;
    while (pos < f.size()) {
        if (f.size() - pos < 16) return "record header cut short at byte " + std::to_string(pos);
        const std::uint8_t* h    = f.data() + pos;
        const std::uint32_t incl = load32(h + 8, big);
        pos += 16;
        if (incl > f.size() - pos) return "record " + std::to_string(number + 1) + " cut short";
        raw_frame fr;
        fr.index     = ++number;
        fr.link      = link;
        fr.time_sec  = load32(h, big);
        fr.time_usec = nano ? load32(h + 4, big) / 1000 : load32(h + 4, big);
        fr.data      = f.subspan(pos, incl);
        fn(fr);
        pos += incl;
    }
    return {};
}

std::string read_ng(bytes_view f, const frame_fn& fn) {
    bool big = false;
    std::vector<std::uint32_t> links;  // link type per interface of the current section
    std::size_t pos = 0, number = 0;
    while (pos < f.size()) {
        if (f.size() - pos < 12) return "block header cut short at byte " + std::to_string(pos);
        const std::uint8_t* b = f.data() + pos;
        if (load32(b, false) == pcapng_shb) {  // the same in both byte orders
            if (load32(b + 8, false) == pcapng_bom)
                big = false;
            else if (load32(b + 8, true) == pcapng_bom)
                big = true;
            else
                return "section header with a bad byte-order magic at byte " + std::to_string(pos);
            links.clear();
        }
        const std::uint32_t type = load32(b, big);
        const std::uint32_t len  = load32(b + 4, big);
        if (len < 12 || len > f.size() - pos)
            return "block length out of range at byte " + std::to_string(pos);
        const bytes_view body = f.subspan(pos + 8, len - 12);
        raw_frame fr;
        bool have = false;
        if (type == 1) {  // interface description
            if (body.size() >= 2) links.push_back(load16(body.data(), big));
        } else if (type == 6 && body.size() >= 20) {  // enhanced packet
            const std::uint32_t iface = load32(body.data(), big);
            const std::uint32_t cap   = load32(body.data() + 12, big);
            if (cap > body.size() - 20)
                return "enhanced packet block cut short at byte " + std::to_string(pos);
            if (iface < links.size()) {
                const std::uint64_t ts =
                    std::uint64_t{load32(body.data() + 4, big)} << 32 | load32(body.data() + 8, big);
                fr.link      = links[iface];
                fr.time_sec  = ts / 1000000;  // the default resolution: microseconds
                fr.time_usec = static_cast<std::uint32_t>(ts % 1000000);
                fr.data      = body.subspan(20, cap);
                have         = true;
            }
        } else if (type == 3 && body.size() >= 4 && !links.empty()) {  // simple packet
            const std::uint32_t orig = load32(body.data(), big);
            fr.link                  = links[0];
            fr.data                  = body.subspan(4, std::min<std::size_t>(orig, body.size() - 4));
            have                     = true;
        } else if (type == 2 && body.size() >= 20) {  // obsolete packet block
            const std::uint16_t iface = load16(body.data(), big);
            const std::uint32_t cap   = load32(body.data() + 12, big);
            if (cap > body.size() - 20) return "packet block cut short at byte " + std::to_string(pos);
            if (iface < links.size()) {
                fr.link = links[iface];
                fr.data = body.subspan(20, cap);
                have    = true;
            }
        }
        // Every block counts as tshark counts frames only for packet blocks.
        if (have) {
            fr.index = ++number;
            fn(fr);
        }
        pos += len;
    }
    return {};
}

}  // namespace

bool is_pcap(bytes_view f) noexcept {
    if (f.size() < 4) return false;
    for (bool big : {false, true}) {
        const std::uint32_t m = load32(f.data(), big);
        if (m == pcap_magic_us || m == pcap_magic_ns) return true;
    }
    return false;
}

bool is_pcapng(bytes_view f) noexcept { return f.size() >= 4 && load32(f.data(), false) == pcapng_shb; }

std::string read_pcap_frames(bytes_view file, const frame_fn& fn) {
    if (is_pcapng(file)) return read_ng(file, fn);
    if (is_pcap(file)) return read_classic(file, fn);
    return "not a pcap or pcapng file";
}

}  // namespace oranet::dump

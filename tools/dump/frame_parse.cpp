// Link, IPv4/IPv6 and TCP headers of one captured frame.
#include "capture.hpp"

#include <cstdio>

namespace oranet::dump {
namespace {

constexpr std::uint16_t ether_ipv4  = 0x0800;
constexpr std::uint16_t ether_ipv6  = 0x86dd;
constexpr std::uint16_t ether_vlan  = 0x8100;
constexpr std::uint16_t ether_qinq  = 0x88a8;
constexpr std::uint8_t ip_proto_tcp = 6;

std::uint16_t be16(const std::uint8_t* p) noexcept { return static_cast<std::uint16_t>(p[0] << 8 | p[1]); }
std::uint32_t be32(const std::uint8_t* p) noexcept {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

bool parse_tcp(bytes_view d, tcp_segment& out) noexcept {
    if (d.size() < 20) return false;
    const std::size_t hl = static_cast<std::size_t>(d[12] >> 4) * 4;
    if (hl < 20 || hl > d.size()) return false;
    out.src.port = be16(d.data());
    out.dst.port = be16(d.data() + 2);
    out.seq      = be32(d.data() + 4);
    out.ack      = be32(d.data() + 8);
    out.flags    = d[13];
    out.payload  = d.subspan(hl);
    return true;
}

bool parse_ipv4(bytes_view d, tcp_segment& out) noexcept {
    if (d.size() < 20 || (d[0] >> 4) != 4) return false;
    const std::size_t hl    = static_cast<std::size_t>(d[0] & 0x0f) * 4;
    const std::size_t total = be16(d.data() + 2);
    if (hl < 20 || total < hl || hl > d.size()) return false;
    if ((be16(d.data() + 6) & 0x3fff) != 0) return false;  // a fragment (MF set or offset)
    if (d[9] != ip_proto_tcp) return false;
    out.src = {};
    out.dst = {};
    for (int i = 0; i < 4; ++i) {
        out.src.addr[static_cast<std::size_t>(i)] = d[12 + static_cast<std::size_t>(i)];
        out.dst.addr[static_cast<std::size_t>(i)] = d[16 + static_cast<std::size_t>(i)];
    }
    // The total length bounds the segment (Ethernet pads short frames); a
    // total of 0 (TSO captures) means "the rest of the frame".
    const std::size_t end = total == 0 ? d.size() : std::min(total, d.size());
    return parse_tcp(d.subspan(hl, end - hl), out);
}

bool parse_ipv6(bytes_view d, tcp_segment& out) noexcept {
    if (d.size() < 40 || (d[0] >> 4) != 6) return false;
    const std::size_t plen = be16(d.data() + 4);
    std::uint8_t next      = d[6];
    out.src                = {};
    out.dst                = {};
    out.src.v6 = out.dst.v6 = true;
    for (std::size_t i = 0; i < 16; ++i) {
        out.src.addr[i] = d[8 + i];
        out.dst.addr[i] = d[24 + i];
    }
    bytes_view p = d.subspan(40, plen == 0 ? d.size() - 40 : std::min(plen, d.size() - 40));
    for (int hops = 0; hops < 8; ++hops) {
        if (next == ip_proto_tcp) return parse_tcp(p, out);
        if (next != 0 && next != 43 && next != 60) return false;  // fragments (44) and others: not ours
        if (p.size() < 8) return false;
        const std::size_t len = (static_cast<std::size_t>(p[1]) + 1) * 8;
        if (len > p.size()) return false;
        next = p[0];
        p    = p.subspan(len);
    }
    return false;
}

bool parse_ip(bytes_view d, tcp_segment& out) noexcept {
    if (d.empty()) return false;
    if ((d[0] >> 4) == 4) return parse_ipv4(d, out);
    if ((d[0] >> 4) == 6) return parse_ipv6(d, out);
    return false;
}

bool parse_by_ethertype(std::uint16_t type, bytes_view d, tcp_segment& out) noexcept {
    if (type == ether_ipv4) return parse_ipv4(d, out);
    if (type == ether_ipv6) return parse_ipv6(d, out);
    return false;
}

bool parse_family(std::uint32_t family, bytes_view d, tcp_segment& out) noexcept {
    if (family == 2) return parse_ipv4(d, out);
    if (family == 10 || family == 24 || family == 28 || family == 30) return parse_ipv6(d, out);  // by OS
    return false;
}

}  // namespace

std::string endpoint::to_string() const {
    char buf[64];
    if (!v6) {
        std::snprintf(buf, sizeof buf, "%u.%u.%u.%u:%u", addr[0], addr[1], addr[2], addr[3], port);
        return buf;
    }
    std::string s = "[";
    for (std::size_t i = 0; i < 16; i += 2) {
        std::snprintf(buf, sizeof buf, "%s%x", i ? ":" : "",
                      static_cast<unsigned>(addr[i] << 8 | addr[i + 1]));
        s += buf;
    }
    return s + "]:" + std::to_string(port);
}

bool parse_tcp_frame(std::uint32_t link, bytes_view d, tcp_segment& out) noexcept {
    switch (link) {
        case link_type::ethernet: {
            if (d.size() < 14) return false;
            std::size_t off    = 12;
            std::uint16_t type = be16(d.data() + off);
            for (int tags = 0; (type == ether_vlan || type == ether_qinq) && tags < 4; ++tags) {
                off += 4;
                if (d.size() < off + 2) return false;
                type = be16(d.data() + off);
            }
            return parse_by_ethertype(type, d.subspan(off + 2), out);
        }
        case link_type::null_bsd: {
            if (d.size() < 4) return false;
            std::uint32_t fam = std::uint32_t{d[0]} | std::uint32_t{d[1]} << 8 | std::uint32_t{d[2]} << 16 |
                                std::uint32_t{d[3]} << 24;
            if (fam > 0xffff) fam = be32(d.data());  // written by a big-endian host
            return parse_family(fam, d.subspan(4), out);
        }
        case link_type::loop:
            if (d.size() < 4) return false;
            return parse_family(be32(d.data()), d.subspan(4), out);
        case link_type::raw:
        case link_type::ipv4:
        case link_type::ipv6: return parse_ip(d, out);
        case link_type::linux_sll:
            if (d.size() < 16) return false;
            return parse_by_ethertype(be16(d.data() + 14), d.subspan(16), out);
        case link_type::linux_sll2:
            if (d.size() < 20) return false;
            return parse_by_ethertype(be16(d.data()), d.subspan(20), out);
        default: return false;
    }
}

}  // namespace oranet::dump

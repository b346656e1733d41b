// pcap output of `oranet proxy` (see pcap_writer.hpp).
#include "pcap_writer.hpp"

#include <chrono>

namespace oranet::dump {
namespace {

constexpr std::size_t max_segment = 65000;  // IPv4 total length is 16 bits

void put16(std::vector<std::uint8_t>& v, std::size_t at, std::uint16_t x) {
    v[at]     = static_cast<std::uint8_t>(x >> 8);
    v[at + 1] = static_cast<std::uint8_t>(x);
}
void put32(std::vector<std::uint8_t>& v, std::size_t at, std::uint32_t x) {
    put16(v, at, static_cast<std::uint16_t>(x >> 16));
    put16(v, at + 2, static_cast<std::uint16_t>(x));
}
void put32le(std::FILE* f, std::uint32_t x) {
    const std::uint8_t b[4] = {static_cast<std::uint8_t>(x), static_cast<std::uint8_t>(x >> 8),
                               static_cast<std::uint8_t>(x >> 16), static_cast<std::uint8_t>(x >> 24)};
    std::fwrite(b, 1, 4, f);
}

std::uint32_t sum16(const std::uint8_t* p, std::size_t n, std::uint32_t acc) {
    for (std::size_t i = 0; i + 1 < n; i += 2)
        acc += static_cast<std::uint32_t>(p[i] << 8 | p[i + 1]);
    if (n % 2) acc += static_cast<std::uint32_t>(p[n - 1] << 8);
    return acc;
}
std::uint16_t fold(std::uint32_t acc) {
    while (acc >> 16)
        acc = (acc & 0xffff) + (acc >> 16);
    return static_cast<std::uint16_t>(~acc);
}

// IPv4 address of an endpoint (IPv6 ones are shown as 127.0.0.x).
std::array<std::uint8_t, 4> v4(const endpoint& e, std::uint8_t fallback) {
    if (!e.v6) return {e.addr[0], e.addr[1], e.addr[2], e.addr[3]};
    return {127, 0, 0, fallback};
}

}  // namespace

std::vector<std::uint8_t> make_tcp_frame(const endpoint& src, const endpoint& dst, std::uint32_t seq,
                                         std::uint32_t ack, std::uint8_t flags, bytes_view payload) {
    const std::size_t eth = 14, ip = 20, tcp = 20;
    std::vector<std::uint8_t> f(eth + ip + tcp + payload.size(), 0);
    // Ethernet: locally administered MACs that say which side sent.
    const bool client_side = src.port > dst.port;
    f[5]                   = client_side ? 2 : 1;
    f[6]                   = 0x02;
    f[11]                  = client_side ? 1 : 2;
    f[0]                   = 0x02;
    put16(f, 12, 0x0800);
    // IPv4.
    const auto s = v4(src, 1), d = v4(dst, 2);
    f[eth] = 0x45;
    put16(f, eth + 2, static_cast<std::uint16_t>(ip + tcp + payload.size()));
    put16(f, eth + 6, 0x4000);  // don't fragment
    f[eth + 8] = 64;
    f[eth + 9] = 6;
    for (std::size_t i = 0; i < 4; ++i) {
        f[eth + 12 + i] = s[i];
        f[eth + 16 + i] = d[i];
    }
    put16(f, eth + 10, fold(sum16(f.data() + eth, ip, 0)));
    // TCP.
    const std::size_t t = eth + ip;
    put16(f, t, src.port);
    put16(f, t + 2, dst.port);
    put32(f, t + 4, seq);
    put32(f, t + 8, ack);
    f[t + 12] = 5 << 4;
    f[t + 13] = flags;
    put16(f, t + 14, 65535);
    std::copy(payload.begin(), payload.end(), f.begin() + static_cast<long>(t + tcp));
    std::uint32_t acc = sum16(f.data() + eth + 12, 8, 0);         // pseudo header: addresses,
    acc += 6 + static_cast<std::uint32_t>(tcp + payload.size());  // protocol and TCP length
    put16(f, t + 16, fold(sum16(f.data() + t, tcp + payload.size(), acc)));
    return f;
}

pcap_writer::~pcap_writer() {
    if (file_ != nullptr) std::fclose(file_);
}

bool pcap_writer::open(const std::string& path) {
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) return false;
    put32le(file_, 0xa1b2c3d4);
    put32le(file_, 0x00040002);  // version 2.4
    put32le(file_, 0);           // time zone
    put32le(file_, 0);           // accuracy
    put32le(file_, 262144);      // snap length
    put32le(file_, link_type::ethernet);
    std::fflush(file_);
    return true;
}

void pcap_writer::record(const std::vector<std::uint8_t>& frame) {
    if (file_ == nullptr) return;
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto us  = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
    put32le(file_, static_cast<std::uint32_t>(us / 1000000));
    put32le(file_, static_cast<std::uint32_t>(us % 1000000));
    put32le(file_, static_cast<std::uint32_t>(frame.size()));
    put32le(file_, static_cast<std::uint32_t>(frame.size()));
    std::fwrite(frame.data(), 1, frame.size(), file_);
    std::fflush(file_);
    ++frames_;
}

void pcap_writer::segment(connection& c, bool from_client, std::uint8_t flags, bytes_view payload) {
    const int me = from_client ? 0 : 1;
    record(make_tcp_frame(from_client ? c.client : c.server, from_client ? c.server : c.client, c.seq[me],
                          c.seq[1 - me], flags, payload));
    c.seq[me] += static_cast<std::uint32_t>(payload.size());
    if ((flags & (tcp_flag::syn | tcp_flag::fin)) != 0) c.seq[me] += 1;
}

std::size_t pcap_writer::begin_connection(const endpoint& client, const endpoint& server) {
    connection c;
    c.client = client;
    c.server = server;
    c.seq[0] = 1000 + static_cast<std::uint32_t>(conns_.size()) * 100000;
    c.seq[1] = 5000 + static_cast<std::uint32_t>(conns_.size()) * 100000;
    segment(c, true, tcp_flag::syn, {});
    segment(c, false, tcp_flag::syn | tcp_flag::ack, {});
    segment(c, true, tcp_flag::ack, {});
    conns_.push_back(c);
    return conns_.size() - 1;
}

std::size_t pcap_writer::write_data(std::size_t conn, bool from_client, bytes_view data) {
    if (conn >= conns_.size()) return frames_;
    while (!data.empty()) {
        const std::size_t n = std::min(data.size(), max_segment);
        segment(conns_[conn], from_client, tcp_flag::ack | 0x08 /* PSH */, data.first(n));
        data = data.subspan(n);
    }
    return frames_;
}

void pcap_writer::write_fin(std::size_t conn, bool from_client) {
    if (conn >= conns_.size()) return;
    segment(conns_[conn], from_client, tcp_flag::fin | tcp_flag::ack, {});
    segment(conns_[conn], !from_client, tcp_flag::ack, {});
}

}  // namespace oranet::dump

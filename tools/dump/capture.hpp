// Capture files as `oranet dump` reads them: pcap and pcapng containers
// (a parser of ours, no libpcap), link/IP/TCP headers, TCP stream
// reassembly, and the hex dumps the thin clients print with packet tracing
// on. Everything here is bounds-checked and never trusts a length from the
// file: a malformed file gives an error text, never a crash.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::dump {

using bytes_view = std::span<const std::uint8_t>;

// Link types (the pcap LINKTYPE_* numbers).
namespace link_type {
inline constexpr std::uint32_t null_bsd   = 0;  // 4-byte address family, host byte order
inline constexpr std::uint32_t ethernet   = 1;
inline constexpr std::uint32_t raw        = 101;  // IPv4 or IPv6, no link header
inline constexpr std::uint32_t loop       = 108;  // 4-byte address family, big-endian
inline constexpr std::uint32_t linux_sll  = 113;
inline constexpr std::uint32_t ipv4       = 228;
inline constexpr std::uint32_t ipv6       = 229;
inline constexpr std::uint32_t linux_sll2 = 276;
}  // namespace link_type

// One captured frame, viewing the file's bytes.
struct raw_frame {
    std::size_t index       = 0;  // 1-based, as tshark numbers frames
    std::uint32_t link      = 0;
    std::uint64_t time_sec  = 0;
    std::uint32_t time_usec = 0;
    bytes_view data;
};

using frame_fn = std::function<void(const raw_frame&)>;

[[nodiscard]] bool is_pcap(bytes_view file) noexcept;
[[nodiscard]] bool is_pcapng(bytes_view file) noexcept;

// Calls `fn` for each frame of a pcap or pcapng file. Returns an empty string,
// or what was malformed (frames before it were delivered).
std::string read_pcap_frames(bytes_view file, const frame_fn& fn);

struct endpoint {
    std::array<std::uint8_t, 16> addr{};
    bool v6                                                   = false;
    std::uint16_t port                                        = 0;
    friend bool operator==(const endpoint&, const endpoint&)  = default;
    friend auto operator<=>(const endpoint&, const endpoint&) = default;
    [[nodiscard]] std::string to_string() const;
};

namespace tcp_flag {
inline constexpr std::uint8_t fin = 0x01;
inline constexpr std::uint8_t syn = 0x02;
inline constexpr std::uint8_t rst = 0x04;
inline constexpr std::uint8_t ack = 0x10;
}  // namespace tcp_flag

struct tcp_segment {
    endpoint src;
    endpoint dst;
    std::uint32_t seq  = 0;
    std::uint32_t ack  = 0;
    std::uint8_t flags = 0;
    bytes_view payload;
};

// Link, IP and TCP headers: false for anything that is not an unfragmented
// TCP segment of IPv4 or IPv6 (or is cut short).
[[nodiscard]] bool parse_tcp_frame(std::uint32_t link, bytes_view frame, tcp_segment& out) noexcept;

// In-order bytes of one direction of one stream.
struct stream_chunk {
    std::size_t frame  = 0;  // the frame (or hex dump packet) that completed these bytes
    std::size_t stream = 0;  // 1-based, in order of first appearance
    int side           = 0;  // 0: the side guessed to be the client, 1: the other
    endpoint src;
    endpoint dst;
    std::size_t gap = 0;  // bytes missing (lost in the capture) just before `data`
    bytes_view data;
    bool closed = false;  // FIN or RST (data may be empty)
};

using chunk_fn = std::function<void(const stream_chunk&)>;

// TCP reassembly by sequence numbers: retransmitted bytes are dropped,
// out-of-order segments wait for the bytes before them, and a hole that is
// never filled is reported as a gap (at FIN/RST, at finish(), or when too
// much waits behind it).
class tcp_reassembler {
public:
    explicit tcp_reassembler(chunk_fn fn, std::size_t max_pending = 16u << 20)
        : fn_(std::move(fn)), max_pending_(max_pending) {}

    void add(std::size_t frame, const tcp_segment& seg);
    // Delivers what still waits behind holes, as gaps.
    void finish();

    [[nodiscard]] std::size_t retransmitted_bytes() const noexcept { return retransmitted_; }

private:
    struct direction {
        bool started       = false;
        std::uint32_t next = 0;  // next expected sequence number
        std::uint64_t pos  = 0;  // bytes delivered so far
        std::map<std::uint64_t, std::pair<std::size_t, std::vector<std::uint8_t>>> pending;  // by position
        std::size_t pending_bytes = 0;
        bool closed               = false;
    };
    struct stream {
        std::size_t id = 0;
        endpoint client;  // side 0
        endpoint server;
        direction dir[2];
    };
    void deliver(stream& s, int side, std::size_t frame, std::size_t gap, bytes_view data, bool closed);
    void drain(stream& s, int side, bool force);

    chunk_fn fn_;
    std::size_t max_pending_;
    std::map<std::pair<endpoint, endpoint>, std::size_t> index_;  // (lower, higher) endpoint -> streams_
    std::vector<stream> streams_;
    std::size_t retransmitted_ = 0;
};

// Hex dumps printed by python-oracledb (PYO_DEBUG_PACKETS) and node-oracledb
// (NODE_ORACLEDB_DEBUG_PACKETS): a line naming "Sending packet" or "Receiving
// packet" (and the socket or stream number), then "NNNN : XX XX .. |ascii|"
// lines of 8 bytes. Sending is the client's side.
[[nodiscard]] bool looks_like_hex_dump(std::string_view text) noexcept;
// Calls `fn` with one chunk per dumped packet (frame = packet number in the file).
void read_hex_dump(std::string_view text, const chunk_fn& fn);

}  // namespace oranet::dump

// TCP stream reassembly by sequence numbers (see capture.hpp).
#include "capture.hpp"

namespace oranet::dump {
namespace {

constexpr std::uint16_t oracle_port = 1521;

// Which endpoint of a new stream is the client: the sender of a bare SYN,
// else the side not on port 1521, else the higher port.
bool src_is_client(const tcp_segment& seg) noexcept {
    if ((seg.flags & tcp_flag::syn) != 0) return (seg.flags & tcp_flag::ack) == 0;
    if (seg.dst.port == oracle_port) return true;
    if (seg.src.port == oracle_port) return false;
    return seg.src.port > seg.dst.port;
}

}  // namespace

void tcp_reassembler::deliver(stream& s, int side, std::size_t frame, std::size_t gap, bytes_view data,
                              bool closed) {
    stream_chunk c;
    c.frame      = frame;
    c.stream     = s.id;
    c.side       = side;
    c.src        = side == 0 ? s.client : s.server;
    c.dst        = side == 0 ? s.server : s.client;
    c.gap        = gap;
    c.data       = data;
    c.closed     = closed;
    direction& d = s.dir[side];
    d.next += static_cast<std::uint32_t>(gap + data.size());
    d.pos += gap + data.size();
    fn_(c);
}

void tcp_reassembler::drain(stream& s, int side, bool force) {
    direction& d = s.dir[side];
    while (!d.pending.empty()) {
        auto it                = d.pending.begin();
        const std::uint64_t at = it->first;
        auto [frame, bytes]    = std::move(it->second);
        d.pending.erase(it);
        d.pending_bytes -= bytes.size();
        if (at <= d.pos) {
            const std::uint64_t skip = d.pos - at;
            retransmitted_ += static_cast<std::size_t>(std::min<std::uint64_t>(skip, bytes.size()));
            if (skip < bytes.size()) {
                const bytes_view rest = bytes_view(bytes).subspan(static_cast<std::size_t>(skip));
                deliver(s, side, frame, 0, rest, false);
            }
            continue;
        }
        if (!force) {  // a hole before it: wait
            d.pending_bytes += bytes.size();
            d.pending.emplace(at, std::make_pair(frame, std::move(bytes)));
            return;
        }
        deliver(s, side, frame, static_cast<std::size_t>(at - d.pos), bytes, false);
    }
}

void tcp_reassembler::add(std::size_t frame, const tcp_segment& seg) {
    const bool lower_is_src = seg.src < seg.dst;
    const auto key      = lower_is_src ? std::make_pair(seg.src, seg.dst) : std::make_pair(seg.dst, seg.src);
    auto it             = index_.find(key);
    const bool bare_syn = (seg.flags & (tcp_flag::syn | tcp_flag::ack)) == tcp_flag::syn;
    if (it != index_.end() && bare_syn) {
        // A new connection on the same ports once the old one is over.
        stream& old    = streams_[it->second];
        const int side = seg.src == old.client ? 0 : 1;
        if (old.dir[side].started && old.dir[side].next != seg.seq + 1u) {
            for (int sd = 0; sd < 2; ++sd)
                drain(old, sd, true);
            index_.erase(it);
            it = index_.end();
        }
    }
    if (it == index_.end()) {
        stream s;
        s.id     = streams_.size() + 1;
        s.client = src_is_client(seg) ? seg.src : seg.dst;
        s.server = src_is_client(seg) ? seg.dst : seg.src;
        streams_.push_back(std::move(s));
        it = index_.emplace(key, streams_.size() - 1).first;
    }
    stream& s    = streams_[it->second];
    const int sd = seg.src == s.client ? 0 : 1;
    direction& d = s.dir[sd];
    if ((seg.flags & tcp_flag::syn) != 0) {
        if (!d.started) {
            d.started = true;
            d.next    = seg.seq + 1;
        }
    }
    bytes_view data = seg.payload;
    if (!data.empty()) {
        if (!d.started) {
            d.started = true;
            d.next    = seg.seq;
        }
        const auto diff = static_cast<std::int32_t>(seg.seq - d.next);
        if (diff < 0) {
            const std::size_t old = static_cast<std::size_t>(-static_cast<std::int64_t>(diff));
            retransmitted_ += std::min(old, data.size());
            data = old >= data.size() ? bytes_view{} : data.subspan(old);
            if (!data.empty()) {
                deliver(s, sd, frame, 0, data, false);
                drain(s, sd, false);
            }
        } else if (diff == 0) {
            deliver(s, sd, frame, 0, data, false);
            drain(s, sd, false);
        } else {
            const std::uint64_t at = d.pos + static_cast<std::uint64_t>(diff);
            auto [pit, inserted]   = d.pending.try_emplace(at);
            if (inserted || pit->second.second.size() < data.size()) {
                d.pending_bytes -= pit->second.second.size();
                pit->second = {frame, std::vector<std::uint8_t>(data.begin(), data.end())};
                d.pending_bytes += data.size();
            }
            if (d.pending_bytes > max_pending_) drain(s, sd, true);
        }
    }
    if ((seg.flags & (tcp_flag::fin | tcp_flag::rst)) != 0 && !d.closed) {
        drain(s, sd, true);
        d.closed = true;
        stream_chunk c;
        c.frame  = frame;
        c.stream = s.id;
        c.side   = sd;
        c.src    = seg.src;
        c.dst    = seg.dst;
        c.closed = true;
        fn_(c);
    }
}

void tcp_reassembler::finish() {
    for (auto& s : streams_)
        for (int sd = 0; sd < 2; ++sd)
            drain(s, sd, true);
}

}  // namespace oranet::dump

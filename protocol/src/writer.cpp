#include <oranet/proto/writer.hpp>

#include <algorithm>

namespace oranet::proto {

bool writer::room(std::size_t n) {
    if (err_) return false;
    if (n > limit_ || buf_.size() > limit_ - n) {
        err_ = client_errc::limit_exceeded;
        return false;
    }
    return true;
}

void writer::u8(std::uint8_t v) {
    if (room(1)) buf_.push_back(v);
}

void writer::u16be(std::uint16_t v) {
    if (!room(2)) return;
    buf_.push_back(static_cast<std::uint8_t>(v >> 8));
    buf_.push_back(static_cast<std::uint8_t>(v));
}

void writer::u16le(std::uint16_t v) {
    if (!room(2)) return;
    buf_.push_back(static_cast<std::uint8_t>(v));
    buf_.push_back(static_cast<std::uint8_t>(v >> 8));
}

void writer::u32be(std::uint32_t v) {
    if (!room(4)) return;
    for (int s = 24; s >= 0; s -= 8)
        buf_.push_back(static_cast<std::uint8_t>(v >> s));
}

void writer::u32le(std::uint32_t v) {
    if (!room(4)) return;
    for (int s = 0; s <= 24; s += 8)
        buf_.push_back(static_cast<std::uint8_t>(v >> s));
}

void writer::u64be(std::uint64_t v) {
    if (!room(8)) return;
    for (int s = 56; s >= 0; s -= 8)
        buf_.push_back(static_cast<std::uint8_t>(v >> s));
}

namespace {
// The universal form: the shortest of 0, 1, 2, 4 or 8 bytes that holds `mag`
// (the widths the official clients write), with `sign` or-ed into the length.
void universal(writer& w, std::uint64_t mag, std::uint8_t sign) {
    if (mag == 0) {
        w.u8(0);
    } else if (mag <= 0xff) {
        w.u8(1 | sign);
        w.u8(static_cast<std::uint8_t>(mag));
    } else if (mag <= 0xffff) {
        w.u8(2 | sign);
        w.u16be(static_cast<std::uint16_t>(mag));
    } else if (mag <= 0xffffffffULL) {
        w.u8(4 | sign);
        w.u32be(static_cast<std::uint32_t>(mag));
    } else {
        w.u8(8 | sign);
        w.u64be(mag);
    }
}
}  // namespace

void writer::ub8(std::uint64_t v) { universal(*this, v, 0); }

void writer::sb8(std::int64_t v) {
    if (v < 0) {
        universal(*this, ~static_cast<std::uint64_t>(v) + 1, 0x80);
    } else {
        universal(*this, static_cast<std::uint64_t>(v), 0);
    }
}

void writer::bytes(bytes_view b) {
    if (b.empty() || !room(b.size())) return;
    buf_.insert(buf_.end(), b.begin(), b.end());
}

void writer::bytes_with_length(bytes_view b) {
    if (b.size() <= max_short_length) {
        u8(static_cast<std::uint8_t>(b.size()));
        bytes(b);
        return;
    }
    u8(long_length_indicator);
    while (!b.empty()) {
        const std::size_t n = std::min<std::size_t>(b.size(), chunk_size);
        ub4(static_cast<std::uint32_t>(n));
        bytes(b.first(n));
        b = b.subspan(n);
    }
    ub4(0);
}

void writer::ub4_then_bytes(bytes_view b) {
    ub4(static_cast<std::uint32_t>(b.size()));
    if (!b.empty()) bytes_with_length(b);
}

void writer::zeros(std::size_t n) {
    if (room(n)) buf_.insert(buf_.end(), n, 0);
}

std::size_t writer::reserve_u16be() {
    const std::size_t pos = buf_.size();
    u16be(0);
    return pos;
}

void writer::patch_u16be(std::size_t pos, std::uint16_t v) {
    if (pos + 2 > buf_.size()) return;
    buf_[pos]     = static_cast<std::uint8_t>(v >> 8);
    buf_[pos + 1] = static_cast<std::uint8_t>(v);
}

std::size_t writer::reserve_u32be() {
    const std::size_t pos = buf_.size();
    u32be(0);
    return pos;
}

void writer::patch_u32be(std::size_t pos, std::uint32_t v) {
    if (pos + 4 > buf_.size()) return;
    for (int k = 0; k < 4; ++k)
        buf_[pos + static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(v >> (24 - 8 * k));
}

}  // namespace oranet::proto

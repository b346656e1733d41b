#include <oranet/proto/tns/assembler.hpp>

namespace oranet::proto::tns {

assembler::assembler(length_mode mode, std::size_t max_packet_size)
    : mode_(mode), max_packet_(max_packet_size) {}

void assembler::compact() {
    start_ += consumed_;
    consumed_ = 0;
    if (start_ == 0) return;
    if (start_ == buf_.size()) {
        buf_.clear();
    } else {
        // Only the partial tail moves; whole packets were handed out already.
        buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(start_));
    }
    start_ = 0;
}

void assembler::feed(bytes_view data) {
    if (err_) return;
    compact();
    buf_.insert(buf_.end(), data.begin(), data.end());
}

assemble_status assembler::next(packet_view& out, std::error_code& ec) {
    if (err_) {
        ec = err_;
        return assemble_status::error;
    }
    start_ += consumed_;  // the previous packet's bytes; dropped for real at the next feed()
    consumed_                  = 0;
    const std::size_t avail    = buf_.size() - start_;
    const std::uint8_t* p      = buf_.data() + start_;
    const std::size_t len_size = mode_ == length_mode::large_sdu ? 4 : 2;
    if (avail < len_size) return assemble_status::need_more;
    std::size_t length = 0;
    for (std::size_t i = 0; i < len_size; ++i)
        length = (length << 8) | p[i];
    if (length < header_size)
        err_ = client_errc::tns_bad_length;
    else if (length > max_packet_)
        err_ = client_errc::tns_packet_too_large;
    if (err_) {
        ec = err_;
        return assemble_status::error;
    }
    if (avail < length) return assemble_status::need_more;
    const bytes_view whole(p, length);
    reader r(whole);
    header h;
    (void)decode_header(r, mode_, h);  // 8 bytes are present: cannot fail
    out.hdr   = h;
    out.bytes = whole;
    consumed_ = length;
    ec.clear();
    return assemble_status::packet;
}

void assembler::reset() noexcept {
    buf_.clear();
    start_    = 0;
    consumed_ = 0;
    err_.clear();
}

}  // namespace oranet::proto::tns

// Incremental TNS framing: bytes in, whole packets out. feed() appends what
// the transport read; next() returns one whole packet, need_more, or an
// error. The length field is checked as soon as its bytes are in: below 8 is
// tns_bad_length, above the maximum packet size (the negotiated SDU) is
// tns_packet_too_large. Errors are sticky. Consumed bytes are dropped, so a
// long stream is never scanned again from its start.
#pragma once

#include <oranet/proto/tns/header.hpp>

#include <cstddef>
#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::tns {

enum class assemble_status : std::uint8_t { packet, need_more, error };

class assembler {
public:
    // Before the ACCEPT: the 2-byte form and the largest packet it can say.
    explicit assembler(length_mode mode            = length_mode::short_form,
                       std::size_t max_packet_size = max_short_packet);

    // After an ACCEPT of version >= 315: large_sdu and the negotiated SDU.
    // Applies to packets whose header has not been read yet.
    void set_length_mode(length_mode mode) noexcept { mode_ = mode; }
    void set_max_packet_size(std::size_t n) noexcept { max_packet_ = n; }
    [[nodiscard]] length_mode mode() const noexcept { return mode_; }
    [[nodiscard]] std::size_t max_packet_size() const noexcept { return max_packet_; }

    // Appends bytes. Invalidates the view the last next() returned.
    void feed(bytes_view data);

    // The next whole packet. On `packet`, `out` views bytes owned by the
    // assembler, valid until the next feed() or next(). On `error`, `ec` says
    // why; the assembler stays failed.
    assemble_status next(packet_view& out, std::error_code& ec);

    // Bytes fed and not yet returned in a packet.
    [[nodiscard]] std::size_t buffered() const noexcept { return buf_.size() - start_; }
    [[nodiscard]] std::error_code error() const noexcept { return err_; }
    // Forgets all input and any error; keeps mode and maximum.
    void reset() noexcept;

private:
    void compact();

    std::vector<std::uint8_t> buf_;
    std::size_t start_    = 0;  // first byte not yet returned
    std::size_t consumed_ = 0;  // bytes of the packet last returned (dropped at the next call)
    length_mode mode_;
    std::size_t max_packet_;
    std::error_code err_;
};

}  // namespace oranet::proto::tns

// A bounds-checked reader over a byte span. A read past the end never is
// undefined behaviour: it records a sticky error (the first one stands) and
// returns 0 or an empty span. `truncated` means more bytes could complete the
// message; `malformed` and friends mean they cannot.
#pragma once

#include <oranet/errc.hpp>
#include <oranet/proto/trace.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet::proto {

using bytes_view = std::span<const std::uint8_t>;

// Wire constants of the length-prefixed byte strings.
inline constexpr std::uint8_t max_short_length      = 252;    // longest one-byte-length string
inline constexpr std::uint8_t long_length_indicator = 0xfe;   // chunked form follows
inline constexpr std::uint8_t null_length_indicator = 0xff;   // NULL
inline constexpr std::uint32_t chunk_size           = 32767;  // chunk size of the long form we write

// Result of a length-prefixed read: `null` for a zero or 0xff length.
struct opt_bytes {
    bool null = true;
    bytes_view data;
};

class reader {
public:
    reader() = default;
    explicit reader(bytes_view data, trace_sink* sink = nullptr) noexcept : data_(data), sink_(sink) {}

    // Fixed-width integers.
    std::uint8_t u8(std::string_view name = {}) noexcept;
    std::uint16_t u16be(std::string_view name = {}) noexcept;
    std::uint16_t u16le(std::string_view name = {}) noexcept;
    std::uint32_t u32be(std::string_view name = {}) noexcept;
    std::uint32_t u32le(std::string_view name = {}) noexcept;
    std::uint64_t u64be(std::string_view name = {}) noexcept;

    // TTC universal integers: UB1/SB1 are single bytes; UB2/UB4/UB8 carry a
    // length byte (bit 0x80 = negative for the signed forms) and that many
    // big-endian bytes.
    std::uint8_t ub1(std::string_view name = {}) noexcept { return u8(name); }
    std::uint16_t ub2(std::string_view name = {}) noexcept;
    std::uint32_t ub4(std::string_view name = {}) noexcept;
    std::uint64_t ub8(std::string_view name = {}) noexcept;
    std::int8_t sb1(std::string_view name = {}) noexcept;
    std::int16_t sb2(std::string_view name = {}) noexcept;
    std::int32_t sb4(std::string_view name = {}) noexcept;
    std::int64_t sb8(std::string_view name = {}) noexcept;

    // `n` raw bytes.
    bytes_view bytes(std::size_t n, std::string_view name = {}, field_kind kind = field_kind::bytes) noexcept;
    // A string with a one-byte length (0 or 0xff: NULL) or, after 0xfe, the
    // chunked long form (UB4 chunk lengths, ending with a zero chunk). The
    // chunked form is joined into `scratch`, which the result may point to.
    opt_bytes bytes_with_length(std::vector<std::uint8_t>& scratch, std::string_view name = {},
                                field_kind kind = field_kind::bytes);
    // A UB4 length and, when non-zero, a bytes_with_length (python-oracledb's
    // read_bytes_with_length / read_str_with_length).
    opt_bytes ub4_then_bytes(std::vector<std::uint8_t>& scratch, std::string_view name = {},
                             field_kind kind = field_kind::bytes);
    void skip(std::size_t n, std::string_view name = {}) noexcept;

    // Validates a count read from the wire: it must not exceed `max`, and
    // `count * min_elem_size` must fit in the bytes remaining. Returns 0 and
    // records count_too_large otherwise.
    std::size_t count(std::uint64_t value, std::size_t max, std::size_t min_elem_size,
                      std::string_view name = {}) noexcept;

    // Position and state.
    [[nodiscard]] std::size_t offset() const noexcept { return pos_; }
    [[nodiscard]] std::size_t remaining() const noexcept { return ok() ? data_.size() - pos_ : 0; }
    [[nodiscard]] bool empty() const noexcept { return remaining() == 0; }
    [[nodiscard]] bool ok() const noexcept { return !err_; }
    [[nodiscard]] std::error_code error() const noexcept { return err_; }
    [[nodiscard]] bytes_view input() const noexcept { return data_; }
    [[nodiscard]] bytes_view rest() const noexcept { return ok() ? data_.subspan(pos_) : bytes_view{}; }
    [[nodiscard]] std::uint8_t peek() const noexcept { return remaining() > 0 ? data_[pos_] : 0; }
    [[nodiscard]] trace_sink* sink() const noexcept { return sink_; }
    void set_sink(trace_sink* sink) noexcept { sink_ = sink; }

    // Records `ec` unless an error is already recorded (the first stands).
    void fail(std::error_code ec) noexcept {
        if (!err_) err_ = ec;
    }
    // The sticky error, or trailing_bytes when input is left over.
    [[nodiscard]] std::error_code finish() const noexcept {
        if (err_) return err_;
        if (pos_ != data_.size()) return client_errc::trailing_bytes;
        return {};
    }

    // Named groups for the trace sink.
    void begin(std::string_view name) {
        if (sink_ != nullptr) sink_->on_begin(name, pos_);
    }
    void end() {
        if (sink_ != nullptr) sink_->on_end();
    }

private:
    bool need(std::size_t n) noexcept;
    std::uint64_t universal(std::uint8_t max_len, bool allow_negative, bool& negative, std::string_view name,
                            bool is_signed) noexcept;
    void trace_u(std::string_view name, std::size_t start, std::uint64_t v) const;
    void trace_i(std::string_view name, std::size_t start, std::int64_t v) const;

    bytes_view data_;
    std::size_t pos_ = 0;
    std::error_code err_;
    trace_sink* sink_ = nullptr;
};

// True for the errors that more input could fix.
[[nodiscard]] inline bool is_truncated(std::error_code ec) noexcept { return ec == client_errc::truncated; }

}  // namespace oranet::proto

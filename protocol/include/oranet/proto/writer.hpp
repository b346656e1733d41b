// A growable writer with the same primitives as reader. Writes past the
// configured limit record a sticky limit_exceeded error instead of growing
// without bound.
#pragma once

#include <oranet/errc.hpp>
#include <oranet/proto/reader.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet::proto {

class writer {
public:
    static constexpr std::size_t default_limit = std::size_t{1} << 31;

    writer() = default;
    explicit writer(std::size_t limit) : limit_(limit) {}

    void u8(std::uint8_t v);
    void u16be(std::uint16_t v);
    void u16le(std::uint16_t v);
    void u32be(std::uint32_t v);
    void u32le(std::uint32_t v);
    void u64be(std::uint64_t v);

    void ub1(std::uint8_t v) { u8(v); }
    void ub2(std::uint16_t v) { ub8(v); }
    void ub4(std::uint32_t v) { ub8(v); }
    void ub8(std::uint64_t v);
    void sb1(std::int8_t v) { u8(static_cast<std::uint8_t>(v)); }
    void sb2(std::int16_t v) { sb8(v); }
    void sb4(std::int32_t v) { sb8(v); }
    void sb8(std::int64_t v);

    void bytes(bytes_view b);
    void bytes(std::string_view s) { bytes(as_bytes(s)); }
    // One-byte length (or the chunked long form above 252 bytes) and bytes;
    // an empty input writes the zero length, which readers take as NULL.
    void bytes_with_length(bytes_view b);
    void bytes_with_length(std::string_view s) { bytes_with_length(as_bytes(s)); }
    // 0xff: a NULL value.
    void null_value() { u8(null_length_indicator); }
    // UB4 length, then bytes_with_length when non-empty.
    void ub4_then_bytes(bytes_view b);
    void ub4_then_bytes(std::string_view s) { ub4_then_bytes(as_bytes(s)); }
    void zeros(std::size_t n);

    // Back-patched big-endian lengths.
    [[nodiscard]] std::size_t reserve_u16be();
    void patch_u16be(std::size_t pos, std::uint16_t v);
    [[nodiscard]] std::size_t reserve_u32be();
    void patch_u32be(std::size_t pos, std::uint32_t v);

    [[nodiscard]] bytes_view data() const noexcept { return buf_; }
    [[nodiscard]] std::size_t size() const noexcept { return buf_.size(); }
    [[nodiscard]] std::vector<std::uint8_t>& buffer() noexcept { return buf_; }
    [[nodiscard]] std::vector<std::uint8_t> take() noexcept { return std::move(buf_); }
    void clear() noexcept {
        buf_.clear();
        err_ = {};
    }
    [[nodiscard]] std::error_code error() const noexcept { return err_; }
    [[nodiscard]] bool ok() const noexcept { return !err_; }

    static bytes_view as_bytes(std::string_view s) noexcept {
        return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
    }

private:
    bool room(std::size_t n);

    std::vector<std::uint8_t> buf_;
    std::size_t limit_ = default_limit;
    std::error_code err_;
};

}  // namespace oranet::proto

#include <oranet/proto/reader.hpp>

#include <algorithm>

namespace oranet::proto {

bool reader::need(std::size_t n) noexcept {
    if (err_) return false;
    if (data_.size() - pos_ < n) {
        err_ = client_errc::truncated;
        return false;
    }
    return true;
}

void reader::trace_u(std::string_view name, std::size_t start, std::uint64_t v) const {
    if (sink_ == nullptr || name.empty() || err_) return;
    field_record rec;
    rec.name   = name;
    rec.offset = start;
    rec.length = pos_ - start;
    rec.kind   = field_kind::unsigned_int;
    rec.u      = v;
    sink_->on_field(rec);
}

void reader::trace_i(std::string_view name, std::size_t start, std::int64_t v) const {
    if (sink_ == nullptr || name.empty() || err_) return;
    field_record rec;
    rec.name   = name;
    rec.offset = start;
    rec.length = pos_ - start;
    rec.kind   = field_kind::signed_int;
    rec.i      = v;
    sink_->on_field(rec);
}

std::uint8_t reader::u8(std::string_view name) noexcept {
    const std::size_t start = pos_;
    if (!need(1)) return 0;
    const std::uint8_t v = data_[pos_++];
    trace_u(name, start, v);
    return v;
}

std::uint16_t reader::u16be(std::string_view name) noexcept {
    const std::size_t start = pos_;
    if (!need(2)) return 0;
    const auto v = static_cast<std::uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
    pos_ += 2;
    trace_u(name, start, v);
    return v;
}

std::uint16_t reader::u16le(std::string_view name) noexcept {
    const std::size_t start = pos_;
    if (!need(2)) return 0;
    const auto v = static_cast<std::uint16_t>(data_[pos_] | (data_[pos_ + 1] << 8));
    pos_ += 2;
    trace_u(name, start, v);
    return v;
}

std::uint32_t reader::u32be(std::string_view name) noexcept {
    const std::size_t start = pos_;
    if (!need(4)) return 0;
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k)
        v = (v << 8) | data_[pos_++];
    trace_u(name, start, v);
    return v;
}

std::uint32_t reader::u32le(std::string_view name) noexcept {
    const std::size_t start = pos_;
    if (!need(4)) return 0;
    std::uint32_t v = 0;
    for (int k = 3; k >= 0; --k)
        v = (v << 8) | data_[pos_ + static_cast<std::size_t>(k)];
    pos_ += 4;
    trace_u(name, start, v);
    return v;
}

std::uint64_t reader::u64be(std::string_view name) noexcept {
    const std::size_t start = pos_;
    if (!need(8)) return 0;
    std::uint64_t v = 0;
    for (int k = 0; k < 8; ++k)
        v = (v << 8) | data_[pos_++];
    trace_u(name, start, v);
    return v;
}

std::uint64_t reader::universal(std::uint8_t max_len, bool allow_negative, bool& negative, std::string_view,
                                bool) noexcept {
    negative = false;
    if (!need(1)) return 0;
    std::uint8_t len = data_[pos_++];
    if ((len & 0x80) != 0) {
        if (!allow_negative) {
            fail(client_errc::unexpected_negative);
            return 0;
        }
        negative = true;
        len &= 0x7f;
    }
    if (len > max_len) {
        fail(client_errc::integer_too_long);
        return 0;
    }
    if (!need(len)) return 0;
    std::uint64_t v = 0;
    for (std::uint8_t k = 0; k < len; ++k)
        v = (v << 8) | data_[pos_++];
    return v;
}

std::uint16_t reader::ub2(std::string_view name) noexcept {
    const std::size_t start = pos_;
    bool neg                = false;
    const std::uint64_t v   = universal(2, false, neg, name, false);
    trace_u(name, start, v);
    return static_cast<std::uint16_t>(v);
}

std::uint32_t reader::ub4(std::string_view name) noexcept {
    const std::size_t start = pos_;
    bool neg                = false;
    const std::uint64_t v   = universal(4, false, neg, name, false);
    trace_u(name, start, v);
    return static_cast<std::uint32_t>(v);
}

std::uint64_t reader::ub8(std::string_view name) noexcept {
    const std::size_t start = pos_;
    bool neg                = false;
    const std::uint64_t v   = universal(8, false, neg, name, false);
    trace_u(name, start, v);
    return v;
}

std::int8_t reader::sb1(std::string_view name) noexcept {
    const std::size_t start = pos_;
    if (!need(1)) return 0;
    const auto v = static_cast<std::int8_t>(data_[pos_++]);
    trace_i(name, start, v);
    return v;
}

std::int16_t reader::sb2(std::string_view name) noexcept {
    const std::size_t start = pos_;
    bool neg                = false;
    const std::uint64_t mag = universal(2, true, neg, name, true);
    const auto v =
        static_cast<std::int16_t>(neg ? -static_cast<std::int64_t>(mag) : static_cast<std::int64_t>(mag));
    trace_i(name, start, v);
    return v;
}

std::int32_t reader::sb4(std::string_view name) noexcept {
    const std::size_t start = pos_;
    bool neg                = false;
    const std::uint64_t mag = universal(4, true, neg, name, true);
    const auto v =
        static_cast<std::int32_t>(neg ? -static_cast<std::int64_t>(mag) : static_cast<std::int64_t>(mag));
    trace_i(name, start, v);
    return v;
}

std::int64_t reader::sb8(std::string_view name) noexcept {
    const std::size_t start = pos_;
    bool neg                = false;
    const std::uint64_t mag = universal(8, true, neg, name, true);
    // Two's complement negation of the magnitude; well defined for all inputs.
    const auto v = static_cast<std::int64_t>(neg ? (~mag + 1) : mag);
    trace_i(name, start, v);
    return v;
}

bytes_view reader::bytes(std::size_t n, std::string_view name, field_kind kind) noexcept {
    const std::size_t start = pos_;
    if (!need(n)) return {};
    const bytes_view out = data_.subspan(pos_, n);
    pos_ += n;
    if (sink_ != nullptr && !name.empty()) {
        field_record rec;
        rec.name   = name;
        rec.offset = start;
        rec.length = n;
        rec.kind   = kind;
        rec.b      = out;
        sink_->on_field(rec);
    }
    return out;
}

opt_bytes reader::bytes_with_length(std::vector<std::uint8_t>& scratch, std::string_view name,
                                    field_kind kind) {
    const std::size_t start = pos_;
    opt_bytes out;
    if (!need(1)) return out;
    const std::uint8_t len = data_[pos_++];
    if (len == 0 || len == null_length_indicator) {
        out.null = true;
    } else if (len != long_length_indicator) {
        if (!need(len)) return out;
        out.null = false;
        out.data = data_.subspan(pos_, len);
        pos_ += len;
    } else {
        scratch.clear();
        for (;;) {
            const std::uint32_t chunk = ub4();
            if (!ok()) return {};
            if (chunk == 0) break;
            if (!need(chunk)) return {};
            scratch.insert(scratch.end(), data_.begin() + static_cast<std::ptrdiff_t>(pos_),
                           data_.begin() + static_cast<std::ptrdiff_t>(pos_ + chunk));
            pos_ += chunk;
        }
        out.null = false;
        out.data = scratch;
    }
    if (sink_ != nullptr && !name.empty()) {
        field_record rec;
        rec.name   = name;
        rec.offset = start;
        rec.length = pos_ - start;
        rec.kind   = kind;
        rec.b      = out.data;
        sink_->on_field(rec);
    }
    return out;
}

opt_bytes reader::ub4_then_bytes(std::vector<std::uint8_t>& scratch, std::string_view name, field_kind kind) {
    const std::uint32_t n = ub4();
    if (!ok() || n == 0) {
        if (ok() && sink_ != nullptr && !name.empty()) {
            field_record rec;
            rec.name   = name;
            rec.offset = pos_ - 1;
            rec.length = 1;
            rec.kind   = kind;
            sink_->on_field(rec);
        }
        return {};
    }
    return bytes_with_length(scratch, name, kind);
}

void reader::skip(std::size_t n, std::string_view name) noexcept { (void)bytes(n, name); }

std::size_t reader::count(std::uint64_t value, std::size_t max, std::size_t min_elem_size,
                          std::string_view) noexcept {
    if (err_) return 0;
    if (value > max) {
        fail(client_errc::count_too_large);
        return 0;
    }
    if (min_elem_size > 0 && value > (data_.size() - pos_) / min_elem_size) {
        // The elements cannot fit in what is left: more bytes may still come
        // when the caller streams, so this is a truncation, not a lie.
        fail(client_errc::truncated);
        return 0;
    }
    return static_cast<std::size_t>(value);
}

}  // namespace oranet::proto

// INTERVAL YEAR TO MONTH / DAY TO SECOND byte forms (layout in interval.hpp).
#include <oranet/proto/types/interval.hpp>

#include <initializer_list>

namespace oranet::proto::types {

namespace {

constexpr std::uint32_t mid   = 0x80000000u;  // bias of the 32-bit parts
constexpr int small_bias      = 60;           // bias of the one-byte parts
constexpr std::size_t ym_size = 5;
constexpr std::size_t ds_size = 11;

std::error_code check_size(bytes_view wire, std::size_t n) {
    if (wire.size() < n) return client_errc::truncated;
    if (wire.size() > n) return client_errc::trailing_bytes;
    return {};
}

std::int32_t read_biased(bytes_view b) noexcept {
    const std::uint32_t u = static_cast<std::uint32_t>(b[0]) << 24 | static_cast<std::uint32_t>(b[1]) << 16 |
                            static_cast<std::uint32_t>(b[2]) << 8 | b[3];
    return static_cast<std::int32_t>(u - mid);  // modular: 0 .. 2^32-1 maps onto int32
}

void put_biased(std::int32_t v, std::vector<std::uint8_t>& out) {
    const std::uint32_t u = static_cast<std::uint32_t>(v) + mid;
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(u >> shift));
}

bool same_sign(std::initializer_list<std::int64_t> parts) noexcept {
    bool pos = false;
    bool neg = false;
    for (auto p : parts) {
        pos = pos || p > 0;
        neg = neg || p < 0;
    }
    return !(pos && neg);
}

}  // namespace

bool is_valid(const interval_ym& v) noexcept {
    return v.months > -12 && v.months < 12 && same_sign({v.years, v.months});
}

bool is_valid(const interval_ds& v) noexcept {
    return v.hours > -24 && v.hours < 24 && v.minutes > -60 && v.minutes < 60 && v.seconds > -60 &&
           v.seconds < 60 && v.nanoseconds > -1'000'000'000 && v.nanoseconds < 1'000'000'000 &&
           same_sign({v.days, v.hours, v.minutes, v.seconds, v.nanoseconds});
}

std::error_code decode_interval_ym(bytes_view wire, interval_ym& out) {
    if (auto ec = check_size(wire, ym_size)) return ec;
    interval_ym v;
    v.years  = read_biased(wire);
    v.months = wire[4] - small_bias;
    if (!is_valid(v)) return client_errc::invalid_datetime;
    out = v;
    return {};
}

std::error_code encode_interval_ym(const interval_ym& v, std::vector<std::uint8_t>& out) {
    if (!is_valid(v)) return client_errc::invalid_datetime;
    put_biased(v.years, out);
    out.push_back(static_cast<std::uint8_t>(v.months + small_bias));
    return {};
}

std::error_code decode_interval_ds(bytes_view wire, interval_ds& out) {
    if (auto ec = check_size(wire, ds_size)) return ec;
    interval_ds v;
    v.days        = read_biased(wire);
    v.hours       = wire[4] - small_bias;
    v.minutes     = wire[5] - small_bias;
    v.seconds     = wire[6] - small_bias;
    v.nanoseconds = read_biased(wire.subspan(7));
    if (!is_valid(v)) return client_errc::invalid_datetime;
    out = v;
    return {};
}

std::error_code encode_interval_ds(const interval_ds& v, std::vector<std::uint8_t>& out) {
    if (!is_valid(v)) return client_errc::invalid_datetime;
    put_biased(v.days, out);
    out.push_back(static_cast<std::uint8_t>(v.hours + small_bias));
    out.push_back(static_cast<std::uint8_t>(v.minutes + small_bias));
    out.push_back(static_cast<std::uint8_t>(v.seconds + small_bias));
    put_biased(v.nanoseconds, out);
    return {};
}

}  // namespace oranet::proto::types

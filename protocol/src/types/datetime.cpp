// DATE / TIMESTAMP family byte forms (layout in datetime.hpp).
#include <oranet/proto/types/datetime.hpp>

namespace oranet::proto::types {

namespace {

constexpr int excess               = 100;  // century and year-of-century bytes
constexpr int time_offset          = 1;    // hour, minute and second bytes
constexpr int tz_hour_bias         = 20;
constexpr int tz_min_bias          = 60;
constexpr std::uint8_t region_flag = 0x80;
constexpr std::size_t date_size    = 7;
constexpr std::size_t ts_size      = 11;
constexpr std::size_t tstz_size    = 13;
constexpr std::uint32_t max_nanos  = 999'999'999;
constexpr std::uint16_t max_region = 0x1fff;

bool is_leap(int year) noexcept {
    if (year > 1582) return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int astronomical = year < 0 ? year + 1 : year;  // 1 BC is year 0
    return astronomical % 4 == 0;
}

int days_in_month(int year, int month) noexcept {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

std::error_code check_size(bytes_view wire, std::size_t n) {
    if (wire.size() < n) return client_errc::truncated;
    if (wire.size() > n) return client_errc::trailing_bytes;
    return {};
}

std::error_code read_date_part(bytes_view wire, date_time& out) {
    out.year       = static_cast<std::int16_t>((wire[0] - excess) * 100 + (wire[1] - excess));
    out.month      = wire[2];
    out.day        = wire[3];
    out.hour       = static_cast<std::uint8_t>(wire[4] - time_offset);
    out.minute     = static_cast<std::uint8_t>(wire[5] - time_offset);
    out.second     = static_cast<std::uint8_t>(wire[6] - time_offset);
    out.nanosecond = 0;
    // Bytes 4..6 of zero would wrap to 255 and fail below; the year parts
    // must agree in sign.
    const int century = wire[0] - excess;
    const int yoc     = wire[1] - excess;
    if (yoc < -99 || yoc > 99 || (century > 0 && yoc < 0) || (century < 0 && yoc > 0))
        return client_errc::invalid_datetime;
    if (!is_valid(out)) return client_errc::invalid_datetime;
    return {};
}

std::uint32_t read_u32be(bytes_view b) noexcept {
    return static_cast<std::uint32_t>(b[0]) << 24 | static_cast<std::uint32_t>(b[1]) << 16 |
           static_cast<std::uint32_t>(b[2]) << 8 | b[3];
}

void put_u32be(std::uint32_t v, std::vector<std::uint8_t>& out) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void put_date_part(const date_time& v, std::vector<std::uint8_t>& out) {
    out.push_back(static_cast<std::uint8_t>(v.year / 100 + excess));  // truncation keeps BC parts negative
    out.push_back(static_cast<std::uint8_t>(v.year % 100 + excess));
    out.push_back(v.month);
    out.push_back(v.day);
    out.push_back(static_cast<std::uint8_t>(v.hour + time_offset));
    out.push_back(static_cast<std::uint8_t>(v.minute + time_offset));
    out.push_back(static_cast<std::uint8_t>(v.second + time_offset));
}

}  // namespace

bool is_valid(const date_time& v) noexcept {
    if (v.year < min_year || v.year > max_year || v.year == 0) return false;
    if (v.month < 1 || v.month > 12) return false;
    if (v.day < 1 || v.day > days_in_month(v.year, v.month)) return false;
    return v.hour <= 23 && v.minute <= 59 && v.second <= 59 && v.nanosecond <= max_nanos;
}

std::error_code decode_date(bytes_view wire, date_time& out) {
    if (auto ec = check_size(wire, date_size)) return ec;
    return read_date_part(wire, out);
}

std::error_code encode_date(const date_time& v, std::vector<std::uint8_t>& out) {
    if (!is_valid(v)) return client_errc::invalid_datetime;
    put_date_part(v, out);
    return {};
}

std::error_code decode_timestamp(bytes_view wire, date_time& out) {
    if (wire.size() == date_size) return read_date_part(wire, out);
    if (auto ec = check_size(wire, ts_size)) return ec;
    if (auto ec = read_date_part(wire.first(date_size), out)) return ec;
    const std::uint32_t nanos = read_u32be(wire.subspan(date_size));
    if (nanos > max_nanos) return client_errc::invalid_datetime;
    out.nanosecond = nanos;
    return {};
}

std::error_code encode_timestamp(const date_time& v, std::vector<std::uint8_t>& out, bool compact) {
    if (!is_valid(v)) return client_errc::invalid_datetime;
    put_date_part(v, out);
    if (!compact || v.nanosecond != 0) put_u32be(v.nanosecond, out);
    return {};
}

std::error_code decode_timestamp_tz(bytes_view wire, timestamp_tz& out) {
    if (auto ec = check_size(wire, tstz_size)) return ec;
    timestamp_tz v;
    if (auto ec = decode_timestamp(wire.first(ts_size), v.utc)) return ec;
    const std::uint8_t b11 = wire[11];
    const std::uint8_t b12 = wire[12];
    if ((b11 & region_flag) != 0) {
        v.region_id = static_cast<std::uint16_t>((b11 & 0x7f) << 6 | b12 >> 2);
        if (v.region_id == 0)
            return client_errc::invalid_datetime;  // the low 2 bits of byte 12 are not part of it
    } else {
        const int hours   = b11 - tz_hour_bias;
        const int minutes = b12 - tz_min_bias;
        if (hours < -12 || hours > 14 || minutes < -59 || minutes > 59) return client_errc::invalid_datetime;
        if ((hours < 0 && minutes > 0) || (hours > 0 && minutes < 0)) return client_errc::invalid_datetime;
        v.offset_minutes = static_cast<std::int16_t>(hours * 60 + minutes);
    }
    out = std::move(v);
    return {};
}

std::error_code encode_timestamp_tz(const timestamp_tz& v, std::vector<std::uint8_t>& out) {
    if (!is_valid(v.utc)) return client_errc::invalid_datetime;
    if (v.region_id != 0) {
        if (v.region_id > max_region) return client_errc::invalid_datetime;
        put_date_part(v.utc, out);
        put_u32be(v.utc.nanosecond, out);
        out.push_back(static_cast<std::uint8_t>(region_flag | v.region_id >> 6));
        out.push_back(static_cast<std::uint8_t>((v.region_id & 0x3f) << 2));
        return {};
    }
    const int hours   = v.offset_minutes / 60;  // truncation: both parts share the sign
    const int minutes = v.offset_minutes % 60;
    if (hours < -12 || hours > 14) return client_errc::invalid_datetime;
    put_date_part(v.utc, out);
    put_u32be(v.utc.nanosecond, out);
    out.push_back(static_cast<std::uint8_t>(hours + tz_hour_bias));
    out.push_back(static_cast<std::uint8_t>(minutes + tz_min_bias));
    return {};
}

std::error_code decode_timestamp_ltz(bytes_view wire, timestamp_ltz& out) {
    return decode_timestamp(wire, out.value);
}

std::error_code encode_timestamp_ltz(const timestamp_ltz& v, std::vector<std::uint8_t>& out) {
    return encode_timestamp(v.value, out);
}

}  // namespace oranet::proto::types

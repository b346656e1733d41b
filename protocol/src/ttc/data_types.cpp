#include <oranet/proto/ttc/data_types.hpp>

#include <algorithm>

namespace oranet::proto::ttc {

namespace {

constexpr std::size_t max_rows             = 65535;
constexpr std::uint8_t duration_offset     = 60;          // bias of the hour and minute bytes
constexpr std::uint32_t duration_mid       = 0x80000000;  // zero days
constexpr std::uint8_t tz_region_threshold = 120;         // byte 4 above it: a region id

std::vector<std::uint8_t> to_vector(const opt_bytes& b) {
    return b.null ? std::vector<std::uint8_t>{} : std::vector<std::uint8_t>(b.data.begin(), b.data.end());
}

bool expect_type(reader& r, message_type t) {
    const std::uint8_t got = r.u8("message_type");
    if (r.ok() && got != static_cast<std::uint8_t>(t)) r.fail(client_errc::ttc_unexpected_message);
    return r.ok();
}

void read_time_zone(reader& r, std::optional<ttidty_time_zone>& out) {
    const bytes_view b = r.bytes(11, "time_zone");
    if (!r.ok()) return;
    ttidty_time_zone tz{};
    std::copy(b.begin(), b.end(), tz.begin());
    out = tz;
}

}  // namespace

ttidty_time_zone make_ttidty_time_zone(int offset_minutes) noexcept {
    ttidty_time_zone tz{};
    tz[0] = static_cast<std::uint8_t>(duration_mid >> 24);
    tz[4] = static_cast<std::uint8_t>(offset_minutes / 60 + duration_offset);
    tz[5] = static_cast<std::uint8_t>(offset_minutes % 60 + duration_offset);
    tz[6] = 0x80;  // trailer: 0x80 then four zeros
    return tz;
}

std::optional<int> ttidty_offset_minutes(const ttidty_time_zone& tz) noexcept {
    if (tz[4] > tz_region_threshold) return std::nullopt;
    return (tz[4] - duration_offset) * 60 + (tz[5] - duration_offset);
}

data_types_request make_data_types_request(const caps& c, std::optional<ttidty_time_zone> tz) {
    data_types_request m;
    m.charset_id     = charset_al32utf8;
    m.ncharset_id    = charset_al32utf8;
    m.encoding_flags = encoding_multi_byte | encoding_conv_length;
    m.compile_caps   = c.compile_caps;
    m.runtime_caps   = c.runtime_caps;
    if (c.rcap(rcap::tz) & rcap::tz_ex) m.time_zone = tz.value_or(make_ttidty_time_zone(0));
    const auto rows = client_data_type_rows();
    m.rows.assign(rows.begin(), rows.end());
    return m;
}

void encode(writer& w, const data_types_request& m) {
    w.u8(static_cast<std::uint8_t>(message_type::data_types));
    w.u16le(m.charset_id);
    w.u16le(m.ncharset_id);
    w.u8(m.encoding_flags);
    w.bytes_with_length(m.compile_caps);
    w.bytes_with_length(m.runtime_caps);
    if (m.time_zone) w.bytes(*m.time_zone);
    for (const auto& row : m.rows) {
        w.u16be(row.data_type);
        w.u16be(row.conv_data_type);
        w.u16be(row.representation);
        w.u16be(0);
    }
    w.u16be(0);
}

std::error_code decode(reader& r, data_types_request& m) {
    r.begin("data_types_request");
    if (!expect_type(r, message_type::data_types)) return r.error();
    m.charset_id     = r.u16le("charset_id");
    m.ncharset_id    = r.u16le("ncharset_id");
    m.encoding_flags = r.u8("encoding_flags");  // python-oracledb 1.2.1: the UB4 length byte, 0x01
    std::vector<std::uint8_t> scratch;
    m.compile_caps = to_vector(r.bytes_with_length(scratch, "compile_caps"));
    m.runtime_caps = to_vector(r.bytes_with_length(scratch, "runtime_caps"));
    m.time_zone.reset();
    if (m.runtime_caps.size() > rcap::tz && (m.runtime_caps[rcap::tz] & rcap::tz_ex))
        read_time_zone(r, m.time_zone);  // TZ_EX (node-oracledb)
    m.rows.clear();
    for (;;) {
        const std::uint16_t dt = r.u16be("data_type");
        if (!r.ok() || dt == 0) break;
        if (m.rows.size() >= max_rows) {
            r.fail(client_errc::count_too_large);
            break;
        }
        data_type_row row;
        row.data_type      = dt;
        row.conv_data_type = r.u16be("conv_data_type");
        row.representation = r.u16be("representation");
        r.u16be("zero");
        if (r.ok()) m.rows.push_back(row);
    }
    r.end();
    return r.error();
}

std::error_code decode(reader& r, data_types_reply& m, const caps& c) {
    if (!expect_type(r, message_type::data_types)) return r.error();
    return decode_body(r, m, c);
}

std::error_code decode_body(reader& r, data_types_reply& m, const caps& c) {
    r.begin("data_types_reply");
    m.time_zone.reset();
    if (c.supports_tz_ex) read_time_zone(r, m.time_zone);  // TZ_EX: the database time zone
    m.rows.clear();
    for (;;) {
        const std::uint16_t dt = r.u16be("data_type");
        if (!r.ok() || dt == 0) break;
        if (m.rows.size() >= max_rows) {
            r.fail(client_errc::count_too_large);
            break;
        }
        data_type_row row;
        row.data_type      = dt;
        row.conv_data_type = r.u16be("conv_data_type");
        if (row.conv_data_type != 0) {
            row.representation = r.u16be("representation");
            r.u16be("zero");
        }
        if (r.ok()) m.rows.push_back(row);
    }
    r.end();
    return r.error();
}

void encode(writer& w, const data_types_reply& m, const caps& c) {
    w.u8(static_cast<std::uint8_t>(message_type::data_types));
    if (c.supports_tz_ex) w.bytes(m.time_zone.value_or(make_ttidty_time_zone(0)));
    for (const auto& row : m.rows) {
        w.u16be(row.data_type);
        w.u16be(row.conv_data_type);
        if (row.conv_data_type != 0) {
            w.u16be(row.representation);
            w.u16be(0);
        }
    }
    w.u16be(0);
}

data_types_reply make_data_types_reply(const data_types_request& req, const caps& c,
                                       ttidty_time_zone db_time_zone) {
    data_types_reply m;
    if (c.supports_tz_ex) m.time_zone = db_time_zone;
    m.rows = req.rows;
    return m;
}

void apply(caps& server, const data_types_request& req) noexcept {
    adjust_for_client_caps(server, req.compile_caps, req.runtime_caps, req.encoding_flags);
    auto listed = [&req](std::uint16_t t) {
        return std::any_of(req.rows.begin(), req.rows.end(),
                           [t](const data_type_row& r) { return r.data_type == t; });
    };
    server.supports_oac_type = listed(data_type_oac);
    server.supports_oer_type = listed(data_type_oer);
}

}  // namespace oranet::proto::ttc

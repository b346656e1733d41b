#include <oranet/proto/tns/connect.hpp>
#include <oranet/proto/tns/data.hpp>

#include <algorithm>

namespace oranet::proto::tns {

namespace {
constexpr std::size_t base_end       = 34 - header_size;  // payload offset after the NA flags
constexpr std::size_t reserved_large = 58 - 34;           // bytes 34..57
}  // namespace

void set_data_units(connect_packet& m, std::uint32_t sdu, std::uint32_t tdu) noexcept {
    m.sdu   = sdu;
    m.tdu   = tdu;
    m.sdu16 = static_cast<std::uint16_t>(std::min<std::uint32_t>(sdu, max_short_packet));
    m.tdu16 = static_cast<std::uint16_t>(std::min<std::uint32_t>(tdu, max_short_packet));
}

std::uint32_t requested_sdu(const connect_packet& m) noexcept { return m.has_large_fields ? m.sdu : m.sdu16; }

bool connect_data_is_separate(const connect_packet& m) noexcept {
    return m.connect_data.size() > max_inline_connect_data;
}

void encode(writer& w, const connect_packet& m) {
    const std::uint16_t offset = m.has_large_fields ? connect_data_offset_large : connect_data_offset_small;
    w.u16be(m.version);
    w.u16be(m.min_version);
    w.u16be(m.service_options);
    w.u16be(m.sdu16);
    w.u16be(m.tdu16);
    w.u16be(m.protocol_characteristics);
    w.u16be(m.line_turnaround);
    w.u16be(m.value_of_one);
    w.u16be(static_cast<std::uint16_t>(m.connect_data.size()));
    w.u16be(offset);
    w.u32be(m.max_receivable_data);
    w.u8(m.nsi_flags0);
    w.u8(m.nsi_flags1);
    w.zeros(reserved_large);
    if (m.has_large_fields) {
        w.u32be(m.sdu);
        w.u32be(m.tdu);
        w.u32be(m.connect_flags1);
        w.u32be(m.connect_flags2);
    }
    if (!connect_data_is_separate(m)) w.bytes(m.connect_data);
}

std::error_code decode(reader& r, connect_packet& m) {
    r.begin("CONNECT");
    m.version                  = r.u16be("version");
    m.min_version              = r.u16be("min_version");
    m.service_options          = r.u16be("service_options");
    m.sdu16                    = r.u16be("sdu16");
    m.tdu16                    = r.u16be("tdu16");
    m.protocol_characteristics = r.u16be("protocol_characteristics");
    m.line_turnaround          = r.u16be("line_turnaround");
    m.value_of_one             = r.u16be("value_of_one");
    m.declared_data_length     = r.u16be("connect_data_length");
    const std::uint16_t offset = r.u16be("connect_data_offset");  // from the start of the packet
    m.max_receivable_data      = r.u32be("max_receivable_data");
    m.nsi_flags0               = r.u8("nsi_flags0");
    m.nsi_flags1               = r.u8("nsi_flags1");
    if (!r.ok()) {
        r.end();
        return r.error();
    }
    if (offset < header_size + base_end) {
        r.end();
        return client_errc::malformed;  // the data would overlap the fixed fields
    }
    const std::size_t data_at = offset - header_size;  // payload offset of the data
    m.has_large_fields        = offset >= connect_data_offset_large;
    if (m.has_large_fields) {
        r.skip(reserved_large, "reserved");
        m.sdu            = r.u32be("sdu");
        m.tdu            = r.u32be("tdu");
        m.connect_flags1 = r.u32be("connect_flags1");
        m.connect_flags2 = r.u32be("connect_flags2");
    } else {
        m.sdu = m.sdu16;
        m.tdu = m.tdu16;
    }
    m.connect_data.clear();
    m.data_follows = false;
    if (r.ok() && r.remaining() == 0 && r.offset() <= data_at && m.declared_data_length > 0) {
        m.data_follows = true;  // the CONNECT ends where its data would start
    } else if (r.ok()) {
        if (r.offset() < data_at) r.skip(data_at - r.offset(), "reserved");
        const bytes_view data = r.bytes(m.declared_data_length, "connect_data", field_kind::text);
        m.connect_data.assign(data.begin(), data.end());
    }
    r.end();
    return r.finish();
}

std::error_code write_connect(writer& connect_out, writer& data_out, const connect_packet& m,
                              std::uint8_t header_flags) {
    if (m.connect_data.size() > max_short_packet - header_size - 2) return client_errc::tns_packet_too_large;
    if (auto ec = write_packet(connect_out, m, length_mode::short_form, header_flags)) return ec;
    if (!connect_data_is_separate(m)) return {};
    data_packet d;
    d.data_flags = 0;
    d.payload    = writer::as_bytes(m.connect_data);
    return write_packet(data_out, d, length_mode::short_form);
}

std::error_code complete_connect_data(connect_packet& m, bytes_view data_payload) {
    if (!m.data_follows) return client_errc::tns_unexpected_packet;
    if (data_payload.size() != m.declared_data_length) return client_errc::malformed;
    m.connect_data.assign(data_payload.begin(), data_payload.end());
    m.data_follows = false;
    return {};
}

}  // namespace oranet::proto::tns

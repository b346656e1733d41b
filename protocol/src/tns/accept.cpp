#include <oranet/proto/tns/accept.hpp>

namespace oranet::proto::tns {

std::uint32_t negotiated_sdu(const accept_packet& m) noexcept {
    return m.version >= version_min_large_sdu ? m.sdu : m.sdu16;
}

std::uint32_t negotiated_tdu(const accept_packet& m) noexcept {
    return m.version >= version_min_large_sdu ? m.tdu : m.tdu16;
}

length_mode negotiated_length_mode(const accept_packet& m) noexcept {
    return m.version >= version_min_large_sdu ? length_mode::large_sdu : length_mode::short_form;
}

std::size_t accept_fixed_size(std::uint16_t version) noexcept {
    if (version >= version_min_accept_flags2) return 45 - header_size;
    if (version >= version_min_large_sdu) return 41 - header_size;
    return 32 - header_size;
}

void encode(writer& w, const accept_packet& m) {
    const std::size_t fixed = accept_fixed_size(m.version);
    w.u16be(m.version);
    w.u16be(m.service_options);
    w.u16be(m.sdu16);
    w.u16be(m.tdu16);
    w.u16be(m.value_of_one);
    w.u16be(static_cast<std::uint16_t>(m.data.size()));
    w.u16be(static_cast<std::uint16_t>(header_size + fixed + m.trailer.size()));
    w.u8(m.nsi_flags0);
    w.u8(m.nsi_flags1);
    w.u16be(m.timeout);
    w.u16be(m.tick_size);
    w.u16be(m.reconnect_address_length);
    w.u16be(m.reconnect_address_offset);
    if (m.version >= version_min_large_sdu) {
        w.u32be(m.sdu);
        w.u32be(m.tdu);
        w.u8(m.compression_flags);
    }
    if (m.version >= version_min_accept_flags2) w.u32be(m.flags2);
    w.bytes(m.trailer);
    w.bytes(m.data);
}

std::error_code decode(reader& r, accept_packet& m) {
    r.begin("ACCEPT");
    m.version                       = r.u16be("version");
    m.service_options               = r.u16be("service_options");
    m.sdu16                         = r.u16be("sdu16");
    m.tdu16                         = r.u16be("tdu16");
    m.value_of_one                  = r.u16be("value_of_one");
    const std::uint16_t data_length = r.u16be("accept_data_length");
    const std::uint16_t data_offset = r.u16be("accept_data_offset");  // from the start of the packet
    m.nsi_flags0                    = r.u8("nsi_flags0");
    m.nsi_flags1                    = r.u8("nsi_flags1");
    m.timeout                       = r.u16be("timeout");
    m.tick_size                     = r.u16be("tick_size");
    m.reconnect_address_length      = r.u16be("reconnect_address_length");
    m.reconnect_address_offset      = r.u16be("reconnect_address_offset");
    if (m.version >= version_min_large_sdu) {
        m.sdu               = r.u32be("sdu");
        m.tdu               = r.u32be("tdu");
        m.compression_flags = r.u8("compression_flags");
    } else {
        m.sdu               = m.sdu16;
        m.tdu               = m.tdu16;
        m.compression_flags = 0;
    }
    m.flags2 = m.version >= version_min_accept_flags2 ? r.u32be("flags2") : 0;
    m.trailer.clear();
    m.data.clear();
    if (r.ok()) {
        if (data_length == 0) {
            // No accept data: whatever follows the known fields is trailer.
            const bytes_view rest = r.bytes(r.remaining(), "trailer");
            m.trailer.assign(rest.begin(), rest.end());
        } else {
            const std::size_t at = r.offset() + header_size;
            if (data_offset < at) {
                r.fail(client_errc::malformed);  // data would overlap the fixed fields
            } else {
                const bytes_view trailer = r.bytes(data_offset - at, "trailer");
                m.trailer.assign(trailer.begin(), trailer.end());
                const bytes_view data = r.bytes(data_length, "accept_data");
                m.data.assign(data.begin(), data.end());
            }
        }
    }
    r.end();
    return r.finish();
}

}  // namespace oranet::proto::tns

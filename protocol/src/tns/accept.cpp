#include <oranet/proto/tns/accept.hpp>

#include <algorithm>

namespace oranet::proto::tns {

namespace {

constexpr std::size_t base_size = 32 - header_size;  // through the reconnect address offset

// Which optional fields an encoded ACCEPT carries, and its fixed size.
struct accept_layout {
    bool sdu         = false;
    bool tdu         = false;
    bool compression = false;
    bool flags2      = false;
    std::size_t size = base_size;
};

accept_layout layout_for(const accept_packet& m) {
    const std::size_t full  = accept_fixed_size(m.version);
    const std::size_t limit = m.fixed_size != 0 ? std::min(m.fixed_size, full) : full;
    accept_layout l;
    const auto take = [&](bool allowed, std::size_t n, bool required) {
        if (!allowed || (!required && l.size + n > limit)) return false;
        l.size += n;
        return true;
    };
    l.sdu         = take(m.version >= version_min_large_sdu, 4, true);
    l.tdu         = take(l.sdu, 4, false);
    l.compression = take(l.tdu, 1, false);
    l.flags2      = take(m.version >= version_min_accept_flags2 && l.compression, 4, false);
    return l;
}

}  // namespace

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
    return base_size;
}

void encode(writer& w, const accept_packet& m) {
    const accept_layout l = layout_for(m);
    w.u16be(m.version);
    w.u16be(m.service_options);
    w.u16be(m.sdu16);
    w.u16be(m.tdu16);
    w.u16be(m.value_of_one);
    w.u16be(static_cast<std::uint16_t>(m.data.size()));
    w.u16be(static_cast<std::uint16_t>(header_size + l.size + m.trailer.size()));  // data offset
    w.u8(m.nsi_flags0);
    w.u8(m.nsi_flags1);
    w.u16be(m.timeout);
    w.u16be(m.tick_size);
    w.u16be(m.reconnect_address_length);
    w.u16be(m.reconnect_address_offset);
    if (l.sdu) w.u32be(m.sdu);
    if (l.tdu) w.u32be(m.tdu);
    if (l.compression) w.u8(m.compression_flags);
    if (l.flags2) w.u32be(m.flags2);
    w.bytes(m.trailer);
    w.bytes(m.data);
}

std::error_code decode(reader& r, accept_packet& m) {
    r.begin("ACCEPT");
    const std::size_t payload_size  = r.remaining();
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
    // The optional fields end at the data offset; an offset past the end of
    // the packet means the packet is cut short. An offset inside the base
    // fields says nothing: the optional fields then end with the packet.
    const bool offset_says_end = data_offset >= header_size + base_size;
    if (offset_says_end && data_offset - header_size > payload_size) r.fail(client_errc::truncated);
    const std::size_t limit = offset_says_end ? data_offset - header_size : payload_size;
    const auto fits         = [&](std::size_t n) { return r.ok() && r.offset() + n <= limit; };
    m.sdu                   = m.sdu16;
    m.tdu                   = m.tdu16;
    m.compression_flags     = 0;
    m.flags2                = 0;
    if (m.version >= version_min_large_sdu) {
        m.sdu = r.u32be("sdu");  // required: python-oracledb reads it from every ACCEPT it takes
        if (fits(4)) m.tdu = r.u32be("tdu");
        if (fits(1)) m.compression_flags = r.u8("compression_flags");
        if (m.version >= version_min_accept_flags2 && fits(4)) m.flags2 = r.u32be("flags2");
    }
    m.fixed_size = r.offset();
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
                r.fail(client_errc::malformed);  // the data would overlap the fixed fields
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

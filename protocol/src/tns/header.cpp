#include <oranet/proto/tns/header.hpp>

namespace oranet::proto::tns {

bool is_known_packet_type(std::uint8_t t) noexcept {
    switch (t) {
        case 1:
        case 2:
        case 4:
        case 5:
        case 6:
        case 11:
        case 12:
        case 14: return true;
        default: return false;
    }
}

std::string_view packet_type_name(packet_type t) noexcept {
    switch (t) {
        case packet_type::connect: return "CONNECT";
        case packet_type::accept: return "ACCEPT";
        case packet_type::refuse: return "REFUSE";
        case packet_type::redirect: return "REDIRECT";
        case packet_type::data: return "DATA";
        case packet_type::resend: return "RESEND";
        case packet_type::marker: return "MARKER";
        case packet_type::control: return "CONTROL";
    }
    return "UNKNOWN";
}

std::error_code decode_header(reader& r, length_mode mode, header& out) noexcept {
    if (mode == length_mode::large_sdu) {
        out.length          = r.u32be("packet_length");
        out.packet_checksum = 0;
    } else {
        out.length          = r.u16be("packet_length");
        out.packet_checksum = r.u16be("packet_checksum");
    }
    out.type            = static_cast<packet_type>(r.u8("packet_type"));
    out.flags           = r.u8("packet_flags");
    out.header_checksum = r.u16be("header_checksum");
    return r.error();
}

void encode_header(writer& w, const header& h, length_mode mode) {
    if (mode == length_mode::large_sdu) {
        w.u32be(h.length);
    } else {
        w.u16be(static_cast<std::uint16_t>(h.length));
        w.u16be(h.packet_checksum);
    }
    w.u8(static_cast<std::uint8_t>(h.type));
    w.u8(h.flags);
    w.u16be(h.header_checksum);
}

std::error_code parse_packet(bytes_view bytes, length_mode mode, packet_view& out) noexcept {
    reader r(bytes);
    header h;
    if (auto ec = decode_header(r, mode, h)) return ec;
    if (h.length < header_size) return client_errc::tns_bad_length;
    if (h.length > bytes.size()) return client_errc::truncated;
    if (h.length < bytes.size()) return client_errc::trailing_bytes;
    out.hdr   = h;
    out.bytes = bytes;
    return {};
}

std::size_t begin_packet(writer& w) {
    const std::size_t start = w.size();
    w.zeros(header_size);
    return start;
}

std::error_code end_packet(writer& w, std::size_t start, packet_type type, std::uint8_t flags,
                           length_mode mode) {
    if (!w.ok()) return w.error();
    if (w.size() < start + header_size) return client_errc::tns_bad_length;
    const std::size_t length = w.size() - start;
    const std::size_t limit  = mode == length_mode::short_form ? max_short_packet : 0xffffffffu;
    if (length > limit) return client_errc::tns_packet_too_large;  // the length field cannot say it
    header h;
    h.length = static_cast<std::uint32_t>(length);
    h.type   = type;
    h.flags  = flags;
    writer hw(header_size);
    encode_header(hw, h, mode);
    auto& buf = w.buffer();
    for (std::size_t i = 0; i < header_size; ++i)
        buf[start + i] = hw.data()[i];
    return {};
}

std::error_code write_raw_packet(writer& w, packet_type type, std::uint8_t flags, bytes_view payload,
                                 length_mode mode) {
    const std::size_t start = begin_packet(w);
    w.bytes(payload);
    return end_packet(w, start, type, flags, mode);
}

}  // namespace oranet::proto::tns

#include <oranet/proto/ttc/fast_auth.hpp>

namespace oranet::proto::ttc {

caps fast_auth_auth_caps(const fast_auth_request& m, caps base) {
    base.ttc_field_version = m.ttc_field_version;
    base.encoding_flags    = m.data_types.encoding_flags;
    return base;
}

void encode(writer& w, const fast_auth_request& m) {
    w.u8(static_cast<std::uint8_t>(message_type::fast_auth));
    w.u8(m.version);
    w.u8(m.flag1);
    w.u8(m.flag2);
    encode(w, m.protocol);
    w.u16be(m.server_charset);
    w.u8(m.server_charset_flag);
    w.u16be(m.server_ncharset);
    w.u8(m.ttc_field_version);
    encode(w, m.data_types);
    encode(w, m.auth, fast_auth_auth_caps(m));
}

std::error_code decode(reader& r, fast_auth_request& m) {
    r.begin("fast_auth_request");
    const std::uint8_t type = r.u8("message_type");
    if (r.ok() && type != static_cast<std::uint8_t>(message_type::fast_auth))
        r.fail(client_errc::ttc_unexpected_message);
    m.version = r.u8("version");
    m.flag1   = r.u8("flag1");
    m.flag2   = r.u8("flag2");
    if (r.ok()) (void)decode(r, m.protocol);
    m.server_charset      = r.u16be("server_charset");
    m.server_charset_flag = r.u8("server_charset_flag");
    m.server_ncharset     = r.u16be("server_ncharset");
    m.ttc_field_version   = r.u8("ttc_field_version");
    if (r.ok()) (void)decode(r, m.data_types);
    if (r.ok()) (void)decode(r, m.auth, fast_auth_auth_caps(m));
    if (r.ok() && m.auth.code != function_code::auth_phase_one) r.fail(client_errc::ttc_unexpected_message);
    r.end();
    return r.error();
}

std::error_code decode(reader& r, fast_auth_reply& m, const caps& c) {
    if (r.peek() == static_cast<std::uint8_t>(message_type::renegotiate) && r.remaining() > 0) {
        r.u8("message_type");
        m.renegotiate = true;
        return r.error();
    }
    m.renegotiate = false;
    if (decode(r, m.protocol)) return r.error();
    caps negotiated = c;
    apply(negotiated, m.protocol);
    if (decode(r, m.data_types, negotiated)) return r.error();
    return decode(r, m.auth);
}

void encode(writer& w, const fast_auth_reply& m, const caps& c) {
    if (m.renegotiate) {
        w.u8(static_cast<std::uint8_t>(message_type::renegotiate));
        return;
    }
    encode(w, m.protocol);
    encode(w, m.data_types, c);
    encode(w, m.auth);
}

}  // namespace oranet::proto::ttc

#include <oranet/proto/tns/control.hpp>

namespace oranet::proto::tns {

void encode(writer& w, const control_packet& m) {
    w.u16be(m.command);
    w.bytes(m.data);
}

std::error_code decode(reader& r, control_packet& m) {
    r.begin("CONTROL");
    m.command             = r.u16be("control_command");
    const bytes_view data = r.bytes(r.remaining(), "control_data");
    m.data.assign(data.begin(), data.end());
    r.end();
    return r.finish();
}

std::error_code decode_control_error(bytes_view data, control_error& out) {
    reader r(data);
    out.emfi         = r.u32be("emfi");
    out.error1       = r.u32be("error1");
    out.error2       = r.u32be("error2");
    out.notification = {};
    if (r.ok() && out.error1 == control_err_send_message) {
        if (out.error2 > r.remaining()) return client_errc::malformed;  // never trust the length
        out.notification = r.bytes(out.error2, "notification", field_kind::text);
    }
    // Bytes after the three words (or the text) are ignored, as both thin clients do.
    return r.error();
}

std::vector<std::uint8_t> encode_control_error(const control_error& e) {
    writer w;
    w.u32be(e.emfi);
    w.u32be(e.error1);
    w.u32be(e.error2);
    w.bytes(e.notification);
    return w.take();
}

}  // namespace oranet::proto::tns

#include <oranet/proto/tns/marker.hpp>

namespace oranet::proto::tns {

void encode(writer& w, const marker_packet& m) {
    w.u8(m.kind);
    w.u8(m.old_data);
    w.u8(static_cast<std::uint8_t>(m.marker));
}

std::error_code decode(reader& r, marker_packet& m) {
    r.begin("MARKER");
    m.kind               = r.u8("marker_kind");
    m.old_data           = r.u8("old_data");
    const std::uint8_t t = r.u8("marker_type");
    if (r.ok() && (t < 1 || t > 3)) r.fail(client_errc::malformed);
    m.marker = static_cast<marker_type>(t);
    r.end();
    return r.finish();
}

}  // namespace oranet::proto::tns

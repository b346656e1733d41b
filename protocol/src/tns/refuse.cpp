#include <oranet/proto/tns/refuse.hpp>

namespace oranet::proto::tns {

void encode(writer& w, const refuse_packet& m) {
    w.u8(m.user_reason);
    w.u8(m.system_reason);
    w.u16be(static_cast<std::uint16_t>(m.data.size()));
    if (!m.data_follows) w.bytes(m.data);
}

std::error_code decode(reader& r, refuse_packet& m) {
    r.begin("REFUSE");
    m.user_reason          = r.u8("user_reason");
    m.system_reason        = r.u8("system_reason");
    m.declared_data_length = r.u16be("refuse_data_length");
    m.data.clear();
    m.data_follows = r.ok() && r.remaining() == 0 && m.declared_data_length > 0;
    if (!m.data_follows) {
        const bytes_view data = r.bytes(m.declared_data_length, "refuse_data", field_kind::text);
        m.data.assign(data.begin(), data.end());
    }
    r.end();
    return r.finish();
}

int refuse_error_number(std::string_view data) noexcept {
    const auto at = data.find("(ERR=");
    if (at == std::string_view::npos) return 0;
    int v              = 0;
    std::size_t digits = 0;
    for (std::size_t i = at + 5; i < data.size(); ++i) {
        const char c = data[i];
        if (c == ')') return digits > 0 ? v : 0;
        if (c < '0' || c > '9' || digits >= 9) return 0;
        v = v * 10 + (c - '0');
        ++digits;
    }
    return 0;  // no closing parenthesis
}

}  // namespace oranet::proto::tns

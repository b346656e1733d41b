#include <oranet/proto/tns/redirect.hpp>

namespace oranet::proto::tns {

void encode(writer& w, const redirect_packet& m) {
    w.u16be(static_cast<std::uint16_t>(m.data.size()));
    if (!m.data_follows) w.bytes(m.data);
}

std::error_code decode(reader& r, redirect_packet& m) {
    r.begin("REDIRECT");
    m.declared_data_length = r.u16be("redirect_data_length");
    m.data.clear();
    m.data_follows = r.ok() && r.remaining() == 0 && m.declared_data_length > 0;
    if (!m.data_follows) {
        const bytes_view data = r.bytes(m.declared_data_length, "redirect_data", field_kind::text);
        m.data.assign(data.begin(), data.end());
    }
    r.end();
    return r.finish();
}

redirect_target split_redirect_data(std::string_view data) noexcept {
    redirect_target t;
    const auto nul = data.find('\0');
    if (nul == std::string_view::npos) {
        t.address = data;
        return t;
    }
    t.address          = data.substr(0, nul);
    t.connect_data     = data.substr(nul + 1);
    t.has_connect_data = true;
    return t;
}

std::string join_redirect_data(std::string_view address, std::string_view connect_data) {
    std::string s(address);
    s.push_back('\0');
    s.append(connect_data);
    return s;
}

}  // namespace oranet::proto::tns

#include <oranet/proto/ttc/protocol_negotiation.hpp>

#include <algorithm>

namespace oranet::proto::ttc {

namespace {

constexpr std::size_t max_elements = 4096;

// Reads bytes up to a zero byte (consumed, not returned).
std::string read_zero_terminated(reader& r, std::string_view name) {
    const bytes_view rest = r.rest();
    const auto zero       = std::find(rest.begin(), rest.end(), std::uint8_t{0});
    if (zero == rest.end()) {
        r.skip(rest.size());
        r.fail(client_errc::truncated);
        return {};
    }
    const auto n       = static_cast<std::size_t>(zero - rest.begin());
    const bytes_view b = r.bytes(n, name, field_kind::text);
    r.u8("terminator");
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

std::vector<std::uint8_t> to_vector(const opt_bytes& b) {
    return b.null ? std::vector<std::uint8_t>{} : std::vector<std::uint8_t>(b.data.begin(), b.data.end());
}

bool expect_type(reader& r, message_type t) {
    const std::uint8_t got = r.u8("message_type");
    if (r.ok() && got != static_cast<std::uint8_t>(t)) r.fail(client_errc::ttc_unexpected_message);
    return r.ok();
}

}  // namespace

void encode(writer& w, const protocol_request& m) {
    w.u8(static_cast<std::uint8_t>(message_type::protocol));
    for (std::uint8_t v : m.versions)
        w.u8(v);
    w.u8(0);  // end of the version list
    w.bytes(m.driver_name);
    w.u8(0);
}

std::error_code decode(reader& r, protocol_request& m) {
    r.begin("protocol_request");
    if (!expect_type(r, message_type::protocol)) return r.error();
    m.versions.clear();
    for (;;) {
        const std::uint8_t v = r.u8("version");
        if (!r.ok() || v == 0) break;
        m.versions.push_back(v);
    }
    m.driver_name = read_zero_terminated(r, "driver_name");
    r.end();
    return r.error();
}

std::error_code decode(reader& r, protocol_reply& m) {
    if (!expect_type(r, message_type::protocol)) return r.error();
    return decode_body(r, m);
}

std::error_code decode_body(reader& r, protocol_reply& m) {
    r.begin("protocol_reply");
    m.server_version = r.u8("server_version");
    r.u8("zero");
    m.server_banner          = read_zero_terminated(r, "server_banner");
    m.charset_id             = r.u16le("charset_id");
    m.server_flags           = r.u8("server_flags");
    const std::size_t n_elem = r.count(r.u16le("element_count"), max_elements, 5, "element_count");
    const bytes_view elem    = r.bytes(n_elem * 5, "elements");
    m.elements.assign(elem.begin(), elem.end());
    const std::uint16_t fdo_length = r.u16be("fdo_length");
    const bytes_view fdo           = r.bytes(fdo_length, "fdo");
    if (!r.ok()) return r.error();
    m.fdo.assign(fdo.begin(), fdo.end());
    if (fdo.size() < 7) {
        r.fail(client_errc::malformed);
        return r.error();
    }
    const std::size_t ix = 6u + fdo[5] + fdo[6];
    if (fdo.size() < ix + 5) {
        r.fail(client_errc::malformed);
        return r.error();
    }
    m.ncharset_id = static_cast<std::uint16_t>((fdo[ix + 3] << 8) | fdo[ix + 4]);
    std::vector<std::uint8_t> scratch;
    m.compile_caps = to_vector(r.bytes_with_length(scratch, "compile_caps"));
    m.runtime_caps = to_vector(r.bytes_with_length(scratch, "runtime_caps"));
    r.end();
    return r.error();
}

std::vector<std::uint8_t> make_fdo(std::uint16_t charset_id, std::uint16_t ncharset_id) {
    // Seven header bytes whose counts at [5] and [6] put the charset group at
    // index 7: a flag byte, the charset and the national charset (big-endian).
    return {0,
            0,
            0,
            0,
            0,
            0,
            1,
            0x83,
            static_cast<std::uint8_t>(charset_id >> 8),
            static_cast<std::uint8_t>(charset_id),
            static_cast<std::uint8_t>(ncharset_id >> 8),
            static_cast<std::uint8_t>(ncharset_id)};
}

void encode(writer& w, const protocol_reply& m) {
    w.u8(static_cast<std::uint8_t>(message_type::protocol));
    w.u8(m.server_version);
    w.u8(0);
    w.bytes(m.server_banner);
    w.u8(0);
    w.u16le(m.charset_id);
    w.u8(m.server_flags);
    w.u16le(static_cast<std::uint16_t>(m.elements.size() / 5));
    w.bytes(bytes_view(m.elements.data(), m.elements.size() / 5 * 5));
    const std::vector<std::uint8_t> fdo = m.fdo.empty() ? make_fdo(m.charset_id, m.ncharset_id) : m.fdo;
    w.u16be(static_cast<std::uint16_t>(fdo.size()));
    w.bytes(fdo);
    w.bytes_with_length(m.compile_caps);
    w.bytes_with_length(m.runtime_caps);
}

protocol_reply make_protocol_reply(const caps& server, std::string banner) {
    protocol_reply m;
    m.server_banner = std::move(banner);
    m.charset_id    = server.charset_id;
    m.ncharset_id   = server.ncharset_id;
    m.server_flags  = server.server_flags != 0 ? server.server_flags : 1;
    m.compile_caps  = server.compile_caps;
    m.runtime_caps  = server.runtime_caps;
    return m;
}

void apply(caps& c, const protocol_reply& m) noexcept {
    c.charset_id   = m.charset_id;
    c.ncharset_id  = m.ncharset_id;
    c.server_flags = m.server_flags;
    if (!m.compile_caps.empty()) adjust_for_server_compile_caps(c, m.compile_caps);
    if (!m.runtime_caps.empty()) adjust_for_server_runtime_caps(c, m.runtime_caps);
}

}  // namespace oranet::proto::ttc

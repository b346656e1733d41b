#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/function_header.hpp>

namespace oranet::proto::ttc {

namespace {
bool has_token(const caps& c) { return c.at_least(field_version::v23_1_ext1); }
}  // namespace

void encode(writer& w, const function_header& h, const caps& c) {
    w.u8(static_cast<std::uint8_t>(h.type));
    w.u8(static_cast<std::uint8_t>(h.code));
    w.u8(h.seq);
    if (has_token(c)) w.ub8(h.token);  // field version 23.1 ext 1
}

std::error_code decode(reader& r, function_header& h, const caps& c) {
    const std::uint8_t type = r.u8("message_type");
    if (r.ok() && type != static_cast<std::uint8_t>(message_type::function) &&
        type != static_cast<std::uint8_t>(message_type::piggyback))
        r.fail(client_errc::ttc_unexpected_message);
    h.type  = static_cast<message_type>(type);
    h.code  = static_cast<function_code>(r.u8("function_code"));
    h.seq   = r.u8("seq");
    h.token = has_token(c) ? r.ub8("token") : 0;  // field version 23.1 ext 1
    return r.error();
}

void encode(writer& w, const close_cursors_piggyback& m, const caps& c) {
    encode(w, function_header{message_type::piggyback, function_code::close_cursors, m.seq, m.token}, c);
    w.u8(1);  // pointer (cursor ids)
    w.ub4(static_cast<std::uint32_t>(m.cursor_ids.size()));
    for (std::uint32_t id : m.cursor_ids)
        w.ub4(id);
}

std::error_code decode_body(reader& r, close_cursors_piggyback& m) {
    r.begin("close_cursors");
    (void)r.u8("cursor_ids_pointer");
    const std::size_t n = r.count(r.ub4("num_cursors"), max_binds * 16, 1);
    m.cursor_ids.clear();
    for (std::size_t i = 0; i < n && r.ok(); ++i)
        m.cursor_ids.push_back(r.ub4("cursor_id"));
    r.end();
    return r.error();
}

std::error_code decode_call_prefix(reader& r, call_prefix& out, const caps& c) {
    out.close_cursors.clear();
    for (;;) {
        function_header h;
        if (auto ec = decode(r, h, c)) return ec;
        if (h.type == message_type::function) {
            out.header = h;
            return {};
        }
        if (h.code != function_code::close_cursors) return client_errc::ttc_unsupported_piggyback;
        close_cursors_piggyback p;
        p.seq   = h.seq;
        p.token = h.token;
        if (auto ec = decode_body(r, p)) return ec;
        out.close_cursors.push_back(std::move(p));
    }
}

}  // namespace oranet::proto::ttc

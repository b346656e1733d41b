#include <oranet/proto/ttc/fetch.hpp>

namespace oranet::proto::ttc {

void encode(writer& w, const fetch_request& m, const caps& c) {
    encode(w, function_header{message_type::function, function_code::fetch, m.seq, m.token}, c);
    w.ub4(m.cursor_id);
    w.ub4(m.rows);
}

std::error_code decode_body(reader& r, fetch_request& m, const caps&) {
    m.cursor_id = r.ub4("cursor_id");
    m.rows      = r.ub4("rows");
    return r.error();
}

std::error_code decode(reader& r, fetch_request& m, const caps& c) {
    function_header h;
    if (auto ec = decode(r, h, c)) return ec;
    if (h.type != message_type::function || h.code != function_code::fetch)
        return client_errc::ttc_unexpected_message;
    m.seq   = h.seq;
    m.token = h.token;
    if (auto ec = decode_body(r, m, c)) return ec;
    return r.finish();
}

}  // namespace oranet::proto::ttc

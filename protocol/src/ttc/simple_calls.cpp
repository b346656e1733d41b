#include <oranet/proto/ttc/simple_calls.hpp>

namespace oranet::proto::ttc {

namespace {

template <class Msg>
void encode_simple(writer& w, const Msg& m, function_code code, const caps& c) {
    encode(w, function_header{message_type::function, code, m.seq, m.token}, c);
}

template <class Msg>
std::error_code decode_simple(reader& r, Msg& m, function_code code, const caps& c) {
    function_header h;
    if (auto ec = decode(r, h, c)) return ec;
    if (h.type != message_type::function || h.code != code) return client_errc::ttc_unexpected_message;
    m.seq   = h.seq;
    m.token = h.token;
    return r.finish();
}

}  // namespace

void encode(writer& w, const commit_request& m, const caps& c) {
    encode_simple(w, m, function_code::commit, c);
}
void encode(writer& w, const rollback_request& m, const caps& c) {
    encode_simple(w, m, function_code::rollback, c);
}
void encode(writer& w, const ping_request& m, const caps& c) { encode_simple(w, m, function_code::ping, c); }
void encode(writer& w, const logoff_request& m, const caps& c) {
    encode_simple(w, m, function_code::logoff, c);
}

std::error_code decode(reader& r, commit_request& m, const caps& c) {
    return decode_simple(r, m, function_code::commit, c);
}
std::error_code decode(reader& r, rollback_request& m, const caps& c) {
    return decode_simple(r, m, function_code::rollback, c);
}
std::error_code decode(reader& r, ping_request& m, const caps& c) {
    return decode_simple(r, m, function_code::ping, c);
}
std::error_code decode(reader& r, logoff_request& m, const caps& c) {
    return decode_simple(r, m, function_code::logoff, c);
}

}  // namespace oranet::proto::ttc

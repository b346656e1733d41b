// Fuzzes the client-role decoders of the server's handshake replies:
// protocol negotiation, data types (with and without TZ_EX), the auth
// PARAMETER message, fast auth, ANO. No crash, no read past the input, and
// whatever decodes re-encodes to the same message.
#include <oranet/proto/ttc/ano.hpp>
#include <oranet/proto/ttc/auth.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/fast_auth.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>

#include <cstddef>
#include <cstdint>

using namespace oranet::proto;
using namespace oranet::proto::ttc;

namespace {

template <class Message, class Decode, class Encode>
void round_trip(bytes_view input, Decode decode, Encode encode) {
    reader r(input);
    Message m;
    const auto ec = decode(r, m);
    if (r.offset() > input.size()) __builtin_trap();
    if (ec) return;
    writer w;
    encode(w, m);
    reader r2(w.data());
    Message back;
    if (decode(r2, back) || !(back == m)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size == 0) return 0;
    // The first byte picks the decoder and the caps; the rest is the reply.
    const std::uint8_t pick = data[0];
    const bytes_view input(data + 1, size - 1);
    caps c = client_caps((pick >> 3) & 1 ? client_profile::node_oracledb : client_profile::python_oracledb);
    c.supports_tz_ex = (pick >> 4) & 1;
    switch (pick % 5) {
        case 0:
            round_trip<protocol_reply>(
                input, [](reader& r, protocol_reply& m) { return decode(r, m); },
                [](writer& w, const protocol_reply& m) { encode(w, m); });
            break;
        case 1:
            round_trip<data_types_reply>(
                input, [&c](reader& r, data_types_reply& m) { return decode(r, m, c); },
                [&c](writer& w, const data_types_reply& m) { encode(w, m, c); });
            break;
        case 2:
            round_trip<auth_reply>(
                input, [](reader& r, auth_reply& m) { return decode(r, m); },
                [](writer& w, const auth_reply& m) { encode(w, m); });
            break;
        case 3:
            round_trip<fast_auth_reply>(
                input, [&c](reader& r, fast_auth_reply& m) { return decode(r, m, c); },
                [&c](writer& w, const fast_auth_reply& m) {
                    caps negotiated = c;  // the data types reply was read with the reply's caps
                    if (!m.renegotiate) apply(negotiated, m.protocol);
                    encode(w, m, negotiated);
                });
            break;
        default:
            round_trip<ano_message>(
                input,
                [](reader& r, ano_message& m) {
                    const auto ec = decode(r, m);
                    if (!ec) (void)check_ano_reply(m);
                    return ec;
                },
                [](writer& w, const ano_message& m) { encode(w, m); });
            break;
    }
    return 0;
}

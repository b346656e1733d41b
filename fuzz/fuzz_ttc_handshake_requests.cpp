// Fuzzes the server-role (emulator) decoders of the client's handshake
// messages: protocol request, data types request, auth phase one/two, fast
// auth, ANO. A hostile client may send anything: no crash, no read past the
// input, and whatever decodes re-encodes to the same message.
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
    // The first byte picks the decoder and the caps; the rest is the message.
    const std::uint8_t pick = data[0];
    const bytes_view input(data + 1, size - 1);
    caps c              = client_caps();
    c.ttc_field_version = (pick >> 3) & 1 ? field_version::v23_4 : field_version::v19_1;
    c.encoding_flags    = (pick >> 4) & 1 ? encoding_multi_byte : encoding_multi_byte | encoding_conv_length;
    switch (pick % 5) {
        case 0:
            round_trip<protocol_request>(
                input, [](reader& r, protocol_request& m) { return decode(r, m); },
                [](writer& w, const protocol_request& m) { encode(w, m); });
            break;
        case 1:
            round_trip<data_types_request>(
                input, [](reader& r, data_types_request& m) { return decode(r, m); },
                [](writer& w, const data_types_request& m) { encode(w, m); });
            break;
        case 2:
            round_trip<auth_request>(
                input, [&c](reader& r, auth_request& m) { return decode(r, m, c); },
                [&c](writer& w, const auth_request& m) { encode(w, m, c); });
            break;
        case 3:
            round_trip<fast_auth_request>(
                input, [](reader& r, fast_auth_request& m) { return decode(r, m); },
                [](writer& w, const fast_auth_request& m) { encode(w, m); });
            break;
        default:
            round_trip<ano_message>(
                input, [](reader& r, ano_message& m) { return decode(r, m); },
                [](writer& w, const ano_message& m) { encode(w, m); });
            break;
    }
    return 0;
}

// Fuzzes the server role's decoding of client calls: piggybacks, execute,
// re-execute, fetch and the header-only calls, under caps chosen by the first
// byte. A call that decodes must re-encode (client role) to bytes that decode
// to the same encoding.
#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/ttc/fetch.hpp>
#include <oranet/proto/ttc/simple_calls.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

using namespace oranet::proto;
using namespace oranet::proto::ttc;

namespace {

constexpr std::uint8_t versions[8] = {field_version::v11_2,      field_version::v12_1, field_version::v12_2,
                                      field_version::v12_2_ext1, field_version::v19_1, field_version::v23_1,
                                      field_version::v23_1_ext1, field_version::v23_4};

template <class Msg, class Encode, class Decode>
void round_trip(const Msg& m, Encode enc, Decode dec) {
    writer w;
    enc(w, m);
    const auto once = w.take();
    reader r(once);
    Msg copy{};
    if (dec(r, copy)) __builtin_trap();
    writer w2;
    enc(w2, copy);
    if (w2.data().size() != once.size() || !std::equal(once.begin(), once.end(), w2.data().begin()))
        __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size < 1) return 0;
    // Byte 0: field version (bits 0-2), CONV_LENGTH (bit 3), max string size
    // 32767 (bit 4), re-execute binds from the execute (bit 5).
    const std::uint8_t control = data[0];
    caps c;
    c.ttc_field_version = versions[control & 7];
    c.encoding_flags =
        (control & 0x08) != 0 ? (encoding_multi_byte | encoding_conv_length) : encoding_multi_byte;
    c.max_string_size = (control & 0x10) != 0 ? 32767 : 4000;

    reader r({data + 1, size - 1});
    call_prefix prefix;
    if (decode_call_prefix(r, prefix, c)) return 0;
    for (const auto& p : prefix.close_cursors)
        round_trip(
            p, [&](writer& w, const close_cursors_piggyback& m) { encode(w, m, c); },
            [&](reader& rd, close_cursors_piggyback& m) {
                function_header h;
                if (auto ec = decode(rd, h, c)) return ec;
                m.seq   = h.seq;
                m.token = h.token;
                return decode_body(rd, m);
            });
    switch (prefix.header.code) {
        case function_code::execute: {
            execute_request m;
            if (decode_body(r, m, c) || r.finish()) return 0;
            m.seq   = prefix.header.seq;
            m.token = prefix.header.token;
            round_trip(
                m, [&](writer& w, const execute_request& x) { encode(w, x, c); },
                [&](reader& rd, execute_request& x) { return decode(rd, x, c); });
            break;
        }
        case function_code::reexecute:
        case function_code::reexecute_and_fetch: {
            // Binds as a previous execute would have declared them: one per
            // remaining control bit pattern.
            std::vector<bind_metadata> binds(1 + ((control >> 5) & 3));
            const std::uint8_t kinds[4] = {2, 1, 252, 112};
            for (std::size_t i = 0; i < binds.size(); ++i) {
                binds[i].ora_type    = kinds[i];
                binds[i].buffer_size = i == 1 ? 40000 : 22;
            }
            reexecute_request m;
            m.with_fetch = prefix.header.code == function_code::reexecute_and_fetch;
            if (decode_body(r, m, binds, false, c) || r.finish()) return 0;
            m.seq   = prefix.header.seq;
            m.token = prefix.header.token;
            round_trip(
                m, [&](writer& w, const reexecute_request& x) { encode(w, x, binds, false, c); },
                [&](reader& rd, reexecute_request& x) { return decode(rd, x, binds, false, c); });
            break;
        }
        case function_code::fetch: {
            fetch_request m;
            if (decode_body(r, m, c) || r.finish()) return 0;
            m.seq   = prefix.header.seq;
            m.token = prefix.header.token;
            round_trip(
                m, [&](writer& w, const fetch_request& x) { encode(w, x, c); },
                [&](reader& rd, fetch_request& x) { return decode(rd, x, c); });
            break;
        }
        default: break;
    }
    return 0;
}

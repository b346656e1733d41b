// Fuzzes the LOB operation codecs (function 96): the server's reading of a
// request, the client's reading of the reply's LOB data and return
// parameters (with a shape taken from the input), and the server's reading
// of the free-temporary-LOBs piggyback. What decodes must re-encode to
// bytes that decode to the same encoding.
#include <oranet/proto/ttc/function_header.hpp>
#include <oranet/proto/ttc/lob_op.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

using namespace oranet::proto;
using namespace oranet::proto::ttc;

namespace {

constexpr std::uint32_t ops[8] = {lob_op_code::read,        lob_op_code::write,   lob_op_code::trim,
                                  lob_op_code::create_temp, lob_op_code::is_open, lob_op_code::get_length,
                                  lob_op_code::file_exists, lob_op_code::close};

void request(bytes_view in, const caps& c) {
    reader r(in);
    lob_op_request m;
    if (decode_body(r, m, c)) return;
    m.seq = 1;
    writer w;
    encode(w, m, c);
    const auto once = w.take();
    reader again(once);
    function_header h;
    lob_op_request copy;
    if (decode(again, h, c) || decode_body(again, copy, c) || again.remaining() != 0) __builtin_trap();
    copy.seq = 1;
    writer w2;
    encode(w2, copy, c);
    if (w2.take() != once) __builtin_trap();
}

void reply(bytes_view in, const caps& c, std::uint8_t control) {
    lob_op_reply_shape s;
    s.operation      = ops[control & 7];
    s.locator_length = (control >> 3) & 0x1f;
    s.send_amount    = (control & 0x80) != 0;
    reader r(in);
    while (r.ok() && r.remaining() > 0) {
        const std::uint8_t type = r.u8();
        if (type == static_cast<std::uint8_t>(message_type::lob_data)) {
            lob_data d;
            if (decode_body(r, d, c)) return;
            writer w;
            encode(w, d, c);
            const auto once = w.take();
            reader again(bytes_view{once}.subspan(1));
            lob_data copy;
            if (decode_body(again, copy, c) || copy.data != d.data) __builtin_trap();
        } else if (type == static_cast<std::uint8_t>(message_type::parameter)) {
            lob_op_return p;
            if (decode_body(r, p, s, c)) return;
            writer w;
            encode(w, p, c);
            const auto once = w.take();
            reader again(bytes_view{once}.subspan(1));
            lob_op_return copy;
            if (decode_body(again, copy, s, c) || again.remaining() != 0) __builtin_trap();
            writer w2;
            encode(w2, copy, c);
            if (w2.take() != once) __builtin_trap();
        } else {
            return;
        }
    }
}

void piggyback(bytes_view in, const caps& c, std::size_t locator_length) {
    reader r(in);
    free_temp_lobs_piggyback m;
    if (decode_body(r, m, locator_length, c)) return;
    for (const auto& l : m.locators)
        if (l.size() != locator_length) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size < 2) return 0;
    // Byte 0: which decoder (bits 0-1), token on the wire (bit 2); byte 1:
    // the reply shape or the piggyback's locator length.
    caps c;
    c.ttc_field_version = (data[0] & 4) != 0 ? field_version::v23_1_ext1 : field_version::v19_1;
    const bytes_view in{data + 2, size - 2};
    switch (data[0] & 3) {
        case 0: request(in, c); break;
        case 1: reply(in, c, data[1]); break;
        default: piggyback(in, c, std::size_t{data[1]} % 64 + 1); break;
    }
    return 0;
}

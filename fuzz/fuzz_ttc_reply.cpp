// Fuzzes the client's decoding of a server reply: a stream of TTC items
// decoded one at a time with a tracker, under caps chosen by the first byte.
// Every item that decodes must re-encode (server role) to bytes that decode
// again to the same encoding, and a failed decode never moves the reader.
#include <oranet/proto/ttc/reply.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

using namespace oranet::proto;
using namespace oranet::proto::ttc;

namespace {

constexpr std::uint8_t versions[8] = {field_version::v11_2,      field_version::v12_1, field_version::v12_2,
                                      field_version::v18_1,      field_version::v20_1, field_version::v23_1,
                                      field_version::v23_1_ext3, field_version::v23_4};

constexpr std::uint8_t types[16] = {1, 2, 8, 11, 12, 23, 24, 96, 100, 101, 102, 109, 112, 113, 119, 208};

std::vector<std::uint8_t> encode_item(const reply_item& item, const reply_context& ctx) {
    writer w;
    encode_reply_item(w, item, ctx);
    return w.take();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size < 2) return 0;
    // Byte 0: field version (bits 0-2), OAC (3), OER (4), out binds instead
    // of a fetch (5), RETURNING (6), DML row counts (7). Byte 1: the number
    // of out binds (low 3 bits), each then described by one byte (type
    // index in the low 4 bits, array flag in bit 4).
    const std::uint8_t control = data[0];
    caps c;
    c.ttc_field_version        = versions[control & 7];
    c.supports_oac_type        = (control & 0x08) != 0;
    c.supports_oer_type        = (control & 0x10) != 0;
    c.supports_end_of_response = c.ttc_field_version >= field_version::v23_1;
    reply_tracker tracker(c);
    std::size_t pos = 1;
    if ((control & 0x20) != 0) {
        const std::size_t n = data[pos++] & 7;
        std::vector<value_shape> binds;
        for (std::size_t i = 0; i < n && pos < size; ++i, ++pos)
            binds.push_back({types[data[pos] & 15], 1, 100, (data[pos] & 0x10) != 0});
        tracker.set_out_binds(binds);
        tracker.set_binds(binds);
    }
    tracker.set_returning((control & 0x40) != 0);
    tracker.set_dml_rowcounts((control & 0x80) != 0);
    if (pos > size) return 0;

    reader r({data + pos, size - pos});
    for (int items = 0; items < 10000 && r.remaining() > 0; ++items) {
        const reply_context ctx  = tracker.context();
        const std::size_t before = r.offset();
        reply_item item;
        const decode_status st = decode_reply_item(r, ctx, item);
        if (!st.ok()) {
            if (r.offset() != before) __builtin_trap();
            break;
        }
        if (st.consumed == 0 || r.offset() != before + st.consumed) __builtin_trap();
        // Round trip: encode, decode, encode again.
        const auto once = encode_item(item, ctx);
        reader again(once);
        reply_item copy;
        if (!decode_reply_item(again, ctx, copy).ok() || again.remaining() != 0) __builtin_trap();
        if (encode_item(copy, ctx) != once) __builtin_trap();
        tracker.apply(item);
    }
    return 0;
}

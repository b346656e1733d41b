// Fuzzes the datatype dispatcher: the first byte picks the wire type (and
// character set), the rest is one value's bytes. What decodes must re-encode,
// and the re-encoded bytes must decode to the same value.
#include <oranet/proto/types/codec.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

using namespace oranet;
using namespace oranet::proto::types;

constexpr ora_type types[] = {
    ora_type::varchar,       ora_type::number,        ora_type::binary_integer,
    ora_type::long_,         ora_type::rowid,         ora_type::date,
    ora_type::raw,           ora_type::long_raw,      ora_type::char_,
    ora_type::binary_float,  ora_type::binary_double, ora_type::clob,
    ora_type::blob,          ora_type::timestamp,     ora_type::timestamp_tz,
    ora_type::interval_ym,   ora_type::interval_ds,   ora_type::urowid,
    ora_type::timestamp_ltz, ora_type::boolean,
};
constexpr std::uint16_t charsets[] = {charset::al32utf8, charset::utf8, charset::al16utf16,
                                      charset::we8mswin1252, charset::we8iso8859p1};

bool same(const value& a, const value& b) {
    if (const auto* f = std::get_if<float>(&a))
        return std::holds_alternative<float>(b) &&
               std::bit_cast<std::uint32_t>(*f) == std::bit_cast<std::uint32_t>(std::get<float>(b));
    if (const auto* d = std::get_if<double>(&a))
        return std::holds_alternative<double>(b) &&
               std::bit_cast<std::uint64_t>(*d) == std::bit_cast<std::uint64_t>(std::get<double>(b));
    return a == b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size == 0) return 0;
    wire_type t;
    t.type    = types[data[0] % std::size(types)];
    t.charset = charsets[(data[0] / std::size(types)) % std::size(charsets)];
    t.form    = (data[0] & 0x80) != 0 ? cs_form::nchar : cs_form::implicit;
    const proto::bytes_view wire(data + 1, size - 1);
    value v;
    if (decode_value(t, wire, v)) return 0;
    std::vector<std::uint8_t> again;
    if (encode_value(t, v, again)) __builtin_trap();  // every decoded value must encode
    value w;
    if (decode_value(t, again, w)) __builtin_trap();
    if (!same(v, w)) __builtin_trap();
    return 0;
}

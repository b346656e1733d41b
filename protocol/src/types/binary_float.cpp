// BINARY_FLOAT / BINARY_DOUBLE sortable byte form (see binary_float.hpp).
#include <oranet/proto/types/binary_float.hpp>

#include <bit>

namespace oranet::proto::types {

namespace {

template <std::size_t N>
std::error_code check_size(bytes_view wire) {
    if (wire.size() < N) return client_errc::truncated;
    if (wire.size() > N) return client_errc::trailing_bytes;
    return {};
}

template <class Bits>
Bits from_sortable(bytes_view wire) {
    Bits bits = 0;
    for (std::uint8_t b : wire)
        bits = static_cast<Bits>((bits << 8) | b);
    constexpr Bits sign = Bits{1} << (sizeof(Bits) * 8 - 1);
    return (bits & sign) != 0 ? static_cast<Bits>(bits & ~sign) : static_cast<Bits>(~bits);
}

template <class Bits>
void to_sortable(Bits bits, std::vector<std::uint8_t>& out) {
    constexpr Bits sign = Bits{1} << (sizeof(Bits) * 8 - 1);
    bits                = (bits & sign) != 0 ? static_cast<Bits>(~bits) : static_cast<Bits>(bits | sign);
    for (int shift = sizeof(Bits) * 8 - 8; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(bits >> shift));
}

}  // namespace

std::error_code decode_binary_float(bytes_view wire, float& out) {
    if (auto ec = check_size<4>(wire)) return ec;
    out = std::bit_cast<float>(from_sortable<std::uint32_t>(wire));
    return {};
}

std::error_code decode_binary_double(bytes_view wire, double& out) {
    if (auto ec = check_size<8>(wire)) return ec;
    out = std::bit_cast<double>(from_sortable<std::uint64_t>(wire));
    return {};
}

void encode_binary_float(float v, std::vector<std::uint8_t>& out) {
    to_sortable(std::bit_cast<std::uint32_t>(v), out);
}

void encode_binary_double(double v, std::vector<std::uint8_t>& out) {
    to_sortable(std::bit_cast<std::uint64_t>(v), out);
}

}  // namespace oranet::proto::types

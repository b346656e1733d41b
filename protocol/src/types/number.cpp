// NUMBER byte form <-> oranet::number (layout in number.hpp).
#include "decimal.hpp"

#include <oranet/proto/types/number.hpp>

namespace oranet::proto::types {

namespace {

constexpr std::uint8_t zero_byte         = 0x80;
constexpr std::uint8_t exponent_bias     = 0xc1;  // exponent byte of 1..99 (base-100 exponent 0)
constexpr std::uint8_t negative_end      = 102;   // terminator of short negative numbers
constexpr std::uint8_t pos_infinity_tail = 0x65;  // digit byte of +infinity after 0xff
constexpr std::uint8_t neg_infinity_byte = 0x00;

}  // namespace

std::error_code decode_number(bytes_view wire, number& out) {
    if (wire.empty()) return client_errc::truncated;
    if (wire.size() > max_number_bytes) return client_errc::invalid_number;
    const std::uint8_t head = wire[0];
    if (wire.size() == 1) {
        if (head == zero_byte) {
            out = number{};
            return {};
        }
        if (head == neg_infinity_byte) {
            out = number::negative_infinity();
            return {};
        }
        return client_errc::invalid_number;
    }
    if (wire.size() == 2 && head == 0xff && wire[1] == pos_infinity_tail) {
        out = number::positive_infinity();
        return {};
    }
    const bool positive = (head & 0x80) != 0;
    const int exponent  = (positive ? head : static_cast<std::uint8_t>(~head)) - exponent_bias;
    bytes_view mantissa = wire.subspan(1);
    if (!positive && mantissa.back() == negative_end) mantissa = mantissa.first(mantissa.size() - 1);
    if (mantissa.empty() || mantissa.size() > static_cast<std::size_t>(detail::max_mantissa_bytes))
        return client_errc::invalid_number;

    detail::decimal d;
    d.negative = !positive;
    d.point    = (exponent + 1) * 2;
    for (std::uint8_t b : mantissa) {
        int digit = positive ? b - 1 : 101 - b;
        if (digit < 0 || digit > 99) return client_errc::invalid_number;
        d.digits += static_cast<char>('0' + digit / 10);
        d.digits += static_cast<char>('0' + digit % 10);
    }
    std::size_t lead = 0;
    while (lead < d.digits.size() && d.digits[lead] == '0')
        ++lead;
    if (lead == d.digits.size()) return client_errc::invalid_number;  // a zero mantissa is not a number
    d.digits.erase(0, lead);
    d.point -= static_cast<int>(lead);
    while (d.digits.back() == '0')
        d.digits.pop_back();
    if (!detail::representable(d)) return client_errc::invalid_number;
    if (!number::parse(detail::to_text(d), out)) return client_errc::invalid_number;
    return {};
}

void encode_number(const number& n, std::vector<std::uint8_t>& out) {
    detail::decimal d;
    (void)detail::parse_decimal(n.text(), d);  // a number's text is canonical
    if (d.infinity) {
        if (d.negative) {
            out.push_back(neg_infinity_byte);
        } else {
            out.push_back(0xff);
            out.push_back(pos_infinity_tail);
        }
        return;
    }
    if (d.digits.empty()) {
        out.push_back(zero_byte);
        return;
    }
    // Align the digits on base-100 pairs: the point must fall between pairs.
    if (d.point % 2 != 0) {
        d.digits.insert(d.digits.begin(), '0');
        ++d.point;
    }
    if (d.digits.size() % 2 != 0) d.digits += '0';
    const std::size_t pairs = d.digits.size() / 2;
    const auto head         = static_cast<std::uint8_t>(d.point / 2 + exponent_bias - 1);
    out.push_back(d.negative ? static_cast<std::uint8_t>(~head) : head);
    for (std::size_t i = 0; i < pairs; ++i) {
        const int digit = (d.digits[2 * i] - '0') * 10 + (d.digits[2 * i + 1] - '0');
        out.push_back(static_cast<std::uint8_t>(d.negative ? 101 - digit : digit + 1));
    }
    if (d.negative && pairs < static_cast<std::size_t>(detail::max_mantissa_bytes))
        out.push_back(negative_end);
}

}  // namespace oranet::proto::types

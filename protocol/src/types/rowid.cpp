// ROWID text and UROWID byte forms (see rowid.hpp).
#include <oranet/proto/types/rowid.hpp>

namespace oranet::proto::types {

namespace {

constexpr std::string_view alphabet  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::uint8_t physical_kind = 1;  // first byte of a physical UROWID

int digit_of(char c) noexcept {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

void put_digits(std::uint64_t v, int count, std::string& out) {
    for (int i = count - 1; i >= 0; --i)
        out += alphabet[(v >> (6 * i)) & 0x3f];
}

// Reads `count` base-64 digits; false on a bad character or a value above `max`.
bool get_digits(std::string_view s, std::uint64_t max, std::uint64_t& out) noexcept {
    out = 0;
    for (char c : s) {
        const int d = digit_of(c);
        if (d < 0) return false;
        out = out << 6 | static_cast<std::uint64_t>(d);
    }
    return out <= max;
}

std::uint32_t u32be(bytes_view b) noexcept {
    return static_cast<std::uint32_t>(b[0]) << 24 | static_cast<std::uint32_t>(b[1]) << 16 |
           static_cast<std::uint32_t>(b[2]) << 8 | b[3];
}

std::string logical_text(bytes_view body) {
    std::string s = "*";
    std::size_t i = 0;
    for (; i + 3 <= body.size(); i += 3) {
        const std::uint32_t v = static_cast<std::uint32_t>(body[i]) << 16 |
                                static_cast<std::uint32_t>(body[i + 1]) << 8 | body[i + 2];
        put_digits(v, 4, s);
    }
    const std::size_t left = body.size() - i;
    if (left == 1) put_digits(static_cast<std::uint32_t>(body[i]) << 4, 2, s);
    if (left == 2) put_digits((static_cast<std::uint32_t>(body[i]) << 8 | body[i + 1]) << 2, 3, s);
    return s;
}

}  // namespace

std::string rowid_text(const rowid& r) {
    std::string s;
    s.reserve(rowid_text_length);
    put_digits(r.object, 6, s);
    put_digits(r.file, 3, s);
    put_digits(r.block, 6, s);
    put_digits(r.slot, 3, s);
    return s;
}

rowid rowid_from_parts(std::uint32_t object, std::uint16_t file, std::uint32_t block, std::uint16_t slot) {
    rowid r;
    r.object = object;
    r.file   = file;
    r.block  = block;
    r.slot   = slot;
    r.text   = rowid_text(r);
    return r;
}

std::error_code rowid_from_text(std::string_view text, rowid& out) {
    if (!text.empty() && text[0] == '*') {
        for (char c : text.substr(1))
            if (digit_of(c) < 0) return client_errc::invalid_rowid;
        out      = rowid{};
        out.text = std::string(text);
        return {};
    }
    if (text.size() != rowid_text_length) return client_errc::invalid_rowid;
    std::uint64_t object = 0;
    std::uint64_t file   = 0;
    std::uint64_t block  = 0;
    std::uint64_t slot   = 0;
    if (!get_digits(text.substr(0, 6), 0xffffffff, object) || !get_digits(text.substr(6, 3), 0xffff, file) ||
        !get_digits(text.substr(9, 6), 0xffffffff, block) || !get_digits(text.substr(15, 3), 0xffff, slot))
        return client_errc::invalid_rowid;
    out = rowid_from_parts(static_cast<std::uint32_t>(object), static_cast<std::uint16_t>(file),
                           static_cast<std::uint32_t>(block), static_cast<std::uint16_t>(slot));
    return {};
}

std::error_code decode_urowid(bytes_view wire, rowid& out) {
    if (wire.empty()) return client_errc::truncated;
    if (wire[0] != physical_kind) {
        out      = rowid{};
        out.text = logical_text(wire.subspan(1));
        return {};
    }
    if (wire.size() < physical_urowid_length) return client_errc::truncated;
    if (wire.size() > physical_urowid_length) return client_errc::trailing_bytes;
    out = rowid_from_parts(u32be(wire.subspan(1)), static_cast<std::uint16_t>(wire[5] << 8 | wire[6]),
                           u32be(wire.subspan(7)), static_cast<std::uint16_t>(wire[11] << 8 | wire[12]));
    return {};
}

std::error_code encode_urowid(const rowid& r, std::vector<std::uint8_t>& out) {
    if (!r.text.empty() && r.text[0] == '*') return client_errc::invalid_rowid;
    out.push_back(physical_kind);
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(r.object >> s));
    out.push_back(static_cast<std::uint8_t>(r.file >> 8));
    out.push_back(static_cast<std::uint8_t>(r.file));
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(r.block >> s));
    out.push_back(static_cast<std::uint8_t>(r.slot >> 8));
    out.push_back(static_cast<std::uint8_t>(r.slot));
    return {};
}

std::error_code decode_rowid_value(bytes_view wire, rowid& out) {
    if (wire.empty()) return client_errc::truncated;
    if (wire[0] == physical_kind) return decode_urowid(wire, out);
    const std::string_view text(reinterpret_cast<const char*>(wire.data()), wire.size());
    return rowid_from_text(text, out);
}

}  // namespace oranet::proto::types

// Test helper: reads the packet dumps that python-oracledb prints with
// PYO_DEBUG_PACKETS ("... Sending packet [op N] on socket S" or "Receiving
// packet ...", then "0000 : 00 4A 00 ... |ascii|" lines). Each dumped packet is
// one whole TNS packet, header included, as it crossed the socket.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::test {

enum class packet_direction { client_to_server, server_to_client };

struct dumped_packet {
    packet_direction direction = packet_direction::client_to_server;
    int op                     = 0;   // the "[op N]" number, 0 when absent
    std::vector<std::uint8_t> bytes;  // the whole packet, TNS header included
};

namespace detail {

inline int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Appends the hex bytes of one "0000 : 00 4A ... |ascii|" line; returns false
// when the line is not a dump line.
inline bool parse_dump_line(std::string_view line, std::vector<std::uint8_t>& out) {
    if (line.size() < 7) return false;
    for (std::size_t i = 0; i < 4; ++i)
        if (line[i] < '0' || line[i] > '9') return false;
    if (line.substr(4, 3) != " : ") return false;
    std::string_view hex = line.substr(7);
    hex                  = hex.substr(0, hex.find('|'));  // the ASCII column starts at the first '|'
    for (std::size_t i = 0; i < hex.size();) {
        if (hex[i] == ' ') {
            ++i;
            continue;
        }
        if (i + 1 >= hex.size()) return false;
        const int hi = hex_digit(hex[i]);
        const int lo = hex_digit(hex[i + 1]);
        if (hi < 0 || lo < 0) return false;
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
        i += 2;
    }
    return true;
}

inline int parse_op(std::string_view line) {
    const auto at = line.find("[op ");
    if (at == std::string_view::npos) return 0;
    int v = 0;
    for (std::size_t i = at + 4; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
        v = v * 10 + (line[i] - '0');
    return v;
}

}  // namespace detail

// Parses a whole dump given as text.
inline std::vector<dumped_packet> parse_packet_dump(std::string_view text) {
    std::vector<dumped_packet> out;
    bool open = false;
    while (!text.empty()) {
        const auto nl         = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text                  = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const bool sending   = line.find("Sending packet") != std::string_view::npos;
        const bool receiving = line.find("Receiving packet") != std::string_view::npos;
        if (sending || receiving) {
            dumped_packet p;
            p.direction = sending ? packet_direction::client_to_server : packet_direction::server_to_client;
            p.op        = detail::parse_op(line);
            out.push_back(std::move(p));
            open = true;
            continue;
        }
        if (open) (void)detail::parse_dump_line(line, out.back().bytes);
    }
    return out;
}

// Reads and parses a dump file.
inline std::vector<dumped_packet> read_packet_dump(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_packet_dump(text);
}

// The bytes one side sent, all packets of that direction joined in order.
inline std::vector<std::uint8_t> direction_stream(const std::vector<dumped_packet>& packets,
                                                  packet_direction d) {
    std::vector<std::uint8_t> out;
    for (const auto& p : packets)
        if (p.direction == d) out.insert(out.end(), p.bytes.begin(), p.bytes.end());
    return out;
}

// The session dumps (*_session.txt, not index-*) in a capture folder, sorted by name.
inline std::vector<std::filesystem::path> session_dumps(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> out;
    if (!std::filesystem::is_directory(folder)) return out;
    for (const auto& e : std::filesystem::directory_iterator(folder)) {
        const std::string name = e.path().filename().string();
        const bool is_index    = name.rfind("index-", 0) == 0;  // index-*.txt list ops, they are not dumps
        if (!is_index && name.size() > 12 && name.substr(name.size() - 12) == "_session.txt")
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace oranet::test

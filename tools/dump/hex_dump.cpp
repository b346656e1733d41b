// The packet dumps of the thin clients' packet tracing (see capture.hpp).
// python-oracledb: "<date> Sending packet [op N] on socket S" (1.2.1:
// "<date> [socket: S] Sending packet:"); node-oracledb:
// "<date> Receiving packet N on stream S:". Both then print lines of up to 8
// bytes: a decimal offset, " : ", the bytes as upper-case hex pairs separated
// by spaces (padded with blanks), and the printable characters between bars.
#include "capture.hpp"

#include <cctype>

namespace oranet::dump {
namespace {

int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The number after `word ` in `line`, or `fallback`.
std::size_t number_after(std::string_view line, std::string_view word, std::size_t fallback) {
    const auto at = line.find(word);
    if (at == std::string_view::npos) return fallback;
    std::size_t i = at + word.size(), n = 0;
    bool any = false;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) && n < 100000000) {
        n   = n * 10 + static_cast<std::size_t>(line[i] - '0');
        any = true;
        ++i;
    }
    return any ? n : fallback;
}

// Appends the bytes of one "NNNN : XX XX ... |....|" line; false if it is not one.
bool parse_data_line(std::string_view line, std::vector<std::uint8_t>& out) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    const std::size_t digits = i;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])))
        ++i;
    if (i == digits || line.substr(i, 3) != " : ") return false;
    i += 3;
    // Up to 8 slots of "XX" separated by single spaces; the bars follow.
    for (int slot = 0; slot < 8 && i + 1 < line.size(); ++slot) {
        const int hi = hex_digit(line[i]), lo = hex_digit(line[i + 1]);
        if (hi < 0 || lo < 0) break;  // padding or the ascii part
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
        i += 3;
    }
    return true;
}

}  // namespace

bool looks_like_hex_dump(std::string_view text) noexcept {
    const std::string_view head = text.substr(0, 4096);
    return head.find("Sending packet") != std::string_view::npos ||
           head.find("Receiving packet") != std::string_view::npos;
}

void read_hex_dump(std::string_view text, const chunk_fn& fn) {
    std::vector<std::uint8_t> buf;
    std::map<std::size_t, std::size_t> streams;  // socket/stream number -> stream id
    std::size_t number = 0, stream = 0;
    int side   = 0;
    bool open  = false;
    auto flush = [&] {
        if (!open) return;
        stream_chunk c;
        c.frame  = number;
        c.stream = stream;
        c.side   = side;
        c.data   = buf;
        fn(c);
        buf.clear();
        open = false;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos                   = eol + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const bool sending   = line.find("Sending packet") != std::string_view::npos;
        const bool receiving = line.find("Receiving packet") != std::string_view::npos;
        if (sending || receiving) {
            flush();
            // python-oracledb: "on socket S" (1.2.1: "[socket: S]"); node-oracledb: "on stream S".
            std::size_t sock = number_after(line, "on socket ", number_after(line, "on stream ", 0));
            sock             = number_after(line, "[socket: ", sock);
            auto [it, added] = streams.try_emplace(sock, streams.size() + 1);
            (void)added;
            stream = it->second;
            side   = sending ? 0 : 1;
            ++number;
            open = true;
            continue;
        }
        if (open) (void)parse_data_line(line, buf);
    }
    flush();
}

}  // namespace oranet::dump

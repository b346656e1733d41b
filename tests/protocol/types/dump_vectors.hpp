// Reads ../shared/vectors/datatypes/oracle_dump_examples.tsv: Oracle DUMP()
// outputs quoted in public pages, one per line with its source URL.
#pragma once

#include "hex.hpp"

#include <oranet/value.hpp>

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace oranet::test {

struct dump_row {
    std::string type;  // "NUMBER", "DATE(Typ=12)", ...
    std::vector<std::uint8_t> bytes;
    std::string decoded;
    std::string source;
};

// All rows; the in-memory types (Typ=13, Typ=187) never travel on the wire
// and are left out, as the file's header says.
inline std::vector<dump_row> read_dump_rows(const std::filesystem::path& p) {
    std::vector<dump_row> rows;
    std::istringstream in(read_text(p));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            cols.push_back(line.substr(start, tab - start));
        cols.push_back(line.substr(start));
        if (cols.size() < 4) continue;
        if (cols[0].find("Typ=13)") != std::string::npos || cols[0].find("Typ=187)") != std::string::npos)
            continue;
        dump_row r{cols[0], {}, cols[2], cols[3]};
        std::string spec = cols[1];
        const bool hex   = spec.rfind("hex ", 0) == 0;
        if (hex) spec = spec.substr(4);
        std::istringstream parts(spec);
        std::string item;
        while (std::getline(parts, item, ','))
            r.bytes.push_back(static_cast<std::uint8_t>(std::stoul(item, nullptr, hex ? 16 : 10)));
        rows.push_back(std::move(r));
    }
    return rows;
}

// "2010-11-03 15:17:01", "4712-01-01 BC 00:00:00", "2015-07-31 08:55:06.157047000".
inline bool parse_dump_datetime(const std::string& s, date_time& out) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    char frac[16] = {};
    const bool bc = s.find(" BC ") != std::string::npos;
    int n = bc ? std::sscanf(s.c_str(), "%d-%d-%d BC %d:%d:%d.%15[0-9]", &y, &mo, &d, &h, &mi, &sec, frac)
               : std::sscanf(s.c_str(), "%d-%d-%d %d:%d:%d.%15[0-9]", &y, &mo, &d, &h, &mi, &sec, frac);
    if (n < 6) return false;
    out           = date_time{};
    out.year      = static_cast<std::int16_t>(bc ? -y : y);
    out.month     = static_cast<std::uint8_t>(mo);
    out.day       = static_cast<std::uint8_t>(d);
    out.hour      = static_cast<std::uint8_t>(h);
    out.minute    = static_cast<std::uint8_t>(mi);
    out.second    = static_cast<std::uint8_t>(sec);
    std::string f = frac;
    f.resize(9, '0');
    out.nanosecond = n == 7 ? static_cast<std::uint32_t>(std::stoul(f)) : 0;
    return true;
}

}  // namespace oranet::test

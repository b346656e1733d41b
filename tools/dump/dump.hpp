// `oranet dump FILE`: the capture reader, the decoder and the printer
// together. Also used by the tests.
#pragma once

#include "record.hpp"

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace oranet::dump {

// Decodes a capture held in memory (pcap, pcapng or a thin client's hex
// dump) and calls `emit` for every TNS packet in capture order. Returns an
// empty string or what was wrong with the file as a whole.
std::string decode_capture(const std::vector<std::uint8_t>& file,
                           const std::function<void(const packet_out&)>& emit);

// Reads `path` and prints it; returns the process exit code.
int run_dump(const std::string& path, const output_options& o, std::FILE* out);

}  // namespace oranet::dump

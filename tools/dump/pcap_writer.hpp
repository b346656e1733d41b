// Writes what `oranet proxy` forwards as a pcap file (Ethernet, IPv4, TCP):
// each proxied connection becomes a TCP stream with a synthesized
// handshake, data segments whose sequence and acknowledgement numbers follow
// the bytes, and a FIN exchange. tshark and `oranet dump` read it back.
#pragma once

#include "capture.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace oranet::dump {

class pcap_writer {
public:
    pcap_writer() = default;
    ~pcap_writer();
    pcap_writer(const pcap_writer&)            = delete;
    pcap_writer& operator=(const pcap_writer&) = delete;

    // Creates the file and writes the pcap file header; false on failure.
    bool open(const std::string& path);
    [[nodiscard]] bool is_open() const noexcept { return file_ != nullptr; }

    // A new connection (SYN, SYN-ACK, ACK); returns its handle.
    std::size_t begin_connection(const endpoint& client, const endpoint& server);
    // Data sent by one side, in segments of at most 65000 bytes; returns the
    // frame number of the last segment written.
    std::size_t write_data(std::size_t conn, bool from_client, bytes_view data);
    // A FIN from one side (and its acknowledgement).
    void write_fin(std::size_t conn, bool from_client);

    [[nodiscard]] std::size_t frames() const noexcept { return frames_; }

private:
    struct connection {
        endpoint client, server;
        std::uint32_t seq[2] = {0, 0};  // next sequence number: [0] client, [1] server
    };
    void segment(connection& c, bool from_client, std::uint8_t flags, bytes_view payload);
    void record(const std::vector<std::uint8_t>& frame);

    std::FILE* file_ = nullptr;
    std::vector<connection> conns_;
    std::size_t frames_ = 0;
};

// The same frame layout, for tests: one Ethernet/IPv4/TCP frame.
[[nodiscard]] std::vector<std::uint8_t> make_tcp_frame(const endpoint& src, const endpoint& dst,
                                                       std::uint32_t seq, std::uint32_t ack,
                                                       std::uint8_t flags, bytes_view payload);

}  // namespace oranet::dump

// Decoding captured traffic: TNS framing per direction of each stream (the
// length form switches after an ACCEPT of version 315 or later; 313/314
// servers keep the 2-byte form), every TNS packet decoded field by field,
// and the TTC messages inside DATA packets decoded with the state a client
// or server would keep (capabilities from the negotiation, the columns of
// the last describe for row data, the binds of each cursor).
#pragma once

#include "capture.hpp"
#include "record.hpp"

#include <oranet/proto/tns/header.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/ttc/reply.hpp>

#include <functional>
#include <map>
#include <memory>

namespace oranet::dump {

using packet_fn = std::function<void(const packet_out&)>;

// One TCP stream (or one socket of a hex dump).
class stream_decoder {
public:
    explicit stream_decoder(std::size_t id);
    stream_decoder(const stream_decoder&)            = delete;
    stream_decoder& operator=(const stream_decoder&) = delete;

    // In-order bytes of one side (0 or 1, as the capture guessed the client).
    void feed(const stream_chunk& c, const packet_fn& emit);
    // Reports what is left undecoded.
    void finish(const packet_fn& emit);

private:
    struct side_state {
        std::vector<std::uint8_t> buf;  // bytes not yet framed
        std::vector<std::uint8_t> ttc;  // TTC bytes of DATA packets not yet decoded
        std::size_t ttc_packet_start = 0;
        std::vector<std::string> notes;  // for the next packet
        std::size_t last_frame = 0;
        endpoint src, dst;
        bool have_endpoints = false;
    };
    struct msg_result {
        enum kind_t { ok, truncated, failed } kind = ok;
        std::size_t consumed                       = 0;
        message_out msg;
    };

    void frame_packets(int side, const packet_fn& emit);
    void decode_packet(int side, proto::bytes_view bytes, packet_out& p);
    void on_data(bool from_client, proto::bytes_view payload, packet_out& p);
    void flush_ttc(int side, packet_out& p, const std::string& why);
    // `complete`: no later packet can continue the request (the packet is
    // shorter than the SDU, or says end of request).
    msg_result decode_request(proto::bytes_view b, bool complete);
    msg_result decode_request_part(proto::bytes_view b);
    msg_result decode_reply(proto::bytes_view b);
    void recompute_caps();
    void add_row_values(const proto::ttc::row_data& row, message_out& m) const;
    [[nodiscard]] packet_out new_packet(int side) const;

    std::size_t id_;
    int client_side_              = 0;
    proto::tns::length_mode mode_ = proto::tns::length_mode::short_form;
    side_state sides_[2];
    bool expect_connect_data_ = false;

    // Negotiated state, as both ends know it.
    std::uint16_t version_         = 0;
    std::uint32_t sdu_             = proto::tns::default_sdu;
    std::uint16_t service_options_ = 0;
    std::uint32_t accept_flags_    = 0;
    bool have_protocol_reply_      = false;
    std::vector<std::uint8_t> server_compile_caps_, server_runtime_caps_;
    std::uint16_t charset_ = 0, ncharset_ = 0;
    std::uint8_t server_flags_ = 0;
    bool have_data_types_      = false;
    std::unique_ptr<proto::ttc::data_types_request> client_types_;
    proto::ttc::caps caps_;
    proto::ttc::reply_tracker tracker_{caps_};
    std::uint8_t last_call_ = 0;  // function code of the client's last call
    std::vector<proto::ttc::bind_metadata> last_binds_;
    bool last_plsql_ = false;
    std::map<std::uint32_t, std::pair<std::vector<proto::ttc::bind_metadata>, bool>> cursor_binds_;
};

// All streams of a capture.
class traffic_decoder {
public:
    explicit traffic_decoder(packet_fn emit) : emit_(std::move(emit)) {}
    void feed(const stream_chunk& c);
    void finish();

private:
    packet_fn emit_;
    std::map<std::size_t, std::unique_ptr<stream_decoder>> streams_;
};

// Names for output.
[[nodiscard]] std::string function_name(std::uint8_t code);

}  // namespace oranet::dump

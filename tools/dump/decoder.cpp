// TNS framing and packet decoding per stream (see decoder.hpp).
#include "decoder.hpp"

#include <oranet/proto/tns/packet.hpp>
#include <oranet/proto/ttc/ano.hpp>

#include <algorithm>

namespace oranet::dump {
namespace tns = proto::tns;
namespace ttc = proto::ttc;

namespace {

constexpr std::size_t data_payload_offset = tns::header_size + tns::data_flags_size;
constexpr std::size_t max_pending_message = std::size_t{1} << 20;

void shift_offsets(node& n, std::size_t by) {
    n.offset += by;
    for (auto& f : n.fields)
        f.offset += by;
    for (auto& c : n.children)
        shift_offsets(c, by);
}

void add_field(node& n, std::string name, std::size_t offset, std::size_t length, std::uint64_t v) {
    field_out f;
    f.name   = std::move(name);
    f.offset = offset;
    f.length = length;
    f.u      = v;
    n.fields.push_back(std::move(f));
    n.order.push_back(false);
}

std::size_t max_length(tns::length_mode m) {
    return m == tns::length_mode::short_form ? tns::max_short_packet : 2 * tns::max_large_sdu;
}

// Length field of a header at `p` (8 bytes available), 0 when implausible.
std::uint32_t plausible_length(const std::uint8_t* p, tns::length_mode m, bool strict) {
    std::uint32_t len = 0;
    if (m == tns::length_mode::short_form) {
        len = static_cast<std::uint32_t>(p[0] << 8 | p[1]);
        if (strict && (p[2] | p[3]) != 0) return 0;
    } else {
        len = std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
    }
    if (len < tns::header_size || len > max_length(m)) return 0;
    if (strict && (!tns::is_known_packet_type(p[4]) || (p[6] | p[7]) != 0)) return 0;
    return len;
}

std::vector<std::uint8_t> to_vec(proto::bytes_view b) { return {b.begin(), b.end()}; }

}  // namespace

stream_decoder::stream_decoder(std::size_t id) : id_(id) { recompute_caps(); }

packet_out stream_decoder::new_packet(int side) const {
    packet_out p;
    p.stream            = id_;
    p.from_client       = side == client_side_;
    const side_state& s = sides_[side];
    p.frame             = s.last_frame;
    if (s.have_endpoints) {
        p.src = s.src.to_string();
        p.dst = s.dst.to_string();
    }
    return p;
}

void stream_decoder::feed(const stream_chunk& c, const packet_fn& emit) {
    const int side = c.side == 0 ? 0 : 1;
    side_state& s  = sides_[side];
    s.last_frame   = c.frame;
    if (c.src.port != 0 || c.dst.port != 0) {
        s.src            = c.src;
        s.dst            = c.dst;
        s.have_endpoints = true;
    }
    if (c.gap > 0) {
        s.notes.push_back(std::to_string(c.gap) + " bytes missing from the capture before this point");
        if (!s.buf.empty()) {
            packet_out p = new_packet(side);
            p.packet     = "INCOMPLETE";
            p.error      = "packet cut by a gap in the capture";
            p.raw        = std::move(s.buf);
            p.notes      = std::move(s.notes);
            emit(p);
            s.buf.clear();
            s.notes.clear();
        }
        s.ttc.clear();
        s.notes.push_back("looking for the next packet header after the gap");
    }
    s.buf.insert(s.buf.end(), c.data.begin(), c.data.end());
    frame_packets(side, emit);
}

void stream_decoder::frame_packets(int side, const packet_fn& emit) {
    side_state& s   = sides_[side];
    std::size_t pos = 0;
    while (s.buf.size() - pos >= tns::header_size) {
        const std::uint8_t* h   = s.buf.data() + pos;
        const std::uint32_t len = plausible_length(h, mode_, false);
        if (len == 0) {
            // Not a header: skip to the next place that looks like one.
            std::size_t k = pos + 1;
            while (k + tns::header_size <= s.buf.size() &&
                   plausible_length(s.buf.data() + k, mode_, true) == 0)
                ++k;
            if (k + tns::header_size > s.buf.size()) k = s.buf.size() - (tns::header_size - 1);
            packet_out p = new_packet(side);
            p.packet     = "UNPARSED";
            p.error      = "no valid TNS header here; " + std::to_string(k - pos) + " bytes skipped";
            p.raw.assign(s.buf.begin() + static_cast<long>(pos), s.buf.begin() + static_cast<long>(k));
            p.notes = std::move(s.notes);
            s.notes.clear();
            emit(p);
            pos = k;
            continue;
        }
        if (s.buf.size() - pos < len) break;
        packet_out p = new_packet(side);
        p.notes      = std::move(s.notes);
        s.notes.clear();
        decode_packet(side, proto::bytes_view(s.buf).subspan(pos, len), p);
        emit(p);
        pos += len;
    }
    s.buf.erase(s.buf.begin(), s.buf.begin() + static_cast<long>(pos));
}

void stream_decoder::decode_packet(int side, proto::bytes_view bytes, packet_out& p) {
    tns::packet_view view;
    const std::error_code hec = tns::parse_packet(bytes, mode_, view);
    p.type_byte               = bytes[4];
    p.length                  = view.hdr.length;
    p.flags                   = bytes[5];
    p.packet                  = tns::is_known_packet_type(p.type_byte)
                                    ? std::string(tns::packet_type_name(static_cast<tns::packet_type>(p.type_byte)))
                                    : "UNKNOWN";
    {
        node hdr;
        hdr.name = "header";
        if (mode_ == tns::length_mode::short_form) {
            add_field(hdr, "length", 0, 2, view.hdr.length);
            add_field(hdr, "packet_checksum", 2, 2, view.hdr.packet_checksum);
        } else {
            add_field(hdr, "length", 0, 4, view.hdr.length);
        }
        add_field(hdr, "type", 4, 1, p.type_byte);
        add_field(hdr, "flags", 5, 1, p.flags);
        add_field(hdr, "header_checksum", 6, 2, view.hdr.header_checksum);
        p.fields.children.push_back(std::move(hdr));
        p.fields.order.push_back(true);
    }
    if (hec) {
        p.error = "header: " + hec.message();
        p.raw   = to_vec(bytes);
        return;
    }
    if (!tns::is_known_packet_type(p.type_byte)) {
        p.error = "unknown packet type";
        p.raw   = to_vec(view.payload());
        return;
    }
    tree_sink sink;
    tns::any_packet any;
    const std::error_code ec = tns::decode_packet(view, any, &sink);
    node body                = sink.take();
    shift_offsets(body, tns::header_size);
    for (std::size_t i = 0; i < body.order.size(); ++i) {  // merge the payload fields after the header
        p.fields.order.push_back(body.order[i]);
    }
    for (auto& f : body.fields)
        p.fields.fields.push_back(std::move(f));
    for (auto& c : body.children)
        p.fields.children.push_back(std::move(c));
    const bool from_client = side == client_side_;
    if (ec) {
        p.error = "payload: " + ec.message();
        p.raw   = to_vec(view.payload());
        if (view.type() != tns::packet_type::data) return;
    }
    switch (view.type()) {
        case tns::packet_type::connect:
            if (side != client_side_) {
                client_side_  = side;  // the side that sends CONNECT is the client
                p.from_client = true;
            }
            if (!ec) expect_connect_data_ = std::get<tns::connect_packet>(any).data_follows;
            break;
        case tns::packet_type::accept: {
            const auto& a    = std::get<tns::accept_packet>(any);
            version_         = a.version;
            service_options_ = a.service_options;
            accept_flags_    = a.flags2;
            mode_            = tns::negotiated_length_mode(a);
            sdu_             = tns::negotiated_sdu(a);
            recompute_caps();
            break;
        }
        case tns::packet_type::marker:
            for (int sd = 0; sd < 2; ++sd)
                if (!sides_[sd].ttc.empty()) flush_ttc(sd, p, "call broken off by a marker");
            break;
        case tns::packet_type::data: {
            if (view.payload().size() < tns::data_flags_size) break;
            const auto payload = view.payload();
            p.data_flags       = static_cast<std::uint16_t>(payload[0] << 8 | payload[1]);
            p.error.clear();
            p.raw.clear();
            on_data(from_client, payload.subspan(tns::data_flags_size), p);
            break;
        }
        default: break;
    }
}

void stream_decoder::flush_ttc(int sd, packet_out& p, const std::string& why) {
    side_state& s = sides_[sd];
    message_out m;
    m.type   = "incomplete";
    m.offset = -static_cast<long>(s.ttc.size());
    m.length = s.ttc.size();
    m.error  = why + " (" + (sd == client_side_ ? "client" : "server") + " bytes left undecoded)";
    m.raw    = std::move(s.ttc);
    s.ttc.clear();
    p.messages.push_back(std::move(m));
}

void stream_decoder::on_data(bool from_client, proto::bytes_view payload, packet_out& p) {
    const int sd = from_client ? client_side_ : 1 - client_side_;
    if (from_client && expect_connect_data_) {
        expect_connect_data_ = false;
        message_out m;
        m.type   = "connect_data";
        m.offset = static_cast<long>(data_payload_offset);
        m.length = payload.size();
        field_out f;
        f.name   = "connect_data";
        f.length = payload.size();
        f.kind   = proto::field_kind::text;
        f.b      = to_vec(payload);
        m.body.fields.push_back(std::move(f));
        m.body.order.push_back(false);
        p.messages.push_back(std::move(m));
        return;
    }
    if (payload.empty()) return;
    side_state& s = sides_[sd];
    if (s.ttc.empty() && ttc::is_ano(payload)) {
        tree_sink sink;
        proto::reader r(payload, &sink);
        ttc::ano_message a;
        const std::error_code ec = ttc::decode(r, a);
        message_out m;
        m.type   = "ano";
        m.offset = static_cast<long>(data_payload_offset);
        m.length = payload.size();
        m.body   = sink.take();
        if (ec) {
            m.error = ec.message();
            m.raw   = to_vec(payload);
        }
        p.messages.push_back(std::move(m));
        return;
    }
    const int other = 1 - sd;
    if (!sides_[other].ttc.empty()) flush_ttc(other, p, "the other side spoke before this message completed");
    s.ttc_packet_start = s.ttc.size();
    s.ttc.insert(s.ttc.end(), payload.begin(), payload.end());
    std::size_t pos = 0;
    while (pos < s.ttc.size()) {
        const proto::bytes_view rest = proto::bytes_view(s.ttc).subspan(pos);
        const bool complete = p.length < sdu_ || (p.data_flags & tns::data_flags::end_of_request) != 0;
        msg_result r        = from_client ? decode_request(rest, complete) : decode_reply(rest);
        if (r.kind == msg_result::truncated) break;
        r.msg.offset = static_cast<long>(data_payload_offset) + static_cast<long>(pos) -
                       static_cast<long>(s.ttc_packet_start);
        if (pos < s.ttc_packet_start)
            r.msg.offset = static_cast<long>(pos) - static_cast<long>(s.ttc_packet_start);
        if (r.kind == msg_result::failed) {
            r.msg.length = rest.size();
            r.msg.raw    = to_vec(rest);
            p.messages.push_back(std::move(r.msg));
            pos = s.ttc.size();
            break;
        }
        r.msg.length = r.consumed;
        p.messages.push_back(std::move(r.msg));
        pos += std::max<std::size_t>(r.consumed, 1);
    }
    s.ttc.erase(s.ttc.begin(), s.ttc.begin() + static_cast<long>(std::min(pos, s.ttc.size())));
    // Each packet retries the pending message from its start: past a bound
    // the bytes are shown undecoded rather than decoded again and again.
    if (s.ttc.size() > max_pending_message) flush_ttc(sd, p, "message longer than 1 MiB");
}

void stream_decoder::finish(const packet_fn& emit) {
    for (int sd = 0; sd < 2; ++sd) {
        side_state& s = sides_[sd];
        if (s.buf.empty() && s.ttc.empty()) continue;
        packet_out p = new_packet(sd);
        p.packet     = "INCOMPLETE";
        if (!s.buf.empty()) {
            p.error = "the capture ends inside a packet";
            p.raw   = std::move(s.buf);
            s.buf.clear();
        }
        if (!s.ttc.empty()) flush_ttc(sd, p, "the capture ends inside a message");
        emit(p);
    }
}

void traffic_decoder::feed(const stream_chunk& c) {
    auto& d = streams_[c.stream];
    if (!d) d = std::make_unique<stream_decoder>(c.stream);
    d->feed(c, emit_);
}

void traffic_decoder::finish() {
    for (auto& [id, d] : streams_)
        d->finish(emit_);
}

}  // namespace oranet::dump

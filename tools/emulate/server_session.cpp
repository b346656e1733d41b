#include "emulate/server_session.hpp"

#include "emulate/connect_data.hpp"
#include "emulate/lob_rows.hpp"
#include "emulate/profile.hpp"
#include "emulate/ttc_replies.hpp"

#include <oranet/proto/tns/header.hpp>
#include <oranet/proto/tns/redirect.hpp>
#include <oranet/proto/ttc/ano.hpp>
#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

namespace oranet::emulate {

namespace ttc = proto::ttc;
namespace fv  = proto::ttc::field_version;

namespace {

constexpr std::uint8_t pkt_connect  = 1;
constexpr std::uint8_t pkt_accept   = 2;
constexpr std::uint8_t pkt_refuse   = 4;
constexpr std::uint8_t pkt_redirect = 5;
constexpr std::uint8_t pkt_data     = 6;
constexpr std::uint8_t pkt_resend   = 11;
constexpr std::uint8_t pkt_marker   = 12;
constexpr std::uint8_t pkt_control  = 14;

constexpr std::uint16_t data_flag_eof = 0x40;

// Piggyback: stop fetching these cursors (node-oracledb TNS_FUNC_CANCEL_CURSORS).
constexpr std::uint8_t cancel_cursors_fn = 120;

std::uint16_t get_u16(proto::bytes_view b, std::size_t off) {
    return off + 2 <= b.size() ? static_cast<std::uint16_t>((b[off] << 8) | b[off + 1]) : 0;
}
std::uint32_t get_u32(proto::bytes_view b, std::size_t off) {
    return off + 4 <= b.size() ? (std::uint32_t{b[off]} << 24) | (std::uint32_t{b[off + 1]} << 16) |
                                     (b[off + 2] << 8) | b[off + 3]
                               : 0;
}

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

}  // namespace

server_session::server_session(server_context& ctx, std::string peer) : ctx_(ctx), peer_(std::move(peer)) {}

server_session::~server_session() {
    if (sql_) sql_->rollback();  // a session that ends without commit rolls back
}

std::vector<std::uint8_t> server_session::take_output() {
    std::vector<std::uint8_t> o;
    o.swap(out_);
    return o;
}

void server_session::log_info(const std::string& msg) {
    if (ctx_.log) ctx_.log->info("emulate {}: {}", peer_, msg);
}
void server_session::log_error(const std::string& msg) {
    if (ctx_.log) ctx_.log->error("emulate {}: {}", peer_, msg);
}

void server_session::on_eof() {
    if (state_ != state::closed) log_info("client closed the connection");
    state_ = state::closed;
}

void server_session::on_bytes(proto::bytes_view data) {
    in_.insert(in_.end(), data.begin(), data.end());
    std::size_t pos = 0;
    while (state_ != state::closed) {
        const proto::bytes_view rest(in_.data() + pos, in_.size() - pos);
        if (rest.size() < 8) break;
        const std::uint32_t len = large_sdu_ ? get_u32(rest, 0) : get_u16(rest, 0);
        if (len < 8 || len > (large_sdu_ ? 4u * 1024 * 1024 : 65535u)) {
            log_error("invalid TNS packet length " + std::to_string(len));
            state_ = state::closed;
            break;
        }
        if (rest.size() < len) break;
        const std::uint8_t type  = rest[4];
        const std::uint8_t flags = rest[5];
        on_packet(type, flags, rest.subspan(0, len));
        pos += len;
    }
    in_.erase(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(std::min(pos, in_.size())));
}

void server_session::on_packet(std::uint8_t type, std::uint8_t flags, proto::bytes_view packet) {
    (void)flags;
    switch (state_) {
        case state::expect_connect:
            if (type == pkt_connect) return on_connect(packet);
            break;
        case state::expect_connect_data:
            if (type == pkt_data && packet.size() >= 10) {
                const auto payload = packet.subspan(10);
                return on_connect_data(
                    std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size()));
            }
            break;
        case state::session:
            if (type == pkt_data && packet.size() >= 10)
                return on_data(get_u16(packet, 8), packet.subspan(10));
            if (type == pkt_marker) return on_marker(packet.subspan(8));
            if (type == pkt_control) return;
            break;
        case state::closed: return;
    }
    log_error("unexpected TNS packet type " + std::to_string(type));
    state_ = state::closed;
}

void server_session::interrupt() noexcept {
    interrupted_ = true;
    std::lock_guard<std::mutex> lock(interrupt_mu_);
    if (running_sql_ != nullptr) running_sql_->interrupt();
}

void server_session::begin_break() {
    in_break_                 = true;
    const std::uint8_t brk[3] = {1, 0, 1};
    send_packet(pkt_marker, 0, brk, false);
}

void server_session::on_marker(proto::bytes_view payload) {
    // The client's break (01 00 01, or kind 0) or interrupt (01 00 03; call
    // timeout, cancel) stops the current call, or, between calls, the next
    // one. We answer an interrupt with our BREAK marker and drop what comes
    // until the client's RESET (01 00 02); then we send our RESET and the
    // call ends with ORA-01013, as a real server does.
    if (payload.empty()) return;
    const bool reset = payload.size() >= 3 && payload[0] == 1 && payload[2] == 2;
    if (!reset) {
        request_.clear();
        interrupted_ = false;
        if (in_break_) return;  // the break of a call the reader already cut off
        const bool interrupt_marker = payload.size() >= 3 && payload[0] == 1 && payload[2] == 3;
        if (interrupt_marker)
            begin_break();
        else
            in_break_ = true;  // the client breaks; its RESET follows
        return;
    }
    in_break_    = false;
    interrupted_ = false;
    request_.clear();
    if (sql_) sql_->clear_interrupt();
    const std::uint8_t reset_marker[3] = {1, 0, 2};
    send_packet(pkt_marker, 0, reset_marker, false);
    proto::writer w;
    write_ora_error(w, 1013, "ORA-01013: user requested cancel of current operation");
    send_data(w.data());
}

void server_session::on_connect(proto::bytes_view packet) {
    version_                      = get_u16(packet, 8);
    const std::uint16_t sdu16     = get_u16(packet, 14);
    const std::uint16_t cd_len    = get_u16(packet, 24);
    const std::uint16_t cd_off    = get_u16(packet, 26);
    const std::uint32_t large_sdu = packet.size() >= 62 ? get_u32(packet, 58) : 0;
    sdu_                          = large_sdu != 0 ? large_sdu : (sdu16 != 0 ? sdu16 : 8192);
    sdu_                          = std::clamp<std::uint32_t>(sdu_, 512, 2097152);
    if (cd_len > 0 && cd_off + cd_len <= packet.size()) {
        return on_connect_data(
            std::string_view(reinterpret_cast<const char*>(packet.data() + cd_off), cd_len));
    }
    // The connect data follows in a DATA packet (longer than 230 bytes).
    pending_connect_len_ = cd_len;
    state_               = state::expect_connect_data;
}

void server_session::refuse(int err, const std::string& text) {
    // python 1.2.1 reads the refuse text with a one-byte length after three
    // bytes: the text must stay shorter than 253 bytes.
    std::string data = "(DESCRIPTION=(TMP=)(VSNNUM=" + std::to_string(profile_vsnnum(ctx_.opts.prof)) +
                       ")(ERR=" + std::to_string(err) + ")(ERROR_STACK=(ERROR=(CODE=" + std::to_string(err) +
                       ")(EMFI=4))))";
    (void)text;
    proto::writer w;
    w.u8(1);  // user reason
    w.u8(0);  // system reason
    w.u16be(static_cast<std::uint16_t>(data.size()));
    w.bytes(data);
    send_packet(pkt_refuse, 0, w.data(), true);
    state_ = state::closed;
}

void server_session::redirect(std::string_view connect_data) {
    // As a listener that hands the connection on: the data is the new
    // address, NUL, the connect data to send there (header flag 0x02 says
    // so; node-oracledb splits only then, python-oracledb always). The
    // REDIRECT holds only the data's length and the data follows in a DATA
    // packet: python-oracledb 1.2.1 reads it from there and nowhere else.
    const auto& o             = ctx_.opts;
    const std::string address = "(ADDRESS=(PROTOCOL=TCP)(HOST=" + o.redirect_host +
                                ")(PORT=" + std::to_string(o.redirect_port) + "))";
    const std::string data = proto::tns::join_redirect_data(address, connect_data);
    if (data.size() > 65535 - 10) {
        log_error("connect data too long to redirect");
        state_ = state::closed;
        return;
    }
    proto::writer w;
    w.u16be(static_cast<std::uint16_t>(data.size()));
    send_packet(pkt_redirect, proto::tns::header_flags::redirect_separate, w.data(), true);
    proto::writer d;
    d.u16be(0);  // data flags
    d.bytes(data);
    send_packet(pkt_data, 0, d.data(), true);
    log_info("redirected to " + o.redirect_host + ":" + std::to_string(o.redirect_port));
    state_ = state::closed;
}

void server_session::on_connect_data(std::string_view data) {
    if (state_ == state::expect_connect_data && !resent_) {
        // As the 12.1 and 18c listeners do: ask for the CONNECT again when
        // its data came separately (DECISIONS.md).
        resent_ = true;
        send_packet(pkt_resend, 0, {}, true);
        state_ = state::expect_connect;
        return;
    }
    if (ctx_.opts.redirect_port != 0) return redirect(data);
    const connect_target target = parse_connect_target(data);
    const std::string wanted    = upper(target.service_name.value_or(target.sid.value_or("")));
    bool known                  = false;
    for (const auto& s : ctx_.opts.services) {
        if (upper(s) == wanted) known = true;
    }
    if (!known) {
        const int err = target.service_name || !target.sid ? 12514 : 12505;
        log_info("refused: unknown " + std::string(err == 12514 ? "service '" : "SID '") + wanted +
                 "' (ORA-" + std::to_string(err) + ")");
        return refuse(err, {});
    }
    service_ = wanted;

    // ACCEPT: the lower of the two versions, SDU and TDU, no OOB (PEER-NOTES 4).
    const profile_info& p = info_of(ctx_.opts.prof);
    version_              = std::min<std::uint16_t>(version_, p.tns_version);
    if (version_ < 300) version_ = 300;
    const bool large = version_ >= 315;
    proto::writer w;
    w.u16be(version_);
    w.u16be(0x0001);  // service options: no out-of-band attention
    w.u16be(static_cast<std::uint16_t>(std::min<std::uint32_t>(sdu_, 65535)));
    w.u16be(static_cast<std::uint16_t>(std::min<std::uint32_t>(sdu_, 65535)));
    w.u16be(0x0100);  // "1" in our byte order
    w.u16be(0);       // connect data length
    const std::uint16_t header_len = large ? (version_ >= 318 ? 45 : 41) : 32;
    w.u16be(static_cast<std::uint16_t>(header_len));  // offset of (absent) accept data
    w.u8(0x04);                                       // NA disabled for this connection
    w.u8(0x00);
    if (large) {
        w.u16be(0);  // connection pool timeout
        w.u16be(0);  // tick size
        w.u16be(0);  // reconnect address length
        w.u16be(0);  // reconnect address offset
        w.u32be(sdu_);
        w.u32be(sdu_);
        w.u8(0);                          // no compression
        if (version_ >= 318) w.u32be(0);  // accept flags 2: nothing advertised
    }
    send_packet(pkt_accept, 0, w.data(), true);
    large_sdu_ = large;
    state_     = state::session;

    caps_                   = proto::ttc::caps{};
    caps_.protocol_version  = version_;
    caps_.ttc_field_version = p.field_version;
    caps_.charset_id        = ctx_.opts.charset_id;
    caps_.ncharset_id       = proto::ttc::charset_al16utf16;
    caps_.compile_caps      = server_compile_caps(p.field_version);
    caps_.runtime_caps      = server_runtime_caps(p);
    log_info("accepted: service " + service_ + ", TNS version " + std::to_string(version_) + ", SDU " +
             std::to_string(sdu_));
}

void server_session::on_data(std::uint8_t flags_hi, proto::bytes_view payload) {
    (void)flags_hi;
    const std::uint16_t flags = flags_hi;
    if ((flags & data_flag_eof) != 0) {
        state_ = state::closed;
        return;
    }
    if (in_break_) return;  // sent before the client saw our BREAK: dropped
    request_.insert(request_.end(), payload.begin(), payload.end());
    process_request();
}

void server_session::process_request() {
    if (request_.empty()) return;
    proto::reader r(request_);
    proto::writer w;
    {
        std::lock_guard<std::mutex> lock(interrupt_mu_);
        running_sql_ = sql_.get();
    }
    const std::error_code ec = handle_request(r, w);
    {
        std::lock_guard<std::mutex> lock(interrupt_mu_);
        running_sql_ = nullptr;
    }
    if (ec == client_errc::truncated) return;  // wait for the rest of the request
    request_.clear();
    if (interrupted_.exchange(false)) {
        // A break arrived during the call: its reply is dropped; the client
        // resets and then gets ORA-01013 (on_marker).
        begin_break();
        return;
    }
    if (ec) {
        log_error("bad request: " + ec.message());
        if (w.size() == 0)
            write_ora_error(w, 3120, "ORA-03120: two-task conversion routine: integer overflow");
    }
    if (w.size() > 0) send_data(w.data());
}

std::error_code server_session::handle_request(proto::reader& r, proto::writer& w) {
    // Native network services (ANO) come first from python 1.2.1 (PEER-NOTES 3).
    if (ttc::is_ano(r.rest())) {
        ttc::ano_message request;
        if (auto ec = ttc::decode(r, request)) return ec;
        ttc::encode(w, ttc::make_ano_no_services_reply(request));
        return {};
    }
    if (r.remaining() == 0) return client_errc::truncated;
    const std::uint8_t first = r.peek();
    if (first == static_cast<std::uint8_t>(ttc::message_type::protocol)) {
        ttc::protocol_request request;
        if (auto ec = ttc::decode(r, request)) return ec;
        ttc::encode(w, ttc::make_protocol_reply(caps_, "x86_64/Linux 2.4.xx"));
        return {};
    }
    if (first == static_cast<std::uint8_t>(ttc::message_type::data_types)) {
        ttc::data_types_request request;
        if (auto ec = ttc::decode(r, request)) return ec;
        ttc::apply(caps_, request);  // field version, TZ_EX, CONV_LENGTH, types 646/652 (PEER-NOTES 1, 2, 5)
        ttc::encode(w, ttc::make_data_types_reply(request, caps_), caps_);
        return {};
    }
    r.u8();
    // Calls: piggybacks, then one function.
    std::uint8_t type = first;
    for (;;) {
        const std::uint8_t code = r.u8();
        const std::uint8_t seq  = r.u8();
        if (caps_.at_least(fv::v23_1_ext1)) r.ub8();  // token
        if (!r.ok()) return r.error();
        if (type == static_cast<std::uint8_t>(ttc::message_type::piggyback) &&
            code == static_cast<std::uint8_t>(ttc::function_code::set_end_to_end_attr)) {
            end_to_end_attrs attrs;
            if (auto ec = decode_end_to_end(r, caps_, attrs)) return ec;
            if (sql_) sql_->set_end_to_end(attrs);
            type = r.u8();
            if (!r.ok()) return r.error();
            continue;
        }
        if (type == static_cast<std::uint8_t>(ttc::message_type::piggyback) &&
            code == static_cast<std::uint8_t>(ttc::function_code::lob_op)) {
            if (auto ec = decode_free_temp_lobs(r, caps_, *lobs_)) return ec;
            type = r.u8();
            if (!r.ok()) return r.error();
            continue;
        }
        if (type == static_cast<std::uint8_t>(ttc::message_type::piggyback) && code == cancel_cursors_fn) {
            // node-oracledb's result set closed before its end: the
            // cursors' remaining rows are dropped, the cursors stay open.
            r.u8();  // pointer
            const std::size_t n = r.count(r.ub4(), 65535, 1);
            for (std::size_t i = 0; i < n && r.ok(); ++i) {
                const auto it = cursors_.find(r.ub4());
                if (it != cursors_.end()) it->second.next_row = it->second.result.rows.size();
            }
            type = r.u8();
            if (!r.ok()) return r.error();
            continue;
        }
        if (type == static_cast<std::uint8_t>(ttc::message_type::piggyback)) {
            std::vector<std::uint32_t> to_close;
            if (auto ec = decode_piggyback(r, code, caps_, to_close)) return ec;
            for (auto id : to_close)
                cursors_.erase(id);
            type = r.u8();
            if (!r.ok()) return r.error();
            continue;
        }
        if (type != static_cast<std::uint8_t>(ttc::message_type::function))
            return client_errc::ttc_unknown_message;
        return handle_function(r, w, code, seq);
    }
}

void server_session::write_ora_error(proto::writer& w, int code, const std::string& message,
                                     std::uint16_t cursor_id, std::uint16_t position) {
    error_block e;
    e.call_status = call_status();
    e.error_num   = static_cast<std::uint32_t>(code);
    e.message     = message + "\n";
    e.cursor_id   = cursor_id;
    e.position    = position;
    write_error(w, e, caps_);
}

std::error_code server_session::handle_function(proto::reader& r, proto::writer& w, std::uint8_t code,
                                                std::uint8_t seq) {
    using fc     = ttc::function_code;
    const auto f = static_cast<fc>(code);
    if (f == fc::auth_phase_one) return handle_auth_one(r, w);
    if (f == fc::auth_phase_two) return handle_auth_two(r, w);
    if (!authenticated_) {
        write_ora_error(w, 1012, "ORA-01012: not logged on");
        return {};
    }
    const lob_store::scope lob_binds(*lobs_);  // LOB locator binds resolve against this session's LOBs
    switch (f) {
        case fc::lob_op: return handle_lob_op(r, w, seq);
        case fc::execute: return handle_execute(r, w);
        case fc::reexecute: return handle_reexecute(r, w, false);
        case fc::reexecute_and_fetch: return handle_reexecute(r, w, true);
        case fc::fetch: return handle_fetch(r, w);
        case fc::commit:
        case fc::rollback: {
            const exec_result res = f == fc::commit ? sql_->commit() : sql_->rollback();
            if (res.ora_code != 0) {
                write_ora_error(w, res.ora_code, res.message);
            } else {
                write_status(w, call_status(), seq);
            }
            return {};
        }
        case fc::ping: write_status(w, call_status(), seq); return {};
        case fc::logoff:
            sql_->rollback();
            write_status(w, 0, seq);
            log_info("logoff " + user_name_);
            return {};
        case fc::close_cursors: {
            std::vector<std::uint32_t> ids;
            if (auto ec = decode_piggyback(r, code, caps_, ids)) return ec;
            for (auto id : ids)
                cursors_.erase(id);
            write_status(w, call_status(), seq);
            return {};
        }
        default:
            write_ora_error(w, 3001, "ORA-03001: unimplemented feature");
            log_error("unsupported function code " + std::to_string(code));
            return {};
    }
}

}  // namespace oranet::emulate

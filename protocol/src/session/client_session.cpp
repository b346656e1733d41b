#include <oranet/proto/session/client_session.hpp>
#include <oranet/proto/tns/packet.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/simple_calls.hpp>

#include <algorithm>

namespace oranet::proto::session {

namespace {
constexpr int ora_user_cancel = 1013;  // ORA-01013: user requested cancel of current operation
}  // namespace

const char* state_name(state s) noexcept {
    switch (s) {
        case state::idle: return "idle";
        case state::tns_connect: return "tns_connect";
        case state::refuse_data: return "refuse_data";
        case state::redirect_data: return "redirect_data";
        case state::protocol: return "protocol";
        case state::data_types: return "data_types";
        case state::auth_one: return "auth_one";
        case state::auth_respond: return "auth_respond";
        case state::auth_two: return "auth_two";
        case state::auth_verify: return "auth_verify";
        case state::ready: return "ready";
        case state::call: return "call";
        case state::logoff: return "logoff";
        case state::closed: return "closed";
        case state::dead: return "dead";
    }
    return "?";
}

client_session::client_session() : caps_(ttc::client_caps()) {}

std::uint8_t client_session::next_seq() noexcept {
    seq_ = seq_ == 255 ? 1 : static_cast<std::uint8_t>(seq_ + 1);
    return seq_;
}

action client_session::fail(std::error_code ec) {
    state_ = state::dead;
    io_    = io::none;
    return action::done(ec);
}

action client_session::send(std::uint32_t timeout_ms) {
    io_ = io::writing;
    return action::write(out_.data(), timeout_ms);
}

void client_session::start_reply() {
    stream_.clear();
    stream_pos_ = 0;
    stream_eof_ = false;
    resetting_  = false;
    call_error_.reset();
}

action client_session::send_ttc(bytes_view ttc, state next) {
    out_.clear();
    const std::uint16_t last = caps_.supports_end_of_response ? tns::data_flags::end_of_request : 0;
    if (auto ec = tns::write_data_packets(out_, ttc, sdu_, mode_, last)) return fail(ec);
    start_reply();
    state_ = next;
    return send(timeout_ms_);
}

action client_session::start_connect(connect_request req) {
    if (state_ != state::idle) return fail(client_errc::session_unexpected_event);
    connect_    = std::move(req);
    timeout_ms_ = connect_.timeout_ms;
    tns::connect_packet m;
    tns::set_data_units(m, connect_.sdu, connect_.sdu);
    m.connect_data = connect_.connect_data;
    writer head;
    writer overflow;
    const std::uint8_t flags = connect_.redirected ? tns::header_flags::redirected : std::uint8_t{0};
    if (auto ec = tns::write_connect(head, overflow, m, flags)) return fail(ec);
    connect_bytes_.assign(head.data().begin(), head.data().end());
    connect_bytes_.insert(connect_bytes_.end(), overflow.data().begin(), overflow.data().end());
    out_.clear();
    out_.bytes(connect_bytes_);
    state_ = state::tns_connect;
    return send(timeout_ms_);
}

action client_session::start_call(const call_request& req) {
    if (state_ == state::dead) return action::done(client_errc::session_dead);
    if (state_ == state::idle || state_ == state::closed) return action::done(client_errc::not_connected);
    if (state_ != state::ready || io_ != io::none) return action::done(client_errc::operation_in_progress);
    call_       = req;
    call_.ttc   = {};  // the bytes are copied into out_ below; do not keep the caller's view
    timeout_ms_ = req.timeout_ms;
    last_error_ = {};
    return send_ttc(req.ttc, state::call);
}

action client_session::start_close(std::uint32_t timeout_ms) {
    if (state_ == state::dead || state_ == state::closed || state_ == state::idle) return action::done();
    if (state_ != state::ready || io_ != io::none) return action::done(client_errc::operation_in_progress);
    timeout_ms_ = timeout_ms;
    ttc::logoff_request m;
    m.seq = next_seq();
    writer w;
    ttc::encode(w, m, caps_);
    return send_ttc(w.data(), state::logoff);
}

action client_session::on_write_done(std::error_code ec) {
    if (io_ != io::writing) return fail(client_errc::session_unexpected_event);
    if (ec) return fail(ec);
    if (write_then_done_) {
        write_then_done_ = false;
        io_              = io::none;
        state_           = state::closed;
        return action::done();
    }
    io_ = io::reading;
    return action::read(timeout_ms_);
}

action client_session::on_bytes(bytes_view data) {
    if (io_ != io::reading) return fail(client_errc::session_unexpected_event);
    assembler_.feed(data);
    return process_packets();
}

action client_session::on_io_error(std::error_code ec) {
    if (io_ == io::none) return fail(client_errc::session_unexpected_event);
    return fail(ec ? ec : make_error_code(client_errc::connection_closed));
}

action client_session::on_timeout() {
    if (io_ == io::none) return fail(client_errc::session_unexpected_event);
    if (state_ == state::call && io_ == io::reading && !breaking_) return start_break(true);
    return fail(client_errc::timeout);
}

action client_session::on_cancel() {
    if (io_ == io::none) return action::done();  // no call runs: nothing to cancel
    if (io_ != io::reading) return fail(client_errc::session_unexpected_event);
    if (state_ != state::call || breaking_) return action::read(timeout_ms_);
    return start_break(false);
}

action client_session::start_break(bool for_timeout) {
    breaking_          = true;
    break_for_timeout_ = for_timeout;
    reply_done_        = false;
    timeout_ms_        = call_.break_grace_ms;
    if (resetting_) {
        // The server broke off the call already and our RESET went out:
        // its RESET and the error item are on their way.
        saw_break_ = true;
        return action::read(timeout_ms_);
    }
    saw_break_ = false;
    out_.clear();
    if (auto e = tns::write_packet(out_, tns::make_marker(tns::marker_type::interrupt_marker), mode_))
        return fail(e);
    return send(timeout_ms_);
}

action client_session::on_auth_response(const ttc::phase_two_values& v) {
    if (state_ != state::auth_respond) return fail(client_errc::session_unexpected_event);
    auto m = ttc::make_auth_phase_two(connect_.user, connect_.auth_mode, v);
    m.seq  = next_seq();
    writer w;
    ttc::encode(w, m, caps_);
    return send_ttc(w.data(), state::auth_two);
}

action client_session::on_auth_verified(std::error_code ec) {
    if (state_ != state::auth_verify) return fail(client_errc::session_unexpected_event);
    if (ec) return fail(ec);
    state_ = state::ready;
    io_    = io::none;
    return action::done();
}

action client_session::on_auth_failed(std::error_code ec) {
    if (state_ != state::auth_respond && state_ != state::auth_verify)
        return fail(client_errc::session_unexpected_event);
    return fail(ec ? ec : make_error_code(client_errc::auth_crypto_failure));
}

action client_session::on_accept_phase(const tns::packet_view& p) {
    switch (p.type()) {
        case tns::packet_type::accept: {
            tns::accept_packet acc;
            if (auto ec = tns::decode_packet_as(p, acc, sink_)) return fail(ec);
            if (acc.version < tns::version_minimum) return fail(client_errc::tns_version_unsupported);
            sdu_  = std::clamp<std::uint32_t>(tns::negotiated_sdu(acc), 512, tns::max_large_sdu);
            mode_ = tns::negotiated_length_mode(acc);
            assembler_.set_length_mode(mode_);
            assembler_.set_max_packet_size(mode_ == tns::length_mode::short_form
                                               ? std::min<std::size_t>(sdu_, tns::max_short_packet)
                                               : sdu_);
            caps_ = ttc::client_caps(connect_.profile);
            ttc::adjust_for_accept(caps_, acc.version, acc.service_options, acc.flags2);
            writer w;
            ttc::encode(w, ttc::protocol_request{});
            return send_ttc(w.data(), state::protocol);
        }
        case tns::packet_type::resend:
            out_.clear();
            out_.bytes(connect_bytes_);
            return send(timeout_ms_);
        case tns::packet_type::refuse: {
            tns::refuse_packet ref;
            if (auto ec = tns::decode_packet_as(p, ref, sink_)) return fail(ec);
            if (ref.data_follows) {
                state_ = state::refuse_data;
                return action::read(timeout_ms_);
            }
            refuse_text_ = ref.data;
            const int n  = tns::refuse_error_number(refuse_text_);
            return fail(n != 0 ? ora_error(n) : make_error_code(client_errc::tns_refused));
        }
        case tns::packet_type::redirect: {
            tns::redirect_packet red;
            if (auto ec = tns::decode_packet_as(p, red, sink_)) return fail(ec);
            if (red.data_follows) {
                // The data comes in the DATA packet(s) after the REDIRECT
                // (python-oracledb and node-oracledb read it from there).
                redirect_data_.clear();
                redirect_length_ = red.declared_data_length;
                state_           = state::redirect_data;
                return action::read(timeout_ms_);
            }
            redirect_data_ = std::move(red.data);
            if (redirect_data_.empty()) return fail(client_errc::tns_unexpected_packet);
            return fail(client_errc::tns_redirect);
        }
        default: return fail(client_errc::tns_unexpected_packet);
    }
}

action client_session::on_redirect_data(const tns::packet_view& p) {
    if (p.type() != tns::packet_type::data) return fail(client_errc::tns_unexpected_packet);
    tns::data_packet d;
    if (auto e = tns::decode_packet_as(p, d, sink_)) return fail(e);
    const std::size_t want = redirect_length_ - redirect_data_.size();
    const std::size_t take = std::min(want, d.payload.size());
    redirect_data_.append(d.payload.begin(), d.payload.begin() + static_cast<std::ptrdiff_t>(take));
    if (redirect_data_.size() < redirect_length_) return action::read(timeout_ms_);
    return fail(client_errc::tns_redirect);
}

action client_session::process_packets() {
    for (;;) {
        tns::packet_view p;
        std::error_code ec;
        const auto st = assembler_.next(p, ec);
        if (st == tns::assemble_status::error) return fail(ec);
        if (st == tns::assemble_status::need_more) break;
        if (state_ == state::tns_connect) {
            // A REFUSE or REDIRECT whose data follows waits for the next
            // packet, which may already be here.
            action a = on_accept_phase(p);
            if (a.kind != action_kind::read) return a;
            continue;
        }
        if (state_ == state::redirect_data) {
            action a = on_redirect_data(p);
            if (a.kind != action_kind::read) return a;
            continue;
        }
        if (state_ == state::refuse_data) {
            tns::data_packet d;
            if (auto e = tns::decode_packet_as(p, d, sink_)) return fail(e);
            refuse_text_.assign(d.payload.begin(), d.payload.end());
            const int n = tns::refuse_error_number(refuse_text_);
            return fail(n != 0 ? ora_error(n) : make_error_code(client_errc::tns_refused));
        }
        switch (p.type()) {
            case tns::packet_type::data: {
                tns::data_packet d;
                if (auto e = tns::decode_packet_as(p, d, sink_)) return fail(e);
                if ((d.data_flags & tns::data_flags::eof) != 0) stream_eof_ = true;
                if (resetting_) break;  // what the server sent before its RESET is void
                stream_.insert(stream_.end(), d.payload.begin(), d.payload.end());
                action a = process_stream();
                if (a.kind != action_kind::read) return a;
                break;
            }
            case tns::packet_type::marker: {
                tns::marker_packet m;
                if (auto e = tns::decode_packet_as(p, m, sink_)) return fail(e);
                if (tns::is_reset(m)) {
                    if (resetting_) {
                        resetting_ = false;
                        stream_.clear();
                        stream_pos_ = 0;
                    }
                    break;
                }
                if (resetting_) break;  // further BREAKs while draining
                // The server broke off the call: answer with RESET, then
                // drain until its own RESET; the error item follows.
                resetting_ = true;
                if (breaking_) saw_break_ = true;
                out_.clear();
                if (auto e = tns::write_packet(out_, tns::make_marker(tns::marker_type::reset_marker), mode_))
                    return fail(e);
                return send(timeout_ms_);
            }
            case tns::packet_type::control: break;  // out-of-band notices never enter the TTC stream
            default: return fail(client_errc::tns_unexpected_packet);
        }
    }
    if (stream_eof_) return fail(client_errc::connection_closed);
    return action::read(timeout_ms_);
}

action client_session::process_stream() {
    switch (state_) {
        case state::protocol:
        case state::data_types: return step_negotiation();
        case state::auth_one:
        case state::auth_two:
        case state::call:
        case state::logoff: return step_items();
        default: return fail(client_errc::ttc_unexpected_message);
    }
}

action client_session::step_negotiation() {
    reader r(bytes_view(stream_).subspan(stream_pos_), sink_);
    writer w;
    if (state_ == state::protocol) {
        ttc::protocol_reply reply;
        const auto ec = ttc::decode(r, reply);
        if (is_truncated(ec)) return action::read(timeout_ms_);
        if (ec) return fail(ec);
        protocol_reply_ = std::move(reply);
        ttc::apply(caps_, protocol_reply_);
        ttc::encode(w, ttc::make_data_types_request(caps_));
        return send_ttc(w.data(), state::data_types);
    }
    ttc::data_types_reply reply;
    const auto ec = ttc::decode(r, reply, caps_);
    if (is_truncated(ec)) return action::read(timeout_ms_);
    if (ec) return fail(ec);
    auto m = ttc::make_auth_phase_one(connect_.user, connect_.auth_mode, connect_.identity);
    m.seq  = next_seq();
    ttc::encode(w, m, caps_);
    return send_ttc(w.data(), state::auth_one);
}

action client_session::step_items() {
    const bool auth = state_ == state::auth_one || state_ == state::auth_two;
    while (stream_pos_ < stream_.size()) {
        reader r(bytes_view(stream_).subspan(stream_pos_), sink_);
        if (auth && r.peek() == static_cast<std::uint8_t>(ttc::message_type::parameter)) {
            ttc::auth_reply reply;
            const auto ec = ttc::decode(r, reply);
            if (is_truncated(ec)) return action::read(timeout_ms_);
            if (ec) return fail(ec);
            stream_pos_ += r.offset();
            (state_ == state::auth_one ? auth_one_ : auth_two_) = std::move(reply);
            continue;
        }
        ttc::reply_context ctx;
        ctx.c            = &caps_;
        reply_handler* h = state_ == state::call ? call_.handler : nullptr;
        if (h != nullptr) {
            ctx   = h->context();
            ctx.c = &caps_;
        }
        ttc::reply_item item;
        const auto ds = ttc::decode_reply_item(r, ctx, item);
        if (ds.truncated()) return action::read(timeout_ms_);
        if (!ds.ok()) return fail(ds.ec);
        stream_pos_ += ds.consumed;
        if (const auto* e = std::get_if<ttc::error_info>(&item)) {
            last_error_  = *e;
            const auto n = e->error_number;
            const bool ended =
                n == ttc::ora_no_data_found && state_ == state::call && call_.no_data_found_is_end;
            if (n != 0 && !ended && !call_error_) call_error_ = n;
        }
        const bool last = ttc::ends_response(item, caps_);
        if (h != nullptr) {
            if (auto ec = h->on_item(item)) return fail(ec);
        }
        if (last) return finish_call();
    }
    if (stream_pos_ == stream_.size()) {
        stream_.clear();
        stream_pos_ = 0;
    }
    return action::read(timeout_ms_);
}

action client_session::finish_call() {
    const std::error_code err = call_error_ ? ora_error(static_cast<int>(*call_error_)) : std::error_code{};
    io_                       = io::none;
    switch (state_) {
        case state::auth_one:
            if (err) return fail(err);
            state_ = state::auth_respond;
            return action::need_auth(auth_stage::respond, timeout_ms_);
        case state::auth_two:
            if (err) return fail(err);
            state_ = state::auth_verify;
            return action::need_auth(auth_stage::verify, timeout_ms_);
        case state::call: {
            if (breaking_ && !saw_break_) {
                // The reply was whole before the server saw our INTERRUPT:
                // its BREAK, RESET and ORA-01013 still come; wait for them.
                reply_done_   = true;
                call_.handler = nullptr;
                call_error_.reset();
                io_ = io::reading;
                return action::read(timeout_ms_);
            }
            std::error_code result = err;
            if (breaking_) {
                if (break_for_timeout_)
                    result = client_errc::call_timeout;
                else if (!result)
                    result = ora_error(ora_user_cancel);
            }
            breaking_ = saw_break_ = reply_done_ = false;
            state_                               = state::ready;
            call_                                = {};
            return action::done(result);
        }
        case state::logoff:
            out_.clear();
            if (auto ec = tns::write_data_packets(out_, {}, sdu_, mode_, tns::data_flags::eof))
                return fail(ec);
            write_then_done_ = true;
            return send(timeout_ms_);
        default: return fail(client_errc::session_unexpected_event);
    }
}

}  // namespace oranet::proto::session

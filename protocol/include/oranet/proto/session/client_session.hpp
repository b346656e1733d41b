// The client role's session state machine (sans-io): TNS connect, TTC
// protocol and data type negotiation, O5Logon's two round trips, then calls
// (a request's TTC bytes out, the reply's items in), and logoff.
//
//   client_session s;
//   action a = s.start_connect(req);
//   while (a.kind != action_kind::done) { ...do what `a` says, feed the event back... }
//
// One operation at a time. An event that the current state does not expect
// (bytes while the machine waits for a write, a second start_call, an
// unexpected packet or message from the server) ends the operation with an
// error and, when the session can no longer be trusted, marks it dead; it is
// never an assert. Every failure after the wire went out of sync is fatal.
//
// A listener REDIRECT ends the connect with client_errc::tns_redirect and
// redirect_data() holding what the listener sent ("address" NUL "connect
// data", read from the DATA packet after the REDIRECT when it is not in the
// REDIRECT itself); the session is then dead, and the driver connects a new
// transport and a new session there (lib/src/detail/connector.hpp).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/session/action.hpp>
#include <oranet/proto/tns/assembler.hpp>
#include <oranet/proto/tns/header.hpp>
#include <oranet/proto/trace.hpp>
#include <oranet/proto/ttc/auth.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/error_info.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>
#include <oranet/proto/ttc/reply.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace oranet::proto::session {

struct connect_request {
    std::string connect_data;  // "(DESCRIPTION=...)"
    std::uint32_t sdu = tns::default_sdu;
    std::string user;
    std::uint32_t auth_mode = ttc::auth_mode::logon;
    ttc::client_identity identity;
    ttc::client_profile profile = ttc::client_profile::oranet;
    std::uint32_t timeout_ms    = 0;  // the whole connect
    // This CONNECT follows a listener's REDIRECT: its header carries flag
    // 0x04 (header_flags::redirected), as python-oracledb and node-oracledb set.
    bool redirected = false;
};

// Receives the items of a call's reply, in order, after each decoded whole.
class reply_handler {
public:
    virtual ~reply_handler() = default;
    // What the next item decodes with (describe, bit vector, out binds).
    [[nodiscard]] virtual ttc::reply_context context() const = 0;
    // An error ends the call and kills the session (the reply is abandoned).
    [[nodiscard]] virtual std::error_code on_item(ttc::reply_item& item) = 0;
};

struct call_request {
    bytes_view ttc;  // the call's TTC bytes (piggybacks first), made with caps() and next_seq()
    reply_handler* handler    = nullptr;  // null: the items are only checked for an error
    std::uint32_t timeout_ms  = 0;
    bool no_data_found_is_end = false;  // ORA-01403 ends a fetch instead of failing the call
    // After a call timeout or a cancel: how long the server has to confirm
    // the break (its BREAK, RESET and ORA-01013) before the session is dead.
    std::uint32_t break_grace_ms = 5000;
};

enum class state : std::uint8_t {
    idle,           // nothing sent yet
    tns_connect,    // CONNECT sent; waiting for ACCEPT / REFUSE / RESEND / REDIRECT
    refuse_data,    // REFUSE without its text: waiting for the DATA packet that carries it
    redirect_data,  // REDIRECT without its data: waiting for the DATA packet(s) that carry it
    protocol,       // protocol negotiation sent
    data_types,     // data types sent
    auth_one,       // auth phase one sent
    auth_respond,   // waiting for on_auth_response
    auth_two,       // auth phase two sent
    auth_verify,    // waiting for on_auth_verified
    ready,          // logged in, no call in flight
    call,           // a call in flight
    logoff,         // logoff sent
    closed,         // logged off and EOF sent
    dead,           // unusable
};

[[nodiscard]] const char* state_name(state s) noexcept;

class client_session {
public:
    client_session();

    // Fields of decoded server messages go to `sink` (the trace log).
    void set_trace_sink(trace_sink* sink) noexcept { sink_ = sink; }

    // Operations. Each returns the first action.
    [[nodiscard]] action start_connect(connect_request req);
    [[nodiscard]] action start_call(const call_request& req);
    // Logoff call, then the DATA packet with the EOF flag; done when written.
    [[nodiscard]] action start_close(std::uint32_t timeout_ms);

    // Events.
    [[nodiscard]] action on_write_done(std::error_code ec = {});
    [[nodiscard]] action on_bytes(bytes_view data);
    [[nodiscard]] action on_io_error(std::error_code ec);
    // A read or write ran out of time. During a call's read, the call is
    // broken off instead of the session: an INTERRUPT marker goes out, the
    // server answers BREAK, we send RESET, drain to its RESET and the
    // ORA-01013 that ends the call; the call then ends with
    // client_errc::call_timeout and the session is ready. Only when the
    // server does not finish that within call_request::break_grace_ms (or
    // the timeout hits anywhere else) is the session dead (client_errc::timeout).
    [[nodiscard]] action on_timeout();
    // The driver's read was interrupted because the user cancelled the call
    // (connection::cancel from another thread; the driver calls this on its
    // own thread). As on_timeout, but the call ends with ORA-01013. Between
    // calls it does nothing (done, session unchanged); during a break
    // already under way, or outside a call, the machine keeps reading.
    [[nodiscard]] action on_cancel();
    [[nodiscard]] action on_auth_response(const ttc::phase_two_values& v);
    [[nodiscard]] action on_auth_verified(std::error_code ec);
    // The driver could not answer a need_auth_response: the login fails and
    // the session is dead.
    [[nodiscard]] action on_auth_failed(std::error_code ec);

    // State and what the server said.
    [[nodiscard]] state current_state() const noexcept { return state_; }
    [[nodiscard]] bool is_dead() const noexcept { return state_ == state::dead; }
    [[nodiscard]] bool is_ready() const noexcept { return state_ == state::ready; }
    [[nodiscard]] const ttc::caps& caps() const noexcept { return caps_; }
    [[nodiscard]] std::uint32_t sdu() const noexcept { return sdu_; }
    [[nodiscard]] tns::length_mode length_mode() const noexcept { return mode_; }
    [[nodiscard]] const ttc::protocol_reply& protocol_info() const noexcept { return protocol_reply_; }
    [[nodiscard]] const ttc::auth_reply& auth_phase_one() const noexcept { return auth_one_; }
    [[nodiscard]] const ttc::auth_reply& auth_phase_two() const noexcept { return auth_two_; }
    // The last error block of a call (error_number 0: success), and the
    // server's text of a refused connect.
    [[nodiscard]] const ttc::error_info& last_error() const noexcept { return last_error_; }
    [[nodiscard]] const std::string& refuse_text() const noexcept { return refuse_text_; }
    // After a connect ended with client_errc::tns_redirect: the listener's
    // redirect data, whole (tns::split_redirect_data splits it).
    [[nodiscard]] const std::string& redirect_data() const noexcept { return redirect_data_; }
    // The next TTC sequence number (1..255, wrapping past 0).
    [[nodiscard]] std::uint8_t next_seq() noexcept;

private:
    enum class io : std::uint8_t { none, writing, reading };

    action fail(std::error_code ec);
    action send(std::uint32_t timeout_ms);  // out_ holds the bytes
    action send_ttc(bytes_view ttc, state next);
    action process_packets();
    action on_accept_phase(const tns::packet_view& p);
    action on_redirect_data(const tns::packet_view& p);
    action process_stream();
    action step_negotiation();
    action step_items();
    action finish_call();
    action start_break(bool for_timeout);
    void start_reply();

    state state_       = state::idle;
    io io_             = io::none;
    state after_write_ = state::idle;  // the state a write leads to
    bool resetting_    = false;        // sent RESET after a server BREAK; draining until its RESET
    // Call interruption (on_timeout, on_cancel): INTERRUPT sent, the call
    // ends once the server's BREAK / RESET / ORA-01013 came.
    bool breaking_            = false;
    bool break_for_timeout_   = false;  // the call ends with call_timeout, not ORA-01013
    bool saw_break_           = false;  // the server's BREAK came (it saw our INTERRUPT)
    bool reply_done_          = false;  // the reply ended before the BREAK: the break's ORA-01013 still comes
    bool write_then_done_     = false;  // the close operation: done after the EOF packet
    std::uint32_t timeout_ms_ = 0;
    std::uint32_t sdu_        = tns::default_sdu;
    tns::length_mode mode_    = tns::length_mode::short_form;
    std::uint8_t seq_         = 0;
    trace_sink* sink_         = nullptr;

    connect_request connect_;
    std::vector<std::uint8_t> connect_bytes_;  // CONNECT (+ overflow DATA), kept for RESEND
    tns::assembler assembler_;
    writer out_;
    std::vector<std::uint8_t> stream_;  // TTC bytes of the current reply not yet decoded
    std::size_t stream_pos_ = 0;
    bool stream_eof_        = false;

    ttc::caps caps_;
    ttc::protocol_reply protocol_reply_;
    ttc::auth_reply auth_one_;
    ttc::auth_reply auth_two_;
    ttc::error_info last_error_;
    std::optional<std::uint32_t> call_error_;  // ORA number of the current call's error item
    std::string refuse_text_;
    std::string redirect_data_;
    std::size_t redirect_length_ = 0;  // the length the REDIRECT declared, when its data follows
    call_request call_;
};

}  // namespace oranet::proto::session

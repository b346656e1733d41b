#include "driver.hpp"

#include <spdlog/spdlog.h>

#include <array>

namespace oranet::detail {

using proto::session::action;
using proto::session::action_kind;
using proto::session::auth_stage;

std::string hex_dump(std::span<const std::uint8_t> b) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i % 16 == 0) {
            if (i != 0) s += '\n';
            char off[16];
            std::snprintf(off, sizeof off, "  %04zx ", i);
            s += off;
        }
        s += ' ';
        s += digits[b[i] >> 4];
        s += digits[b[i] & 15];
    }
    return s;
}

void log_trace_sink::on_begin(std::string_view name, std::size_t offset) {
    log_->trace("{:{}}{} (off={})", "", depth_ * 2 + 2, name, offset);
    ++depth_;
}

void log_trace_sink::on_end() {
    if (depth_ > 0) --depth_;
}

void log_trace_sink::on_field(const proto::field_record& rec) {
    if (rec.name.empty()) return;
    std::string v;
    switch (rec.kind) {
        case proto::field_kind::unsigned_int: v = std::to_string(rec.u); break;
        case proto::field_kind::signed_int: v = std::to_string(rec.i); break;
        case proto::field_kind::text: v = '"' + std::string(rec.b.begin(), rec.b.end()) + '"'; break;
        case proto::field_kind::bytes: v = hex_dump(rec.b); break;
        case proto::field_kind::secret: v = "<redacted " + std::to_string(rec.b.size()) + " bytes>"; break;
    }
    log_->trace("{:{}}{} off={} len={} = {}", "", depth_ * 2 + 2, rec.name, rec.offset, rec.length, v);
}

namespace {

// The auth round trips carry the session keys and the encrypted password:
// their packets are never dumped as hex (the decoded fields of the replies
// still go to the trace, with those values redacted by the decoders).
bool carries_secrets(proto::session::state st) {
    using proto::session::state;
    return st == state::auth_one || st == state::auth_two || st == state::auth_respond ||
           st == state::auth_verify;
}

void trace_bytes(spdlog::logger& log, const char* what, std::span<const std::uint8_t> b, bool secret) {
    if (!log.should_log(spdlog::level::trace)) return;
    if (secret)
        log.trace("{} {} bytes (auth exchange: <redacted {} bytes>)", what, b.size(), b.size());
    else
        log.trace("{} {} bytes\n{}", what, b.size(), hex_dump(b));
}

}  // namespace

std::error_code run_sync(transport& t, proto::session::client_session& s, action a, auth_hooks* hooks,
                         spdlog::logger& log, run_stats& stats) {
    deadline d = deadline_after(std::chrono::milliseconds(a.timeout_ms));
    // A timeout or cancel during a call makes the machine break the call
    // off (its INTERRUPT marker is the next write): from then on the grace
    // period the action carries bounds the operation.
    const auto rebase = [&d](const action& next) {
        if (next.kind == action_kind::write) d = deadline_after(std::chrono::milliseconds(next.timeout_ms));
    };
    std::array<std::uint8_t, 65536> buf;
    bool wrote = false;
    for (;;) {
        switch (a.kind) {
            case action_kind::done: return a.ec;
            case action_kind::write: {
                trace_bytes(log, "send", a.data, carries_secrets(s.current_state()));
                stats.bytes_out += a.data.size();
                const auto ec = t.write(a.data, d);
                if (ec == client_errc::timeout) {
                    a = s.on_timeout();
                } else {
                    wrote = true;
                    a     = s.on_write_done(ec);
                }
                break;
            }
            case action_kind::read: {
                std::error_code ec;
                const std::size_t n = t.read_some(buf, d, ec);
                if (ec == client_errc::timeout) {
                    a = s.on_timeout();
                    rebase(a);
                } else if (ec == client_errc::cancelled) {
                    a = s.on_cancel();
                    rebase(a);
                } else if (ec) {
                    a = s.on_io_error(ec);
                } else {
                    if (wrote) {
                        ++stats.round_trips;
                        wrote = false;
                    }
                    stats.bytes_in += n;
                    const std::span<const std::uint8_t> got(buf.data(), n);
                    trace_bytes(log, "received", got, carries_secrets(s.current_state()));
                    a = s.on_bytes(got);
                }
                break;
            }
            case action_kind::need_auth_response: {
                if (hooks == nullptr) return client_errc::session_unexpected_event;
                if (a.stage == auth_stage::respond) {
                    proto::ttc::phase_two_values v;
                    const auto ec = hooks->respond(v);
                    a             = ec ? s.on_auth_failed(ec) : s.on_auth_response(v);
                } else {
                    a = s.on_auth_verified(hooks->verify());
                }
                break;
            }
        }
    }
}

}  // namespace oranet::detail

// The sync driver: the one loop that performs the session machine's actions
// on a transport ("resume, do I/O, resume"). The async driver to come runs
// the same machine from an asio::async_compose operation.
#pragma once

#include "transport.hpp"

#include <oranet/proto/session/client_session.hpp>
#include <oranet/proto/trace.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spdlog {
class logger;
}

namespace oranet::detail {

// Answers the machine's need_auth_response actions (O5Logon, from auth/).
class auth_hooks {
public:
    virtual ~auth_hooks()                                                            = default;
    [[nodiscard]] virtual std::error_code respond(proto::ttc::phase_two_values& out) = 0;
    [[nodiscard]] virtual std::error_code verify()                                   = 0;
};

// Trace sink that writes each decoded field to the logger at trace level;
// fields of kind secret print as "<redacted n bytes>".
class log_trace_sink final : public proto::trace_sink {
public:
    explicit log_trace_sink(spdlog::logger& log) : log_(&log) {}
    void on_field(const proto::field_record& rec) override;
    void on_begin(std::string_view name, std::size_t offset) override;
    void on_end() override;

private:
    spdlog::logger* log_;
    int depth_ = 0;
};

// Hex dump lines of a packet for the trace log.
[[nodiscard]] std::string hex_dump(std::span<const std::uint8_t> b);

struct run_stats {
    unsigned round_trips  = 0;
    std::size_t bytes_out = 0;
    std::size_t bytes_in  = 0;
};

// Runs the operation whose first action is `first` until done. The deadline
// is the first action's budget, counted from now; when a timeout or a
// cancel (transport::interrupt_call) makes the machine break off a call,
// the break's grace period, counted from then.
[[nodiscard]] std::error_code run_sync(transport& t, proto::session::client_session& s,
                                       proto::session::action first, auth_hooks* hooks, spdlog::logger& log,
                                       run_stats& stats);

}  // namespace oranet::detail

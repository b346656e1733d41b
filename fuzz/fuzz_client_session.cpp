// Fuzzes the client session machine with a hostile server: the input is the
// byte stream the "server" sends, delivered in chunks whose size the first
// byte picks, through a connect and then two calls (one whose reply items go
// to a handler that tracks describes and rows, as a cursor does). Whatever
// the bytes, the machine must end each operation with an action, never
// crash, and stay consistent (dead after any protocol error).
#include <oranet/proto/session/client_session.hpp>
#include <oranet/proto/ttc/reply.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace {

using namespace oranet::proto;

class tracking_handler final : public session::reply_handler {
public:
    explicit tracking_handler(const ttc::caps& c) : tracker_(c) {}
    [[nodiscard]] ttc::reply_context context() const override { return tracker_.context(); }
    [[nodiscard]] std::error_code on_item(ttc::reply_item& item) override {
        tracker_.apply(item);
        return {};
    }

private:
    ttc::reply_tracker tracker_;
};

struct feeder {
    bytes_view in;
    std::size_t chunk = 1;
    [[nodiscard]] bytes_view next() {
        const std::size_t n  = in.size() < chunk ? in.size() : chunk;
        const bytes_view out = in.first(n);
        in                   = in.subspan(n);
        return out;
    }
};

session::action run(session::client_session& s, session::action a, feeder& f) {
    using session::action_kind;
    for (int guard = 0; guard < 100000 && a.kind != action_kind::done; ++guard) {
        switch (a.kind) {
            case action_kind::write: a = s.on_write_done(); break;
            case action_kind::read: {
                const auto b = f.next();
                a            = b.empty() ? s.on_io_error({}) : s.on_bytes(b);
                break;
            }
            case action_kind::need_auth_response:
                if (a.stage == session::auth_stage::respond) {
                    ttc::phase_two_values v;
                    v.session_key      = "00";
                    v.encoded_password = "00";
                    a                  = s.on_auth_response(v);
                } else {
                    a = s.on_auth_verified({});
                }
                break;
            case action_kind::done: break;
        }
    }
    if (a.kind != session::action_kind::done) __builtin_trap();  // an operation that never ends
    return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    if (size < 1) return 0;
    feeder f{{data + 1, size - 1}, static_cast<std::size_t>(data[0] % 64) + 1};
    session::client_session s;
    session::connect_request req;
    req.connect_data = "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=X)))";
    req.user         = "U";
    auto a           = run(s, s.start_connect(req), f);
    if (a.ec && !s.is_dead()) __builtin_trap();  // a failed connect leaves a dead session
    if (!s.is_ready()) return 0;
    const std::uint8_t ping[] = {3, 147, 2};
    session::call_request call;
    call.ttc = ping;
    (void)run(s, s.start_call(call), f);
    if (!s.is_ready()) return 0;
    tracking_handler h(s.caps());
    call.handler              = &h;
    call.no_data_found_is_end = true;
    (void)run(s, s.start_call(call), f);
    return 0;
}

// Cancelling the work of an engine session from another thread: the TTC
// server's marker reader calls session::interrupt() while the session's own
// thread runs a statement (SQLite is stopped with sqlite3_interrupt) or
// waits in sleep_for (woken through a condition variable).
#include "emulate/engine/engine.hpp"
#include "emulate/engine/state.hpp"

namespace oranet::emulate {

sql_error cancelled_error() { return make_ora(1013, "user requested cancel of current operation"); }

running_guard::running_guard(session_state& s) : s_(s) {
    std::lock_guard<std::mutex> lk(s_.intr.mutex);
    ++s_.intr.running;
}

running_guard::~running_guard() {
    std::lock_guard<std::mutex> lk(s_.intr.mutex);
    --s_.intr.running;
}

void session::interrupt() noexcept {
    session_state& s = *state_;
    {
        std::lock_guard<std::mutex> lk(s.intr.mutex);
        s.intr.interrupted = true;
        // Only while SQLite runs: its own flag stays set until no statement
        // of the connection is active, so a cursor left open between calls
        // would carry it into the next statement.
        if (s.intr.running > 0 && s.conn) sqlite3_interrupt(s.conn);
    }
    s.intr.cv.notify_all();
}

void session::clear_interrupt() noexcept {
    std::lock_guard<std::mutex> lk(state_->intr.mutex);
    state_->intr.interrupted = false;
}

bool session::interrupted() const noexcept { return state_->intr.interrupted.load(); }

sql_error session::sleep_for(double seconds) {
    session_state& s = *state_;
    if (!(seconds > 0)) seconds = 0;  // also NaN
    if (seconds > 1e7) seconds = 1e7;
    auto until =
        std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                               std::chrono::duration<double>(seconds));
    std::unique_lock<std::mutex> lk(s.intr.mutex);
    if (s.intr.cv.wait_until(lk, until, [&] { return s.intr.interrupted.load(); })) return cancelled_error();
    return {};
}

}  // namespace oranet::emulate

// A session with the database. oranet::connect() opens one; the connection
// owns its socket and does its own I/O (a private io_context). One operation
// at a time: a connection is used by one thread at a time (the one
// exception: cancel(), from any thread).
//
//   oranet::connect_params p;
//   p.user = "scott"; p.password = "tiger"; p.connect_string = "db:1521/FREEPDB1";
//   oranet::connection conn = oranet::connect(p);          // throws oranet::error
//   oranet::cursor cur = conn.cursor();
//
// Each throwing call has a (…, std::error_code&, diagnostics&) twin that
// never throws. After a fatal error (is_fatal()) the connection is dead:
// is_dead() says so and every later call fails with session_dead.
#pragma once

#include <oranet/connect_params.hpp>
#include <oranet/error.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace oranet {

class cursor;

namespace detail {
struct connection_impl;
}

class connection {
public:
    connection();  // not connected
    ~connection();
    connection(connection&&) noexcept;
    connection& operator=(connection&&) noexcept;
    connection(const connection&)            = delete;
    connection& operator=(const connection&) = delete;

    void connect(const connect_params& params);
    void connect(const connect_params& params, std::error_code& ec, diagnostics& diag);

    [[nodiscard]] bool is_open() const noexcept;  // logged in and not dead
    [[nodiscard]] bool is_dead() const noexcept;

    // AUTH_VERSION_STRING as the server sent it (e.g. "Oracle Database 23ai Free ...")
    // and the five numbers of AUTH_VERSION_NO (e.g. 19, 0, 0, 0, 0).
    [[nodiscard]] const std::string& server_version() const noexcept;
    [[nodiscard]] std::array<int, 5> server_version_numbers() const noexcept;

    void ping();
    void ping(std::error_code& ec, diagnostics& diag);
    void commit();
    void commit(std::error_code& ec, diagnostics& diag);
    void rollback();
    void rollback(std::error_code& ec, diagnostics& diag);
    // Logs off and closes the socket. Never throws; a dead connection just closes.
    void close() noexcept;

    void set_autocommit(bool on) noexcept;
    [[nodiscard]] bool autocommit() const noexcept;

    // Call timeout for the calls that follow (zero: off). A call still
    // waiting for the server when it runs out is broken off (a break marker;
    // the server stops the statement and confirms) and fails with
    // client_errc::call_timeout; the connection stays usable. Only a server
    // that does not confirm the break within a grace period (5 s), or a
    // timeout while the request is being written, kills the connection
    // (client_errc::timeout).
    void set_call_timeout(std::chrono::milliseconds t) noexcept;
    [[nodiscard]] std::chrono::milliseconds call_timeout() const noexcept;

    // Thread-safe: breaks off the call that runs now on this connection in
    // another thread (as python-oracledb's cancel() and node-oracledb's
    // break()). That call fails with ORA-01013 once the server confirmed
    // the break, which may take until the current statement step ends; the
    // connection stays usable. Does nothing between calls. Not to be called
    // while the connection connects, closes or is destroyed.
    void cancel() noexcept;

    // Statement cache: running a statement again on this connection reuses
    // its open server cursor (no parse; a re-execute when the binds keep
    // their types). Default connect_options::statement_cache_size.
    void set_statement_cache_size(std::size_t n);
    [[nodiscard]] std::size_t statement_cache_size() const noexcept;

    // End-to-end attributes (V$SESSION CLIENT_IDENTIFIER, MODULE, ACTION,
    // CLIENT_INFO). As the thin clients do, they travel piggybacked on the
    // next call that goes to the server, not in a round trip of their own.
    void set_client_identifier(std::string_view v);
    void set_module(std::string_view v);
    void set_action(std::string_view v);
    void set_client_info(std::string_view v);

    // A new cursor on this connection. The cursor must not outlive it.
    [[nodiscard]] oranet::cursor cursor();

    // The diagnostics of the last failed call made through a throwing
    // overload or a cursor.
    [[nodiscard]] const diagnostics& last_diagnostics() const noexcept;

    [[nodiscard]] detail::connection_impl& impl() noexcept { return *impl_; }

private:
    std::unique_ptr<detail::connection_impl> impl_;
};

[[nodiscard]] connection connect(const connect_params& params);
[[nodiscard]] connection connect(const connect_params& params, std::error_code& ec, diagnostics& diag);

}  // namespace oranet

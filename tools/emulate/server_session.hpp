// One client connection of the emulator, as a state machine: bytes from the
// client in, bytes to the client out. The listener and the database live
// here side by side, as in a dedicated-server connection: CONNECT ->
// RESEND/REFUSE/REDIRECT/ACCEPT, then ANO, protocol and data types negotiation,
// O5Logon, and the calls of the session. No I/O: server.cpp drives it.
#pragma once

#include "emulate/backend.hpp"
#include "emulate/lob_store.hpp"
#include "emulate/requests.hpp"
#include "emulate/server_context.hpp"

#include <oranet/auth/server.hpp>
#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/writer.hpp>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace oranet::emulate {

class server_session {
public:
    server_session(server_context& ctx, std::string peer);
    ~server_session();

    // Feeds bytes received from the client; the replies accumulate in the
    // output buffer.
    void on_bytes(proto::bytes_view data);
    // The client closed its side.
    void on_eof();
    // Thread-safe: server.cpp saw a break or interrupt marker arrive while
    // on_bytes runs a call on another thread. The statement is stopped and
    // the call's reply becomes a BREAK marker; after the client's RESET the
    // call ends with ORA-01013 (on_marker).
    void interrupt() noexcept;

    [[nodiscard]] std::vector<std::uint8_t> take_output();
    // True once the connection should be closed (after the output is sent).
    [[nodiscard]] bool finished() const noexcept { return state_ == state::closed; }

    enum class state : std::uint8_t { expect_connect, expect_connect_data, session, closed };
    [[nodiscard]] state current_state() const noexcept { return state_; }

private:
    struct cursor {
        std::string sql;
        std::vector<bind_meta> binds;
        exec_result result;
        std::size_t next_row = 0;
        bool is_query        = false;
        std::vector<bind_meta> defines;  // the client's define of the columns (LOB layout)
        bind_plan plan;                  // kind and bind directions of `sql`
        std::vector<bind_dir> io_dirs;   // the last I/O vector sent (PL/SQL)
        bool row_counts = false;         // the last full execute asked for per-row DML counts
    };
    // What one execute or re-execute asks for.
    struct exec_call {
        bool describe            = false;
        bool fetch               = false;
        std::uint32_t fetch_rows = 0;
        bool commit              = false;
        bool batch_errors        = false;
    };

    void on_packet(std::uint8_t type, std::uint8_t flags, proto::bytes_view payload);
    void on_connect(proto::bytes_view packet);
    void on_connect_data(std::string_view data);
    void on_marker(proto::bytes_view payload);
    void on_data(std::uint8_t flags, proto::bytes_view payload);
    void process_request();

    // TTC handlers: each appends one complete reply to `w`; a std::error_code
    // of `truncated` means the request is not complete yet.
    std::error_code handle_request(proto::reader& r, proto::writer& w);
    std::error_code handle_function(proto::reader& r, proto::writer& w, std::uint8_t code, std::uint8_t seq);
    std::error_code handle_auth_one(proto::reader& r, proto::writer& w);
    std::error_code handle_auth_two(proto::reader& r, proto::writer& w);
    std::error_code handle_execute(proto::reader& r, proto::writer& w);
    std::error_code handle_reexecute(proto::reader& r, proto::writer& w, bool and_fetch);
    std::error_code handle_fetch(proto::reader& r, proto::writer& w);
    std::error_code handle_lob_op(proto::reader& r, proto::writer& w, std::uint8_t seq);  // session_lob.cpp

    void run_cursor(std::uint32_t cursor_id, cursor& cur, std::vector<std::vector<wire_bind>>& bind_rows,
                    const exec_call& call, proto::writer& w);
    void run_plsql(std::uint32_t cursor_id, cursor& cur, const std::vector<wire_bind>& binds,
                   const exec_call& call, proto::writer& w);
    void run_dml(std::uint32_t cursor_id, cursor& cur, const std::vector<std::vector<wire_bind>>& bind_rows,
                 const exec_call& call, proto::writer& w);
    // A cursor of materialised rows (REF CURSOR, implicit result) under a new id.
    std::uint32_t open_result_cursor(query_rows rows);
    void write_exec_error(proto::writer& w, std::uint32_t cursor_id, const exec_result& res,
                          std::uint64_t rows);
    void write_rows(cursor& cur, std::uint32_t cursor_id, std::uint32_t max_rows, proto::writer& w);
    void write_ora_error(proto::writer& w, int code, const std::string& message, std::uint16_t cursor_id = 0,
                         std::uint16_t position = 0);
    // End-of-call status: 0x2 while a transaction is open (clients roll back at close).
    [[nodiscard]] std::uint32_t call_status() const { return sql_ && sql_->in_transaction() ? 0x2 : 0; }

    void send_packet(std::uint8_t type, std::uint8_t flags, proto::bytes_view payload, bool short_form);
    void send_data(proto::bytes_view ttc);
    void refuse(int err, const std::string& text);
    // --redirect-to: REDIRECT to the target with the client's connect data.
    void redirect(std::string_view connect_data);
    void log_info(const std::string& msg);
    void log_error(const std::string& msg);

    server_context& ctx_;
    std::string peer_;
    state state_ = state::expect_connect;
    std::vector<std::uint8_t> in_;
    std::vector<std::uint8_t> out_;
    std::vector<std::uint8_t> request_;  // TTC bytes of the request being assembled
    bool large_sdu_                    = false;
    bool resent_                       = false;
    std::uint16_t version_             = 0;
    std::uint32_t sdu_                 = 8192;
    std::uint32_t pending_connect_len_ = 0;
    std::string service_;

    proto::ttc::caps caps_;
    bool authenticated_ = false;
    std::optional<user_spec> user_;
    std::string user_name_;
    std::unique_ptr<auth::o5logon_server> o5logon_;  // between auth phase one and two
    std::uint32_t session_id_ = 0;
    std::unique_ptr<sql_session> sql_;
    std::map<std::uint32_t, cursor> cursors_;
    // Break handling (issue 7): interrupt() comes from the reader thread.
    std::mutex interrupt_mu_;
    sql_session* running_sql_ = nullptr;  // sql_ while a call runs, for interrupt()
    std::atomic<bool> interrupted_{false};
    bool in_break_ = false;  // a break is under way: data is dropped until the client's RESET
    void begin_break();      // sends our BREAK marker
    std::uint32_t next_cursor_       = 1;
    std::unique_ptr<lob_store> lobs_ = std::make_unique<lob_store>();  // fetched and temporary LOBs
};

}  // namespace oranet::emulate

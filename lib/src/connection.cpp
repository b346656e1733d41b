#include "detail/connection_impl.hpp"
#include "detail/connector.hpp"

#include <oranet/auth/client.hpp>
#include <oranet/connect_descriptor.hpp>
#include <oranet/connection.hpp>
#include <oranet/cursor.hpp>
#include <oranet/easy_connect.hpp>
#include <oranet/logging.hpp>
#include <oranet/proto/ttc/function_header.hpp>
#include <oranet/proto/ttc/simple_calls.hpp>
#include <oranet/version.hpp>

#include <spdlog/spdlog.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <random>
#include <thread>
#include <unistd.h>

namespace oranet {
namespace detail {
namespace {

namespace ttc = proto::ttc;
using ms      = std::chrono::milliseconds;

std::uint32_t to_ms(ms t) {
    if (t.count() <= 0) return 0;
    return t.count() > 0x7fffffff ? 0x7fffffffu : static_cast<std::uint32_t>(t.count());
}

std::string default_program() {
    std::ifstream in("/proc/self/comm");
    std::string s;
    std::getline(in, s);
    return s.empty() ? std::string("oranet") : s;
}

std::string default_machine() {
    char b[256] = {};
    if (gethostname(b, sizeof b - 1) != 0) return "localhost";
    return b;
}

// The AUTH_ALTER_SESSION statement both thin clients send in auth phase two:
// the session time zone becomes the client's (ORA_SDTZ when set, as
// python-oracledb and node-oracledb honour it; else the local UTC offset
// now). python-oracledb's form, NUL included (node writes the same
// statement as TIME_ZONE =...).
std::string alter_time_zone_statement() {
    std::string tz;
    if (const char* e = std::getenv("ORA_SDTZ"); e != nullptr && *e != 0) {
        std::string v(e);
        std::string up;
        for (char c : v)
            up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (up == "LOCAL" || up == "DBTIMEZONE") {
            tz = v;
        } else {
            tz = "'";
            for (char c : v)
                tz += c == '\'' ? std::string("''") : std::string(1, c);
            tz += "'";
        }
    } else {
        const std::time_t now = std::time(nullptr);
        std::tm local{};
        localtime_r(&now, &local);
        long off        = local.tm_gmtoff / 60;  // minutes east of UTC
        const char sign = off < 0 ? '-' : '+';
        off             = off < 0 ? -off : off;
        char buf[16]    = {};
        std::snprintf(buf, sizeof buf, "'%c%02ld:%02ld'", sign, off / 60, off % 60);
        tz = buf;
    }
    return "ALTER SESSION SET TIME_ZONE=" + tz + std::string(1, '\0');
}

std::string default_os_user() {
    if (const char* u = std::getenv("USER"); u != nullptr && *u != 0) return u;
    return "oranet";
}

class o5logon_hooks final : public auth_hooks {
public:
    o5logon_hooks(const proto::session::client_session& s, const connect_params& p, spdlog::logger& log,
                  diagnostics& diag)
        : session_(s), params_(p), log_(log), diag_(diag), client_({p.options.require_12c_verifier}) {}

    std::error_code respond(ttc::phase_two_values& out) override {
        const auto& reply = session_.auth_phase_one();
        auth::phase_one_params sp;
        sp.sesskey       = std::string(ttc::auth_value(reply, "AUTH_SESSKEY").value_or(""));
        sp.vfr_data      = std::string(ttc::auth_value(reply, "AUTH_VFR_DATA").value_or(""));
        sp.verifier_type = ttc::verifier_type(reply);
        sp.csk_salt      = std::string(ttc::auth_value(reply, "AUTH_PBKDF2_CSK_SALT").value_or(""));
        sp.vgen_count    = std::string(ttc::auth_value(reply, "AUTH_PBKDF2_VGEN_COUNT").value_or(""));
        sp.sder_count    = std::string(ttc::auth_value(reply, "AUTH_PBKDF2_SDER_COUNT").value_or(""));
        auth::phase_two_request req;
        std::optional<std::string_view> new_password;
        if (!params_.new_password.empty()) new_password = params_.new_password.view();
        if (auto ec = client_.respond(sp, params_.password.view(), new_password, req)) {
            diag_.client_message = client_.diagnostics();
            return ec;
        }
        if (client_.weak_verifier())
            log_.warn(
                "server offered the 11g password verifier (0x{:x}) for user {}; ask the DBA for a 12c "
                "verifier",
                client_.verifier(), params_.user);
        out.session_key      = req.sesskey;
        out.encoded_password = req.password;
        if (!req.speedy_key.empty()) out.speedy_key = req.speedy_key;
        if (!req.newpassword.empty()) out.encoded_new_password = req.newpassword;
        out.alter_session  = alter_time_zone_statement();
        out.driver_name    = "oranet : " + std::string(version_string);
        out.client_version = std::to_string(ORANET_VERSION_MAJOR * 100000000 +
                                            ORANET_VERSION_MINOR * 1000000 + ORANET_VERSION_PATCH * 10000);
        return {};
    }

    std::error_code verify() override {
        const auto resp = ttc::auth_value(session_.auth_phase_two(), "AUTH_SVR_RESPONSE");
        if (auto ec = client_.verify_server(resp.value_or(""))) {
            diag_.client_message =
                client_.diagnostics().empty() ? "AUTH_SVR_RESPONSE did not verify" : client_.diagnostics();
            return ec;
        }
        return {};
    }

private:
    const proto::session::client_session& session_;
    const connect_params& params_;
    spdlog::logger& log_;
    diagnostics& diag_;
    auth::o5logon_client client_;
};

void fill_from_server(const proto::session::client_session& s, std::error_code ec, diagnostics& diag) {
    if (ec.category() != ora_category()) return;
    const auto& e = s.last_error();
    if (e.error_number != 0) {
        diag.server_message = e.message;
        while (!diag.server_message.empty() && diag.server_message.back() == '\n')
            diag.server_message.pop_back();
        if (e.error_position > 0) diag.offset = static_cast<std::uint32_t>(e.error_position);
        diag.row_count = e.row_count;
    } else if (!s.refuse_text().empty()) {
        diag.server_message = s.refuse_text();
    }
}

}  // namespace

namespace {

// Characters that would change the descriptor's structure become '?'.
std::string descriptor_safe(std::string s) {
    for (auto& c : s)
        if (c == '(' || c == ')' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '?';
    return s;
}

}  // namespace

std::string make_connect_data(const std::string& host, std::uint16_t port, const std::string& service,
                              const std::string& program_in, const std::string& machine_in,
                              const std::string& os_user_in) {
    const std::string program = descriptor_safe(program_in);
    const std::string machine = descriptor_safe(machine_in);
    const std::string os_user = descriptor_safe(os_user_in);
    return "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=" + host + ")(PORT=" + std::to_string(port) +
           "))(CONNECT_DATA=(SERVICE_NAME=" + service + ")(CID=(PROGRAM=" + program + ")(HOST=" + machine +
           ")(USER=" + os_user + "))))";
}

void write_end_to_end_piggyback(proto::writer& w, const end_to_end_attrs& a, std::uint8_t seq,
                                const ttc::caps& c) {
    // Layout of python-oracledb's set-end-to-end-attributes piggyback
    // (function 135): flags saying which attributes changed, a pointer and
    // length per attribute, then the texts of the changed ones.
    constexpr std::uint32_t flag_client_identifier = 0x0001;
    constexpr std::uint32_t flag_module            = 0x0008;
    constexpr std::uint32_t flag_action            = 0x0010;
    constexpr std::uint32_t flag_client_info       = 0x0100;
    std::uint32_t flags                            = 0;
    if (a.client_identifier) flags |= flag_client_identifier;
    if (a.module) flags |= flag_module;
    if (a.action) flags |= flag_action;
    if (a.client_info) flags |= flag_client_info;
    ttc::encode(
        w,
        ttc::function_header{ttc::message_type::piggyback, ttc::function_code::set_end_to_end_attr, seq, 0},
        c);
    w.u8(0);  // pointer (cidnam)
    w.u8(0);  // pointer (cidser)
    w.ub4(flags);
    auto header = [&](const std::optional<std::string>& v) {
        w.u8(v ? 1 : 0);
        w.ub4(v ? static_cast<std::uint32_t>(v->size()) : 0);
    };
    header(a.client_identifier);
    header(a.module);
    header(a.action);
    w.u8(0);  // pointer (cideci)
    w.ub4(0);
    w.u8(0);   // cidcct
    w.ub4(0);  // cidecs
    header(a.client_info);
    w.u8(0);  // pointer (cidkstk)
    w.ub4(0);
    w.u8(0);  // pointer (cidktgt)
    w.ub4(0);
    w.u8(0);  // pointer (dbop)
    w.ub4(0);
    for (const auto* v : {&a.client_identifier, &a.module, &a.action, &a.client_info})
        if (*v && !(*v)->empty()) w.bytes_with_length(std::string_view(**v));
}

std::error_code connection_impl::login(const connect_params& p, ms budget, diagnostics& diag) {
    proto::session::connect_request req;
    easy_connect ez;
    (void)parse_easy_connect(p.connect_string, ez);
    const std::string program = options.program.empty() ? default_program() : options.program;
    const std::string machine = options.machine.empty() ? default_machine() : options.machine;
    const std::string os_user = options.os_user.empty() ? default_os_user() : options.os_user;
    req.connect_data          = !connect_data.empty()
                                    ? connect_data
                                    : make_connect_data(ez.host, ez.port, ez.service, program, machine, os_user);
    req.sdu                   = options.sdu;
    req.redirected            = redirected;
    req.user                  = p.user;
    req.identity.terminal     = options.terminal;
    req.identity.program      = program;
    req.identity.machine      = machine;
    req.identity.os_user      = os_user;
    req.identity.pid          = std::to_string(::getpid());
    req.timeout_ms            = budget.count() <= 0 ? 0 : std::max<std::uint32_t>(1, to_ms(budget));
    if (log->should_log(spdlog::level::trace)) {
        sink = std::make_unique<log_trace_sink>(*log);
        session.set_trace_sink(sink.get());
    }
    o5logon_hooks hooks(session, p, *log, diag);
    run_stats stats;
    const auto ec = run_sync(*io, session, session.start_connect(std::move(req)), &hooks, *log, stats);
    if (ec) {
        fill_from_server(session, ec, diag);
        io->close();
        return ec;
    }
    const auto& two = session.auth_phase_two();
    server_version  = std::string(ttc::auth_value(two, "AUTH_VERSION_STRING").value_or(""));
    if (auto n = ttc::auth_value(two, "AUTH_VERSION_NO")) {
        const auto packed = static_cast<std::uint32_t>(std::strtoul(std::string(*n).c_str(), nullptr, 10));
        const auto parts  = ttc::unpack_version_number(packed, session.caps());
        for (std::size_t i = 0; i < 5; ++i)
            version_numbers[i] = parts[i];
    }
    return {};
}

std::error_code connection_impl::call(const char* name, const std::function<void(proto::writer&)>& body,
                                      proto::session::reply_handler* handler, bool no_data_found_is_end,
                                      ms timeout, diagnostics& diag) {
    diag.clear();
    if (session.is_dead()) return client_errc::session_dead;
    if (!session.is_ready()) return client_errc::not_connected;
    proto::writer w;
    if (pending.any()) write_end_to_end_piggyback(w, pending, session.next_seq(), session.caps());
    if (!cursors_to_close.empty()) {
        ttc::close_cursors_piggyback pb;
        pb.seq        = session.next_seq();
        pb.cursor_ids = cursors_to_close;
        ttc::encode(w, pb, session.caps());
    }
    body(w);
    if (!w.ok()) return w.error();
    proto::session::call_request req;
    req.ttc                  = w.data();
    req.handler              = handler;
    req.timeout_ms           = to_ms(timeout.count() > 0 ? timeout : call_timeout);
    req.no_data_found_is_end = no_data_found_is_end;
    const auto start         = std::chrono::steady_clock::now();
    run_stats stats;
    io->begin_call();
    const auto ec = run_sync(*io, session, session.start_call(req), nullptr, *log, stats);
    if (!session.is_dead()) {
        pending = {};
        cursors_to_close.clear();
    }
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
            .count();
    log->debug("{}: {} round trip(s), {} bytes out, {} bytes in, {} us{}", name, stats.round_trips,
               stats.bytes_out, stats.bytes_in, us, ec ? " -> " + error_code_text(ec) : std::string());
    if (ec) {
        fill_from_server(session, ec, diag);
        if (ec == client_errc::call_timeout)
            diag.client_message = std::string("call timeout of ") + std::to_string(req.timeout_ms) +
                                  " ms exceeded; the call was broken off and the connection is still usable";
        else if (ec == client_errc::timeout && req.timeout_ms > 0)
            diag.client_message = std::string("call timeout of ") + std::to_string(req.timeout_ms) +
                                  " ms exceeded and the server did not confirm the break; the connection "
                                  "is closed";
        if (session.is_dead() || is_fatal(ec)) {
            io->close();
            if (!session.is_dead()) {
                // An ORA error the server reports as fatal (e.g. the session was killed).
                (void)session.on_io_error(ec);
            }
            log->error("connection to {} is dead: {}", where, format_error(ec, diag));
        }
    }
    return ec;
}

void connection_impl::close() noexcept {
    try {
        if (session.is_ready()) {
            run_stats stats;
            const auto budget = call_timeout.count() > 0 ? call_timeout : ms(5000);
            (void)run_sync(*io, session, session.start_close(to_ms(budget)), nullptr, *log, stats);
            log->info("closed connection to {}", where);
        }
    } catch (...) {
    }
    if (io) io->close();
}

// "ORA-12514: <generic text> (client detail)": why one address failed, for
// the connector's list of the addresses it tried.
std::string attempt_reason(std::error_code ec, const diagnostics& d) {
    std::string r = error_code_text(ec) + ": " + ec.message();
    if (!d.client_message.empty()) r += " (" + d.client_message + ")";
    return r;
}

}  // namespace detail

connection::connection() : impl_(std::make_unique<detail::connection_impl>()) {}
connection::~connection() {
    if (impl_) impl_->close();
}
connection::connection(connection&&) noexcept = default;
connection& connection::operator=(connection&& o) noexcept {
    if (this != &o) {
        if (impl_) impl_->close();
        impl_ = std::move(o.impl_);
    }
    return *this;
}

void connection::connect(const connect_params& p, std::error_code& ec, diagnostics& diag) {
    diag.clear();
    if (impl_ == nullptr) impl_ = std::make_unique<detail::connection_impl>();
    auto& im = *impl_;
    if (im.session.current_state() != proto::session::state::idle) {
        im.close();
        impl_ = std::make_unique<detail::connection_impl>();
    }
    impl_->options      = p.options;  // each attempt starts a fresh impl_ with the same settings
    impl_->log          = p.options.logger ? p.options.logger : default_logger();
    impl_->autocommit   = p.options.autocommit;
    impl_->call_timeout = p.options.call_timeout;
    // Any connect string (Easy Connect Plus, descriptor, tnsnames.ora alias)
    // to a descriptor; the connector walks its addresses (connector.hpp).
    description_list dl;
    if ((ec = resolve_connect_string(p.connect_string, {}, dl, diag))) return;
    const client_identity cid{p.options.program.empty() ? detail::default_program() : p.options.program,
                              p.options.machine.empty() ? detail::default_machine() : p.options.machine,
                              p.options.os_user.empty() ? detail::default_os_user() : p.options.os_user, ""};
    const auto start    = detail::steady::now();
    const auto deadline = detail::deadline_after(p.options.connect_timeout);
    int attempts        = 0;
    diagnostics attempt_diag;
    detail::connector_hooks hooks;
    hooks.sleep   = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    hooks.attempt = [&](const detail::connect_attempt& a) {
        ++attempts;
        attempt_diag.clear();
        impl_     = std::make_unique<detail::connection_impl>();
        auto& i   = *impl_;
        i.options = p.options;
        if (a.desc->sdu != 8192) i.options.sdu = a.desc->sdu;  // SDU in the descriptor wins over the default
        i.log          = p.options.logger ? p.options.logger : default_logger();
        i.autocommit   = p.options.autocommit;
        i.call_timeout = p.options.call_timeout;
        std::vector<std::uint32_t> none;
        i.stmt_cache.resize(p.options.statement_cache_size, none);
        i.where = a.address.host + ":" + std::to_string(a.address.port) + "/" + a.desc->data.service_name;
        i.connect_data  = a.connect_data;
        i.redirected    = a.redirects > 0;
        auto topts      = p.options;
        const auto& sec = a.desc->security;
        topts.use_tls   = topts.use_tls || a.address.protocol == net_protocol::tcps;
        if (topts.wallet_location.empty()) topts.wallet_location = sec.wallet_location;
        if (topts.server_cert_dn.empty()) topts.server_cert_dn = sec.ssl_server_cert_dn;
        topts.server_dn_match = topts.server_dn_match && sec.ssl_server_dn_match;
        if (!a.address.https_proxy.empty()) {
            topts.https_proxy      = a.address.https_proxy;
            topts.https_proxy_port = a.address.https_proxy_port;
        }
        if (a.desc->expire_time > 0) topts.expire_time = a.desc->expire_time;
        detail::attempt_result r;
        if ((r.ec = detail::open_transport(a.address.host, a.address.port, topts, a.transport_until, *i.log,
                                           i.io, attempt_diag.client_message))) {
            i.log->info("connect to {} failed: {}", i.where, format_error(r.ec, attempt_diag));
            r.message = detail::attempt_reason(r.ec, attempt_diag);
            return r;
        }
        // The login is bounded by this attempt's CONNECT_TIMEOUT (which the
        // connector already capped at the overall deadline), so a listener
        // that accepts TCP and never answers leaves time for the next address.
        const auto until = std::min(deadline, a.attempt_until);
        std::chrono::milliseconds budget{0};
        if (until != detail::deadline::max()) {
            budget = std::chrono::duration_cast<std::chrono::milliseconds>(until - detail::steady::now());
            if (budget.count() <= 0) {
                i.io->close();
                r.ec = client_errc::timeout;
                return r;
            }
        }
        if ((r.ec = i.login(p, budget, attempt_diag))) {
            if (r.ec == client_errc::tns_redirect) {
                r.redirect_data = i.session.redirect_data();
                i.log->info("{}: listener redirect", i.where);
                return r;
            }
            i.log->info("connect to {} as {} failed: {}", i.where, p.user, format_error(r.ec, attempt_diag));
            r.message = detail::attempt_reason(r.ec, attempt_diag);
        }
        return r;
    };
    std::mt19937 rng(std::random_device{}());
    ec = detail::connect_any(dl, cid, deadline, hooks, rng, diag);
    if (attempts == 1) {
        diag = attempt_diag;  // one address: its own words, as before
    } else if (ec) {
        diag.server_message = attempt_diag.server_message;
    }
    if (ec) return;
    auto& i = *impl_;
    const auto took =
        std::chrono::duration_cast<std::chrono::milliseconds>(detail::steady::now() - start).count();
    i.log->info("connected to {} as {} in {} ms (server \"{}\", SDU {}, TNS {}, TTC field version {})",
                i.where, p.user, took, i.server_version, i.session.sdu(), i.session.caps().protocol_version,
                unsigned{i.session.caps().ttc_field_version});
}

void connection::connect(const connect_params& p) {
    std::error_code ec;
    diagnostics diag;
    connect(p, ec, diag);
    throw_on_error(ec, diag);
}

bool connection::is_open() const noexcept { return impl_ && impl_->session.is_ready(); }
bool connection::is_dead() const noexcept { return impl_ && impl_->session.is_dead(); }
const std::string& connection::server_version() const noexcept { return impl_->server_version; }
std::array<int, 5> connection::server_version_numbers() const noexcept { return impl_->version_numbers; }

namespace {

template <class Request>
void simple_call(detail::connection_impl& i, const char* name, std::error_code& ec, diagnostics& diag) {
    ec = i.call(
        name,
        [&](proto::writer& w) {
            Request m;
            m.seq = i.session.next_seq();
            proto::ttc::encode(w, m, i.session.caps());
        },
        nullptr, false, std::chrono::milliseconds(0), diag);
}

void throwing(detail::connection_impl& i, std::error_code ec, diagnostics& diag) {
    if (ec) {
        i.last_diag = diag;
        throw error(ec, diag);
    }
}

}  // namespace

void connection::ping(std::error_code& ec, diagnostics& diag) {
    simple_call<proto::ttc::ping_request>(*impl_, "ping", ec, diag);
}
void connection::commit(std::error_code& ec, diagnostics& diag) {
    simple_call<proto::ttc::commit_request>(*impl_, "commit", ec, diag);
}
void connection::rollback(std::error_code& ec, diagnostics& diag) {
    simple_call<proto::ttc::rollback_request>(*impl_, "rollback", ec, diag);
}
void connection::ping() {
    std::error_code ec;
    diagnostics d;
    ping(ec, d);
    throwing(*impl_, ec, d);
}
void connection::commit() {
    std::error_code ec;
    diagnostics d;
    commit(ec, d);
    throwing(*impl_, ec, d);
}
void connection::rollback() {
    std::error_code ec;
    diagnostics d;
    rollback(ec, d);
    throwing(*impl_, ec, d);
}

void connection::close() noexcept {
    if (impl_) impl_->close();
}

void connection::set_autocommit(bool on) noexcept { impl_->autocommit = on; }
bool connection::autocommit() const noexcept { return impl_->autocommit; }
void connection::set_call_timeout(std::chrono::milliseconds t) noexcept { impl_->call_timeout = t; }

void connection::cancel() noexcept {
    if (impl_ && impl_->io) impl_->io->interrupt_call();
}
void connection::set_statement_cache_size(std::size_t n) {
    // Statements beyond the new size close with the next call.
    impl_->stmt_cache.resize(n, impl_->cursors_to_close);
}
std::size_t connection::statement_cache_size() const noexcept { return impl_->stmt_cache.size(); }
std::chrono::milliseconds connection::call_timeout() const noexcept { return impl_->call_timeout; }
void connection::set_client_identifier(std::string_view v) {
    impl_->pending.client_identifier = std::string(v);
}
void connection::set_module(std::string_view v) { impl_->pending.module = std::string(v); }
void connection::set_action(std::string_view v) { impl_->pending.action = std::string(v); }
void connection::set_client_info(std::string_view v) { impl_->pending.client_info = std::string(v); }
const diagnostics& connection::last_diagnostics() const noexcept { return impl_->last_diag; }

oranet::cursor connection::cursor() { return oranet::cursor(*this); }

connection connect(const connect_params& params) {
    connection c;
    c.connect(params);
    return c;
}

connection connect(const connect_params& params, std::error_code& ec, diagnostics& diag) {
    connection c;
    c.connect(params, ec, diag);
    return c;
}

}  // namespace oranet

// server_session: the packet writers and O5Logon (auth phases one and two).
#include "emulate/profile.hpp"
#include "emulate/server_session.hpp"
#include "emulate/ttc_replies.hpp"

#include <oranet/proto/ttc/constants.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>

namespace oranet::emulate {

namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

}  // namespace

void server_session::send_packet(std::uint8_t type, std::uint8_t flags, proto::bytes_view payload,
                                 bool short_form) {
    const std::size_t len = 8 + payload.size();
    if (short_form || !large_sdu_) {
        out_.push_back(static_cast<std::uint8_t>(len >> 8));
        out_.push_back(static_cast<std::uint8_t>(len));
        out_.push_back(0);
        out_.push_back(0);
    } else {
        for (int i = 3; i >= 0; --i)
            out_.push_back(static_cast<std::uint8_t>(len >> (i * 8)));
    }
    out_.push_back(type);
    out_.push_back(flags);
    out_.push_back(0);
    out_.push_back(0);
    out_.insert(out_.end(), payload.begin(), payload.end());
}

void server_session::send_data(proto::bytes_view ttc) {
    const std::size_t max_payload = std::max<std::size_t>(sdu_, 512) - 10;
    std::size_t pos               = 0;
    do {
        const std::size_t n = std::min(max_payload, ttc.size() - pos);
        std::vector<std::uint8_t> payload;
        payload.reserve(n + 2);
        payload.push_back(0);  // data flags
        payload.push_back(0);
        payload.insert(payload.end(), ttc.begin() + static_cast<std::ptrdiff_t>(pos),
                       ttc.begin() + static_cast<std::ptrdiff_t>(pos + n));
        send_packet(6, 0, payload, false);
        pos += n;
    } while (pos < ttc.size());
}

std::error_code server_session::handle_auth_one(proto::reader& r, proto::writer& w) {
    auth_request req;
    if (auto ec = decode_auth(r, caps_, req)) return ec;
    user_name_ = upper(req.user);
    user_      = ctx_.users->find(req.user);
    // An unknown user gets a challenge all the same (for a random password)
    // and fails in phase two, so that the reply does not tell which user
    // names exist.
    const auto type      = user_ && user_->verifier == verifier_kind::v11g ? auth::verifier_type::v11g_1
                                                                           : auth::verifier_type::v12c;
    std::string password = user_ ? user_->password : std::string{};
    if (!user_) {
        std::uint8_t noise[16];
        (void)auth::system_random()(noise);
        password.assign(reinterpret_cast<const char*>(noise), sizeof noise);
    }
    auth::stored_verifier verifier;
    auth::phase_one_params p1;
    if (auth::make_verifier(type, password, auth::system_random(), verifier)) {
        write_ora_error(w, 1017, "ORA-01017: invalid username/password; logon denied");
        return {};
    }
    o5logon_ = std::make_unique<auth::o5logon_server>(verifier);
    if (o5logon_->challenge(p1)) {
        write_ora_error(w, 1017, "ORA-01017: invalid username/password; logon denied");
        return {};
    }
    std::vector<kv_pair> kvs;
    kvs.push_back({"AUTH_SESSKEY", p1.sesskey, 0});
    kvs.push_back({"AUTH_VFR_DATA", p1.vfr_data, p1.verifier_type});
    if (!p1.csk_salt.empty()) kvs.push_back({"AUTH_PBKDF2_CSK_SALT", p1.csk_salt, 0});
    if (!p1.vgen_count.empty()) kvs.push_back({"AUTH_PBKDF2_VGEN_COUNT", p1.vgen_count, 0});
    if (!p1.sder_count.empty()) kvs.push_back({"AUTH_PBKDF2_SDER_COUNT", p1.sder_count, 0});
    kvs.push_back({"AUTH_GLOBALLY_UNIQUE_DBID", "4F52414E4554454D554C41544F523031", 0});
    write_auth_parameters(w, kvs);
    error_block e;
    write_error(w, e, caps_);
    return {};
}

std::error_code server_session::handle_auth_two(proto::reader& r, proto::writer& w) {
    auth_request req;
    if (auto ec = decode_auth(r, caps_, req)) return ec;
    const auto deny = [&] {
        log_info("login denied for " + user_name_ + " (ORA-01017)");
        write_ora_error(w, 1017, "ORA-01017: invalid username/password; logon denied");
        return std::error_code{};
    };
    if (!user_ || !o5logon_) return deny();
    auth::phase_two_request p2;
    auto value_of = [&](std::string_view key) {
        const std::string* v = req.find(key);
        return v != nullptr ? *v : std::string{};
    };
    p2.sesskey     = value_of("AUTH_SESSKEY");
    p2.password    = value_of("AUTH_PASSWORD");
    p2.newpassword = value_of("AUTH_NEWPASSWORD");
    p2.speedy_key  = value_of("AUTH_PBKDF2_SPEEDY_KEY");
    auth::server_verdict verdict;
    if (o5logon_->check(p2, verdict)) return deny();
    o5logon_.reset();
    if (user_->expired) {
        if (!verdict.password_change || verdict.new_password.size() == 0) {
            log_info("login of " + user_name_ + ": password expired (ORA-28001)");
            write_ora_error(w, 28001, "ORA-28001: the password has expired");
            return {};
        }
        ctx_.users->change_password(user_->name,
                                    std::string(reinterpret_cast<const char*>(verdict.new_password.data()),
                                                verdict.new_password.size()));
        log_info("password of " + user_name_ + " changed at login");
    }

    session_id_                = ctx_.next_session_id.fetch_add(1);
    const std::uint32_t serial = 1000 + session_id_ % 50000;
    sql_ = ctx_.backend->open_session(upper(user_->name), session_id_, serial, service_);
    if (!sql_) {
        write_ora_error(w, 1034, "ORA-01034: ORACLE not available");
        return {};
    }
    if (const std::string* alter = req.find("AUTH_ALTER_SESSION")) {
        std::string stmt = *alter;
        while (!stmt.empty() && stmt.back() == '\0')
            stmt.pop_back();
        (void)sql_->execute(stmt, {});  // errors here do not fail the login
    }
    authenticated_ = true;

    const profile_info& p = info_of(ctx_.opts.prof);

    std::vector<kv_pair> kvs;
    kvs.push_back({"AUTH_VERSION_STRING", "- Production", 0});
    kvs.push_back({"AUTH_VERSION_SQL", "24", 0});
    kvs.push_back({"AUTH_XACTION_TRAITS", "3", 0});
    kvs.push_back({"AUTH_VERSION_NO", std::to_string(auth_version_no(p, caps_.ttc_field_version)), 0});
    kvs.push_back({"AUTH_VERSION_STATUS", "0", 0});
    kvs.push_back({"AUTH_CAPABILITY_TABLE", "", 0});
    kvs.push_back({"AUTH_DBNAME", service_, 0});
    kvs.push_back({"AUTH_DB_MOUNT_ID", "1", 0});
    kvs.push_back({"AUTH_DB_ID", "1", 0});
    kvs.push_back({"AUTH_USER_ID", "100", 0});
    kvs.push_back({"AUTH_SESSION_ID", std::to_string(session_id_), 0});
    kvs.push_back({"AUTH_SERIAL_NUM", std::to_string(serial), 0});
    kvs.push_back({"AUTH_INSTANCE_NO", "1", 0});
    kvs.push_back({"AUTH_FAILOVER_ID", "1", 0});
    kvs.push_back({"AUTH_SERVER_PID", std::to_string(session_id_), 0});
    kvs.push_back({"AUTH_SC_SERVER_HOST", "oranet-emulate", 0});
    kvs.push_back({"AUTH_SC_DBUNIQUE_NAME", "ORANET", 0});
    kvs.push_back({"AUTH_SC_INSTANCE_NAME", "ORANET", 0});
    kvs.push_back({"AUTH_SC_INSTANCE_ID", "1", 0});
    kvs.push_back({"AUTH_SC_DB_DOMAIN", "", 0});
    kvs.push_back({"AUTH_SC_SERVICE_NAME", service_, 0});
    kvs.push_back({"AUTH_INSTANCENAME", "ORANET", 0});
    kvs.push_back({"AUTH_MAX_OPEN_CURSORS", "300", 0});
    kvs.push_back({"AUTH_MAX_IDEN_LENGTH", std::to_string(p.max_identifier_length), 0});
    kvs.push_back({"AUTH_NLS_LXCCHARSET",
                   ctx_.opts.charset_id == 873   ? "AL32UTF8"
                   : ctx_.opts.charset_id == 178 ? "WE8MSWIN1252"
                                                 : "WE8ISO8859P1",
                   0});
    kvs.push_back({"AUTH_SVR_RESPONSE", verdict.svr_response, 0});
    write_auth_parameters(w, kvs);
    error_block e;
    write_error(w, e, caps_);
    log_info("login " + user_name_ + " (session " + std::to_string(session_id_) + ")");
    return {};
}

}  // namespace oranet::emulate

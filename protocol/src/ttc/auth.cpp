#include <oranet/proto/ttc/auth.hpp>

namespace oranet::proto::ttc {

namespace {

constexpr std::size_t max_pairs = 4096;

bool expect_type(reader& r, message_type t) {
    const std::uint8_t got = r.u8("message_type");
    if (r.ok() && got != static_cast<std::uint8_t>(t)) r.fail(client_errc::ttc_unexpected_message);
    return r.ok();
}

std::string_view trim_nul(std::string_view s) noexcept {
    while (!s.empty() && s.back() == '\0')
        s.remove_suffix(1);
    return s;
}

}  // namespace

auth_request make_auth_phase_one(std::string user, std::uint32_t mode, const client_identity& id) {
    auth_request m;
    m.code      = function_code::auth_phase_one;
    m.user      = std::move(user);
    m.auth_mode = mode;
    m.pairs     = {
            {"AUTH_TERMINAL", id.terminal, 0}, {"AUTH_PROGRAM_NM", id.program, 0},
            {"AUTH_MACHINE", id.machine, 0},   {"AUTH_PID", id.pid, 0},
            {"AUTH_SID", id.os_user, 0},
    };
    return m;
}

auth_request make_auth_phase_two(std::string user, std::uint32_t mode, const phase_two_values& v) {
    auth_request m;
    m.code      = function_code::auth_phase_two;
    m.user      = std::move(user);
    m.auth_mode = mode | auth_mode::with_password;
    if (v.encoded_new_password) m.auth_mode |= auth_mode::change_password;
    // Order as python-oracledb sends them.
    m.pairs.push_back({"AUTH_SESSKEY", v.session_key, 1});
    if (v.speedy_key) m.pairs.push_back({"AUTH_PBKDF2_SPEEDY_KEY", *v.speedy_key, 0});
    m.pairs.push_back({"AUTH_PASSWORD", v.encoded_password, 0});
    if (v.encoded_new_password) m.pairs.push_back({"AUTH_NEWPASSWORD", *v.encoded_new_password, 0});
    m.pairs.push_back({"SESSION_CLIENT_CHARSET", "873", 0});
    m.pairs.push_back({"SESSION_CLIENT_DRIVER_NAME", v.driver_name, 0});
    m.pairs.push_back({"SESSION_CLIENT_VERSION", v.client_version, 0});
    if (v.alter_session) m.pairs.push_back({"AUTH_ALTER_SESSION", *v.alter_session, 1});
    if (v.edition) m.pairs.push_back({"AUTH_ORA_EDITION", *v.edition, 0});
    if (v.connect_string) m.pairs.push_back({"AUTH_CONNECT_STRING", *v.connect_string, 0});
    return m;
}

void encode(writer& w, const auth_request& m, const caps& c) {
    w.u8(static_cast<std::uint8_t>(message_type::function));
    w.u8(static_cast<std::uint8_t>(m.code));
    w.u8(m.seq);
    if (c.at_least(field_version::v23_1_ext1)) w.ub8(m.token);
    w.u8(m.user.empty() ? 0 : 1);
    w.ub4(static_cast<std::uint32_t>(m.user.size()));
    w.ub4(m.auth_mode);
    w.u8(m.pairs_pointer);
    w.ub4(static_cast<std::uint32_t>(m.pairs.size()));
    w.u8(m.out_pointer);
    w.u8(m.out_length_pointer);
    if (!m.user.empty()) {
        if (c.conv_length())
            w.bytes_with_length(m.user);
        else
            w.bytes(m.user);  // PEER-NOTES 1: no CONV_LENGTH, the UB4 above is the only length
    }
    encode_pairs(w, m.pairs);
}

std::error_code decode(reader& r, auth_request& m, const caps& c) {
    r.begin("auth_request");
    if (!expect_type(r, message_type::function)) return r.error();
    const std::uint8_t code = r.u8("function_code");
    if (r.ok() && code != static_cast<std::uint8_t>(function_code::auth_phase_one) &&
        code != static_cast<std::uint8_t>(function_code::auth_phase_two))
        r.fail(client_errc::ttc_unexpected_message);
    m.code  = static_cast<function_code>(code);
    m.seq   = r.u8("seq");
    m.token = c.at_least(field_version::v23_1_ext1) ? r.ub8("token") : 0;  // 23.1 ext 1 and later
    const std::uint8_t has_user     = r.u8("user_pointer");
    const std::uint32_t user_length = r.ub4("user_length");
    m.auth_mode                     = r.ub4("auth_mode");
    m.pairs_pointer                 = r.u8("pairs_pointer");
    const std::uint32_t n           = r.ub4("pair_count");
    m.out_pointer                   = r.u8("out_pointer");
    m.out_length_pointer            = r.u8("out_length_pointer");
    m.user.clear();
    if (has_user != 0 && user_length > 0) {
        if (c.conv_length()) {
            std::vector<std::uint8_t> scratch;
            const opt_bytes u = r.bytes_with_length(scratch, "user", field_kind::text);
            if (r.ok() && !u.null) m.user.assign(reinterpret_cast<const char*>(u.data.data()), u.data.size());
            if (r.ok() && m.user.size() != user_length) r.fail(client_errc::malformed);
        } else {
            const bytes_view u = r.bytes(user_length, "user", field_kind::text);  // raw (PEER-NOTES 1)
            m.user.assign(reinterpret_cast<const char*>(u.data()), u.size());
        }
    }
    const std::size_t count = r.count(n, max_pairs, min_key_value_size, "pair_count");
    (void)decode_pairs(r, count, m.pairs);
    r.end();
    return r.error();
}

void encode(writer& w, const auth_reply& m) {
    w.u8(static_cast<std::uint8_t>(message_type::parameter));
    w.ub2(static_cast<std::uint16_t>(m.pairs.size()));
    encode_pairs(w, m.pairs);
}

std::error_code decode(reader& r, auth_reply& m) {
    if (!expect_type(r, message_type::parameter)) return r.error();
    return decode_body(r, m);
}

std::error_code decode_body(reader& r, auth_reply& m) {
    r.begin("auth_reply");
    const std::size_t n = r.count(r.ub2("pair_count"), max_pairs, min_key_value_size, "pair_count");
    (void)decode_pairs(r, n, m.pairs);
    r.end();
    return r.error();
}

std::optional<std::string_view> auth_value(const auth_reply& m, std::string_view key) noexcept {
    for (const auto& kv : m.pairs)
        if (trim_nul(kv.key) == key) return std::string_view(kv.value);
    return std::nullopt;
}

std::uint32_t verifier_type(const auth_reply& m) noexcept {
    for (const auto& kv : m.pairs)
        if (trim_nul(kv.key) == "AUTH_VFR_DATA") return kv.flags;
    return 0;
}

auth_reply make_phase_one_reply(const phase_one_values& v) {
    auth_reply m;
    m.pairs.push_back({"AUTH_SESSKEY", v.session_key, 0});
    m.pairs.push_back({"AUTH_VFR_DATA", v.verifier_data, v.verifier_type});
    m.pairs.push_back({"AUTH_PBKDF2_CSK_SALT", v.csk_salt, 0});
    if (v.verifier_type == verifier_12c) m.pairs.push_back({"AUTH_PBKDF2_VGEN_COUNT", v.vgen_count, 0});
    m.pairs.push_back({"AUTH_PBKDF2_SDER_COUNT", v.sder_count, 0});
    if (v.globally_unique_dbid) m.pairs.push_back({"AUTH_GLOBALLY_UNIQUE_DBID", *v.globally_unique_dbid, 0});
    return m;
}

auth_reply make_phase_two_reply(const phase_two_reply_values& v, const caps& c) {
    auth_reply m;
    auto add = [&m](std::string k, std::string val) { m.pairs.push_back({std::move(k), std::move(val), 0}); };
    add("AUTH_VERSION_STRING", v.version_string);
    add("AUTH_VERSION_SQL", "24");
    add("AUTH_XACTION_TRAITS", "3");
    add("AUTH_VERSION_NO", std::to_string(pack_version_number(v.version, c)));
    add("AUTH_VERSION_STATUS", "0");
    add("AUTH_CAPABILITY_TABLE", "");
    add("AUTH_DBNAME", v.db_name);
    add("AUTH_SESSION_ID", v.session_id);
    add("AUTH_SERIAL_NUM", v.serial_num);
    add("AUTH_INSTANCE_NO", "1");
    add("AUTH_SC_SERVICE_NAME", v.service_name);
    add("AUTH_INSTANCENAME", v.instance_name);
    if (!v.server_response.empty()) add("AUTH_SVR_RESPONSE", v.server_response);
    add("AUTH_MAX_OPEN_CURSORS", v.max_open_cursors);
    add("AUTH_MAX_IDEN_LENGTH", v.max_identifier_length);
    return m;
}

std::uint32_t pack_version_number(const std::array<std::uint8_t, 5>& v, const caps& c) noexcept {
    const auto u = [&v](std::size_t i) { return static_cast<std::uint32_t>(v[i]); };
    if (c.at_least(field_version::v18_1_ext1))  // 18.1 ext 1: 8-bit release update field
        return (u(0) << 24) | (u(1) << 16) | ((u(2) & 0x0f) << 12) | (u(3) << 4) | (u(4) & 0x0f);
    return (u(0) << 24) | ((u(1) & 0x0f) << 20) | ((u(2) & 0x0f) << 12) | ((u(3) & 0x0f) << 8) |
           (u(4) & 0x0f);
}

std::array<std::uint8_t, 5> unpack_version_number(std::uint32_t n, const caps& c) noexcept {
    const auto b = [n](unsigned shift, std::uint32_t mask) {
        return static_cast<std::uint8_t>((n >> shift) & mask);
    };
    if (c.at_least(field_version::v18_1_ext1))  // 18.1 ext 1
        return {b(24, 0xff), b(16, 0xff), b(12, 0x0f), b(4, 0xff), b(0, 0x0f)};
    return {b(24, 0xff), b(20, 0x0f), b(12, 0x0f), b(8, 0x0f), b(0, 0x0f)};
}

}  // namespace oranet::proto::ttc

// Fuzzes both O5Logon roles with untrusted peer values: the client's
// respond() on a server's phase-one values, and the server's check() on a
// client's phase-two values. No crash, no error without a diagnostic, and a
// successful respond() only with values inside the documented limits.
//
// Input: byte 0 picks the role (even: client, odd: server) and, for the
// client, the verifier (12c or 11g); the rest is split at '\n' into fields
// that replace, in order, the values of a valid exchange made once at start
// (client: AUTH_SESSKEY, AUTH_VFR_DATA, verifier type as hex, CSK salt, VGEN,
// SDER; server: AUTH_SESSKEY, AUTH_PASSWORD, AUTH_NEWPASSWORD, SPEEDY_KEY).
// An empty field keeps the valid value, "-" makes it absent.
#include <oranet/auth/client.hpp>
#include <oranet/auth/server.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace oranet::auth;

std::error_code counter_random(std::span<std::uint8_t> out) {
    static std::uint32_t x = 12345;
    for (auto& b : out) {
        x = x * 1103515245u + 12345u;
        b = static_cast<std::uint8_t>(x >> 16);
    }
    return {};
}

struct fixture {
    stored_verifier v12, v11;
    phase_one_params p12, p11;
    phase_two_request answer12;
    std::unique_ptr<o5logon_server> server12;

    fixture() {
        if (make_verifier(verifier_type::v12c, "fuzz", counter_random, v12) ||
            make_verifier(verifier_type::v11g_1, "fuzz", counter_random, v11))
            std::abort();
        server12 = std::make_unique<o5logon_server>(v12, server_options{}, counter_random);
        o5logon_server s11(v11, server_options{}, counter_random);
        if (server12->challenge(p12) || s11.challenge(p11)) std::abort();
        o5logon_client c({}, counter_random);
        if (c.respond(p12, "fuzz", std::string_view("new"), answer12)) std::abort();
    }
};

std::vector<std::string> fields(std::string_view s) {
    std::vector<std::string> out;
    while (!s.empty() && out.size() < 8) {
        const auto nl = s.find('\n');
        out.emplace_back(s.substr(0, nl));
        s = nl == std::string_view::npos ? std::string_view{} : s.substr(nl + 1);
    }
    return out;
}

void apply(std::string& target, const std::vector<std::string>& f, std::size_t i) {
    if (i >= f.size() || f[i].empty()) return;
    target = f[i] == "-" ? std::string() : f[i];
}

// Large but legal iteration counts would only make the run slow; keep them
// small (the limits themselves are covered by the unit tests).
void tame(std::string& count, std::uint32_t keep_below, const char* replacement) {
    if (count.empty() || count.size() > 8) return;
    for (char c : count)
        if (c < '0' || c > '9') return;
    const unsigned long v = std::strtoul(count.c_str(), nullptr, 10);
    if (v > keep_below && v <= 10'000'000) count = replacement;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) noexcept {
    static fixture fx;
    if (size == 0) return 0;
    const std::uint8_t mode = data[0];
    const auto f            = fields(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    if ((mode & 1) == 0) {
        phase_one_params p = (mode & 2) ? fx.p11 : fx.p12;
        apply(p.sesskey, f, 0);
        apply(p.vfr_data, f, 1);
        if (f.size() > 2 && !f[2].empty())
            p.verifier_type = static_cast<std::uint32_t>(std::strtoul(f[2].c_str(), nullptr, 16));
        apply(p.csk_salt, f, 3);
        apply(p.vgen_count, f, 4);
        apply(p.sder_count, f, 5);
        tame(p.vgen_count, 8192, "4096");
        tame(p.sder_count, 64, "3");
        o5logon_client c({.require_12c = (mode & 4) != 0, .pbkdf2_combo_for_11g = (mode & 8) != 0},
                         counter_random);
        phase_two_request out;
        const auto ec = c.respond(p, "fuzz", std::nullopt, out);
        if (ec && c.diagnostics().empty()) __builtin_trap();
        if (!ec && (out.sesskey.empty() || out.password.empty())) __builtin_trap();
        (void)c.verify_server(f.size() > 6 ? f[6] : std::string());
    } else {
        phase_two_request r = fx.answer12;
        apply(r.sesskey, f, 0);
        apply(r.password, f, 1);
        apply(r.newpassword, f, 2);
        apply(r.speedy_key, f, 3);
        server_verdict v;
        const auto ec = fx.server12->check(r, v);
        if (ec && fx.server12->diagnostics().empty()) __builtin_trap();
        if (!ec && v.svr_response.size() != 96) __builtin_trap();
    }
    return 0;
}

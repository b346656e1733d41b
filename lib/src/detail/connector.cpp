#include "connector.hpp"

#include <oranet/proto/tns/redirect.hpp>

#include <algorithm>
#include <numeric>

namespace oranet::detail {
namespace {

std::string where(const net_address& a) {
    const bool v6 = a.host.find(':') != std::string::npos;
    return (v6 ? "[" + a.host + "]" : a.host) + ":" + std::to_string(a.port);
}

deadline earliest(deadline a, deadline b) { return a < b ? a : b; }

deadline after(steady::time_point now, std::chrono::milliseconds d, deadline cap) {
    if (d.count() <= 0) return cap;
    return earliest(now + d, cap);
}

class walker {
public:
    walker(const client_identity& cid, deadline overall, const connector_hooks& hooks)
        : cid_(cid), overall_(overall), hooks_(hooks) {}

    // Tries one description: RETRY_COUNT + 1 passes over its active lists.
    bool description_pass(const description& d, std::mt19937& rng) {
        const auto lists =
            active_children(d.address_lists.size(), d.failover, d.load_balance, d.source_route, rng);
        std::vector<std::vector<std::size_t>> addresses;
        for (auto li : lists) {
            const auto& l = d.address_lists[li];
            addresses.push_back(
                active_children(l.addresses.size(), l.failover, l.load_balance, l.source_route, rng));
        }
        const std::string data = render_description(d, &cid_);
        for (std::uint32_t pass = 0; pass <= d.retry_count; ++pass) {
            if (pass > 0) {
                const auto now = hooks_.now();
                if (now >= overall_) return expired();
                auto delay = d.retry_delay;
                if (overall_ != deadline::max())
                    delay = std::min(delay,
                                     std::chrono::duration_cast<std::chrono::milliseconds>(overall_ - now));
                if (delay.count() > 0 && hooks_.sleep) hooks_.sleep(delay);
            }
            for (std::size_t i = 0; i < lists.size(); ++i) {
                for (auto ai : addresses[i]) {
                    if (hooks_.now() >= overall_) return expired();
                    const auto& a = d.address_lists[lists[i]].addresses[ai];
                    if (one_address(d, a, data)) return true;
                    if (stop_) return false;
                }
            }
        }
        return false;
    }

    std::error_code last() const { return last_; }
    bool stopped() const { return stop_; }
    const std::vector<std::string>& tried() const { return tried_; }

private:
    bool expired() {
        last_ = client_errc::timeout;
        stop_ = true;
        tried_.push_back("the connect timeout passed");
        return false;
    }

    // One address, following the listener's redirects.
    bool one_address(const description& d, const net_address& first, const std::string& data) {
        connect_attempt at;
        at.desc          = &d;
        at.address       = first;
        at.connect_data  = data;
        const auto start = hooks_.now();
        at.attempt_until = d.connect_timeout ? after(start, *d.connect_timeout, overall_) : overall_;
        for (;;) {
            at.transport_until = after(hooks_.now(), d.transport_connect_timeout, at.attempt_until);
            attempt_result r   = hooks_.attempt(at);
            if (!r.ec && r.redirect_data.empty()) return true;
            if (r.redirect_data.empty()) {
                last_ = r.ec;
                tried_.push_back(where(at.address) + " (" + (r.message.empty() ? r.ec.message() : r.message) +
                                 ")");
                if (!try_next_after(r.ec)) stop_ = true;
                return false;
            }
            if (at.redirects >= max_redirect_hops) {
                last_ = client_errc::tns_redirect_loop;
                tried_.push_back(where(at.address) + " (more than " + std::to_string(max_redirect_hops) +
                                 " listener redirects)");
                return false;
            }
            // "address NUL connect-data": the first address of the address
            // part, and the connect data to send there (python-oracledb's
            // _connect_phase_one; without the NUL the connect data stays).
            const auto target = proto::tns::split_redirect_data(r.redirect_data);
            description_list to;
            diagnostics ignored;
            if (parse_connect_descriptor(target.address, to, ignored) || to.all_addresses().empty()) {
                last_ = client_errc::connect_string_invalid;
                tried_.push_back(where(at.address) +
                                 " (the listener redirected to an address that does not parse: " +
                                 std::string(target.address.substr(0, 200)) + ")");
                return false;
            }
            const net_address next = to.all_addresses().front();
            at.address.host        = next.host;
            at.address.port        = next.port;
            if (target.has_connect_data) at.connect_data = std::string(target.connect_data);
            ++at.redirects;
        }
    }

    const client_identity& cid_;
    deadline overall_;
    const connector_hooks& hooks_;
    std::error_code last_ = client_errc::connect_failed;
    bool stop_            = false;
    std::vector<std::string> tried_;
};

}  // namespace

std::vector<std::size_t> active_children(std::size_t count, bool failover, bool load_balance,
                                         bool source_route, std::mt19937& rng) {
    std::vector<std::size_t> all(count);
    std::iota(all.begin(), all.end(), std::size_t{0});
    if (count <= 1) return all;
    if (source_route) return {0};
    if (failover && load_balance) {
        std::shuffle(all.begin(), all.end(), rng);
        return all;
    }
    if (failover) return all;
    if (load_balance) return {std::uniform_int_distribution<std::size_t>(0, count - 1)(rng)};
    return {0};
}

bool try_next_after(std::error_code ec) noexcept {
    if (ec.category() == ora_category()) return ec.value() >= 12000 && ec.value() < 13000;  // TNS errors
    if (ec.category() != client_category()) return true;  // OS-level socket errors
    const int v = ec.value();
    if (v >= 2000 && v < 3000) return true;  // TNS packets (refused, unexpected, ...)
    switch (static_cast<client_errc>(v)) {
        case client_errc::connect_failed:
        case client_errc::host_not_found:
        case client_errc::timeout:
        case client_errc::connection_closed:
        case client_errc::tls_handshake_failed:
        case client_errc::tls_certificate_rejected:
        case client_errc::server_requires_tls: return true;
        default: return false;
    }
}

std::error_code connect_any(const description_list& dl, const client_identity& cid, deadline overall,
                            const connector_hooks& hooks, std::mt19937& rng, diagnostics& diag) {
    walker w(cid, overall, hooks);
    const auto descs =
        active_children(dl.descriptions.size(), dl.failover, dl.load_balance, dl.source_route, rng);
    for (auto di : descs) {
        if (w.description_pass(dl.descriptions[di], rng)) return {};
        if (w.stopped()) break;
    }
    std::string msg = "tried ";
    const auto& t   = w.tried();
    for (std::size_t i = 0; i < t.size() && i < 8; ++i)
        msg += (i ? "; " : "") + t[i];
    if (t.size() > 8) msg += "; and " + std::to_string(t.size() - 8) + " more";
    if (t.empty()) msg = "no address to try";
    diag.client_message = msg;
    return w.last();
}

}  // namespace oranet::detail

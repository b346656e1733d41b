#include "detail/connection_impl.hpp"
#include "detail/tls_transport.hpp"
#include "detail/transport.hpp"

#include <oranet/connect_descriptor.hpp>
#include <oranet/logging.hpp>
#include <oranet/probe.hpp>
#include <oranet/proto/tns/assembler.hpp>
#include <oranet/proto/tns/packet.hpp>
#include <oranet/proto/writer.hpp>

#include <array>

namespace oranet {
namespace {

namespace tns = proto::tns;
using clock   = std::chrono::steady_clock;

std::chrono::microseconds since(clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - t);
}

// Reads until one whole packet is assembled.
std::error_code read_packet(detail::transport& io, tns::assembler& a, detail::deadline d,
                            tns::packet_view& out) {
    std::array<std::uint8_t, 4096> buf{};
    for (;;) {
        std::error_code ec;
        switch (a.next(out, ec)) {
            case tns::assemble_status::packet: return {};
            case tns::assemble_status::error: return ec;
            case tns::assemble_status::need_more: break;
        }
        const std::size_t n = io.read_some(buf, d, ec);
        if (ec) return ec;
        a.feed(proto::bytes_view(buf.data(), n));
    }
}

// One address: transport up, CONNECT out, the listener's answer in.
std::error_code probe_address(const net_address& addr, const description& desc, const connect_params& p,
                              detail::deadline d, spdlog::logger& log, listener_probe& out,
                              diagnostics& diag) {
    out.host          = addr.host;
    out.port          = addr.port;
    out.service       = desc.data.service_name.empty() ? desc.data.sid : desc.data.service_name;
    connect_options o = p.options;
    o.use_tls         = o.use_tls || addr.protocol == net_protocol::tcps;
    if (o.wallet_location.empty()) o.wallet_location = desc.security.wallet_location;
    if (o.server_cert_dn.empty()) o.server_cert_dn = desc.security.ssl_server_cert_dn;
    o.server_dn_match = o.server_dn_match && desc.security.ssl_server_dn_match;
    if (!addr.https_proxy.empty()) {
        o.https_proxy      = addr.https_proxy;
        o.https_proxy_port = addr.https_proxy_port;
    }
    if (desc.expire_time > 0) o.expire_time = desc.expire_time;
    out.tls = o.use_tls;

    const auto t0 = clock::now();
    std::unique_ptr<detail::transport> io;
    if (auto ec = detail::open_transport(addr.host, addr.port, o, d, log, io, diag.client_message)) return ec;
    out.connect_time = since(t0);
    if (const auto* t = dynamic_cast<const detail::tls_transport*>(io.get()))
        out.tls_details = t->negotiated();

    // The connect data of a login; the identity fields matter only to the
    // listener's log.
    const client_identity cid{o.program.empty() ? "oranet" : o.program, o.machine, o.os_user, ""};
    tns::connect_packet c;
    c.connect_data = render_description(desc, &cid);
    tns::set_data_units(c, desc.sdu != 8192 ? desc.sdu : o.sdu, desc.sdu != 8192 ? desc.sdu : o.sdu);
    proto::writer first;
    proto::writer second;
    if (auto ec = tns::write_connect(first, second, c)) return ec;

    tns::assembler a;
    const auto t1 = clock::now();
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (auto ec = io->write(first.data(), d)) return ec;
        if (!second.data().empty())
            if (auto ec = io->write(second.data(), d)) return ec;
        tns::packet_view pv;
        if (auto ec = read_packet(*io, a, d, pv)) return ec;
        tns::any_packet pkt;
        if (auto ec = tns::decode_packet(pv, pkt)) return ec;
        out.answer_time = since(t1);
        if (std::holds_alternative<tns::resend_packet>(pkt)) continue;  // the listener asks again
        auto trailing_data = [&](bool follows, std::string& text) {
            if (!follows) return;
            tns::packet_view dv;
            tns::data_packet dp;
            if (!read_packet(*io, a, d, dv) && !tns::decode_packet_as(dv, dp))
                text.assign(dp.payload.begin(), dp.payload.end());
        };
        if (auto* acc = std::get_if<tns::accept_packet>(&pkt)) {
            out.outcome     = listener_outcome::accepted;
            out.tns_version = acc->version;
            out.sdu         = tns::negotiated_sdu(*acc);
            out.tdu         = tns::negotiated_tdu(*acc);
        } else if (auto* ref = std::get_if<tns::refuse_packet>(&pkt)) {
            out.outcome       = listener_outcome::refused;
            out.listener_data = ref->data;
            trailing_data(ref->data_follows, out.listener_data);
            out.refuse_error = tns::refuse_error_number(out.listener_data);
        } else if (auto* red = std::get_if<tns::redirect_packet>(&pkt)) {
            out.outcome       = listener_outcome::redirected;
            out.listener_data = red->data;
            trailing_data(red->data_follows, out.listener_data);
        } else {
            io->close();
            return client_errc::tns_unexpected_packet;
        }
        io->close();
        return {};
    }
    io->close();
    return client_errc::tns_unexpected_packet;
}

}  // namespace

std::error_code probe_listener(const connect_params& p, listener_probe& out, diagnostics& diag) {
    out  = {};
    diag = {};
    description_list dl;
    if (auto ec = resolve_connect_string(p.connect_string, {}, dl, diag)) return ec;
    auto log     = p.options.logger ? p.options.logger : default_logger();
    const auto d = detail::deadline_after(p.options.connect_timeout);
    // The addresses in their written order: the first that answers is the
    // one reported (a refusal is an answer).
    std::error_code last = client_errc::connect_failed;
    for (const auto& desc : dl.descriptions)
        for (const auto& list : desc.address_lists)
            for (const auto& addr : list.addresses) {
                diagnostics attempt;
                last = probe_address(addr, desc, p, d, *log, out, attempt);
                if (!last) return {};
                diag = attempt;
                if (last == client_errc::timeout) return last;
            }
    return last;
}

}  // namespace oranet

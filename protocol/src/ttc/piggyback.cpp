#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/piggyback.hpp>

namespace oranet::proto::ttc {

void encode_key_value_pairs(writer& w, const std::vector<key_value_pair>& pairs) {
    for (const auto& p : pairs) {
        detail::put_ub(w, static_cast<std::uint16_t>(p.text.size()));
        if (!p.text.empty()) w.bytes_with_length(p.text);
        detail::put_ub(w, static_cast<std::uint16_t>(p.binary.size()));
        if (!p.binary.empty()) w.bytes_with_length(bytes_view{p.binary});
        detail::put_ub(w, p.keyword);
    }
}

void decode_key_value_pairs(reader& r, std::size_t n, std::vector<key_value_pair>& out) {
    out.clear();
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        key_value_pair p;
        if (r.ub2("text_length") > 0) p.text = detail::read_str(r, "text");
        if (r.ub2("binary_length") > 0) p.binary = detail::read_owned_bytes(r, "binary");
        p.keyword = r.ub2("keyword");
        out.push_back(std::move(p));
    }
}

void encode(writer& w, const server_piggyback& m, const caps&) {
    namespace sp = piggyback_opcode;
    w.u8(static_cast<std::uint8_t>(message_type::server_side_piggyback));
    w.u8(m.opcode);
    switch (m.opcode) {
        case sp::ltxid: w.ub4_then_bytes(bytes_view{m.ltxid}); break;
        case sp::query_cache_invalidation:
        case sp::trace_event: break;
        case sp::os_pid_mts:
            detail::put_ub(w, m.os_pid_length);
            w.bytes_with_length(bytes_view{m.os_pid});
            break;
        case sp::sync:
            detail::put_ub(w, m.num_dtys);
            w.u8(m.dty_length);
            detail::put_ub(w, static_cast<std::uint16_t>(m.pairs.size()));
            w.u8(0);
            encode_key_value_pairs(w, m.pairs);
            detail::put_ub(w, m.flags);
            break;
        case sp::ext_sync:
            detail::put_ub(w, m.num_dtys);
            w.u8(m.dty_length);
            break;
        case sp::ac_replay_context:
            detail::put_ub(w, m.num_dtys);
            w.u8(m.dty_length);
            detail::put_ub(w, m.flags);
            detail::put_ub(w, m.error_code);
            w.u8(m.queue);
            w.ub4_then_bytes(bytes_view{m.replay_context});
            break;
        case sp::session_return:
            detail::put_ub(w, m.num_dtys);
            w.u8(m.dty_length);
            detail::put_ub(w, static_cast<std::uint16_t>(m.pairs.size()));
            if (!m.pairs.empty()) {
                w.u8(0);
                encode_key_value_pairs(w, m.pairs);
            }
            detail::put_ub(w, m.flags);
            detail::put_ub(w, m.session_id);
            detail::put_ub(w, m.serial_num);
            break;
        case sp::session_signature:
            detail::put_ub(w, m.num_dtys);
            w.u8(m.dty_length);
            detail::put_ub(w, m.signature_flags);
            detail::put_ub(w, m.client_signature);
            detail::put_ub(w, m.server_signature);
            break;
        default: break;
    }
}

std::error_code decode_body(reader& r, server_piggyback& m, const caps&) {
    namespace sp = piggyback_opcode;
    r.begin("server_piggyback");
    m        = server_piggyback{};
    m.opcode = r.u8("opcode");
    switch (m.opcode) {
        case sp::ltxid: m.ltxid = detail::read_owned_ub4_bytes(r, "ltxid"); break;
        case sp::query_cache_invalidation:
        case sp::trace_event: break;
        case sp::os_pid_mts:
            m.os_pid_length = r.ub2("os_pid_length");
            m.os_pid        = detail::read_owned_bytes(r, "os_pid");
            break;
        case sp::sync: {
            m.num_dtys          = r.ub2("num_dtys");
            m.dty_length        = r.u8("dty_length");
            const std::size_t n = r.count(r.ub2("num_pairs"), 65535, 3);
            (void)r.u8("pairs_length");
            decode_key_value_pairs(r, n, m.pairs);
            m.flags = r.ub4("flags");
            break;
        }
        case sp::ext_sync:
            m.num_dtys   = r.ub2("num_dtys");
            m.dty_length = r.u8("dty_length");
            break;
        case sp::ac_replay_context:
            m.num_dtys       = r.ub2("num_dtys");
            m.dty_length     = r.u8("dty_length");
            m.flags          = r.ub4("flags");
            m.error_code     = r.ub4("error_code");
            m.queue          = r.u8("queue");
            m.replay_context = detail::read_owned_ub4_bytes(r, "replay_context");
            break;
        case sp::session_return: {
            m.num_dtys          = r.ub2("num_dtys");
            m.dty_length        = r.u8("dty_length");
            const std::size_t n = r.count(r.ub2("num_pairs"), 65535, 3);
            if (n > 0) {
                (void)r.u8("pairs_length");
                decode_key_value_pairs(r, n, m.pairs);
            }
            m.flags      = r.ub4("session_flags");
            m.session_id = r.ub4("session_id");
            m.serial_num = r.ub2("serial_num");
            break;
        }
        case sp::session_signature:
            m.num_dtys         = r.ub2("num_dtys");
            m.dty_length       = r.u8("dty_length");
            m.signature_flags  = r.ub8("signature_flags");
            m.client_signature = r.ub8("client_signature");
            m.server_signature = r.ub8("server_signature");
            break;
        default: r.fail(client_errc::ttc_unsupported_piggyback); break;
    }
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc

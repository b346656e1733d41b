#include <oranet/proto/ttc/caps.hpp>

#include <algorithm>

namespace oranet::proto::ttc {

namespace {

// The compile caps both official thin clients offer; the profiles differ in
// array length, the end-of-response bit and the feature backport bits.
std::vector<std::uint8_t> offer_compile_caps(std::size_t length) {
    std::vector<std::uint8_t> cc(length, 0);
    auto set = [&cc](std::size_t i, std::uint8_t v) {
        if (i < cc.size()) cc[i] = v;
    };
    set(ccap::sql_version, ccap::sql_version_max);
    set(ccap::logon_types, ccap::o5logon | ccap::o5logon_np | ccap::o7logon | ccap::o8logon_long_identifier |
                               ccap::o9logon_long_password);
    set(ccap::feature_backport, ccap::ctb_implicit_pool | ccap::ctb_oauth_msg_on_err);
    set(ccap::field_version, field_version::max);
    set(ccap::server_define_conv, 1);
    set(ccap::dequeue_with_selector, 1);
    set(ccap::ttc1, ccap::fast_bvec | ccap::end_of_call_status | ccap::ind_rcd);
    set(ccap::oci1, ccap::fast_session_propagate | ccap::app_ctx_piggyback);
    set(ccap::tds_version, ccap::tds_version_max);
    set(ccap::rpc_version, ccap::rpc_version_max);
    set(ccap::rpc_sig, ccap::rpc_sig_value);
    set(ccap::dbf_version, ccap::dbf_version_max);
    set(ccap::lob, ccap::lob_ub8_size | ccap::lob_encs | ccap::lob_prefetch_length | ccap::lob_temp_size |
                       ccap::lob_12c | ccap::lob_prefetch_data);
    set(ccap::ub2_dty, 1);
    set(ccap::lob2, ccap::lob2_quasi | ccap::lob2_2gb_prefetch);
    set(ccap::ttc3, ccap::implicit_results | ccap::big_chunk_clr | ccap::keep_out_order | ccap::ltxid);
    set(ccap::ttc2, ccap::zlnp);
    set(ccap::oci2, ccap::drcp);
    set(ccap::client_fn, ccap::client_fn_max);
    set(ccap::sess_signature_version, field_version::v12_2);
    set(ccap::ttc4, ccap::inband_notification);
    set(ccap::ttc5, ccap::vector_support | ccap::token_supported | ccap::pipelining_support |
                        ccap::pipelining_break | ccap::sessionless_txns);
    set(ccap::vector_features, ccap::vector_feature_binary | ccap::vector_feature_sparse);
    set(ccap::oci3, ccap::oci3_ocssync);
    return cc;
}

}  // namespace

caps client_caps(client_profile p) {
    caps c;
    c.ttc_field_version = field_version::max;
    if (p == client_profile::node_oracledb) {
        c.compile_caps = offer_compile_caps(53);
        c.compile_caps[ccap::feature_backport2] =
            ccap::txn_priority_altsess | ccap::end_user_sec_ctx_piggyback;
        c.runtime_caps.assign(7, 0);
        c.runtime_caps[rcap::tz] = rcap::tz_ex;
    } else {
        c.compile_caps = offer_compile_caps(ccap::count);
        c.compile_caps[ccap::ttc4] |= ccap::explicit_boundary;
        c.compile_caps[ccap::ttc6]              = ccap::ttc6_ha_readiness;
        c.compile_caps[ccap::feature_backport2] = ccap::end_user_sec_ctx_piggyback;
        c.runtime_caps.assign(rcap::count, 0);
    }
    c.runtime_caps[rcap::compat] = rcap::compat_81;
    c.runtime_caps[rcap::ttc]    = rcap::ttc_zero_copy | rcap::ttc_32k;
    c.supports_tz_ex             = c.rcap(rcap::tz) & rcap::tz_ex;
    return c;
}

void adjust_for_accept(caps& c, std::uint16_t protocol_version, std::uint16_t service_options,
                       std::uint32_t accept_flags) noexcept {
    c.protocol_version   = protocol_version;
    c.supports_oob       = (service_options & gso_can_recv_attention) != 0;
    c.supports_fast_auth = (accept_flags & accept_flag::fast_auth) != 0;
    c.supports_oob_check = (accept_flags & accept_flag::check_oob) != 0;
    if (protocol_version >= tns_version_min_end_of_response &&
        (accept_flags & accept_flag::has_end_of_response)) {
        if (c.compile_caps.size() > ccap::ttc4) c.compile_caps[ccap::ttc4] |= ccap::end_of_response;
        c.supports_end_of_response = true;
        c.supports_pipelining      = true;
    }
}

void adjust_for_server_compile_caps(caps& c, std::span<const std::uint8_t> server) noexcept {
    const std::uint8_t server_version = server.size() > ccap::field_version ? server[ccap::field_version] : 0;
    if (server_version < c.ttc_field_version) {
        c.ttc_field_version = server_version;
        if (c.compile_caps.size() > ccap::field_version) c.compile_caps[ccap::field_version] = server_version;
    }
    if (server.size() > ccap::ttc4 && (server[ccap::ttc4] & ccap::explicit_boundary))
        c.supports_request_boundaries = true;
    if (server.size() > ccap::feature_backport2 &&
        (server[ccap::feature_backport2] & ccap::end_user_sec_ctx_piggyback))
        c.supports_end_user_security_context = true;
}

void adjust_for_server_runtime_caps(caps& c, std::span<const std::uint8_t> server) noexcept {
    const std::uint8_t ttc = server.size() > rcap::ttc ? server[rcap::ttc] : 0;
    c.max_string_size      = (ttc & rcap::ttc_32k) ? 32767 : 4000;
    if (!(ttc & rcap::ttc_session_state_ops)) c.supports_request_boundaries = false;
    // TZ_EX stays on only when the server confirms it (node-oracledb's rule):
    // otherwise the 11 time zone bytes would put TTIDTY out of step.
    if (server.size() <= rcap::tz || !(server[rcap::tz] & rcap::tz_ex)) {
        if (c.runtime_caps.size() > rcap::tz)
            c.runtime_caps[rcap::tz] &= static_cast<std::uint8_t>(~rcap::tz_ex);
        c.supports_tz_ex = false;
    }
}

caps server_caps(std::uint8_t ttc_field_version, std::uint16_t protocol_version) {
    caps c;
    c.protocol_version  = protocol_version;
    c.ttc_field_version = ttc_field_version;
    // Servers before 23ai send 42 compile caps (the 18c XE capture), 23ai
    // sends the full array.
    const std::size_t length            = ttc_field_version >= field_version::v23_1 ? ccap::count : 42;
    c.compile_caps                      = offer_compile_caps(length);
    c.compile_caps[ccap::field_version] = ttc_field_version;
    if (ttc_field_version < field_version::v23_1) {  // vectors and pipelining are 23ai features
        if (c.compile_caps.size() > ccap::ttc5) c.compile_caps[ccap::ttc5] = 0;
    }
    c.runtime_caps.assign(7, 0);
    c.runtime_caps[rcap::compat] = rcap::compat_81;
    c.runtime_caps[rcap::tz]     = rcap::tz_ex;
    c.runtime_caps[rcap::ttc]    = rcap::ttc_zero_copy | rcap::ttc_32k;
    c.max_string_size            = 32767;
    return c;
}

void adjust_for_client_caps(caps& c, std::span<const std::uint8_t> client_compile,
                            std::span<const std::uint8_t> client_runtime,
                            std::uint8_t client_encoding_flags) noexcept {
    if (client_compile.size() > ccap::field_version)
        c.ttc_field_version = std::min(c.ttc_field_version, client_compile[ccap::field_version]);
    const bool client_tz  = client_runtime.size() > rcap::tz && (client_runtime[rcap::tz] & rcap::tz_ex);
    c.supports_tz_ex      = client_tz && (c.rcap(rcap::tz) & rcap::tz_ex);
    const bool client_32k = client_runtime.size() > rcap::ttc && (client_runtime[rcap::ttc] & rcap::ttc_32k);
    c.max_string_size     = client_32k && (c.rcap(rcap::ttc) & rcap::ttc_32k) ? 32767 : 4000;
    c.encoding_flags      = client_encoding_flags;
}

}  // namespace oranet::proto::ttc

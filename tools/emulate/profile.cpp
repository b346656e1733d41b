#include "emulate/profile.hpp"

#include <oranet/proto/ttc/constants.hpp>

namespace oranet::emulate {

namespace ccap = proto::ttc::ccap;
namespace rcap = proto::ttc::rcap;
namespace fv   = proto::ttc::field_version;

const profile_info& info_of(profile p) noexcept {
    static const profile_info v12_1{
        315,   fv::v12_1, 12, 1,
        0,     2,         0,  "Oracle Database 12c Enterprise Edition Release 12.1.0.2.0 - 64bit Production",
        false, 30};
    static const profile_info v19{
        318,  fv::v19_1_ext1,
        19,   3,
        0,    0,
        0,    "Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production",
        true, 128};
    static const profile_info v21{
        318,  fv::v21_1, 21, 3,
        0,    0,         0,  "Oracle Database 21c Enterprise Edition Release 21.0.0.0.0 - Production",
        true, 128};
    static const profile_info v23{
        319,  fv::v23_4,
        23,   4,
        0,    0,
        0,    "Oracle Database 23ai Free Release 23.0.0.0.0 - Develop, Learn, and Run for Free",
        true, 128};
    switch (p) {
        case profile::v12_1: return v12_1;
        case profile::v19: return v19;
        case profile::v21: return v21;
        case profile::v23: return v23;
    }
    return v19;
}

std::uint32_t profile_vsnnum(profile p) noexcept {
    const auto& i = info_of(p);
    return (std::uint32_t{i.major} << 24) | (std::uint32_t{i.release} << 20) |
           (std::uint32_t{i.update} << 12) | (std::uint32_t{i.port_release} << 8) | i.port_update;
}

std::uint32_t auth_version_no(const profile_info& p, std::uint8_t negotiated_field_version) noexcept {
    if (negotiated_field_version >= fv::v18_1_ext1) {
        return (std::uint32_t{p.major} << 24) | (std::uint32_t{p.release} << 16) |
               (std::uint32_t{p.update} << 12) | (std::uint32_t{p.port_release} << 4) | p.port_update;
    }
    return (std::uint32_t{p.major} << 24) | (std::uint32_t{p.release} << 20) |
           (std::uint32_t{p.update} << 12) | (std::uint32_t{p.port_release} << 8) | p.port_update;
}

std::vector<std::uint8_t> server_compile_caps(std::uint8_t field_version) {
    std::vector<std::uint8_t> c(ccap::count, 0);
    c[ccap::sql_version]   = ccap::sql_version_max;
    c[ccap::logon_types]   = ccap::o5logon | ccap::o5logon_np | ccap::o7logon | ccap::o8logon_long_identifier;
    c[ccap::field_version] = field_version;
    c[ccap::server_define_conv] = 1;
    c[ccap::ttc1]               = ccap::fast_bvec | ccap::end_of_call_status | ccap::ind_rcd;
    c[ccap::tds_version]        = ccap::tds_version_max;
    c[ccap::rpc_version]        = ccap::rpc_version_max;
    c[ccap::rpc_sig]            = ccap::rpc_sig_value;
    c[ccap::dbf_version]        = ccap::dbf_version_max;
    c[ccap::lob]                = ccap::lob_ub8_size | ccap::lob_encs;
    c[ccap::ub2_dty]            = 1;
    c[ccap::ttc3]               = ccap::implicit_results | ccap::big_chunk_clr | ccap::keep_out_order;
    c[ccap::client_fn]          = ccap::client_fn_max;
    return c;
}

std::vector<std::uint8_t> server_runtime_caps(const profile_info& p) {
    std::vector<std::uint8_t> r(7, 0);
    r[rcap::compat] = rcap::compat_81;
    if (p.tz_ex) r[rcap::tz] = rcap::tz_ex;
    return r;
}

}  // namespace oranet::emulate

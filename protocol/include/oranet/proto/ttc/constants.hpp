// TTC wire constants shared by every TTC message codec: message types,
// function codes, TTC field versions and the compile/runtime capability
// indexes and bits. Values checked against python-oracledb thin
// (impl/thin/constants.pxi) and node-oracledb 26 thin (protocol/constants.js).
// Extend only by adding.
#pragma once

#include <cstddef>
#include <cstdint>

namespace oranet::proto::ttc {

// The first byte of every TTC message.
enum class message_type : std::uint8_t {
    protocol              = 1,  // protocol negotiation (TTIPRO)
    data_types            = 2,  // data type negotiation (TTIDTY)
    function              = 3,  // a client call; a function code follows
    error                 = 4,  // error / end of call status
    row_header            = 6,
    row_data              = 7,
    parameter             = 8,  // return parameters (auth key/value pairs, ...)
    status                = 9,
    io_vector             = 11,
    oac                   = 13,
    lob_data              = 14,
    warning               = 15,
    describe_info         = 16,
    piggyback             = 17,  // a client piggyback call before a function
    flush_out_binds       = 19,
    bit_vector            = 21,
    server_side_piggyback = 23,
    oneway_fn             = 26,  // one-way function (no reply)
    implicit_resultset    = 27,
    renegotiate           = 28,
    end_of_response       = 29,  // node calls it END_OF_REQUEST
    token                 = 33,
    fast_auth             = 34,  // 23ai: protocol + data types + auth phase one in one message
};

// Function codes (the byte after message_type::function).
enum class function_code : std::uint8_t {
    reexecute               = 4,
    fetch                   = 5,
    logoff                  = 9,
    commit                  = 14,
    rollback                = 15,
    reexecute_and_fetch     = 78,
    execute                 = 94,
    lob_op                  = 96,
    tpc_txn_switch          = 103,
    tpc_txn_change_state    = 104,
    close_cursors           = 105,
    auth_phase_two          = 115,
    auth_phase_one          = 118,
    aq_enq                  = 121,
    aq_deq                  = 122,
    subscribe               = 125,
    direct_path_prepare     = 128,
    direct_path_load_stream = 129,
    direct_path_op          = 130,
    set_end_to_end_attr     = 135,
    array_aq                = 145,
    ping                    = 147,
    set_schema              = 152,
    set_key_value           = 154,  // also APP_CONTEXT
    session_get             = 162,
    session_release         = 163,
    session_state           = 176,
    notify                  = 187,
    pipeline_begin          = 199,
    pipeline_end            = 200,
    end_user_security_ctx   = 205,
};

// The TTC field version (compile capability index 7). Every layout that
// differs between server releases branches on it. Named by release.
namespace field_version {
inline constexpr std::uint8_t v11_2      = 6;
inline constexpr std::uint8_t v12_1      = 7;
inline constexpr std::uint8_t v12_2      = 8;
inline constexpr std::uint8_t v12_2_ext1 = 9;
inline constexpr std::uint8_t v18_1      = 10;
inline constexpr std::uint8_t v18_1_ext1 = 11;
inline constexpr std::uint8_t v19_1      = 12;
inline constexpr std::uint8_t v19_1_ext1 = 13;
inline constexpr std::uint8_t v20_1      = 14;
inline constexpr std::uint8_t v20_1_ext1 = 15;
inline constexpr std::uint8_t v21_1      = 16;
inline constexpr std::uint8_t v23_1      = 17;
inline constexpr std::uint8_t v23_1_ext1 = 18;
inline constexpr std::uint8_t v23_1_ext2 = 19;
inline constexpr std::uint8_t v23_1_ext3 = 20;
inline constexpr std::uint8_t v23_1_ext4 = 21;
inline constexpr std::uint8_t v23_1_ext5 = 22;
inline constexpr std::uint8_t v23_3_ext6 = 23;
inline constexpr std::uint8_t v23_4      = 24;
inline constexpr std::uint8_t max        = v23_4;  // what our client offers
}  // namespace field_version

// Compile capability indexes (positions in the compile caps byte array).
namespace ccap {
inline constexpr std::size_t sql_version            = 0;
inline constexpr std::size_t logon_types            = 4;
inline constexpr std::size_t feature_backport       = 5;
inline constexpr std::size_t field_version          = 7;
inline constexpr std::size_t server_define_conv     = 8;
inline constexpr std::size_t dequeue_with_selector  = 9;
inline constexpr std::size_t ttc1                   = 15;
inline constexpr std::size_t oci1                   = 16;
inline constexpr std::size_t tds_version            = 17;
inline constexpr std::size_t rpc_version            = 18;
inline constexpr std::size_t rpc_sig                = 19;
inline constexpr std::size_t dbf_version            = 21;
inline constexpr std::size_t lob                    = 23;
inline constexpr std::size_t ttc2                   = 26;
inline constexpr std::size_t ub2_dty                = 27;
inline constexpr std::size_t oci2                   = 31;
inline constexpr std::size_t client_fn              = 34;
inline constexpr std::size_t oci3                   = 35;
inline constexpr std::size_t ttc3                   = 37;
inline constexpr std::size_t sess_signature_version = 39;
inline constexpr std::size_t ttc4                   = 40;
inline constexpr std::size_t lob2                   = 42;
inline constexpr std::size_t ttc5                   = 44;
inline constexpr std::size_t feature_backport2      = 45;
inline constexpr std::size_t vector_features        = 52;
inline constexpr std::size_t ttc6                   = 54;
inline constexpr std::size_t count                  = 55;  // length of the array our client sends

// Values at those indexes.
inline constexpr std::uint8_t sql_version_max            = 6;
inline constexpr std::uint8_t o5logon                    = 0x08;  // logon_types
inline constexpr std::uint8_t o5logon_np                 = 0x02;
inline constexpr std::uint8_t o7logon                    = 0x20;
inline constexpr std::uint8_t o8logon_long_identifier    = 0x40;
inline constexpr std::uint8_t o9logon_long_password      = 0x80;
inline constexpr std::uint8_t ctb_implicit_pool          = 0x08;  // feature_backport
inline constexpr std::uint8_t ctb_oauth_msg_on_err       = 0x10;
inline constexpr std::uint8_t end_of_call_status         = 0x01;  // ttc1
inline constexpr std::uint8_t ind_rcd                    = 0x08;
inline constexpr std::uint8_t fast_bvec                  = 0x20;
inline constexpr std::uint8_t fast_session_propagate     = 0x10;  // oci1
inline constexpr std::uint8_t app_ctx_piggyback          = 0x80;
inline constexpr std::uint8_t tds_version_max            = 3;
inline constexpr std::uint8_t rpc_version_max            = 7;
inline constexpr std::uint8_t rpc_sig_value              = 3;
inline constexpr std::uint8_t dbf_version_max            = 1;
inline constexpr std::uint8_t ltxid                      = 0x08;  // ttc3
inline constexpr std::uint8_t implicit_results           = 0x10;
inline constexpr std::uint8_t big_chunk_clr              = 0x20;
inline constexpr std::uint8_t keep_out_order             = 0x80;
inline constexpr std::uint8_t lob_ub8_size               = 0x01;  // lob
inline constexpr std::uint8_t lob_encs                   = 0x02;
inline constexpr std::uint8_t lob_prefetch_data          = 0x04;
inline constexpr std::uint8_t lob_temp_size              = 0x08;
inline constexpr std::uint8_t lob_prefetch_length        = 0x40;
inline constexpr std::uint8_t lob_12c                    = 0x80;
inline constexpr std::uint8_t lob2_quasi                 = 0x01;  // lob2
inline constexpr std::uint8_t lob2_2gb_prefetch          = 0x04;
inline constexpr std::uint8_t drcp                       = 0x10;  // oci2
inline constexpr std::uint8_t zlnp                       = 0x04;  // ttc2
inline constexpr std::uint8_t inband_notification        = 0x04;  // ttc4
inline constexpr std::uint8_t end_of_response            = 0x20;  // ttc4 (node: END_OF_REQUEST)
inline constexpr std::uint8_t explicit_boundary          = 0x40;  // ttc4
inline constexpr std::uint8_t client_fn_max              = 12;
inline constexpr std::uint8_t token_supported            = 0x02;  // ttc5
inline constexpr std::uint8_t pipelining_support         = 0x04;
inline constexpr std::uint8_t vector_support             = 0x08;
inline constexpr std::uint8_t pipelining_break           = 0x10;
inline constexpr std::uint8_t sessionless_txns           = 0x20;
inline constexpr std::uint8_t vector_feature_binary      = 0x01;  // vector_features
inline constexpr std::uint8_t vector_feature_sparse      = 0x02;
inline constexpr std::uint8_t oci3_ocssync               = 0x20;  // oci3
inline constexpr std::uint8_t ttc6_ha_readiness          = 0x04;  // ttc6
inline constexpr std::uint8_t txn_priority_altsess       = 0x01;  // feature_backport2
inline constexpr std::uint8_t end_user_sec_ctx_piggyback = 0x02;
}  // namespace ccap

// Runtime capability indexes and values.
namespace rcap {
inline constexpr std::size_t compat = 0;
inline constexpr std::size_t tz     = 1;  // node: TZ_EX lives here
inline constexpr std::size_t ttc    = 6;
inline constexpr std::size_t count  = 11;  // python-oracledb's length (node sends 7)

inline constexpr std::uint8_t compat_81             = 2;
inline constexpr std::uint8_t tz_ex                 = 0x01;  // 11 time zone bytes in TTIDTY both ways
inline constexpr std::uint8_t ttc_zero_copy         = 0x01;
inline constexpr std::uint8_t ttc_32k               = 0x04;  // max_string_size 32767 instead of 4000
inline constexpr std::uint8_t ttc_session_state_ops = 0x10;
}  // namespace rcap

// Character sets and the encoding flags of the data types message.
inline constexpr std::uint16_t charset_al32utf8    = 873;
inline constexpr std::uint16_t charset_al16utf16   = 2000;
inline constexpr std::uint8_t encoding_multi_byte  = 0x01;
inline constexpr std::uint8_t encoding_conv_length = 0x02;  // strings travel length-prefixed

// Password verifier types (AUTH_VFR_DATA's flag).
inline constexpr std::uint32_t verifier_11g_1 = 0xb152;
inline constexpr std::uint32_t verifier_11g_2 = 0x1b25;
inline constexpr std::uint32_t verifier_12c   = 0x4815;
inline constexpr std::uint32_t verifier_10g   = 0x0939;  // refused by current clients

// Authentication modes (auth phase one/two `auth_mode`).
namespace auth_mode {
inline constexpr std::uint32_t logon           = 0x00000001;
inline constexpr std::uint32_t change_password = 0x00000002;
inline constexpr std::uint32_t sysdba          = 0x00000020;
inline constexpr std::uint32_t sysoper         = 0x00000040;
inline constexpr std::uint32_t with_password   = 0x00000100;
inline constexpr std::uint32_t sysasm          = 0x00400000;
inline constexpr std::uint32_t sysbkp          = 0x01000000;
inline constexpr std::uint32_t sysdgd          = 0x02000000;
inline constexpr std::uint32_t syskmt          = 0x04000000;
inline constexpr std::uint32_t sysrac          = 0x08000000;
inline constexpr std::uint32_t iam_token       = 0x20000000;
}  // namespace auth_mode

// Flags in the TNS ACCEPT packet that the TTC capabilities depend on.
namespace accept_flag {
inline constexpr std::uint32_t check_oob           = 0x00000001;
inline constexpr std::uint32_t has_end_of_response = 0x02000000;
inline constexpr std::uint32_t fast_auth           = 0x10000000;
}  // namespace accept_flag
inline constexpr std::uint16_t tns_version_min_end_of_response = 319;     // TNS 319 = 23ai
inline constexpr std::uint16_t gso_can_recv_attention          = 0x0400;  // ACCEPT service options

}  // namespace oranet::proto::ttc

#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/error_info.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>

namespace oranet::proto::ttc {

bool has_oer_fields(const caps& c) noexcept {
    return c.at_least(field_version::v20_1) && c.supports_oer_type;
}

void encode(writer& w, const error_info& m, const caps& c) {
    w.u8(static_cast<std::uint8_t>(message_type::error));
    detail::put_ub(w, m.call_status);
    detail::put_ub(w, m.end_to_end_seq);
    detail::put_ub(w, m.current_row);
    detail::put_ub(w, m.error_number_short);
    detail::put_ub(w, m.array_elem_error);
    detail::put_ub(w, m.array_elem_error2);
    detail::put_ub(w, m.cursor_id);
    detail::put_sb(w, m.error_position);
    w.u8(m.sql_type);
    w.u8(m.fatal);
    w.u8(m.flags);
    w.u8(m.user_cursor_options);
    w.u8(m.upi_parameter);
    w.u8(m.warning_flags);
    detail::put_ub(w, m.rowid.rba);
    detail::put_ub(w, m.rowid.partition_id);
    w.u8(m.rowid.filler);
    detail::put_ub(w, m.rowid.block_num);
    detail::put_ub(w, m.rowid.slot_num);
    detail::put_ub(w, m.os_error);
    w.u8(m.statement_number);
    w.u8(m.call_number);
    detail::put_ub(w, m.padding);
    detail::put_ub(w, m.success_iters);
    w.ub4_then_bytes(bytes_view{m.logical_rowid});
    // Batch errors: codes, offsets and messages, each in the chunked form.
    const auto n = static_cast<std::uint32_t>(m.batch_errors.size());
    detail::put_ub(w, static_cast<std::uint16_t>(n));
    if (n > 0) {
        w.u8(long_length_indicator);
        for (const auto& e : m.batch_errors) {
            detail::put_ub(w, 2);
            detail::put_ub(w, e.code);
        }
        w.u8(0);
    }
    const std::uint32_t offsets = n > 0 ? n : 0;
    detail::put_ub(w, offsets);
    if (offsets > 0) {
        w.u8(long_length_indicator);
        for (const auto& e : m.batch_errors) {
            detail::put_ub(w, 4);
            detail::put_ub(w, e.offset);
        }
        w.u8(0);
    }
    detail::put_ub(w, static_cast<std::uint16_t>(n));
    if (n > 0) {
        w.u8(long_length_indicator);
        for (const auto& e : m.batch_errors) {
            detail::put_ub(w, static_cast<std::uint16_t>(e.message.size()));
            w.bytes_with_length(e.message);
            w.u8(0);
            w.u8(0);
        }
    }
    detail::put_ub(w, m.error_number);
    detail::put_ub(w, m.row_count);
    if (has_oer_fields(c)) {  // field version 20.1 and OER listed
        detail::put_ub(w, m.sql_type_ext);
        detail::put_ub(w, m.server_checksum);
    }
    if (m.error_number != 0) w.bytes_with_length(m.message);
}

std::error_code decode_body(reader& r, error_info& m, const caps& c) {
    r.begin("error");
    m.call_status         = r.ub4("call_status");
    m.end_to_end_seq      = r.ub2("end_to_end_seq");
    m.current_row         = r.ub4("current_row");
    m.error_number_short  = r.ub2("error_number_short");
    m.array_elem_error    = r.ub2("array_elem_error");
    m.array_elem_error2   = r.ub2("array_elem_error2");
    m.cursor_id           = r.ub2("cursor_id");
    m.error_position      = r.sb2("error_position");
    m.sql_type            = r.u8("sql_type");
    m.fatal               = r.u8("fatal");
    m.flags               = r.u8("flags");
    m.user_cursor_options = r.u8("user_cursor_options");
    m.upi_parameter       = r.u8("upi_parameter");
    m.warning_flags       = r.u8("warning_flags");
    m.rowid.rba           = r.ub4("rowid_rba");
    m.rowid.partition_id  = r.ub2("rowid_partition");
    m.rowid.filler        = r.u8("rowid_filler");
    m.rowid.block_num     = r.ub4("rowid_block");
    m.rowid.slot_num      = r.ub2("rowid_slot");
    m.os_error            = r.ub4("os_error");
    m.statement_number    = r.u8("statement_number");
    m.call_number         = r.u8("call_number");
    m.padding             = r.ub2("padding");
    m.success_iters       = r.ub4("success_iters");
    m.logical_rowid       = detail::read_owned_ub4_bytes(r, "logical_rowid");

    // Batch error codes.
    m.batch_errors.clear();
    std::size_t n = r.count(r.ub2("num_batch_codes"), max_batch_errors, 1);
    m.batch_errors.resize(n);
    if (n > 0) {
        const bool chunked = r.u8("batch_codes_lead") == long_length_indicator;
        for (std::size_t i = 0; i < n && r.ok(); ++i) {
            if (chunked) (void)r.ub4("chunk_length");
            m.batch_errors[i].code = r.ub2("batch_code");
        }
        if (chunked) (void)r.u8("batch_codes_end");
    }
    // Batch error offsets.
    std::size_t offsets = r.count(r.ub4("num_batch_offsets"), max_batch_errors, 1);
    m.num_batch_offsets = static_cast<std::uint32_t>(offsets);
    if (offsets > 0) {
        const bool chunked = r.u8("batch_offsets_lead") == long_length_indicator;
        for (std::size_t i = 0; i < offsets && r.ok(); ++i) {
            if (chunked) (void)r.ub4("chunk_length");
            const std::uint32_t off = r.ub4("batch_offset");
            if (i < m.batch_errors.size()) m.batch_errors[i].offset = off;
        }
        if (chunked) (void)r.u8("batch_offsets_end");
    }
    // Batch error messages.
    std::size_t messages = r.count(r.ub2("num_batch_messages"), max_batch_errors, 1);
    m.num_batch_messages = static_cast<std::uint32_t>(messages);
    if (messages > 0) {
        (void)r.u8("batch_messages_lead");
        for (std::size_t i = 0; i < messages && r.ok(); ++i) {
            (void)r.ub2("chunk_length");
            std::string text = detail::read_str(r, "batch_message");
            if (i < m.batch_errors.size()) m.batch_errors[i].message = std::move(text);
            (void)r.bytes(2, "batch_message_end");
        }
    }
    m.error_number = r.ub4("error_number");
    m.row_count    = r.ub8("row_count");
    if (has_oer_fields(c)) {  // field version 20.1 and OER listed
        m.sql_type_ext    = r.ub4("sql_type_ext");
        m.server_checksum = r.ub4("server_checksum");
    } else {
        m.sql_type_ext = m.server_checksum = 0;
    }
    m.message = m.error_number != 0 ? detail::read_str(r, "message") : std::string{};
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc

#include "wire_util.hpp"

#include <oranet/proto/ttc/describe.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>

namespace oranet::proto::ttc {

namespace {

// Without OAC listed (PEER-NOTES 2) these types carry their scale as an SB2.
bool scale_is_sb2(const caps& c, std::uint8_t type) {
    if (c.supports_oac_type) return false;
    return type == ora_type_num::number || type == ora_type_num::interval_ds ||
           type == ora_type_num::timestamp || type == ora_type_num::timestamp_ltz ||
           type == ora_type_num::timestamp_tz;
}

void encode_column(writer& w, const column_info& col, const caps& c) {
    w.u8(col.ora_type);
    w.u8(col.flags);
    w.sb1(col.precision);
    if (scale_is_sb2(c, col.ora_type))
        detail::put_sb(w, col.scale);
    else
        w.sb1(static_cast<std::int8_t>(col.scale));
    detail::put_ub(w, col.buffer_size);
    detail::put_ub(w, col.max_array_elements);
    detail::put_ub(w, col.cont_flags);
    w.ub4_then_bytes(bytes_view{col.oid});
    detail::put_ub(w, col.oid_version);
    detail::put_ub(w, col.charset_id);
    w.u8(col.cs_form);
    detail::put_ub(w, col.max_size);
    if (c.at_least(field_version::v12_2)) detail::put_ub(w, col.oac_column_id);
    w.u8(col.nullable);
    w.u8(col.v7_name_length);
    detail::write_str_with_length(w, col.name);
    detail::write_str_with_length(w, col.schema);
    detail::write_str_with_length(w, col.type_name);
    detail::put_ub(w, col.position);
    detail::put_ub(w, col.uds_flags);
    if (c.at_least(field_version::v23_1)) {
        detail::write_str_with_length(w, col.domain_schema);
        detail::write_str_with_length(w, col.domain_name);
    }
    if (c.at_least(field_version::v23_1_ext3)) {
        detail::put_ub(w, static_cast<std::uint32_t>(col.annotations.size()));
        if (!col.annotations.empty()) {
            w.u8(1);  // pointer
            detail::put_ub(w, static_cast<std::uint32_t>(col.annotations.size()));
            w.u8(1);  // pointer
            for (const auto& a : col.annotations) {
                detail::write_str_with_length(w, a.key);
                detail::write_str_with_length(w, a.value);
                detail::put_ub(w, a.flags);
            }
            detail::put_ub(w, col.annotations_flags);
        }
    }
    if (c.at_least(field_version::v23_4)) {
        detail::put_ub(w, col.vector_dimensions);
        w.u8(col.vector_format);
        w.u8(col.vector_flags);
    }
}

void decode_column(reader& r, column_info& col, const caps& c) {
    r.begin("column");
    col.ora_type           = r.u8("ora_type");
    col.flags              = r.u8("flags");
    col.precision          = r.sb1("precision");
    col.scale              = scale_is_sb2(c, col.ora_type) ? r.sb2("scale") : r.sb1("scale");  // PEER-NOTES 2
    col.buffer_size        = r.ub4("buffer_size");
    col.max_array_elements = r.ub4("max_array_elements");
    col.cont_flags         = r.ub8("cont_flags");
    col.oid                = detail::read_owned_ub4_bytes(r, "oid");
    col.oid_version        = r.ub2("oid_version");
    col.charset_id         = r.ub2("charset_id");
    col.cs_form            = r.u8("cs_form");
    col.max_size           = r.ub4("max_size");
    col.oac_column_id      = c.at_least(field_version::v12_2) ? r.ub4("oac_column_id") : 0;
    col.nullable           = r.u8("nullable");
    col.v7_name_length     = r.u8("v7_name_length");
    col.name               = detail::read_str_with_length(r, "name");
    col.schema             = detail::read_str_with_length(r, "schema");
    col.type_name          = detail::read_str_with_length(r, "type_name");
    col.position           = r.ub2("position");
    col.uds_flags          = r.ub4("uds_flags");
    if (c.at_least(field_version::v23_1)) {
        col.domain_schema = detail::read_str_with_length(r, "domain_schema");
        col.domain_name   = detail::read_str_with_length(r, "domain_name");
    }
    col.annotations.clear();
    if (c.at_least(field_version::v23_1_ext3)) {
        const std::uint32_t has = r.ub4("num_annotations");
        if (has > 0 && r.ok()) {
            (void)r.u8("annotations_pointer");
            const std::size_t n = r.count(r.ub4("num_annotations"), max_columns, 3);
            (void)r.u8("annotations_pointer2");
            for (std::size_t i = 0; i < n && r.ok(); ++i) {
                column_annotation a;
                a.key   = detail::read_str_with_length(r, "annotation_key");
                a.value = detail::read_str_with_length(r, "annotation_value");
                a.flags = r.ub4("annotation_flags");
                col.annotations.push_back(std::move(a));
            }
            col.annotations_flags = r.ub4("annotations_flags");
        }
    }
    if (c.at_least(field_version::v23_4)) {
        col.vector_dimensions = r.ub4("vector_dimensions");
        col.vector_format     = r.u8("vector_format");
        col.vector_flags      = r.u8("vector_flags");
    }
    r.end();
}

}  // namespace

void encode_describe_body(writer& w, const describe_info& d, const caps& c) {
    detail::put_ub(w, d.max_row_size);
    detail::put_ub(w, static_cast<std::uint32_t>(d.columns.size()));
    if (!d.columns.empty()) w.u8(d.columns_lead);
    for (const auto& col : d.columns)
        encode_column(w, col, c);
    w.ub4_then_bytes(bytes_view{d.current_date});
    detail::put_ub(w, d.dcb_flags);
    detail::put_ub(w, d.dcb_mdbz);
    detail::put_ub(w, d.dcb_mnpr);
    detail::put_ub(w, d.dcb_mxpr);
    w.ub4_then_bytes(bytes_view{d.query_key});
}

std::error_code decode_describe_body(reader& r, describe_info& d, const caps& c) {
    d.max_row_size      = r.ub4("max_row_size");
    const std::size_t n = r.count(r.ub4("num_columns"), max_columns, 19);
    d.columns.assign(n, column_info{});
    if (n > 0) d.columns_lead = r.u8("columns_lead");
    for (std::size_t i = 0; i < n && r.ok(); ++i)
        decode_column(r, d.columns[i], c);
    d.current_date = detail::read_owned_ub4_bytes(r, "current_date");
    d.dcb_flags    = r.ub4("dcb_flags");
    d.dcb_mdbz     = r.ub4("dcb_mdbz");
    d.dcb_mnpr     = r.ub4("dcb_mnpr");
    d.dcb_mxpr     = r.ub4("dcb_mxpr");
    d.query_key    = detail::read_owned_ub4_bytes(r, "query_key");
    return r.error();
}

void encode(writer& w, const describe_info& d, const caps& c) {
    w.u8(static_cast<std::uint8_t>(message_type::describe_info));
    w.bytes_with_length(bytes_view{d.prefix});
    encode_describe_body(w, d, c);
}

std::error_code decode_body(reader& r, describe_info& d, const caps& c) {
    r.begin("describe_info");
    d.prefix = detail::read_owned_bytes(r, "prefix");
    auto ec  = decode_describe_body(r, d, c);
    r.end();
    return ec;
}

}  // namespace oranet::proto::ttc

#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/row_data.hpp>

namespace oranet::proto::ttc {

namespace {

bool is_lob(std::uint8_t t) {
    return t == ora_type_num::clob || t == ora_type_num::blob || t == ora_type_num::bfile;
}
bool is_long(std::uint8_t t) { return t == ora_type_num::long_ || t == ora_type_num::long_raw; }
bool is_image(std::uint8_t t) { return t == ora_type_num::json || t == ora_type_num::vector; }

// A length-prefixed byte string into `v`.
void read_plain(reader& r, column_value& v) {
    std::vector<std::uint8_t> scratch;
    const opt_bytes b = r.bytes_with_length(scratch, "value");
    v.state           = b.null ? value_state::null : value_state::present;
    v.data.assign(b.data.begin(), b.data.end());
}

void write_plain(writer& w, const column_value& v) {
    if (v.state != value_state::present || v.data.empty())
        w.u8(0);
    else
        w.bytes_with_length(bytes_view{v.data});
}

// One value of a reply (fetch or out bind), without the trailer.
void read_reply_value(reader& r, column_value& v, const value_shape& s, value_context where, const caps& c) {
    const std::uint8_t t = s.ora_type;
    if (where == value_context::fetch && s.buffer_size == 0 && !is_long(t) && t != ora_type_num::urowid) {
        v.state = value_state::null;  // NULL by describe: nothing on the wire
        return;
    }
    if (t == ora_type_num::rowid && where == value_context::fetch) {
        v.rowid.length = r.u8("rowid_length");
        if (v.rowid.length == 0 || v.rowid.length == null_length_indicator) {
            v.state = value_state::null;
            return;
        }
        v.rowid.rba          = r.ub4("rowid_rba");
        v.rowid.partition_id = r.ub2("rowid_partition");
        v.rowid.filler       = r.u8("rowid_filler");
        v.rowid.block_num    = r.ub4("rowid_block");
        v.rowid.slot_num     = r.ub2("rowid_slot");
        v.state              = value_state::present;
        return;
    }
    if (t == ora_type_num::urowid && where == value_context::fetch) {
        v.aux = detail::read_owned_bytes(r, "urowid_length");
        if (v.aux.empty()) {
            v.state = value_state::null;
            return;
        }
        read_plain(r, v);
        v.state = value_state::present;
        return;
    }
    if (t == ora_type_num::cursor) {
        v.lead            = r.u8("cursor_lead");
        v.cursor_describe = std::make_shared<describe_info>();
        (void)decode_describe_body(r, *v.cursor_describe, c);
        v.cursor_id = r.ub2("cursor_id");
        v.state     = value_state::present;
        return;
    }
    if (is_lob(t) || is_image(t)) {
        const std::uint32_t n = r.ub4("lob_length");
        if (n == 0) {
            v.state = value_state::null;
            return;
        }
        if (t != ora_type_num::bfile) {
            v.lob_size       = r.ub8("lob_size");
            v.lob_chunk_size = r.ub4("lob_chunk_size");
        }
        v.data = detail::read_owned_bytes(r, is_lob(t) ? "locator" : "image");
        if (is_image(t)) v.aux = detail::read_owned_bytes(r, "locator");
        v.state = value_state::present;
        return;
    }
    if (t == ora_type_num::object) {
        v.object.toid         = detail::read_owned_ub4_bytes(r, "toid");
        v.object.oid          = detail::read_owned_ub4_bytes(r, "oid");
        v.object.snapshot     = detail::read_owned_ub4_bytes(r, "snapshot");
        v.object.version      = r.ub2("version");
        const std::uint32_t n = r.ub4("image_length");
        v.object.flags        = r.ub2("flags");
        if (n > 0)
            read_plain(r, v);  // an empty image is NULL too
        else
            v.state = value_state::null;
        return;
    }
    read_plain(r, v);
}

void write_reply_value(writer& w, const column_value& v, const value_shape& s, value_context where,
                       const caps& c) {
    const std::uint8_t t = s.ora_type;
    const bool present   = v.state == value_state::present;
    if (where == value_context::fetch && s.buffer_size == 0 && !is_long(t) && t != ora_type_num::urowid)
        return;
    if (t == ora_type_num::rowid && where == value_context::fetch) {
        if (!present) {
            w.u8(0);
            return;
        }
        w.u8(v.rowid.length == 0 ? 1 : v.rowid.length);
        detail::put_ub(w, v.rowid.rba);
        detail::put_ub(w, v.rowid.partition_id);
        w.u8(v.rowid.filler);
        detail::put_ub(w, v.rowid.block_num);
        detail::put_ub(w, v.rowid.slot_num);
        return;
    }
    if (t == ora_type_num::urowid && where == value_context::fetch) {
        if (!present) {
            w.u8(0);
            return;
        }
        if (v.aux.empty()) {
            w.u8(1);
            w.u8(static_cast<std::uint8_t>(v.data.size()));
        } else {
            w.bytes_with_length(bytes_view{v.aux});
        }
        write_plain(w, v);
        return;
    }
    if (t == ora_type_num::cursor) {
        w.u8(v.lead);
        encode_describe_body(w, v.cursor_describe ? *v.cursor_describe : describe_info{}, c);
        detail::put_ub(w, v.cursor_id);
        return;
    }
    if (is_lob(t) || is_image(t)) {
        if (!present) {
            detail::put_ub(w, 0);
            return;
        }
        detail::put_ub(w, static_cast<std::uint32_t>(v.data.size() == 0 ? 1 : v.data.size()));
        if (t != ora_type_num::bfile) {
            detail::put_ub(w, v.lob_size);
            detail::put_ub(w, v.lob_chunk_size);
        }
        w.bytes_with_length(bytes_view{v.data});
        if (is_image(t)) w.bytes_with_length(bytes_view{v.aux});
        return;
    }
    if (t == ora_type_num::object) {
        w.ub4_then_bytes(bytes_view{v.object.toid});
        w.ub4_then_bytes(bytes_view{v.object.oid});
        w.ub4_then_bytes(bytes_view{v.object.snapshot});
        detail::put_ub(w, v.object.version);
        detail::put_ub(w, present ? static_cast<std::uint32_t>(v.data.size()) : 0);
        detail::put_ub(w, v.object.flags);
        if (present) write_plain(w, v);
        return;
    }
    write_plain(w, v);
}

// One value of a client's bind row (python-oracledb's bind writer).
void read_bind_value(reader& r, column_value& v, const value_shape& s) {
    const std::uint8_t t = s.ora_type;
    if (t == ora_type_num::boolean && r.ok() && r.remaining() > 0 && r.peek() == escape_char) {
        (void)r.u8("null_escape");
        (void)r.u8("null_escape_value");
        v.state = value_state::null;
        return;
    }
    if (t == ora_type_num::cursor) {
        const std::uint32_t n = r.ub4("cursor_length");
        v.cursor_id           = n > 0 ? static_cast<std::uint16_t>(r.ub4("cursor_id")) : 0;
        v.state               = value_state::present;
        return;
    }
    if (is_lob(t)) {
        const std::uint32_t n = r.ub4("locator_length");
        if (n == 0) {
            v.state = value_state::null;
            return;
        }
        v.data  = detail::read_owned_bytes(r, "locator");
        v.state = value_state::present;
        return;
    }
    if (t == ora_type_num::object || is_image(t)) {
        r.fail(client_errc::ttc_unsupported_type);
        return;
    }
    read_plain(r, v);
}

void write_bind_value(writer& w, const column_value& v, const value_shape& s) {
    const std::uint8_t t = s.ora_type;
    const bool present   = v.state == value_state::present;
    if (t == ora_type_num::boolean && !present) {
        w.u8(escape_char);
        w.u8(1);
        return;
    }
    if (t == ora_type_num::cursor) {
        if (v.cursor_id == 0) {
            w.u8(1);
            w.u8(0);
        } else {
            w.ub4(1);
            w.ub4(v.cursor_id);
        }
        return;
    }
    if (is_lob(t)) {
        if (!present || v.data.empty()) {  // no locator: NULL
            w.u8(0);
            return;
        }
        w.ub4(static_cast<std::uint32_t>(v.data.size()));
        w.bytes_with_length(bytes_view{v.data});
        return;
    }
    write_plain(w, v);
}

void read_one(reader& r, column_value& v, const value_shape& s, value_context where, const caps& c) {
    if (where == value_context::bind) {
        read_bind_value(r, v, s);
        return;
    }
    read_reply_value(r, v, s, where, c);
    if (where == value_context::out_bind) {
        v.actual_length = r.sb4("actual_length");
    } else if (is_long(s.ora_type)) {
        v.long_indicator   = r.sb4("long_indicator");
        v.long_return_code = r.ub4("long_return_code");
    }
}

void write_one(writer& w, const column_value& v, const value_shape& s, value_context where, const caps& c) {
    if (where == value_context::bind) {
        write_bind_value(w, v, s);
        return;
    }
    write_reply_value(w, v, s, where, c);
    if (where == value_context::out_bind) {
        detail::put_sb(w, v.actual_length);
    } else if (is_long(s.ora_type)) {
        detail::put_sb(w, v.long_indicator);
        detail::put_ub(w, v.long_return_code);
    }
}

}  // namespace

value_shape shape_of(const column_info& col) noexcept {
    return value_shape{col.ora_type, col.cs_form, col.buffer_size, false};
}

void encode_value(writer& w, const column_value& v, const value_shape& s, value_context where,
                  const caps& c) {
    if (s.is_array || v.has_elements) {
        const auto n = static_cast<std::uint32_t>(v.elements.size());
        if (where == value_context::bind)
            w.ub4(n);
        else
            detail::put_ub(w, n);
        value_shape one = s;
        one.is_array    = false;
        for (const auto& e : v.elements)
            write_one(w, e, one, where, c);
        return;
    }
    write_one(w, v, s, where, c);
}

std::error_code decode_value(reader& r, column_value& v, const value_shape& s, value_context where,
                             const caps& c, bool multi) {
    v = column_value{};
    if (s.is_array || multi) {
        const std::size_t n = r.count(r.ub4("num_elements"), max_array_elements, 1);
        value_shape one     = s;
        one.is_array        = false;
        v.has_elements      = true;
        v.state             = value_state::present;
        v.elements.resize(n);
        for (std::size_t i = 0; i < n && r.ok(); ++i)
            read_one(r, v.elements[i], one, where, c);
        return r.error();
    }
    read_one(r, v, s, where, c);
    return r.error();
}

void resolve_repeated(row_data& row, const row_data& previous) {
    for (std::size_t i = 0; i < row.columns.size() && i < previous.columns.size(); ++i)
        if (row.columns[i].state == value_state::repeated) row.columns[i] = previous.columns[i];
}

void encode(writer& w, const row_header& m, const caps&) {
    w.u8(static_cast<std::uint8_t>(message_type::row_header));
    w.u8(m.flags);
    detail::put_ub(w, m.num_requests);
    detail::put_ub(w, m.iteration);
    detail::put_ub(w, m.num_iters);
    detail::put_ub(w, m.buffer_length);
    detail::put_ub(w, static_cast<std::uint32_t>(m.bit_vector.size()));
    if (!m.bit_vector.empty()) {
        w.u8(m.bit_vector_lead);
        w.bytes(bytes_view{m.bit_vector});
    }
    w.ub4_then_bytes(bytes_view{m.rxhrid});
}

std::error_code decode_body(reader& r, row_header& m, const caps&) {
    r.begin("row_header");
    m.flags             = r.u8("flags");
    m.num_requests      = r.ub2("num_requests");
    m.iteration         = r.ub4("iteration");
    m.num_iters         = r.ub4("num_iters");
    m.buffer_length     = r.ub2("buffer_length");
    const std::size_t n = r.count(r.ub4("bit_vector_length"), max_columns, 1);
    m.bit_vector.clear();
    m.bit_vector_lead = 0;
    if (n > 0) {
        m.bit_vector_lead  = r.u8("bit_vector_lead");
        const bytes_view b = r.bytes(n, "bit_vector");
        m.bit_vector.assign(b.begin(), b.end());
    }
    m.rxhrid = detail::read_owned_ub4_bytes(r, "rxhrid");
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc

#include "emulate/ttc_replies.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/types/rowid.hpp>

namespace oranet::emulate {

namespace fv = proto::ttc::field_version;
using proto::types::ora_type;

void write_auth_parameters(proto::writer& w, const std::vector<kv_pair>& kvs) {
    w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::parameter));
    w.ub2(static_cast<std::uint16_t>(kvs.size()));
    for (const auto& kv : kvs) {
        w.ub4(static_cast<std::uint32_t>(kv.key.size()));
        w.bytes_with_length(kv.key);
        w.ub4(static_cast<std::uint32_t>(kv.value.size()));
        if (!kv.value.empty()) w.bytes_with_length(kv.value);
        w.ub4(kv.flags);
    }
}

void write_error(proto::writer& w, const error_block& e, const proto::ttc::caps& c) {
    w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::error));
    w.ub4(e.call_status);
    w.ub2(0);  // end-to-end sequence number
    w.ub4(0);  // current row number
    w.ub2(0);  // error number (short form)
    w.ub2(0);  // array element error
    w.ub2(0);  // array element error
    w.ub2(e.cursor_id);
    w.ub2(e.position);
    w.u8(0);  // SQL type
    w.u8(0);  // fatal
    w.u8(0);  // flags (a UB2 zero in python 1.2.1's reading: the same byte)
    w.u8(0);  // user cursor options
    w.u8(0);  // UPI parameter
    w.u8(0);  // warning flags
    // ROWID: UB4 object, UB2 partition, UB1, UB4 block, UB2 slot
    w.ub4(0);
    w.ub2(0);
    w.u8(0);
    w.ub4(0);
    w.ub2(0);
    w.ub4(0);  // OS error
    w.u8(0);   // statement number
    w.u8(0);   // call number
    w.ub2(0);  // padding
    w.ub4(0);  // success iterations
    w.ub4(0);  // oerrdd: no logical rowid
    // Batch errors: codes, row offsets (UB2 count in python 1.2.1, UB4 in
    // node: the same bytes below 65536) and messages, each array opened by
    // the long-length indicator and closed by a zero byte; each message is
    // a UB2 chunk length, the length-prefixed text and two end bytes.
    const auto nb = static_cast<std::uint16_t>(e.batch_errors.size());
    w.ub2(nb);
    if (nb > 0) {
        w.u8(0xfe);
        for (const auto& b : e.batch_errors) {
            w.ub4(2);
            w.ub2(b.code);
        }
        w.u8(0);
    }
    w.ub4(nb);
    if (nb > 0) {
        w.u8(0xfe);
        for (const auto& b : e.batch_errors) {
            w.ub4(4);
            w.ub4(b.offset);
        }
        w.u8(0);
    }
    w.ub2(nb);
    if (nb > 0) {
        w.u8(0xfe);
        for (const auto& b : e.batch_errors) {
            w.ub2(static_cast<std::uint16_t>(b.message.size()));
            w.bytes_with_length(b.message);
            w.u8(0);
            w.u8(0);
        }
    }
    w.ub4(e.error_num);
    w.ub8(e.row_count);
    // The two 20c+ fields travel only to clients that listed type 652
    // (PEER-NOTES 2; node reads them from field version 20.1).
    if (c.at_least(fv::v20_1) && c.supports_oer_type) {
        w.ub4(0);  // SQL type
        w.ub4(0);  // server checksum
    }
    if (e.error_num != 0) w.bytes_with_length(e.message);
}

void write_status(proto::writer& w, std::uint32_t call_status, std::uint16_t seq) {
    w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::status));
    w.ub4(call_status);
    w.ub2(seq);
}

namespace {

bool has_sb2_scale(ora_type t) {
    return t == ora_type::number || t == ora_type::interval_ds || t == ora_type::timestamp ||
           t == ora_type::timestamp_ltz || t == ora_type::timestamp_tz;
}

bool null_by_describe(const column_meta& col) {
    return col.max_size == 0 && col.type != ora_type::long_ && col.type != ora_type::long_raw &&
           col.type != ora_type::urowid;
}

// A ROWID column in a fetch: a length byte, then the parts as TTC integers
// (object, file, a zero byte, block, slot), which both clients turn into
// the 18-character text (python-oracledb's read_rowid, node's readRowid).
void write_rowid(proto::writer& w, const value& v) {
    rowid r;
    if (const auto* p = std::get_if<rowid>(&v)) {
        r = *p;
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        if (proto::types::rowid_from_text(*s, r)) {
            w.u8(0);
            return;
        }
    } else {
        w.u8(0);
        return;
    }
    w.u8(static_cast<std::uint8_t>(proto::types::rowid_text_length));
    w.ub4(r.object);
    w.ub2(r.file);
    w.u8(0);
    w.ub4(r.block);
    w.ub2(r.slot);
}

}  // namespace

void write_describe(proto::writer& w, const std::vector<column_meta>& cols, const proto::ttc::caps& c) {
    w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::describe_info));
    w.u8(0);  // no describe prefix bytes
    write_describe_body(w, cols, c);
}

void write_describe_body(proto::writer& w, const std::vector<column_meta>& cols, const proto::ttc::caps& c) {
    std::uint32_t max_row = 0;
    for (const auto& col : cols)
        max_row += col.max_size;
    w.ub4(max_row);
    w.ub4(static_cast<std::uint32_t>(cols.size()));
    if (!cols.empty()) w.u8(1);
    for (const auto& col : cols) {
        w.u8(static_cast<std::uint8_t>(col.type));
        w.u8(0);  // flags
        w.sb1(static_cast<std::int8_t>(col.precision));
        // Clients that listed type 646 read the scale as one raw byte; the
        // others (python 1.2.1) read NUMBER and datetime scales as SB2.
        if (!c.supports_oac_type && has_sb2_scale(col.type)) {
            w.sb2(col.scale);
        } else {
            w.sb1(static_cast<std::int8_t>(col.scale));
        }
        w.ub4(col.max_size);  // buffer size
        w.ub4(0);             // max array elements
        w.ub8(0);             // cont flags
        w.ub4(0);             // OID
        w.ub2(0);             // version
        const bool text = col.type == ora_type::varchar || col.type == ora_type::char_ ||
                          col.type == ora_type::clob || col.type == ora_type::long_;
        w.ub2(text ? (col.form == proto::types::cs_form::nchar ? c.ncharset_id : c.charset_id) : 0);
        w.u8(text ? static_cast<std::uint8_t>(col.form) : 0);  // character set form: 0 for non-text
        // Size in characters: text types only. Both clients show it as the
        // column size (python's display_size, node's byteSize); for other
        // types a real server sends 0 (python then shows None, or 23 for the
        // datetime types: python-oracledb's tests against real databases).
        w.ub4(text ? (col.max_chars != 0 ? col.max_chars : col.max_size) : 0);
        if (c.at_least(fv::v12_2)) w.ub4(0);  // oaccolid
        w.u8(col.nullable ? 1 : 0);
        w.u8(0);  // v7 length of name
        w.ub4(static_cast<std::uint32_t>(col.name.size()));
        if (!col.name.empty()) w.bytes_with_length(col.name);
        w.ub4(0);  // schema
        w.ub4(0);  // type name
        w.ub2(0);  // column position
        w.ub4(0);  // UDS flags
        if (c.at_least(fv::v23_1)) {
            w.ub4(0);  // domain schema
            w.ub4(0);  // domain name
        }
        if (c.at_least(fv::v23_1_ext3)) w.ub4(0);  // no annotations
        if (c.at_least(fv::v23_4)) {
            w.ub4(0);  // vector dimensions
            w.u8(0);   // vector format
            w.u8(0);   // vector flags
        }
    }
    w.ub4(0);  // current date
    w.ub4(0);  // dcbflag
    w.ub4(0);  // dcbmdbz
    w.ub4(0);  // dcbmnpr
    w.ub4(0);  // dcbmxpr
    w.ub4(0);  // dcbqcky
}

void write_row_counts(proto::writer& w, const std::vector<std::uint64_t>& counts) {
    w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::parameter));
    w.ub2(0);  // al8o4l
    w.ub2(0);  // al8txl
    w.ub2(0);  // key/value pairs
    w.ub2(0);  // registration
    w.ub4(static_cast<std::uint32_t>(counts.size()));
    for (auto n : counts)
        w.ub8(n);
}

void write_io_vector(proto::writer& w, const std::vector<bind_dir>& dirs) {
    w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::io_vector));
    w.u8(0);  // flags
    w.ub2(static_cast<std::uint16_t>(dirs.size() % 256));
    w.ub4(static_cast<std::uint32_t>(dirs.size() / 256));
    w.ub4(1);  // iterations this time
    w.ub2(0);  // uac buffer length
    w.ub2(0);  // no fast-fetch bit vector
    w.ub2(0);  // no rowid
    for (auto d : dirs)
        w.u8(d == bind_dir::out ? 16 : d == bind_dir::in_out ? 48 : 32);
}

void write_out_value(proto::writer& w, ora_type type, std::uint8_t cs_form, std::uint16_t charset,
                     const value& v) {
    std::vector<std::uint8_t> bytes;
    proto::types::wire_type t;
    t.type    = type;
    t.form    = static_cast<proto::types::cs_form>(cs_form);
    t.charset = charset;
    if (is_null(v) || proto::types::encode_value(t, v, bytes) || bytes.empty()) {
        w.u8(0);
    } else {
        w.bytes_with_length(bytes);
    }
    w.sb4(0);  // actual length: not truncated
}

void write_row_header(proto::writer& w) {
    w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::row_header));
    w.u8(0);   // flags
    w.ub2(0);  // requests
    w.ub4(0);  // iteration number
    w.ub4(0);  // iterations
    w.ub2(0);  // buffer length
    w.ub4(0);  // no bit vector
    w.ub4(0);  // no rxhrid
}

void write_row(proto::writer& w, const std::vector<column_meta>& cols, const std::vector<value>& row,
               std::uint16_t charset_id) {
    w.u8(static_cast<std::uint8_t>(proto::ttc::message_type::row_data));
    std::vector<std::uint8_t> bytes;
    for (std::size_t i = 0; i < cols.size(); ++i) {
        // A column that is NULL by describe (buffer size 0) sends no bytes
        // at all, LONG, LONG RAW and UROWID aside: python-oracledb and
        // node-oracledb skip reading it (their column data readers).
        if (null_by_describe(cols[i])) continue;
        const value& v = i < row.size() ? row[i] : value{};
        if (is_null(v)) {
            w.u8(0);
            continue;
        }
        if (cols[i].type == ora_type::rowid) {
            write_rowid(w, v);
            continue;
        }
        proto::types::wire_type t;
        t.type      = cols[i].type;
        t.form      = cols[i].form;
        t.charset   = charset_id;
        t.precision = cols[i].precision;
        t.scale     = cols[i].scale;
        if (proto::types::encode_value(t, v, bytes) || bytes.empty()) {
            w.u8(0);
            continue;
        }
        w.bytes_with_length(bytes);
    }
}

}  // namespace oranet::emulate

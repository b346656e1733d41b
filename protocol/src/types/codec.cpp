// The datatype dispatcher: one value's bytes <-> oranet::value by wire type.
#include <oranet/proto/types/binary_float.hpp>
#include <oranet/proto/types/boolean.hpp>
#include <oranet/proto/types/charset.hpp>
#include <oranet/proto/types/codec.hpp>
#include <oranet/proto/types/datetime.hpp>
#include <oranet/proto/types/interval.hpp>
#include <oranet/proto/types/number.hpp>
#include <oranet/proto/types/rowid.hpp>

namespace oranet::proto::types {

std::uint16_t text_charset(const wire_type& t) noexcept {
    if (t.form == cs_form::nchar) return t.charset == charset::utf8 ? charset::utf8 : charset::al16utf16;
    return t.charset;
}

namespace {

template <class T, class F>
std::error_code decode_into(bytes_view wire, value& out, F decode) {
    T v{};
    if (auto ec = decode(wire, v)) return ec;
    out = std::move(v);
    return {};
}

// UROWID: the physical bytes, the text form (out binds), or a logical rowid's bytes.
std::error_code decode_urowid_value(bytes_view wire, rowid& out) {
    if (wire.empty()) return client_errc::truncated;
    if (wire[0] != 1) {
        const std::string_view text(reinterpret_cast<const char*>(wire.data()), wire.size());
        if (wire[0] == '*' || (wire.size() == rowid_text_length && !rowid_from_text(text, out)))
            return rowid_from_text(text, out);
    }
    return decode_urowid(wire, out);
}

std::error_code encode_text(const wire_type& t, const value& v, std::vector<std::uint8_t>& out) {
    if (const auto* s = std::get_if<std::string>(&v)) return from_utf8(text_charset(t), *s, out);
    if (const auto* n = std::get_if<number>(&v)) return from_utf8(text_charset(t), n->text(), out);
    return client_errc::type_mismatch;
}

std::error_code encode_number_value(const value& v, std::vector<std::uint8_t>& out) {
    number n;
    if (const auto* p = std::get_if<number>(&v)) {
        n = *p;
    } else if (const auto* d = std::get_if<double>(&v)) {
        if (!number::from_double(*d, n)) return client_errc::invalid_number;
    } else if (const auto* f = std::get_if<float>(&v)) {
        if (!number::from_double(static_cast<double>(*f), n)) return client_errc::invalid_number;
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        if (!number::parse(*s, n)) return client_errc::invalid_number;
    } else if (const auto* b = std::get_if<bool>(&v)) {
        n = number::from_int64(*b ? 1 : 0);
    } else {
        return client_errc::type_mismatch;
    }
    encode_number(n, out);
    return {};
}

std::error_code encode_float_value(const wire_type& t, const value& v, std::vector<std::uint8_t>& out) {
    double d = 0;
    if (const auto* p = std::get_if<double>(&v)) {
        d = *p;
    } else if (const auto* f = std::get_if<float>(&v)) {
        d = static_cast<double>(*f);
    } else if (const auto* n = std::get_if<number>(&v)) {
        d = n->to_double();
    } else {
        return client_errc::type_mismatch;
    }
    if (t.type == ora_type::binary_float) {
        // A float value keeps its exact bits (NaN payloads included).
        if (const auto* f = std::get_if<float>(&v))
            encode_binary_float(*f, out);
        else
            encode_binary_float(static_cast<float>(d), out);
    } else {
        encode_binary_double(d, out);
    }
    return {};
}

const date_time* as_date_time(const value& v) noexcept {
    if (const auto* p = std::get_if<date_time>(&v)) return p;
    if (const auto* p = std::get_if<timestamp_ltz>(&v)) return &p->value;
    if (const auto* p = std::get_if<timestamp_tz>(&v)) return &p->utc;
    return nullptr;
}

std::error_code encode_rowid_value(const value& v, std::vector<std::uint8_t>& out) {
    std::string text;
    if (const auto* r = std::get_if<rowid>(&v)) {
        text = r->text.empty() ? rowid_text(*r) : r->text;
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        rowid check;
        if (auto ec = rowid_from_text(*s, check)) return ec;
        text = *s;
    } else {
        return client_errc::type_mismatch;
    }
    out.assign(text.begin(), text.end());
    return {};
}

std::error_code encode_non_null(const wire_type& t, const value& v, std::vector<std::uint8_t>& out) {
    switch (t.type) {
        case ora_type::varchar:
        case ora_type::char_:
        case ora_type::long_:
        case ora_type::clob: return encode_text(t, v, out);
        case ora_type::number:
        case ora_type::binary_integer: return encode_number_value(v, out);
        case ora_type::raw:
        case ora_type::long_raw:
        case ora_type::blob:
            if (const auto* r = std::get_if<raw_bytes>(&v)) {
                out = r->data;
                return {};
            }
            return client_errc::type_mismatch;
        case ora_type::binary_float:
        case ora_type::binary_double: return encode_float_value(t, v, out);
        case ora_type::date:
            if (const auto* d = as_date_time(v)) return encode_date(*d, out);
            return client_errc::type_mismatch;
        case ora_type::timestamp:
        case ora_type::timestamp_ltz:
            if (const auto* d = as_date_time(v)) return encode_timestamp(*d, out);
            return client_errc::type_mismatch;
        case ora_type::timestamp_tz:
            if (const auto* p = std::get_if<timestamp_tz>(&v)) return encode_timestamp_tz(*p, out);
            if (const auto* d = as_date_time(v)) return encode_timestamp_tz(timestamp_tz{*d, 0, 0, {}}, out);
            return client_errc::type_mismatch;
        case ora_type::interval_ym:
            if (const auto* p = std::get_if<interval_ym>(&v)) return encode_interval_ym(*p, out);
            return client_errc::type_mismatch;
        case ora_type::interval_ds:
            if (const auto* p = std::get_if<interval_ds>(&v)) return encode_interval_ds(*p, out);
            return client_errc::type_mismatch;
        case ora_type::rowid:
        case ora_type::urowid: return encode_rowid_value(v, out);
        case ora_type::boolean:
            if (const auto* b = std::get_if<bool>(&v)) {
                encode_boolean(*b, out);
                return {};
            }
            return client_errc::type_mismatch;
        default: return client_errc::ttc_unsupported_type;
    }
}

}  // namespace

std::error_code decode_value(const wire_type& t, bytes_view wire, value& out) {
    switch (t.type) {
        case ora_type::varchar:
        case ora_type::char_:
        case ora_type::long_:
        case ora_type::clob: {
            std::string s;
            if (auto ec = to_utf8(text_charset(t), wire, s)) return ec;
            out = std::move(s);
            return {};
        }
        case ora_type::number:
        case ora_type::binary_integer: return decode_into<number>(wire, out, decode_number);
        case ora_type::raw:
        case ora_type::long_raw:
        case ora_type::blob: out = raw_bytes{{wire.begin(), wire.end()}}; return {};
        case ora_type::binary_float: return decode_into<float>(wire, out, decode_binary_float);
        case ora_type::binary_double: return decode_into<double>(wire, out, decode_binary_double);
        case ora_type::date: return decode_into<date_time>(wire, out, decode_date);
        case ora_type::timestamp: return decode_into<date_time>(wire, out, decode_timestamp);
        case ora_type::timestamp_tz: return decode_into<timestamp_tz>(wire, out, decode_timestamp_tz);
        case ora_type::timestamp_ltz: return decode_into<timestamp_ltz>(wire, out, decode_timestamp_ltz);
        case ora_type::interval_ym: return decode_into<interval_ym>(wire, out, decode_interval_ym);
        case ora_type::interval_ds: return decode_into<interval_ds>(wire, out, decode_interval_ds);
        case ora_type::rowid: return decode_into<rowid>(wire, out, decode_rowid_value);
        case ora_type::urowid: return decode_into<rowid>(wire, out, decode_urowid_value);
        case ora_type::boolean: return decode_into<bool>(wire, out, decode_boolean);
        default: return client_errc::ttc_unsupported_type;
    }
}

std::error_code encode_value(const wire_type& t, const value& v, std::vector<std::uint8_t>& out) {
    out.clear();
    if (is_null(v)) return {};
    auto ec = encode_non_null(t, v, out);
    if (ec) out.clear();
    return ec;
}

}  // namespace oranet::proto::types

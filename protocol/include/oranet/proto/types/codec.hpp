// The datatype dispatcher: wire bytes of one column value <-> oranet::value,
// chosen by the Oracle type number, character set form and character set.
// Each type's codec lives in its own file beside this one: number.hpp,
// binary_float.hpp, datetime.hpp, interval.hpp, rowid.hpp, boolean.hpp, and
// charset.hpp for text. The dispatcher maps:
//   VARCHAR/CHAR/LONG/CLOB (inline text) -> std::string (UTF-8, via charset.hpp)
//   NUMBER/BINARY_INTEGER -> number      RAW/LONG RAW/BLOB (inline) -> raw_bytes
//   BINARY_FLOAT -> float, BINARY_DOUBLE -> double
//   DATE/TIMESTAMP -> date_time, TIMESTAMP WITH (LOCAL) TIME ZONE -> timestamp_tz/_ltz
//   INTERVAL YM/DS -> interval_ym/_ds, ROWID/UROWID -> rowid, BOOLEAN -> bool
// Other types give ttc_unsupported_type.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::types {

// Oracle data type numbers as they travel in describe info and binds.
enum class ora_type : std::uint16_t {
    varchar        = 1,
    number         = 2,
    binary_integer = 3,
    long_          = 8,
    rowid          = 11,
    date           = 12,
    raw            = 23,
    long_raw       = 24,
    char_          = 96,
    binary_float   = 100,
    binary_double  = 101,
    cursor         = 102,
    clob           = 112,
    blob           = 113,
    bfile          = 114,
    json           = 119,
    vector         = 127,
    timestamp      = 180,
    timestamp_tz   = 181,
    interval_ym    = 182,
    interval_ds    = 183,
    urowid         = 208,
    timestamp_ltz  = 231,
    boolean        = 252,
};

// Character set form: which of the database's two character sets text uses.
enum class cs_form : std::uint8_t { none = 0, implicit = 1, nchar = 2 };

// Oracle character set ids.
namespace charset {
inline constexpr std::uint16_t we8iso8859p1 = 31;
inline constexpr std::uint16_t we8mswin1252 = 178;
inline constexpr std::uint16_t utf8         = 871;
inline constexpr std::uint16_t al32utf8     = 873;
inline constexpr std::uint16_t al16utf16    = 2000;
}  // namespace charset

// What the codec needs to know of a column or bind.
struct wire_type {
    ora_type type          = ora_type::varchar;
    cs_form form           = cs_form::implicit;
    std::uint16_t charset  = charset::al32utf8;  // of this value's text (AL16UTF16 for NCHAR forms)
    std::int16_t precision = 0;
    std::int16_t scale     = 0;
};

// The character set of a text value: AL16UTF16 for the NCHAR form (UTF8 when
// that is the national set), else t.charset.
[[nodiscard]] std::uint16_t text_charset(const wire_type& t) noexcept;

// Decodes the bytes of one non-NULL value (the payload after the length
// prefix of a row's column) into `out`. Text comes out as UTF-8.
[[nodiscard]] std::error_code decode_value(const wire_type& t, bytes_view wire, value& out);

// Encodes `v` as the bytes of one value of type `t` (without the length
// prefix); a null_t gives an empty vector. `out` is replaced. Conversions:
// text from std::string or number; NUMBER from number, double, float, bool
// or decimal text; floats from float, double or number; DATE/TIMESTAMP from
// any date-time alternative (DATE drops the fraction; TIMESTAMP is always 11
// bytes); ROWID/UROWID as text (binds carry text). Otherwise type_mismatch.
[[nodiscard]] std::error_code encode_value(const wire_type& t, const value& v,
                                           std::vector<std::uint8_t>& out);

}  // namespace oranet::proto::types

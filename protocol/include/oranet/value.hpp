// Typed Oracle values, as the protocol decodes them and as the public API
// returns them. Plain data: the codecs that turn them into wire bytes and
// back live in oranet::proto::types (protocol/include/oranet/proto/types/).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace oranet {

// An exact Oracle NUMBER: up to 40 significant decimal digits and exponents
// from 1e-130 to below 1e126, plus the two infinities. It never passes through
// a double unless the caller asks for one. Kept as canonical decimal text
// (no exponent, no leading zeros, no trailing zeros after the point, "-" for
// negative, "0" for zero; "~" and "-~" for +/- infinity).
class number {
public:
    number() = default;  // zero

    // Parses decimal text ("-12.50", "1e-5", ".5", "+7"; "  7 " is refused) and
    // the infinity texts "~" / "-~". False when invalid or not representable:
    // outside 1e-130 .. <1e126, or more base-100 digits than the byte form
    // holds (40 significant digits, 39 when the point splits a digit pair).
    // Never rounds.
    [[nodiscard]] static bool parse(std::string_view text, number& out);
    [[nodiscard]] static number from_int64(std::int64_t v);
    // Shortest decimal text that round-trips the double (as Oracle and the
    // thin clients convert); infinities map to the infinities; false for NaN
    // and for finite values outside NUMBER's range.
    [[nodiscard]] static bool from_double(double v, number& out);
    [[nodiscard]] static number positive_infinity();
    [[nodiscard]] static number negative_infinity();

    [[nodiscard]] const std::string& text() const noexcept { return text_; }
    [[nodiscard]] bool is_zero() const noexcept { return text_ == "0"; }
    [[nodiscard]] bool is_negative() const noexcept { return !text_.empty() && text_[0] == '-'; }
    [[nodiscard]] bool is_infinity() const noexcept { return text_ == "~" || text_ == "-~"; }
    [[nodiscard]] bool is_integer() const noexcept;
    // Exact conversion; false when the value is not an integer or does not fit.
    [[nodiscard]] bool to_int64(std::int64_t& out) const noexcept;
    [[nodiscard]] double to_double() const noexcept;

    friend bool operator==(const number&, const number&) = default;
    // Numeric order (infinities at the ends).
    friend std::strong_ordering operator<=>(const number& a, const number& b) noexcept;

private:
    explicit number(std::string canonical) : text_(std::move(canonical)) {}
    std::string text_ = "0";
};

// DATE and TIMESTAMP (without zone): a calendar date and a wall-clock time.
// Oracle allows years -4712..9999 (year 0 is not a year).
struct date_time {
    std::int16_t year                                           = 1;
    std::uint8_t month                                          = 1;  // 1..12
    std::uint8_t day                                            = 1;  // 1..31
    std::uint8_t hour                                           = 0;  // 0..23
    std::uint8_t minute                                         = 0;
    std::uint8_t second                                         = 0;
    std::uint32_t nanosecond                                    = 0;  // 0..999,999,999
    friend auto operator<=>(const date_time&, const date_time&) = default;
};

// TIMESTAMP WITH TIME ZONE: `utc` is the instant in UTC (as the wire carries
// it); the zone is either an offset or a region.
struct timestamp_tz {
    date_time utc;
    std::int16_t offset_minutes = 0;  // offset form: local = utc + offset
    std::uint16_t region_id     = 0;  // region form when non-zero (Oracle's zone id)
    std::string region_name;          // the region's name when known, e.g. "Europe/Paris"
    friend bool operator==(const timestamp_tz&, const timestamp_tz&) = default;
};

// TIMESTAMP WITH LOCAL TIME ZONE travels as the instant in the session's zone
// (a date_time); it is a distinct type so the API can tell them apart.
struct timestamp_ltz {
    date_time value;
    friend bool operator==(const timestamp_ltz&, const timestamp_ltz&) = default;
};

struct interval_ym {
    std::int32_t years                                             = 0;
    std::int32_t months                                            = 0;  // same sign as years, |months| < 12
    friend bool operator==(const interval_ym&, const interval_ym&) = default;
};

struct interval_ds {
    std::int32_t days                                              = 0;
    std::int32_t hours                                             = 0;  // all parts share one sign
    std::int32_t minutes                                           = 0;
    std::int32_t seconds                                           = 0;
    std::int32_t nanoseconds                                       = 0;
    friend bool operator==(const interval_ds&, const interval_ds&) = default;
};

// A ROWID: physical (object, file, block, slot) or, for others (UROWID,
// logical), its text form.
struct rowid {
    std::uint32_t object = 0;
    std::uint16_t file   = 0;
    std::uint32_t block  = 0;
    std::uint16_t slot   = 0;
    std::string text;  // the extended base-64 text form (18 characters for physical)
    friend bool operator==(const rowid&, const rowid&) = default;
};

struct raw_bytes {
    std::vector<std::uint8_t> data;
    friend bool operator==(const raw_bytes&, const raw_bytes&) = default;
};

// A LOB (CLOB, NCLOB, BLOB, BFILE) as a query returns it by default: the
// server's locator, with the size and chunk size the row carried (0 when
// the server sent none). Read, write, trim and size it with oranet::lob
// (lib/include/oranet/lob.hpp); fetch it as text or bytes instead with
// cursor::set_fetch_lobs_inline(true).
struct lob_locator {
    std::uint8_t ora_type = 112;  // 112 CLOB or NCLOB, 113 BLOB, 114 BFILE
    std::uint8_t cs_form  = 1;    // 2: NCLOB; 0 for BLOB and BFILE
    std::vector<std::uint8_t> bytes;
    std::uint64_t size       = 0;  // characters (CLOB, NCLOB; UTF-16 code units) or bytes
    std::uint32_t chunk_size = 0;
    friend bool operator==(const lob_locator&, const lob_locator&) = default;
};

struct null_t {
    friend bool operator==(null_t, null_t) = default;
};

// One decoded value. Text is UTF-8 whatever the wire character set was.
using value = std::variant<null_t, std::string, raw_bytes, number, double, float, bool, date_time,
                           timestamp_tz, timestamp_ltz, interval_ym, interval_ds, rowid, lob_locator>;

[[nodiscard]] inline bool is_null(const value& v) noexcept { return std::holds_alternative<null_t>(v); }

}  // namespace oranet

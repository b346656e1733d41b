// DATE/TIMESTAMP helpers for the emulator: storage forms, Oracle format
// models (TO_CHAR/TO_DATE) and time zone offsets.
//
// Storage: DATE is a REAL Julian day (so `d + 1`, `d1 - d2` and comparisons
// work in SQLite unchanged); TIMESTAMP is sortable text
// "YYYY-MM-DD HH:MM:SS.nnnnnnnnn"; TIMESTAMP WITH TIME ZONE is the UTC
// instant in that form followed by " +HH:MM"; WITH LOCAL TIME ZONE is the
// UTC instant.
#pragma once

#include <oranet/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace oranet::emulate::dt {

[[nodiscard]] double to_julian(const date_time& d);
[[nodiscard]] date_time from_julian(double jd);  // rounded to the second

[[nodiscard]] std::string to_text(const date_time& d);  // storage form
[[nodiscard]] bool from_text(std::string_view s, date_time& out);
[[nodiscard]] std::string tz_to_text(const timestamp_tz& t);
[[nodiscard]] bool tz_from_text(std::string_view s, timestamp_tz& out);

// Adds minutes (possibly negative) to a date_time.
[[nodiscard]] date_time add_minutes(const date_time& d, long long minutes);
[[nodiscard]] date_time now_utc();
[[nodiscard]] int days_in_month(int year, int month);

// "+02:00", "-05:30", "UTC", "GMT", "Z": offset in minutes; false otherwise.
[[nodiscard]] bool parse_offset(std::string_view s, int& minutes);
[[nodiscard]] std::string offset_text(int minutes);
// A TIMESTAMP literal's text with a trailing zone ("2024-02-29 13:45:07.5 +05:30"):
// the local part and the offset; false when it has no zone.
[[nodiscard]] bool split_zone(std::string_view s, std::string& local, int& minutes);

// Oracle format models. Throw ora_exception (ORA-01821, 01843, 01861, ...).
[[nodiscard]] std::string format(const date_time& d, std::string_view fmt, int offset_minutes = 0,
                                 bool has_zone = false);
[[nodiscard]] date_time parse(std::string_view text, std::string_view fmt);

}  // namespace oranet::emulate::dt

// A sink for named reads: each decoder names its fields, and a sink attached
// to the reader receives one record per field (offset, length, value). This
// is how `oranet dump` and the trace log print messages without describing
// any layout a second time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace oranet::proto {

enum class field_kind : std::uint8_t {
    unsigned_int,  // value.u
    signed_int,    // value.i
    bytes,         // value.b (raw bytes)
    text,          // value.b (bytes that hold text in the session's charset)
    secret,        // value.b must never be printed: passwords, keys
};

struct field_record {
    std::string_view name;
    std::size_t offset = 0;  // offset of the field's first byte in the reader's input
    std::size_t length = 0;  // bytes the field took on the wire
    field_kind kind    = field_kind::unsigned_int;
    std::uint64_t u    = 0;
    std::int64_t i     = 0;
    std::span<const std::uint8_t> b;
};

class trace_sink {
public:
    virtual ~trace_sink()                          = default;
    virtual void on_field(const field_record& rec) = 0;
    // A named group of fields (a message, a column) opens and closes.
    virtual void on_begin(std::string_view /*name*/, std::size_t /*offset*/) {}
    virtual void on_end() {}
};

}  // namespace oranet::proto

// What `oranet dump` and `oranet proxy` print for one TNS packet: the
// packet's header and fields, and the TTC messages decoded from it, each a
// tree of named fields as the protocol decoders report them through their
// trace sink. Printed as text or as one JSON object per line.
#pragma once

#include <oranet/proto/trace.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oranet::dump {

struct field_out {
    std::string name;
    std::size_t offset     = 0;  // in the packet (TNS fields) or in the message (TTC fields)
    std::size_t length     = 0;
    proto::field_kind kind = proto::field_kind::unsigned_int;
    std::uint64_t u        = 0;
    std::int64_t i         = 0;
    std::vector<std::uint8_t> b;  // empty for secrets: their bytes are never kept
};

// A named group of fields and groups, in wire order.
struct node {
    std::string name;
    std::size_t offset = 0;
    std::vector<field_out> fields;
    std::vector<node> children;
    std::vector<bool> order;  // false: the next field, true: the next child
};

struct message_out {
    std::string type;        // "execute", "row_data", ... or "unknown"
    long offset        = 0;  // in the packet; negative: the message began in an earlier packet
    std::size_t length = 0;
    node body;
    std::string error;              // why it did not decode (then `raw` holds its bytes)
    std::vector<std::uint8_t> raw;  // undecoded bytes
    std::vector<std::pair<std::string, std::string>> values;  // row data: column name, JSON literal
};

struct packet_out {
    std::size_t frame  = 0;
    std::size_t stream = 0;
    bool from_client   = true;
    std::string src;  // endpoints, when the capture has them
    std::string dst;
    std::string packet;  // CONNECT, DATA, ... or UNKNOWN
    std::uint8_t type_byte   = 0;
    std::uint32_t length     = 0;  // the header's length field
    std::uint8_t flags       = 0;
    std::uint16_t data_flags = 0;
    node fields;  // the packet's own fields (offsets from the packet start)
    std::vector<message_out> messages;
    std::vector<std::string> notes;  // gaps, resynchronisation, decode errors
    std::string error;
    std::vector<std::uint8_t> raw;  // bytes shown when the packet did not decode
};

// Collects a decoder's named reads into a node tree. Offsets are reported
// relative to `base` (the reader position where the tree starts).
class tree_sink : public proto::trace_sink {
public:
    explicit tree_sink(std::size_t base = 0) : base_(base) { stack_.push_back(&root_); }
    void on_field(const proto::field_record& rec) override;
    void on_begin(std::string_view name, std::size_t offset) override;
    void on_end() override;
    [[nodiscard]] node take() { return std::move(root_); }

private:
    std::size_t base_;
    node root_;
    std::vector<node*> stack_;
};

struct output_options {
    bool json = false;
};

// One packet as text (several lines) or as one JSON line.
void print_packet(std::FILE* out, const packet_out& p, const output_options& o);
// A JSON string literal of `s` taken as UTF-8.
[[nodiscard]] std::string json_quote(std::string_view s);

// A line of its own for a whole-file problem (JSON: {"error": ...}).
void print_notice(std::FILE* out, const std::string& text, const output_options& o);

}  // namespace oranet::dump

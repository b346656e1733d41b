// A server's reply to a call is a stream of items: decode them one at a
// time from the bytes received so far. An item that does not fit yet gives
// `truncated` and leaves the reader where the item starts, so the caller
// waits for the next DATA packet and retries from that boundary.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/bit_vector.hpp>
#include <oranet/proto/ttc/describe.hpp>
#include <oranet/proto/ttc/end_of_response.hpp>
#include <oranet/proto/ttc/error_info.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/implicit_result.hpp>
#include <oranet/proto/ttc/io_vector.hpp>
#include <oranet/proto/ttc/parameters.hpp>
#include <oranet/proto/ttc/piggyback.hpp>
#include <oranet/proto/ttc/reply_context.hpp>
#include <oranet/proto/ttc/row_data.hpp>
#include <oranet/proto/ttc/status.hpp>
#include <oranet/proto/writer.hpp>

#include <cstddef>
#include <system_error>
#include <variant>
#include <vector>

namespace oranet::proto::ttc {

using reply_item = std::variant<status, error_info, warning_info, parameters, describe_info, row_header,
                                row_data, bit_vector, io_vector, server_piggyback, end_of_response,
                                flush_out_binds, token_item, implicit_results, lob_data, lob_op_return>;

// Row data (message 7) with the context's columns, bit vector and fetch mode.
void encode(writer& w, const row_data& m, const reply_context& ctx);
[[nodiscard]] std::error_code decode_body(reader& r, row_data& m, const reply_context& ctx);

struct decode_status {
    std::error_code ec;        // empty: one item decoded
    std::size_t consumed = 0;  // bytes of the item (type byte included) when ok

    [[nodiscard]] bool ok() const noexcept { return !ec; }
    // More bytes could complete the item: wait for the next packet and retry.
    [[nodiscard]] bool truncated() const noexcept { return is_truncated(ec); }
};

// Decodes the next item at the reader's position. On success the reader is
// advanced past the item; on any failure it is left where it was. An unknown
// message type is ttc_unknown_message.
[[nodiscard]] decode_status decode_reply_item(reader& r, const reply_context& ctx, reply_item& out);

// Server role: the item's type byte and body.
void encode_reply_item(writer& w, const reply_item& item, const reply_context& ctx);

// True for the items that end a response: end_of_response always; status and
// error too when the caps say the server sends no explicit end (pre-23ai).
[[nodiscard]] bool ends_response(const reply_item& item, const caps& c) noexcept;

// The context state a client keeps while it walks a reply: the current
// describe, the previous row and the pending bit vector. `apply` updates it
// after an item decoded whole; `context` gives the view the next decode needs.
class reply_tracker {
public:
    explicit reply_tracker(const caps& c) : caps_(&c) {}

    void set_describe(describe_info d) { describe_ = std::move(d), has_describe_ = true; }
    void set_out_binds(std::vector<value_shape> binds) {
        out_binds_ = std::move(binds);
        in_fetch_  = false;
    }
    // All binds of the execute in bind order: an I/O vector (PL/SQL) then
    // picks the out binds among them by direction.
    void set_binds(std::vector<value_shape> binds) { binds_ = std::move(binds); }
    void set_in_fetch(bool v) { in_fetch_ = v; }
    void set_returning(bool v) { returning_ = v; }
    void set_dml_rowcounts(bool v) { dml_rowcounts_ = v; }

    [[nodiscard]] reply_context context() const noexcept;
    // Takes in a decoded item: a describe becomes the current one, an I/O
    // vector selects the out binds (rows are then out binds), a bit
    // vector or row header's bit vector applies to the next row, a row's
    // repeated columns are filled from the previous row (then it becomes the
    // previous row).
    void apply(reply_item& item);

    [[nodiscard]] const describe_info* describe() const noexcept {
        return has_describe_ ? &describe_ : nullptr;
    }
    [[nodiscard]] const row_data& previous_row() const noexcept { return previous_; }

private:
    const caps* caps_;
    describe_info describe_;
    bool has_describe_ = false;
    std::vector<value_shape> binds_;
    std::vector<value_shape> out_binds_;
    bool in_fetch_      = true;
    bool returning_     = false;
    bool dml_rowcounts_ = false;
    std::vector<std::uint8_t> bit_vector_;
    row_data previous_;
};

}  // namespace oranet::proto::ttc

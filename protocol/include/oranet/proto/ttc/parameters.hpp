// Return parameters (message 8) of an execute: the al8o4 words, the
// transaction bytes, key/value pairs (current schema, edition, sessionless
// transaction id), query-change registration and, when the execute asked for
// them, the DML row counts.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/ttc/piggyback.hpp>
#include <oranet/proto/ttc/reply_context.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct parameters {
    std::vector<std::uint32_t> al8o4;       // out words (al8o4[0..]), clients ignore them
    std::vector<std::uint8_t> transaction;  // al8txn bytes
    std::vector<key_value_pair> pairs;
    std::vector<std::uint8_t> registration;    // the last 8 bytes hold the query id
    std::vector<std::uint64_t> dml_rowcounts;  // only when ctx.dml_rowcounts

    [[nodiscard]] std::uint64_t query_id() const noexcept;
};

void encode(writer& w, const parameters& m, const reply_context& ctx);
[[nodiscard]] std::error_code decode_body(reader& r, parameters& m, const reply_context& ctx);

}  // namespace oranet::proto::ttc

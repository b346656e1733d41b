// What decoding a reply item needs besides its bytes. The session state
// machine owns the storage the pointers and spans refer to and updates it
// after each item decoded whole (decoders never change it).
#pragma once

#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/describe.hpp>
#include <oranet/proto/ttc/lob_op.hpp>
#include <oranet/proto/ttc/row_data.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

namespace oranet::proto::ttc {

struct reply_context {
    const caps* c                 = nullptr;  // required
    const describe_info* describe = nullptr;  // the query's columns (row data in a fetch)
    std::span<const value_shape> out_binds;   // the out binds (row data when not in a fetch)
    bool in_fetch      = true;                // row data holds query rows; false: out binds of an execute
    bool returning     = false;               // DML RETURNING: each out bind is a UB4 count and values
    bool dml_rowcounts = false;               // return parameters end with the DML row counts
    // A LOB operation's reply: message 8 is its return parameters, read
    // with this shape (lob_op.hpp).
    const lob_op_reply_shape* lob_op = nullptr;
    // The bit vector of the last row header or bit vector message: it applies
    // to the next row only (a set bit: the column is on the wire).
    std::span<const std::uint8_t> bit_vector;

    // Columns (fetch) or out binds of a row.
    [[nodiscard]] std::size_t num_columns() const noexcept {
        return in_fetch ? (describe != nullptr ? describe->columns.size() : 0) : out_binds.size();
    }
    [[nodiscard]] value_shape shape(std::size_t i) const noexcept {
        return in_fetch ? shape_of(describe->columns[i]) : out_binds[i];
    }
    // True when the bit vector leaves column i out of the next row.
    [[nodiscard]] bool is_repeated(std::size_t i) const noexcept {
        if (bit_vector.empty()) return false;
        if (i / 8 >= bit_vector.size()) return false;
        return (bit_vector[i / 8] & (1u << (i % 8))) == 0;
    }
};

}  // namespace oranet::proto::ttc

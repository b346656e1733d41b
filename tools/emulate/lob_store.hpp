// The emulator's LOBs: each fetched LOB value and each temporary LOB lives
// here under a locator the clients carry back in LOB operations (function
// 96) and binds.
//
// Locator (40 bytes, the length clients allocate for a temporary LOB):
//   0-1   UB2BE 38 (the bytes that follow)      2-3  UB2BE 1 (our version)
//   4     flags 1: 0x01 BLOB                    5    flags 2: 0x08 initialised
//   6     flags 3: 0x80 variable-length charset (CLOB, NCLOB: text travels
//         as UTF-16BE; python-oracledb's _get_encoding and node-oracledb's
//         getCsfrm read this bit)
//   7     flags 4: 0x01 temporary (the clients free these)
//   8-11  "ORNT"                                12-19 UB8BE the LOB's id
//   20    Oracle type (112, 113)                21   charset form
//   22-39 zero
//
// Content: BLOB bytes; CLOB and NCLOB text as UTF-16BE, so that lengths and
// offsets count UTF-16 code units as Oracle counts CLOB characters in an
// AL32UTF8 database (a character outside the BMP counts two).
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/value.hpp>

#include <cstdint>
#include <deque>
#include <map>
#include <vector>

namespace oranet::emulate {

struct lob_entry {
    std::uint8_t ora_type = 112;  // 112 CLOB/NCLOB, 113 BLOB
    std::uint8_t cs_form  = 1;    // 2: NCLOB
    bool temporary        = false;
    bool for_update       = false;  // fetched by a SELECT ... FOR UPDATE
    bool open             = false;
    std::vector<std::uint8_t> content;

    [[nodiscard]] bool is_blob() const noexcept { return ora_type == 113; }
    // Characters (UTF-16 code units) or bytes.
    [[nodiscard]] std::uint64_t length() const noexcept {
        return is_blob() ? content.size() : content.size() / 2;
    }
    // Bytes per unit of length.
    [[nodiscard]] std::size_t unit() const noexcept { return is_blob() ? 1 : 2; }
};

class lob_store {
public:
    static constexpr std::size_t locator_length = 40;
    static constexpr std::uint32_t chunk_size   = 8132;
    // Persistent (fetched) LOBs kept at most; the oldest go first.
    static constexpr std::size_t max_persistent = 512;

    // Adds a LOB and returns its locator.
    std::vector<std::uint8_t> add(lob_entry e);
    // nullptr when the locator is not ours or the LOB was freed.
    [[nodiscard]] lob_entry* find(proto::bytes_view locator);
    void free(proto::bytes_view locator);
    [[nodiscard]] std::size_t size() const noexcept { return lobs_.size(); }

    // A stored value of a CLOB/NCLOB (text) or BLOB (bytes) column as LOB
    // content; false for a value of another kind.
    [[nodiscard]] static bool content_of(const value& v, const lob_entry& shape,
                                         std::vector<std::uint8_t>& out);
    // The content as the value a column stores: UTF-8 text or bytes.
    [[nodiscard]] static value value_of(const lob_entry& e);

    // The store LOB-locator binds resolve against while a call runs on this
    // thread (binds are decoded without the session at hand).
    class scope {
    public:
        explicit scope(lob_store& s) noexcept;
        ~scope();
        scope(const scope&)            = delete;
        scope& operator=(const scope&) = delete;

    private:
        lob_store* previous_;
    };
    [[nodiscard]] static lob_store* current() noexcept;

private:
    std::map<std::uint64_t, lob_entry> lobs_;
    std::deque<std::uint64_t> persistent_;
    std::uint64_t next_id_ = 1;
};

// A LOB locator bind (types 112/113: UB4 length, then the locator) as the
// value the SQL engine sees: the LOB's content from the current store, or
// NULL when the locator is unknown.
[[nodiscard]] value resolve_lob_bind(proto::bytes_view locator);

}  // namespace oranet::emulate

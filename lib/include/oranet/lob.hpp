// LOBs (CLOB, NCLOB, BLOB) through their locators: a query returns a
// CLOB/NCLOB/BLOB column as an oranet::lob_locator (value.hpp); bind it to
// a connection to read, write, size and trim it, in chunks, with one round
// trip per operation.
//
//   auto row = cur.fetch_one();
//   oranet::lob doc(conn, std::get<oranet::lob_locator>((*row)[0]));
//   for (std::uint64_t off = 1; off <= doc.size(); off += 8132)
//       out << doc.read_text(off, 8132);
//
// Offsets are 1-based, as Oracle's. Amounts and offsets count bytes for a
// BLOB and characters for a CLOB or NCLOB, where a character is a UTF-16
// code unit (a character outside the BMP, such as an emoji, counts two), as
// Oracle counts them. Text goes in and out as UTF-8.
//
// Writes go to temporary LOBs (create_temporary) and to LOBs of rows
// locked by SELECT ... FOR UPDATE; a LOB of an unlocked row gives the
// server's ORA-22920. Bind a lob (or its locator) as a statement value to
// store it. Errors throw oranet::error: ORA codes from the server,
// client_errc::type_mismatch for text into a BLOB or bytes into a CLOB,
// client_errc::bad_argument for offset 0, client_errc::not_connected for a
// lob without a connection or freed.
#pragma once

#include <oranet/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oranet {

class connection;

enum class lob_type : std::uint8_t { clob, nclob, blob };

class lob {
public:
    lob() = default;
    lob(connection& conn, lob_locator locator);

    // A new empty temporary LOB on the server (freed by free() or at the end
    // of the session).
    [[nodiscard]] static lob create_temporary(connection& conn, lob_type type);

    [[nodiscard]] lob_type type() const noexcept;
    [[nodiscard]] bool is_temporary() const noexcept;
    // The locator as the server last returned it; bind it as a value.
    [[nodiscard]] const lob_locator& locator() const noexcept { return loc_; }
    operator value() const {
        return value{loc_};
    }  // NOLINT(google-explicit-constructor): binds read naturally

    // Length in characters (CLOB, NCLOB) or bytes (BLOB).
    [[nodiscard]] std::uint64_t size();
    // The server's chunk size: reads and writes of multiples of it are efficient.
    [[nodiscard]] std::uint32_t chunk_size();

    // Up to `amount` characters from `offset`; fewer at the end, empty past it.
    [[nodiscard]] std::string read_text(std::uint64_t offset, std::uint64_t amount);
    // Up to `amount` bytes from `offset` (BLOB).
    [[nodiscard]] std::vector<std::uint8_t> read_bytes(std::uint64_t offset, std::uint64_t amount);
    // The whole LOB, in chunk-size pieces.
    [[nodiscard]] std::string read_all_text();
    [[nodiscard]] std::vector<std::uint8_t> read_all_bytes();

    // Writes at `offset` (1-based; past the end the gap is filled with
    // spaces or zero bytes by the server).
    void write(std::uint64_t offset, std::string_view text);
    void write(std::uint64_t offset, const std::vector<std::uint8_t>& bytes);
    void append(std::string_view text);
    void append(const std::vector<std::uint8_t>& bytes);
    // Cuts the LOB to `new_size` characters or bytes.
    void trim(std::uint64_t new_size);

    void open();
    void close();
    [[nodiscard]] bool is_open();
    // Frees a temporary LOB now (other LOBs: only forgets the locator).
    void free();

private:
    struct result {
        std::vector<std::uint8_t> data;
        std::int64_t amount = 0;
        bool flag           = false;
    };
    result call(std::uint32_t operation, std::uint64_t offset, bool send_amount, std::uint64_t amount,
                const std::vector<std::uint8_t>* data);
    [[nodiscard]] bool is_text() const noexcept { return loc_.ora_type != 113; }
    void write_raw(std::uint64_t offset, const std::vector<std::uint8_t>& wire);

    connection* conn_ = nullptr;
    lob_locator loc_;
};

}  // namespace oranet

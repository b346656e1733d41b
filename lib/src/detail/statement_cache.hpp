// The statement cache of a connection: server cursors kept open after use,
// keyed by SQL text, so that running the same statement again re-executes
// the open cursor (no parse, no SQL text on the wire) as python-oracledb's
// and node-oracledb's caches do. A statement is used by one cursor at a
// time; a second cursor running the same text at the same time gets a
// statement of its own. Cursors the cache lets go (least recently used
// beyond its size, or failed) are closed with the next call's piggyback.
#pragma once

#include <oranet/proto/ttc/describe.hpp>
#include <oranet/proto/ttc/execute.hpp>

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::detail {

struct cached_statement {
    std::string sql;
    std::uint32_t cursor_id = 0;  // 0: never executed (no server cursor yet)
    bool in_use             = false;
    bool is_plsql           = false;
    // What the last execute bound (type, size, array shape): a re-execute is
    // only possible with the same metadata.
    std::vector<proto::ttc::bind_metadata> binds;
    // A query's columns as described at its first execute (a re-execute
    // gets no describe).
    std::shared_ptr<const proto::ttc::describe_info> describe;
};

class statement_cache {
public:
    explicit statement_cache(std::size_t size = 20) : size_(size) {}

    // A statement for `sql`: a cached one not in use, or a new one. Marks it in use.
    [[nodiscard]] std::shared_ptr<cached_statement> acquire(std::string_view sql);
    // The cursor is done with `s`. `keep`: its server cursor may be reused;
    // otherwise (or beyond the cache size) its cursor id joins `to_close`.
    void release(const std::shared_ptr<cached_statement>& s, bool keep, std::vector<std::uint32_t>& to_close);
    // A new size (0: no caching); statements beyond it are closed.
    void resize(std::size_t size, std::vector<std::uint32_t>& to_close);
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] std::size_t open_statements() const noexcept { return entries_.size(); }

private:
    void trim(std::vector<std::uint32_t>& to_close);

    std::size_t size_;
    std::list<std::shared_ptr<cached_statement>> entries_;  // most recently used first
};

}  // namespace oranet::detail

#include "statement_cache.hpp"

#include <algorithm>

namespace oranet::detail {

std::shared_ptr<cached_statement> statement_cache::acquire(std::string_view sql) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
        if (!(*it)->in_use && (*it)->sql == sql) {
            auto s = *it;
            entries_.erase(it);
            entries_.push_front(s);
            s->in_use = true;
            return s;
        }
    }
    auto s    = std::make_shared<cached_statement>();
    s->sql    = std::string(sql);
    s->in_use = true;
    return s;
}

void statement_cache::release(const std::shared_ptr<cached_statement>& s, bool keep,
                              std::vector<std::uint32_t>& to_close) {
    if (!s) return;
    s->in_use     = false;
    const auto it = std::find(entries_.begin(), entries_.end(), s);
    if (!keep || s->cursor_id == 0 || size_ == 0) {
        if (it != entries_.end()) entries_.erase(it);
        if (s->cursor_id != 0) to_close.push_back(s->cursor_id);
        s->cursor_id = 0;
        return;
    }
    if (it == entries_.end()) {
        // A statement run twice at once: keep one server cursor per text.
        const auto same = std::find_if(entries_.begin(), entries_.end(),
                                       [&](const auto& e) { return e->sql == s->sql && !e->in_use; });
        if (same != entries_.end()) {
            to_close.push_back(s->cursor_id);
            s->cursor_id = 0;
            return;
        }
        entries_.push_front(s);
    }
    trim(to_close);
}

void statement_cache::resize(std::size_t size, std::vector<std::uint32_t>& to_close) {
    size_ = size;
    trim(to_close);
}

void statement_cache::trim(std::vector<std::uint32_t>& to_close) {
    // Least recently used first out; statements in use stay until released.
    auto it = entries_.end();
    while (entries_.size() > size_ && it != entries_.begin()) {
        --it;
        if ((*it)->in_use) continue;
        to_close.push_back((*it)->cursor_id);
        (*it)->cursor_id = 0;
        it               = entries_.erase(it);
    }
}

}  // namespace oranet::detail

#include "emulate/lob_store.hpp"

#include <oranet/proto/types/charset.hpp>
#include <oranet/proto/types/codec.hpp>

namespace oranet::emulate {

namespace {

thread_local lob_store* current_store = nullptr;

constexpr std::uint8_t magic[4] = {'O', 'R', 'N', 'T'};

std::uint64_t id_of(proto::bytes_view l) {
    if (l.size() < 20) return 0;
    for (std::size_t i = 0; i < 4; ++i)
        if (l[8 + i] != magic[i]) return 0;
    std::uint64_t id = 0;
    for (std::size_t i = 12; i < 20; ++i)
        id = (id << 8) | l[i];
    return id;
}

}  // namespace

std::vector<std::uint8_t> lob_store::add(lob_entry e) {
    const std::uint64_t id = next_id_++;
    std::vector<std::uint8_t> l(locator_length, 0);
    l[1] = static_cast<std::uint8_t>(locator_length - 2);
    l[3] = 1;
    l[4] = e.is_blob() ? 0x01 : 0x00;
    l[5] = 0x08;
    l[6] = e.is_blob() ? 0x00 : 0x80;
    l[7] = e.temporary ? 0x01 : 0x00;
    for (std::size_t i = 0; i < 4; ++i)
        l[8 + i] = magic[i];
    for (std::size_t i = 0; i < 8; ++i)
        l[12 + i] = static_cast<std::uint8_t>(id >> (56 - 8 * i));
    l[20] = e.ora_type;
    l[21] = e.cs_form;
    if (!e.temporary) {
        persistent_.push_back(id);
        while (persistent_.size() > max_persistent) {
            lobs_.erase(persistent_.front());
            persistent_.pop_front();
        }
    }
    lobs_.emplace(id, std::move(e));
    return l;
}

lob_entry* lob_store::find(proto::bytes_view locator) {
    const auto it = lobs_.find(id_of(locator));
    return it == lobs_.end() ? nullptr : &it->second;
}

void lob_store::free(proto::bytes_view locator) {
    const auto it = lobs_.find(id_of(locator));
    if (it != lobs_.end() && it->second.temporary) lobs_.erase(it);
}

bool lob_store::content_of(const value& v, const lob_entry& shape, std::vector<std::uint8_t>& out) {
    out.clear();
    if (shape.is_blob()) {
        if (const auto* b = std::get_if<raw_bytes>(&v)) {
            out = b->data;
            return true;
        }
        if (const auto* s = std::get_if<std::string>(&v)) {
            out.assign(s->begin(), s->end());
            return true;
        }
        return false;
    }
    if (const auto* s = std::get_if<std::string>(&v))
        return !proto::types::from_utf8(proto::types::charset::al16utf16, *s, out);
    return false;
}

value lob_store::value_of(const lob_entry& e) {
    if (e.is_blob()) return raw_bytes{e.content};
    std::string s;
    if (proto::types::to_utf8(proto::types::charset::al16utf16, e.content, s)) return null_t{};
    return s;
}

lob_store::scope::scope(lob_store& s) noexcept : previous_(current_store) { current_store = &s; }
lob_store::scope::~scope() { current_store = previous_; }
lob_store* lob_store::current() noexcept { return current_store; }

value resolve_lob_bind(proto::bytes_view locator) {
    lob_store* s = lob_store::current();
    if (s == nullptr) return null_t{};
    const lob_entry* e = s->find(locator);
    if (e == nullptr) return null_t{};
    // An empty LOB binds as an empty value, which Oracle stores as an empty
    // LOB and the engine as NULL (oranet's engine has no empty-LOB state).
    return lob_store::value_of(*e);
}

}  // namespace oranet::emulate

#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/parameters.hpp>

namespace oranet::proto::ttc {

std::uint64_t parameters::query_id() const noexcept {
    const std::size_t n = registration.size();
    if (n < 8) return 0;
    auto be32 = [&](std::size_t at) {
        return (std::uint32_t{registration[at]} << 24) | (std::uint32_t{registration[at + 1]} << 16) |
               (std::uint32_t{registration[at + 2]} << 8) | std::uint32_t{registration[at + 3]};
    };
    return (std::uint64_t{be32(n - 4)} << 32) | be32(n - 8);
}

void encode(writer& w, const parameters& m, const reply_context& ctx) {
    w.u8(static_cast<std::uint8_t>(message_type::parameter));
    detail::put_ub(w, static_cast<std::uint16_t>(m.al8o4.size()));
    for (std::uint32_t v : m.al8o4)
        detail::put_ub(w, v);
    detail::put_ub(w, static_cast<std::uint16_t>(m.transaction.size()));
    w.bytes(bytes_view{m.transaction});
    detail::put_ub(w, static_cast<std::uint16_t>(m.pairs.size()));
    encode_key_value_pairs(w, m.pairs);
    detail::put_ub(w, static_cast<std::uint16_t>(m.registration.size()));
    w.bytes(bytes_view{m.registration});
    if (ctx.dml_rowcounts) {
        detail::put_ub(w, static_cast<std::uint32_t>(m.dml_rowcounts.size()));
        for (std::uint64_t v : m.dml_rowcounts)
            detail::put_ub(w, v);
    }
}

std::error_code decode_body(reader& r, parameters& m, const reply_context& ctx) {
    r.begin("parameters");
    std::size_t n = r.count(r.ub2("num_al8o4"), 65535, 1);
    m.al8o4.clear();
    for (std::size_t i = 0; i < n && r.ok(); ++i)
        m.al8o4.push_back(r.ub4("al8o4"));
    n            = r.count(r.ub2("transaction_length"), 65535, 1);
    bytes_view b = r.bytes(n, "transaction");
    m.transaction.assign(b.begin(), b.end());
    n = r.count(r.ub2("num_pairs"), 65535, 3);
    decode_key_value_pairs(r, n, m.pairs);
    n = r.count(r.ub2("registration_length"), 65535, 1);
    b = r.bytes(n, "registration");
    m.registration.assign(b.begin(), b.end());
    m.dml_rowcounts.clear();
    if (ctx.dml_rowcounts) {
        n = r.count(r.ub4("num_rowcounts"), 1u << 24, 1);
        for (std::size_t i = 0; i < n && r.ok(); ++i)
            m.dml_rowcounts.push_back(r.ub8("rowcount"));
    }
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc

#include "wire_util.hpp"

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/implicit_result.hpp>

#include <algorithm>

namespace oranet::proto::ttc {

void encode(writer& w, const implicit_results& m, const caps& c) {
    w.u8(static_cast<std::uint8_t>(message_type::implicit_resultset));
    detail::put_ub(w, static_cast<std::uint32_t>(m.results.size()));
    for (const auto& res : m.results) {
        const std::size_t n = std::min<std::size_t>(res.prefix.size(), 255);
        w.u8(static_cast<std::uint8_t>(n));
        w.bytes(bytes_view{res.prefix.data(), n});
        encode_describe_body(w, res.describe, c);
        detail::put_ub(w, res.cursor_id);
    }
}

std::error_code decode_body(reader& r, implicit_results& m, const caps& c) {
    r.begin("implicit_results");
    m.results.clear();
    const std::size_t n = r.count(r.ub4("num_results"), max_implicit_results, 3);
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        implicit_result res;
        const std::size_t len = r.u8("prefix_length");
        const bytes_view b    = r.bytes(len, "prefix");
        res.prefix.assign(b.begin(), b.end());
        if (auto ec = decode_describe_body(r, res.describe, c)) return ec;
        res.cursor_id = r.ub2("cursor_id");
        m.results.push_back(std::move(res));
    }
    r.end();
    return r.error();
}

}  // namespace oranet::proto::ttc

#include <oranet/proto/ttc/constants.hpp>
#include <oranet/proto/ttc/exec_constants.hpp>
#include <oranet/proto/ttc/reply.hpp>

#include <algorithm>
#include <type_traits>

namespace oranet::proto::ttc {

void encode(writer& w, const row_data& m, const reply_context& ctx) {
    w.u8(static_cast<std::uint8_t>(message_type::row_data));
    const value_context where = ctx.in_fetch ? value_context::fetch : value_context::out_bind;
    const std::size_t n       = std::min(ctx.num_columns(), m.columns.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (ctx.in_fetch && ctx.is_repeated(i)) continue;  // left out by the bit vector
        const value_shape s = ctx.shape(i);
        column_value v      = m.columns[i];
        if (!ctx.in_fetch && ctx.returning && !s.is_array) v.has_elements = true;
        encode_value(w, v, s, where, *ctx.c);
    }
}

std::error_code decode_body(reader& r, row_data& m, const reply_context& ctx) {
    r.begin("row_data");
    if (ctx.in_fetch ? ctx.describe == nullptr : ctx.out_binds.empty()) {
        r.fail(client_errc::ttc_row_without_describe);
        return r.error();
    }
    const value_context where = ctx.in_fetch ? value_context::fetch : value_context::out_bind;
    const std::size_t n       = ctx.num_columns();
    m.columns.assign(n, column_value{});
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        if (ctx.in_fetch && ctx.is_repeated(i)) {
            m.columns[i].state = value_state::repeated;
            continue;
        }
        const bool multi = !ctx.in_fetch && ctx.returning;
        (void)decode_value(r, m.columns[i], ctx.shape(i), where, *ctx.c, multi);
    }
    r.end();
    return r.error();
}

namespace {

template <class T>
std::error_code decode_as(reader& r, reply_item& out, const reply_context& ctx) {
    T item{};
    std::error_code ec;
    if constexpr (std::is_same_v<T, end_of_response> || std::is_same_v<T, flush_out_binds>) {
        ec = r.error();
    } else if constexpr (std::is_same_v<T, row_data> || std::is_same_v<T, bit_vector> ||
                         std::is_same_v<T, parameters>) {
        ec = decode_body(r, item, ctx);
    } else if constexpr (std::is_same_v<T, lob_op_return>) {
        ec = decode_body(r, item, *ctx.lob_op, *ctx.c);
    } else {
        ec = decode_body(r, item, *ctx.c);
    }
    if (!ec) out = std::move(item);
    return ec;
}

std::error_code dispatch(reader& r, std::uint8_t type, const reply_context& ctx, reply_item& out) {
    switch (static_cast<message_type>(type)) {
        case message_type::status: return decode_as<status>(r, out, ctx);
        case message_type::error: return decode_as<error_info>(r, out, ctx);
        case message_type::warning: return decode_as<warning_info>(r, out, ctx);
        case message_type::parameter:
            if (ctx.lob_op != nullptr) return decode_as<lob_op_return>(r, out, ctx);
            return decode_as<parameters>(r, out, ctx);
        case message_type::lob_data: return decode_as<lob_data>(r, out, ctx);
        case message_type::describe_info: return decode_as<describe_info>(r, out, ctx);
        case message_type::row_header: return decode_as<row_header>(r, out, ctx);
        case message_type::row_data: return decode_as<row_data>(r, out, ctx);
        case message_type::bit_vector: return decode_as<bit_vector>(r, out, ctx);
        case message_type::io_vector: return decode_as<io_vector>(r, out, ctx);
        case message_type::implicit_resultset: return decode_as<implicit_results>(r, out, ctx);
        case message_type::server_side_piggyback: return decode_as<server_piggyback>(r, out, ctx);
        case message_type::end_of_response: return decode_as<end_of_response>(r, out, ctx);
        case message_type::flush_out_binds: return decode_as<flush_out_binds>(r, out, ctx);
        case message_type::token: return decode_as<token_item>(r, out, ctx);
        default: return client_errc::ttc_unknown_message;
    }
}

}  // namespace

decode_status decode_reply_item(reader& r, const reply_context& ctx, reply_item& out) {
    decode_status st;
    if (!r.ok()) {
        st.ec = r.error();
        return st;
    }
    if (ctx.c == nullptr) {
        st.ec = client_errc::bad_argument;
        return st;
    }
    // Decode on a copy of the reader so a failure leaves `r` at the boundary.
    reader sub(r.rest(), r.sink());
    const std::uint8_t type = sub.u8("message_type");
    std::error_code ec      = sub.ok() ? dispatch(sub, type, ctx, out) : sub.error();
    if (ec) {
        st.ec = ec;
        return st;
    }
    st.consumed = sub.offset();
    r.skip(st.consumed);
    return st;
}

void encode_reply_item(writer& w, const reply_item& item, const reply_context& ctx) {
    std::visit(
        [&](const auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, row_data> || std::is_same_v<T, bit_vector> ||
                          std::is_same_v<T, parameters>)
                encode(w, m, ctx);
            else
                encode(w, m, *ctx.c);
        },
        item);
}

bool ends_response(const reply_item& item, const caps& c) noexcept {
    if (std::holds_alternative<end_of_response>(item)) return true;
    if (c.supports_end_of_response) return false;
    return std::holds_alternative<status>(item) || std::holds_alternative<error_info>(item);
}

reply_context reply_tracker::context() const noexcept {
    reply_context ctx;
    ctx.c             = caps_;
    ctx.describe      = describe();
    ctx.out_binds     = out_binds_;
    ctx.in_fetch      = in_fetch_;
    ctx.returning     = returning_;
    ctx.dml_rowcounts = dml_rowcounts_;
    ctx.bit_vector    = bit_vector_;
    return ctx;
}

void reply_tracker::apply(reply_item& item) {
    if (auto* d = std::get_if<describe_info>(&item)) {
        describe_     = *d;
        has_describe_ = true;
        in_fetch_     = true;
        previous_     = {};
        bit_vector_.clear();
    } else if (auto* io = std::get_if<io_vector>(&item)) {
        out_binds_.clear();
        for (std::size_t i = 0; i < io->bind_directions.size() && i < binds_.size(); ++i)
            if (io->bind_directions[i] != bind_dir_input) out_binds_.push_back(binds_[i]);
        in_fetch_ = false;
    } else if (auto* h = std::get_if<row_header>(&item)) {
        if (!h->bit_vector.empty()) bit_vector_ = h->bit_vector;
    } else if (auto* b = std::get_if<bit_vector>(&item)) {
        bit_vector_ = b->bits;
    } else if (auto* row = std::get_if<row_data>(&item)) {
        resolve_repeated(*row, previous_);
        previous_ = *row;
        bit_vector_.clear();
    }
}

}  // namespace oranet::proto::ttc

// TTC messages inside DATA packets: the client's requests and the server's
// reply items, decoded with the protocol/ decoders and the state both ends
// keep (see decoder.hpp).
#include "decoder.hpp"

#include <oranet/convert.hpp>
#include <oranet/proto/ttc/auth.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/fast_auth.hpp>
#include <oranet/proto/ttc/fetch.hpp>
#include <oranet/proto/ttc/function_header.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>
#include <oranet/proto/types/codec.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace oranet::dump {
namespace ttc = proto::ttc;
using fc      = ttc::function_code;
using mt      = ttc::message_type;

std::string function_name(std::uint8_t code) {
    switch (static_cast<fc>(code)) {
        case fc::reexecute: return "reexecute";
        case fc::fetch: return "fetch";
        case fc::logoff: return "logoff";
        case fc::commit: return "commit";
        case fc::rollback: return "rollback";
        case fc::reexecute_and_fetch: return "reexecute_and_fetch";
        case fc::execute: return "execute";
        case fc::lob_op: return "lob_op";
        case fc::tpc_txn_switch: return "tpc_txn_switch";
        case fc::tpc_txn_change_state: return "tpc_txn_change_state";
        case fc::close_cursors: return "close_cursors";
        case fc::auth_phase_two: return "auth_phase_two";
        case fc::auth_phase_one: return "auth_phase_one";
        case fc::aq_enq: return "aq_enq";
        case fc::aq_deq: return "aq_deq";
        case fc::subscribe: return "subscribe";
        case fc::direct_path_prepare: return "direct_path_prepare";
        case fc::direct_path_load_stream: return "direct_path_load_stream";
        case fc::direct_path_op: return "direct_path_op";
        case fc::set_end_to_end_attr: return "set_end_to_end_attr";
        case fc::array_aq: return "array_aq";
        case fc::ping: return "ping";
        case fc::set_schema: return "set_schema";
        case fc::set_key_value: return "set_key_value";
        case fc::session_get: return "session_get";
        case fc::session_release: return "session_release";
        case fc::session_state: return "session_state";
        case fc::notify: return "notify";
        case fc::pipeline_begin: return "pipeline_begin";
        case fc::pipeline_end: return "pipeline_end";
        case fc::end_user_security_ctx: return "end_user_security_ctx";
    }
    return "function_" + std::to_string(code);
}

namespace {

const char* item_name(const ttc::reply_item& item) {
    static const char* names[] = {
        "status",          "error",           "warning",    "parameters", "describe_info",
        "row_header",      "row_data",        "bit_vector", "io_vector",  "server_piggyback",
        "end_of_response", "flush_out_binds", "token"};
    const std::size_t i = item.index();
    return i < std::size(names) ? names[i] : "item";
}

bool is_auth_call(std::uint8_t code) {
    return code == static_cast<std::uint8_t>(fc::auth_phase_one) ||
           code == static_cast<std::uint8_t>(fc::auth_phase_two) || code == 0xff;  // 0xff: fast auth
}

bool contains_returning(const std::vector<std::uint8_t>& sql) {
    std::string s(sql.begin(), sql.end());
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s.find("returning") != std::string::npos;
}

// JSON literal of a value: numbers as numbers, the rest as strings.
std::string value_json(const value& v) {
    if (is_null(v)) return "null";
    if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    const std::string text = to_text(v);
    const bool numeric     = std::holds_alternative<number>(v) || std::holds_alternative<double>(v) ||
                         std::holds_alternative<float>(v);
    if (numeric && !text.empty()) {
        bool ok = true;
        for (char c : text)
            ok = ok && (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == 'e' ||
                        c == 'E' || c == '+');
        if (ok && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-')) {
            std::string t = text;
            if (t[0] == '.') t = "0" + t;
            if (t.rfind("-.", 0) == 0) t = "-0" + t.substr(1);
            return t;
        }
    }
    return json_quote(text);
}

// Bytes that are not a value oranet decodes (locators, objects): "0x..." text.
std::string hex_literal(const std::vector<std::uint8_t>& b) {
    static const char* hx = "0123456789abcdef";
    std::string h         = "0x";
    for (auto c : b) {
        h += hx[c >> 4];
        h += hx[c & 15];
    }
    return json_quote(h);
}

// Piggyback 135 (end-to-end attributes: client identifier, module, action,
// ...): two pointer bytes, UB4 flags, nine (present byte, UB4 length)
// headers, then the texts of the present headers but the fifth (it carries
// none); with CONV_LENGTH each text is length-prefixed and an announced empty
// one may be a lone zero byte (newer python-oracledb), else it is raw bytes
// (python-oracledb 1.2.1). The emulator reads it the same way
// (tools/emulate/requests.cpp).
void decode_end_to_end(proto::reader& r, const ttc::caps& c) {
    static constexpr const char* names[] = {
        "client_identifier", "module", "action",        "client_info_hdr", "ecid",
        "client_info",       "dbop",   "client_driver", "header_8"};
    constexpr std::size_t n_headers = 9, no_text = 4;
    (void)r.u8("pointer_cidnam");
    (void)r.u8("pointer_cidser");
    (void)r.ub4("flags");
    std::uint8_t present[n_headers]{};
    std::uint32_t length[n_headers]{};
    for (std::size_t i = 0; i < n_headers; ++i) {
        present[i] = r.u8("present");
        length[i]  = r.ub4("length");
    }
    std::vector<std::uint8_t> scratch;
    for (std::size_t i = 0; i < n_headers && r.ok(); ++i) {
        if (i == no_text || present[i] == 0) continue;
        if (length[i] == 0) {
            if (c.conv_length() && r.remaining() > 0 && r.peek() == 0) (void)r.u8("empty");
            continue;
        }
        if (c.conv_length())
            (void)r.bytes_with_length(scratch, names[i], proto::field_kind::text);
        else
            (void)r.bytes(length[i], names[i], proto::field_kind::text);
    }
}

}  // namespace

void stream_decoder::recompute_caps() {
    ttc::caps c;
    c.compile_caps.clear();
    c.runtime_caps.clear();
    ttc::adjust_for_accept(c, version_, service_options_, accept_flags_);
    if (have_protocol_reply_) {
        c.compile_caps = server_compile_caps_;
        c.runtime_caps = server_runtime_caps_;
        ttc::protocol_reply r;
        r.charset_id   = charset_;
        r.ncharset_id  = ncharset_;
        r.server_flags = server_flags_;
        r.compile_caps = server_compile_caps_;
        r.runtime_caps = server_runtime_caps_;
        ttc::apply(c, r);
    }
    if (client_types_) {
        if (!have_protocol_reply_) c.runtime_caps = client_types_->runtime_caps;
        ttc::apply(c, *client_types_);
    }
    caps_ = std::move(c);  // the tracker keeps a pointer to caps_: assigned in place
}

namespace {

// The message as far as it decoded: its fields, and whether it is whole,
// cut short (more bytes may come) or malformed.
template <class Result>
Result finish_message(Result res, std::string type, std::error_code ec, tree_sink& sink,
                      const proto::reader& r) {
    res.msg.type = std::move(type);
    res.msg.body = sink.take();
    if (ec && proto::is_truncated(ec)) {
        res.kind = Result::truncated;
        return res;
    }
    if (ec) {
        res.kind      = Result::failed;
        res.msg.error = ec.message();
    }
    res.consumed = r.offset();
    return res;
}

}  // namespace

stream_decoder::msg_result stream_decoder::decode_request(proto::bytes_view b, bool complete) {
    msg_result res = decode_request_part(b);
    if (res.kind == msg_result::truncated && complete) {
        // The request cannot go on in a later packet: shown as it stands.
        res.kind      = msg_result::failed;
        res.msg.error = "the request ends before this message does";
        if (res.msg.type.empty()) res.msg.type = "request";
    }
    return res;
}

stream_decoder::msg_result stream_decoder::decode_request_part(proto::bytes_view b) {
    msg_result res;
    tree_sink sink;
    proto::reader r(b, &sink);
    std::error_code ec;
    const std::uint8_t first = b[0];
    auto finish = [&](std::string type) { return finish_message(res, std::move(type), ec, sink, r); };
    if (first == static_cast<std::uint8_t>(mt::protocol)) {
        ttc::protocol_request m;
        ec = ttc::decode(r, m);
        return finish("protocol_request");
    }
    if (first == static_cast<std::uint8_t>(mt::data_types)) {
        ttc::data_types_request m;
        ec = ttc::decode(r, m);
        if (!ec) {
            client_types_ = std::make_unique<ttc::data_types_request>(std::move(m));
            recompute_caps();
        }
        return finish("data_types_request");
    }
    if (first == static_cast<std::uint8_t>(mt::fast_auth)) {
        ttc::fast_auth_request m;
        ec = ttc::decode(r, m);
        if (!ec) {
            client_types_ = std::make_unique<ttc::data_types_request>(m.data_types);
            recompute_caps();
            last_call_ = 0xff;
        }
        return finish("fast_auth_request");
    }
    if (first != static_cast<std::uint8_t>(mt::function) &&
        first != static_cast<std::uint8_t>(mt::piggyback)) {
        ec = client_errc::ttc_unknown_message;
        (void)r.u8("message_type");
        return finish("unknown");
    }
    ttc::function_header h;
    ec = ttc::decode(r, h, caps_);
    if (ec) return finish("function");
    const auto code = static_cast<std::uint8_t>(h.code);
    if (h.type == mt::piggyback) {
        if (h.code == fc::close_cursors) {
            ttc::close_cursors_piggyback m;
            ec = ttc::decode_body(r, m);
            return finish("piggyback close_cursors");
        }
        if (h.code == fc::set_end_to_end_attr) {
            decode_end_to_end(r, caps_);
            ec = r.error();
            return finish("piggyback set_end_to_end_attr");
        }
        // The layouts of other piggybacks are not decoded: the rest of the
        // request is shown as bytes.
        ec = client_errc::ttc_unsupported_piggyback;
        return finish("piggyback " + function_name(code));
    }
    last_call_ = code;
    switch (h.code) {
        case fc::execute: {
            ttc::execute_request m;
            ec = ttc::decode_body(r, m, caps_);
            if (!ec) {
                last_binds_ = m.binds;
                last_plsql_ = m.is_plsql();
                std::vector<ttc::value_shape> shapes;
                for (const auto& bm : m.binds)
                    shapes.push_back(ttc::shape_of(bm));
                tracker_.set_binds(std::move(shapes));
                tracker_.set_in_fetch(true);
                tracker_.set_returning(!m.is_plsql() && contains_returning(m.sql));
                tracker_.set_dml_rowcounts(m.dml_rowcounts);
                if (m.cursor_id != 0) cursor_binds_[m.cursor_id] = {m.binds, m.is_plsql()};
            }
            return finish("execute");
        }
        case fc::reexecute:
        case fc::reexecute_and_fetch: {
            proto::reader peek(r.rest());
            const std::uint32_t cursor = peek.ub4();
            auto it                    = cursor_binds_.find(cursor);
            if (it == cursor_binds_.end()) {
                r.skip(r.remaining(), "body");  // binds unknown: the cursor's execute is not in the capture
                return finish(function_name(code));
            }
            ttc::reexecute_request m;
            m.with_fetch =
                h.code == fc::reexecute_and_fetch;  // then one bind row (num_iters: rows to prefetch)
            ec = ttc::decode_body(r, m, it->second.first, it->second.second, caps_);
            tracker_.set_in_fetch(true);
            return finish(function_name(code));
        }
        case fc::fetch: {
            ttc::fetch_request m;
            ec = ttc::decode_body(r, m, caps_);
            tracker_.set_in_fetch(true);
            return finish("fetch");
        }
        case fc::auth_phase_one:
        case fc::auth_phase_two: {
            tree_sink sink2;
            proto::reader r2(b, &sink2);
            ttc::auth_request m;
            ec           = ttc::decode(r2, m, caps_);
            res.msg.type = function_name(code);
            if (proto::is_truncated(ec)) {
                res.kind = msg_result::truncated;
                return res;
            }
            res.msg.body = sink2.take();
            if (ec) {
                res.kind      = msg_result::failed;
                res.msg.error = ec.message();
            }
            res.consumed = r2.offset();
            return res;
        }
        case fc::commit:
        case fc::rollback:
        case fc::ping:
        case fc::logoff: return finish(function_name(code));
        default:
            if (r.remaining() > 0) (void)r.bytes(r.remaining(), "body");
            return finish(function_name(code));
    }
}

stream_decoder::msg_result stream_decoder::decode_reply(proto::bytes_view b) {
    msg_result res;
    tree_sink sink;
    proto::reader r(b, &sink);
    std::error_code ec;
    const std::uint8_t first = b[0];
    auto finish = [&](std::string type) { return finish_message(res, std::move(type), ec, sink, r); };
    if (first == static_cast<std::uint8_t>(mt::protocol)) {
        ttc::protocol_reply m;
        ec = ttc::decode(r, m);
        if (!ec) {
            have_protocol_reply_ = true;
            server_compile_caps_ = m.compile_caps;
            server_runtime_caps_ = m.runtime_caps;
            charset_             = m.charset_id;
            ncharset_            = m.ncharset_id;
            server_flags_        = m.server_flags;
            recompute_caps();
        }
        return finish("protocol_reply");
    }
    if (first == static_cast<std::uint8_t>(mt::data_types)) {
        ttc::data_types_reply m;
        ec = ttc::decode(r, m, caps_);
        return finish("data_types_reply");
    }
    if (first == static_cast<std::uint8_t>(mt::renegotiate)) {
        (void)r.u8("message_type");
        return finish("renegotiate");
    }
    if (first == static_cast<std::uint8_t>(mt::parameter) && is_auth_call(last_call_)) {
        ttc::auth_reply m;
        ec = ttc::decode(r, m);
        return finish("auth_reply");
    }
    ttc::reply_item item;
    const ttc::decode_status st = ttc::decode_reply_item(r, tracker_.context(), item);
    ec                          = st.ec;
    if (ec == client_errc::ttc_unknown_message) {
        res.msg.type  = "unknown message " + std::to_string(first);
        res.msg.error = ec.message();
        res.kind      = msg_result::failed;
        return res;
    }
    if (ec) return finish(ec == client_errc::truncated ? "" : item_name(item));
    tracker_.apply(item);
    if (const auto* e = std::get_if<ttc::error_info>(&item)) {
        if (e->cursor_id != 0 && last_call_ == static_cast<std::uint8_t>(fc::execute))
            cursor_binds_[e->cursor_id] = {last_binds_, last_plsql_};
    }
    res = finish(item_name(item));
    if (const auto* row = std::get_if<ttc::row_data>(&item)) add_row_values(*row, res.msg);
    return res;
}

void stream_decoder::add_row_values(const ttc::row_data& row, message_out& m) const {
    const ttc::describe_info* d  = tracker_.describe();
    const ttc::reply_context ctx = tracker_.context();
    for (std::size_t i = 0; i < row.columns.size(); ++i) {
        const ttc::column_value& v = row.columns[i];
        std::string name           = "column " + std::to_string(i + 1);
        proto::types::wire_type wt;
        bool known = false;
        if (ctx.in_fetch && d != nullptr && i < d->columns.size()) {
            const auto& col = d->columns[i];
            name            = col.name;
            wt.type         = static_cast<proto::types::ora_type>(col.ora_type);
            wt.form         = static_cast<proto::types::cs_form>(col.cs_form);
            wt.precision    = col.precision;
            wt.scale        = col.scale;
            known           = true;
        } else if (!ctx.in_fetch && i < ctx.out_binds.size()) {
            name    = "bind " + std::to_string(i + 1);
            wt.type = static_cast<proto::types::ora_type>(ctx.out_binds[i].ora_type);
            wt.form = static_cast<proto::types::cs_form>(ctx.out_binds[i].cs_form);
            known   = true;
        }
        wt.charset = wt.form == proto::types::cs_form::nchar
                         ? proto::types::charset::al16utf16
                         : (caps_.charset_id != 0 ? caps_.charset_id : proto::types::charset::al32utf8);
        std::string lit;
        if (v.is_null()) {
            lit = "null";
        } else if (!known || v.has_elements) {
            lit = hex_literal(v.data);
        } else {
            value out;
            lit = proto::types::decode_value(wt, v.data, out) ? hex_literal(v.data) : value_json(out);
        }
        m.values.emplace_back(std::move(name), std::move(lit));
    }
}

}  // namespace oranet::dump

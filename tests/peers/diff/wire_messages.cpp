#include "wire_messages.hpp"

#include <oranet/proto/reader.hpp>
#include <oranet/proto/tns/assembler.hpp>
#include <oranet/proto/tns/packet.hpp>
#include <oranet/proto/trace.hpp>
#include <oranet/proto/ttc/auth.hpp>
#include <oranet/proto/ttc/caps.hpp>
#include <oranet/proto/ttc/data_types.hpp>
#include <oranet/proto/ttc/execute.hpp>
#include <oranet/proto/ttc/fast_auth.hpp>
#include <oranet/proto/ttc/fetch.hpp>
#include <oranet/proto/ttc/function_header.hpp>
#include <oranet/proto/ttc/lob_op.hpp>
#include <oranet/proto/ttc/protocol_negotiation.hpp>
#include <oranet/proto/ttc/simple_calls.hpp>

#include <map>
#include <sstream>

namespace oranet::test::diff {

namespace proto = oranet::proto;
namespace tns   = oranet::proto::tns;
namespace ttc   = oranet::proto::ttc;

const wire_field* wire_message::find(std::string_view path) const {
    for (const auto& f : fields)
        if (f.path == path) return &f;
    return nullptr;
}

std::string describe(const wire_message& m) {
    std::ostringstream s;
    s << m.kind << ":";
    for (const auto& f : m.fields)
        s << "\n    " << f.path << " = " << f.value;
    return s.str();
}

namespace {

std::string hex(proto::bytes_view b) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (std::uint8_t x : b) {
        s += digits[x >> 4];
        s += digits[x & 15];
    }
    return s;
}

// Collects a decoder's named reads as paths; repeated paths get an index.
class field_sink final : public proto::trace_sink {
public:
    explicit field_sink(wire_message& m) : m_(&m) {}

    void on_begin(std::string_view name, std::size_t) override {
        stack_.push_back(unique(prefix() + std::string(name)));
    }
    void on_end() override {
        if (!stack_.empty()) stack_.pop_back();
    }
    void on_field(const proto::field_record& rec) override {
        if (rec.name.empty()) return;
        std::string v;
        switch (rec.kind) {
            case proto::field_kind::unsigned_int: v = std::to_string(rec.u); break;
            case proto::field_kind::signed_int: v = std::to_string(rec.i); break;
            case proto::field_kind::text: v = '"' + std::string(rec.b.begin(), rec.b.end()) + '"'; break;
            case proto::field_kind::bytes: v = "0x" + hex(rec.b); break;
            case proto::field_kind::secret: v = "<secret, " + std::to_string(rec.b.size()) + " bytes>"; break;
        }
        m_->fields.push_back({unique(prefix() + std::string(rec.name)), v});
    }

private:
    std::string prefix() const { return stack_.empty() ? std::string() : stack_.back() + "."; }
    std::string unique(const std::string& p) {
        const int n = seen_[p]++;
        return n == 0 ? p : p + "[" + std::to_string(n) + "]";
    }

    wire_message* m_;
    std::vector<std::string> stack_;
    std::map<std::string, int> seen_;
};

// "(A=(B=x)(C=y))" -> A.B = x, A.C = y.
void flatten_connect_data(std::string_view s, std::size_t& i, const std::string& prefix, wire_message& m,
                          std::map<std::string, int>& seen) {
    while (i < s.size()) {
        if (s[i] == ')') return;
        if (s[i] != '(') {
            ++i;
            continue;
        }
        ++i;
        const std::size_t eq = s.find('=', i);
        if (eq == std::string_view::npos) return;
        std::string key(s.substr(i, eq - i));
        for (auto& ch : key)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        std::string path = prefix.empty() ? key : prefix + "." + key;
        const int n      = seen[path]++;
        if (n > 0) path += "[" + std::to_string(n) + "]";
        i = eq + 1;
        if (i < s.size() && s[i] == '(') {
            flatten_connect_data(s, i, path, m, seen);
        } else {
            const std::size_t close = s.find(')', i);
            m.fields.push_back({"connect_data." + path, std::string(s.substr(i, close - i))});
            i = close == std::string_view::npos ? s.size() : close;
        }
        if (i < s.size() && s[i] == ')') ++i;
    }
}

void add_connect_data(std::string_view data, wire_message& m) {
    std::size_t i = 0;
    std::map<std::string, int> seen;
    flatten_connect_data(data, i, "", m, seen);
}

class decoder {
public:
    decoded_recording run(const std::vector<chunk>& chunks) {
        for (const auto& ch : chunks) {
            if (!out_.error.empty()) break;
            if (ch.dir == direction::to_server) {
                digest_server_reply();
                feed(client_, ch.bytes, true);
            } else {
                flush_request();
                feed(server_, ch.bytes, false);
            }
        }
        flush_request();
        return std::move(out_);
    }

private:
    void fail(std::string what) {
        if (out_.error.empty()) out_.error = std::move(what);
    }

    void feed(tns::assembler& a, const std::vector<std::uint8_t>& bytes, bool from_client) {
        a.feed(proto::bytes_view{bytes});
        for (;;) {
            tns::packet_view p;
            std::error_code ec;
            const auto st = a.next(p, ec);
            if (st == tns::assemble_status::need_more) return;
            if (st == tns::assemble_status::error) return fail("TNS framing: " + ec.message());
            if (from_client)
                on_client_packet(p);
            else
                on_server_packet(p);
            if (!out_.error.empty()) return;
        }
    }

    void on_client_packet(const tns::packet_view& p) {
        wire_message m;
        m.kind = "tns." + std::string(tns::packet_type_name(p.type()));
        m.fields.push_back({"header.flags", std::to_string(p.hdr.flags)});
        if (p.type() == tns::packet_type::connect) {
            tns::connect_packet c;
            field_sink sink(m);
            proto::reader r(p.payload(), &sink);
            if (auto ec = tns::decode(r, c)) return fail("CONNECT: " + ec.message());
            // The connect data as one text field is replaced by its parts.
            std::erase_if(m.fields, [](const wire_field& f) { return f.path.ends_with("connect_data"); });
            connect_data_follows_ = c.data_follows;
            if (!c.data_follows) add_connect_data(c.connect_data, m);
        } else if (p.type() == tns::packet_type::data) {
            tns::data_packet d;
            proto::reader r(p.payload());
            if (auto ec = tns::decode(r, d)) return fail("DATA: " + ec.message());
            m.fields.push_back({"data_flags", std::to_string(d.data_flags)});
            if (connect_data_follows_) {
                connect_data_follows_ = false;
                m.kind                = "tns.DATA(connect data)";
                add_connect_data(
                    std::string_view(reinterpret_cast<const char*>(d.payload.data()), d.payload.size()), m);
            } else {
                request_.insert(request_.end(), d.payload.begin(), d.payload.end());
            }
        } else {
            field_sink sink(m);
            tns::any_packet any;
            (void)tns::decode_packet(p, any, &sink);
        }
        out_.messages.push_back(std::move(m));
    }

    void on_server_packet(const tns::packet_view& p) {
        if (p.type() == tns::packet_type::accept) {
            tns::accept_packet a;
            proto::reader r(p.payload());
            if (auto ec = tns::decode(r, a)) return fail("ACCEPT: " + ec.message());
            accepted_version_ = a.version;
            if (a.version >= tns::version_min_large_sdu) {
                client_.set_length_mode(tns::length_mode::large_sdu);
                server_.set_length_mode(tns::length_mode::large_sdu);
                client_.set_max_packet_size(tns::max_large_sdu);
                server_.set_max_packet_size(tns::max_large_sdu);
            }
        } else if (p.type() == tns::packet_type::data) {
            tns::data_packet d;
            proto::reader r(p.payload());
            if (!tns::decode(r, d)) reply_.insert(reply_.end(), d.payload.begin(), d.payload.end());
        }
    }

    // The protocol negotiation reply fixes the field version the later
    // requests are laid out for.
    void digest_server_reply() {
        if (awaiting_protocol_reply_ && !reply_.empty()) {
            ttc::protocol_reply pr;
            proto::reader r(proto::bytes_view{reply_});
            if (auto ec = ttc::decode(r, pr)) return fail("protocol reply: " + ec.message());
            const std::uint8_t fv    = pr.compile_caps.size() > ttc::ccap::field_version
                                           ? pr.compile_caps[ttc::ccap::field_version]
                                           : ttc::field_version::v11_2;
            caps_                    = ttc::server_caps(fv, accepted_version_);
            caps_.charset_id         = pr.charset_id;
            awaiting_protocol_reply_ = false;
        }
        reply_.clear();
    }

    void flush_request() {
        if (request_.empty()) return;
        const std::vector<std::uint8_t> req = std::move(request_);
        request_.clear();
        std::size_t pos = 0;
        while (pos < req.size() && out_.error.empty())
            pos += decode_one(proto::bytes_view{req}.subspan(pos));
    }

    // Decodes one TTC message; returns the bytes it took.
    std::size_t decode_one(proto::bytes_view b) {
        wire_message m;
        field_sink sink(m);
        proto::reader r(b, &sink);
        std::error_code ec;
        const auto type         = static_cast<ttc::message_type>(b[0]);
        const std::uint8_t code = b.size() > 1 ? b[1] : 0;
        bool consumes_rest      = true;  // calls end the request
        switch (type) {
            case ttc::message_type::protocol: {
                m.kind = "ttc.protocol";
                ttc::protocol_request pr;
                ec                       = ttc::decode(r, pr);
                awaiting_protocol_reply_ = true;
                consumes_rest            = false;
                break;
            }
            case ttc::message_type::data_types: {
                m.kind = "ttc.data_types";
                ttc::data_types_request dt;
                proto::reader plain(b);
                ec = ttc::decode(plain, dt);
                if (!ec) {
                    data_types_fields(dt, m);
                    ttc::apply(caps_, dt);
                }
                out_.messages.push_back(std::move(m));
                if (ec) fail("data types: " + ec.message());
                return plain.offset();
            }
            case ttc::message_type::function: ec = decode_call(r, code, m); break;
            case ttc::message_type::piggyback: {
                m.kind = "ttc.piggyback." + std::to_string(code);
                ttc::function_header h;
                ec = ttc::decode(r, h, caps_);
                if (!ec && h.code == ttc::function_code::close_cursors) {
                    m.kind = "ttc.piggyback.close_cursors";
                    ttc::close_cursors_piggyback cc;
                    ec            = ttc::decode_body(r, cc);
                    consumes_rest = false;
                } else if (!ec) {
                    // Not decoded by protocol/: kept whole, compared as bytes.
                    m.fields.push_back({"undecoded", "0x" + hex(r.rest())});
                }
                break;
            }
            default:
                m.kind = "ttc.unknown." + std::to_string(b[0]);
                m.fields.push_back({"undecoded", "0x" + hex(b)});
                break;
        }
        if (ec) {
            m.fields.push_back({"decode_error", ec.message()});
            m.fields.push_back({"undecoded", "0x" + hex(b.subspan(std::min(r.offset(), b.size())))});
        }
        out_.messages.push_back(std::move(m));
        if (ec) {
            fail("cannot decode " + out_.messages.back().kind + ": " + ec.message());
            return b.size();
        }
        return consumes_rest ? b.size() : std::max<std::size_t>(1, r.offset());
    }

    std::error_code decode_call(proto::reader& r, std::uint8_t code, wire_message& m) {
        using fc = ttc::function_code;
        switch (static_cast<fc>(code)) {
            case fc::auth_phase_one:
            case fc::auth_phase_two: {
                ttc::auth_request a;
                const auto ec = ttc::decode(r, a, caps_);
                m.kind        = code == static_cast<std::uint8_t>(fc::auth_phase_one) ? "ttc.auth_phase_one"
                                                                                      : "ttc.auth_phase_two";
                // Pairs keyed by name (their order means nothing to a server).
                std::erase_if(m.fields, [](const wire_field& f) {
                    return f.path.find("key_value") != std::string::npos;
                });
                for (const auto& kv : a.pairs) {
                    const bool secret = ttc::is_secret_key(kv.key);
                    m.fields.push_back({"pair." + kv.key + ".value",
                                        secret ? "<secret, " + std::to_string(kv.value.size()) + " bytes>"
                                               : '"' + kv.value + '"'});
                    m.fields.push_back({"pair." + kv.key + ".flags", std::to_string(kv.flags)});
                }
                return ec;
            }
            case fc::execute: {
                m.kind = "ttc.execute";
                ttc::execute_request e;
                return ttc::decode(r, e, caps_);
            }
            case fc::reexecute:
            case fc::reexecute_and_fetch: {
                m.kind = code == static_cast<std::uint8_t>(fc::reexecute) ? "ttc.reexecute"
                                                                          : "ttc.reexecute_and_fetch";
                ttc::reexecute_request e;
                return ttc::decode(r, e, {}, false, caps_);
            }
            case fc::fetch: {
                m.kind = "ttc.fetch";
                ttc::fetch_request f;
                return ttc::decode(r, f, caps_);
            }
            case fc::commit: {
                m.kind = "ttc.commit";
                ttc::commit_request x;
                return ttc::decode(r, x, caps_);
            }
            case fc::rollback: {
                m.kind = "ttc.rollback";
                ttc::rollback_request x;
                return ttc::decode(r, x, caps_);
            }
            case fc::logoff: {
                m.kind = "ttc.logoff";
                ttc::logoff_request x;
                return ttc::decode(r, x, caps_);
            }
            case fc::lob_op: {
                m.kind = "ttc.lob_op";
                ttc::function_header h;
                if (auto ec = ttc::decode(r, h, caps_)) return ec;
                ttc::lob_op_request x;
                return ttc::decode_body(r, x, caps_);
            }
            case fc::ping: {
                m.kind = "ttc.ping";
                ttc::ping_request x;
                return ttc::decode(r, x, caps_);
            }
            default:
                m.kind = "ttc.function." + std::to_string(code);
                m.fields.push_back({"undecoded", "0x" + hex(r.rest())});
                r.skip(r.remaining());
                return {};
        }
    }

    static void data_types_fields(const ttc::data_types_request& dt, wire_message& m) {
        m.fields.push_back({"charset_id", std::to_string(dt.charset_id)});
        m.fields.push_back({"ncharset_id", std::to_string(dt.ncharset_id)});
        m.fields.push_back({"encoding_flags", std::to_string(dt.encoding_flags)});
        m.fields.push_back({"compile_caps.length", std::to_string(dt.compile_caps.size())});
        for (std::size_t i = 0; i < dt.compile_caps.size(); ++i)
            m.fields.push_back(
                {"compile_caps[" + std::to_string(i) + "]", std::to_string(dt.compile_caps[i])});
        m.fields.push_back({"runtime_caps.length", std::to_string(dt.runtime_caps.size())});
        for (std::size_t i = 0; i < dt.runtime_caps.size(); ++i)
            m.fields.push_back(
                {"runtime_caps[" + std::to_string(i) + "]", std::to_string(dt.runtime_caps[i])});
        m.fields.push_back({"time_zone", dt.time_zone ? "0x" + hex(*dt.time_zone) : "absent"});
        // Rows keyed by data type: the server looks each type up.
        for (const auto& row : dt.rows)
            m.fields.push_back(
                {"row." + std::to_string(row.data_type),
                 std::to_string(row.conv_data_type) + "/" + std::to_string(row.representation)});
    }

    tns::assembler client_;
    tns::assembler server_;
    std::vector<std::uint8_t> request_;
    std::vector<std::uint8_t> reply_;
    bool connect_data_follows_      = false;
    bool awaiting_protocol_reply_   = false;
    std::uint16_t accepted_version_ = 0;
    ttc::caps caps_                 = ttc::server_caps(ttc::field_version::max, tns::version_desired);
    decoded_recording out_;
};

}  // namespace

decoded_recording decode_recording(const std::vector<chunk>& chunks) {
    decoder d;
    return d.run(chunks);
}

}  // namespace oranet::test::diff

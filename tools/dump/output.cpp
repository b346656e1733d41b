// Printing packet_out records: indented text for people, JSON lines for
// machines. Secrets are never printed (their bytes are not even kept).
#include "record.hpp"

#include <map>
#include <string_view>

namespace oranet::dump {

void tree_sink::on_field(const proto::field_record& rec) {
    field_out f;
    f.name   = std::string(rec.name);
    f.offset = rec.offset >= base_ ? rec.offset - base_ : 0;
    f.length = rec.length;
    f.kind   = rec.kind;
    f.u      = rec.u;
    f.i      = rec.i;
    if (rec.kind == proto::field_kind::bytes || rec.kind == proto::field_kind::text)
        f.b.assign(rec.b.begin(), rec.b.end());
    node* n = stack_.back();
    n->fields.push_back(std::move(f));
    n->order.push_back(false);
}

void tree_sink::on_begin(std::string_view name, std::size_t offset) {
    node* n = stack_.back();
    node child;
    child.name   = std::string(name);
    child.offset = offset >= base_ ? offset - base_ : 0;
    n->children.push_back(std::move(child));
    n->order.push_back(true);
    stack_.push_back(&n->children.back());
}

void tree_sink::on_end() {
    if (stack_.size() > 1) stack_.pop_back();
}

namespace {

std::string hex(const std::vector<std::uint8_t>& b, std::size_t max = SIZE_MAX) {
    static const char* d = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < b.size() && i < max; ++i) {
        s += d[b[i] >> 4];
        s += d[b[i] & 15];
    }
    if (b.size() > max) s += "...";
    return s;
}

// JSON string body of bytes taken as UTF-8 (invalid sequences become U+FFFD).
std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else {
            const std::size_t n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
            bool ok             = n != 0 && i + n <= s.size();
            for (std::size_t k = 1; ok && k < n; ++k)
                ok = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
            if (ok) {
                out.append(s.substr(i, n));
                i += n;
            } else {
                out += "\\ufffd";
                ++i;
            }
        }
    }
    return out + "\"";
}

std::string as_text(const std::vector<std::uint8_t>& b) {
    return std::string(reinterpret_cast<const char*>(b.data()), b.size());
}

std::string field_json(const field_out& f) {
    switch (f.kind) {
        case proto::field_kind::unsigned_int: return std::to_string(f.u);
        case proto::field_kind::signed_int: return std::to_string(f.i);
        case proto::field_kind::text: return json_string(as_text(f.b));
        case proto::field_kind::secret: return "\"<secret>\"";
        case proto::field_kind::bytes: break;
    }
    return json_string(hex(f.b));
}

std::string node_json(const node& n, std::string prefix = "{");

// Members of a node: each name once, repeated names as arrays.
std::string node_members(const node& n) {
    std::vector<std::string> keys;
    std::map<std::string, std::vector<std::string>> values;
    std::size_t fi = 0, ci = 0;
    for (bool is_child : n.order) {
        std::string key, val;
        if (is_child && ci < n.children.size()) {
            key = n.children[ci].name;
            val = node_json(n.children[ci]);
            ++ci;
        } else if (!is_child && fi < n.fields.size()) {
            key = n.fields[fi].name;
            val = field_json(n.fields[fi]);
            ++fi;
        } else {
            continue;
        }
        if (key.empty()) key = "field";
        if (key == "type" || key == "offset" || key == "length") key = "_" + key;
        auto& v = values[key];
        if (v.empty()) keys.push_back(key);
        v.push_back(std::move(val));
    }
    std::string s;
    for (const auto& k : keys) {
        const auto& v = values[k];
        s += "," + json_string(k) + ":";
        if (v.size() == 1) {
            s += v[0];
        } else {
            s += "[";
            for (std::size_t i = 0; i < v.size(); ++i)
                s += (i ? "," : "") + v[i];
            s += "]";
        }
    }
    return s;
}

std::string node_json(const node& n, std::string prefix) {
    std::string s = prefix + "\"offset\":" + std::to_string(n.offset) + node_members(n);
    return s + "}";
}

std::string field_text(const field_out& f) {
    char buf[64];
    switch (f.kind) {
        case proto::field_kind::unsigned_int:
            if (f.u > 9) {
                std::snprintf(buf, sizeof buf, "%llu (0x%llx)", static_cast<unsigned long long>(f.u),
                              static_cast<unsigned long long>(f.u));
                return buf;
            }
            return std::to_string(f.u);
        case proto::field_kind::signed_int: return std::to_string(f.i);
        case proto::field_kind::text: return json_string(as_text(f.b));
        case proto::field_kind::secret: return "<secret, " + std::to_string(f.length) + " bytes>";
        case proto::field_kind::bytes: break;
    }
    return f.b.empty() ? "(empty)" : hex(f.b, 64) + " (" + std::to_string(f.b.size()) + " bytes)";
}

void node_text(std::FILE* out, const node& n, int indent) {
    std::size_t fi = 0, ci = 0;
    for (bool is_child : n.order) {
        if (is_child && ci < n.children.size()) {
            const node& c = n.children[ci++];
            std::fprintf(out, "%*s+%-5zu %s:\n", indent, "", c.offset, c.name.c_str());
            node_text(out, c, indent + 2);
        } else if (!is_child && fi < n.fields.size()) {
            const field_out& f = n.fields[fi++];
            std::fprintf(out, "%*s+%-5zu %s = %s\n", indent, "", f.offset, f.name.c_str(),
                         field_text(f).c_str());
        }
    }
}

}  // namespace

std::string json_quote(std::string_view s) { return json_string(s); }

void print_packet(std::FILE* out, const packet_out& p, const output_options& o) {
    if (o.json) {
        std::string s = "{\"frame\":" + std::to_string(p.frame) + ",\"stream\":" + std::to_string(p.stream) +
                        ",\"from\":" + (p.from_client ? "\"client\"" : "\"server\"");
        if (!p.src.empty()) s += ",\"src\":" + json_string(p.src) + ",\"dst\":" + json_string(p.dst);
        s += ",\"packet\":" + json_string(p.packet) + ",\"type\":" + std::to_string(p.type_byte) +
             ",\"length\":" + std::to_string(p.length) + ",\"flags\":" + std::to_string(p.flags);
        s += ",\"fields\":" + node_json(p.fields);
        s += ",\"messages\":[";
        for (std::size_t i = 0; i < p.messages.size(); ++i) {
            const message_out& m = p.messages[i];
            s += (i ? ",{" : "{");
            s += "\"type\":" + json_string(m.type) + ",\"offset\":" + std::to_string(m.offset) +
                 ",\"length\":" + std::to_string(m.length) + node_members(m.body);
            if (!m.values.empty()) {
                std::string cols = "[", vals = "[";
                for (std::size_t k = 0; k < m.values.size(); ++k) {
                    cols += (k ? "," : "") + json_string(m.values[k].first);
                    vals += (k ? "," : "") + m.values[k].second;
                }
                s += ",\"columns\":" + cols + "],\"values\":" + vals + "]";
            }
            if (!m.error.empty()) s += ",\"decode_error\":" + json_string(m.error);
            if (!m.raw.empty()) s += ",\"raw\":" + json_string(hex(m.raw));
            s += "}";
        }
        s += "]";
        if (!p.notes.empty()) {
            s += ",\"notes\":[";
            for (std::size_t i = 0; i < p.notes.size(); ++i)
                s += (i ? "," : "") + json_string(p.notes[i]);
            s += "]";
        }
        if (!p.error.empty()) s += ",\"decode_error\":" + json_string(p.error);
        if (!p.raw.empty()) s += ",\"raw\":" + json_string(hex(p.raw));
        s += "}\n";
        std::fputs(s.c_str(), out);
        return;
    }
    std::fprintf(out, "frame %zu  stream %zu  %s  %s (type %u)  length %u  flags 0x%02x", p.frame, p.stream,
                 p.from_client ? "client -> server" : "server -> client", p.packet.c_str(), p.type_byte,
                 p.length, p.flags);
    if (!p.src.empty()) std::fprintf(out, "  [%s -> %s]", p.src.c_str(), p.dst.c_str());
    std::fputc('\n', out);
    for (const auto& n : p.notes)
        std::fprintf(out, "  note: %s\n", n.c_str());
    node_text(out, p.fields, 4);
    for (const message_out& m : p.messages) {
        if (m.offset >= 0)
            std::fprintf(out, "  TTC %s  at +%ld, %zu bytes\n", m.type.c_str(), m.offset, m.length);
        else
            std::fprintf(out, "  TTC %s  begun %ld bytes before this packet, %zu bytes\n", m.type.c_str(),
                         -m.offset, m.length);
        node_text(out, m.body, 6);
        for (const auto& [name, value] : m.values)
            std::fprintf(out, "      %s => %s\n", name.c_str(), value.c_str());
        if (!m.error.empty()) std::fprintf(out, "      error: %s\n", m.error.c_str());
        if (!m.raw.empty()) std::fprintf(out, "      bytes: %s\n", hex(m.raw).c_str());
    }
    if (!p.error.empty()) std::fprintf(out, "  error: %s\n", p.error.c_str());
    if (!p.raw.empty()) std::fprintf(out, "  bytes: %s\n", hex(p.raw).c_str());
}

void print_notice(std::FILE* out, const std::string& text, const output_options& o) {
    if (o.json)
        std::fprintf(out, "{\"notice\":%s}\n", json_string(text).c_str());
    else
        std::fprintf(out, "-- %s\n", text.c_str());
}

}  // namespace oranet::dump

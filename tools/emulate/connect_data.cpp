#include "emulate/connect_data.hpp"

#include <cctype>

namespace oranet::emulate {

namespace {

class nv_parser {
public:
    explicit nv_parser(std::string_view t) : t_(t) {}

    bool parse_node(nv_node& out, int depth) {
        if (depth > 32) return false;
        skip_ws();
        if (!eat('(')) return false;
        skip_ws();
        std::string name;
        while (pos_ < t_.size() && t_[pos_] != '=' && t_[pos_] != ')' && t_[pos_] != '(') {
            name += static_cast<char>(std::toupper(static_cast<unsigned char>(t_[pos_])));
            ++pos_;
        }
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
            name.pop_back();
        out.name = std::move(name);
        if (!eat('=')) return false;
        skip_ws();
        if (pos_ < t_.size() && t_[pos_] == '(') {
            while (true) {
                skip_ws();
                if (pos_ < t_.size() && t_[pos_] == '(') {
                    nv_node child;
                    if (!parse_node(child, depth + 1)) return false;
                    out.children.push_back(std::move(child));
                } else {
                    break;
                }
            }
        } else {
            std::string value;
            bool quoted = pos_ < t_.size() && t_[pos_] == '"';
            if (quoted) {
                ++pos_;
                while (pos_ < t_.size() && t_[pos_] != '"')
                    value += t_[pos_++];
                if (!eat('"')) return false;
            } else {
                while (pos_ < t_.size() && t_[pos_] != ')')
                    value += t_[pos_++];
                while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
                    value.pop_back();
            }
            out.value = std::move(value);
        }
        skip_ws();
        return eat(')');
    }

    bool at_end() {
        skip_ws();
        return pos_ >= t_.size();
    }

private:
    void skip_ws() {
        while (pos_ < t_.size() && (std::isspace(static_cast<unsigned char>(t_[pos_])) || t_[pos_] == '\0'))
            ++pos_;
    }
    bool eat(char c) {
        if (pos_ < t_.size() && t_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    std::string_view t_;
    std::size_t pos_ = 0;
};

const nv_node* find_child(const nv_node& n, const std::string& name, std::size_t from, std::size_t& index) {
    for (std::size_t i = from; i < n.children.size(); ++i) {
        if (n.children[i].name == name) {
            index = i;
            return &n.children[i];
        }
    }
    return nullptr;
}

std::optional<std::string> find_from(const nv_node& n, const std::vector<std::string>& path,
                                     std::size_t level) {
    if (level == path.size()) return n.value;
    std::size_t idx  = 0;
    std::size_t from = 0;
    while (const nv_node* c = find_child(n, path[level], from, idx)) {
        if (auto v = find_from(*c, path, level + 1)) return v;
        from = idx + 1;
    }
    return std::nullopt;
}

// Every node named `name`, depth first.
void collect(const nv_node& n, const std::string& name, std::vector<const nv_node*>& out) {
    if (n.name == name) out.push_back(&n);
    for (const auto& c : n.children)
        collect(c, name, out);
}

}  // namespace

bool parse_nv(std::string_view text, nv_node& out) {
    nv_parser p(text);
    out = nv_node{};
    return p.parse_node(out, 0);
}

std::optional<std::string> find_nv(const nv_node& root, const std::vector<std::string>& path) {
    if (path.empty() || root.name != path.front()) return std::nullopt;
    return find_from(root, path, 1);
}

connect_target parse_connect_target(std::string_view connect_data) {
    connect_target t;
    nv_node root;
    if (!parse_nv(connect_data, root)) return t;
    std::vector<const nv_node*> cds;
    collect(root, "CONNECT_DATA", cds);
    for (const nv_node* cd : cds) {
        for (const auto& c : cd->children) {
            if (c.name == "SERVICE_NAME" && !t.service_name) t.service_name = c.value;
            if (c.name == "SID" && !t.sid) t.sid = c.value;
        }
    }
    return t;
}

}  // namespace oranet::emulate

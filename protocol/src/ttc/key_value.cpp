#include <oranet/proto/ttc/key_value.hpp>

#include <array>

namespace oranet::proto::ttc {

namespace {

std::string to_string(const opt_bytes& b) {
    return b.null ? std::string{} : std::string(reinterpret_cast<const char*>(b.data.data()), b.data.size());
}

}  // namespace

bool is_secret_key(std::string_view key) noexcept {
    static constexpr std::array<std::string_view, 6> secrets = {
        "AUTH_SESSKEY",           "AUTH_PASSWORD",     "AUTH_NEWPASSWORD",
        "AUTH_PBKDF2_SPEEDY_KEY", "AUTH_SVR_RESPONSE", "AUTH_TOKEN",
    };
    for (auto s : secrets)
        if (key == s) return true;
    return false;
}

void encode(writer& w, const key_value& kv) {
    w.ub4_then_bytes(kv.key);
    w.ub4_then_bytes(kv.value);
    w.ub4(kv.flags);
}

std::error_code decode(reader& r, key_value& kv) {
    std::vector<std::uint8_t> scratch;
    kv = {};
    r.begin("key_value");
    // Each string: a UB4 byte count, then (when non-zero) the bytes with their
    // own length prefix. The count is informational; the prefix rules.
    if (r.ub4("key_length") != 0) kv.key = to_string(r.bytes_with_length(scratch, "key", field_kind::text));
    const field_kind value_kind = is_secret_key(kv.key) ? field_kind::secret : field_kind::text;
    if (r.ub4("value_length") != 0) kv.value = to_string(r.bytes_with_length(scratch, "value", value_kind));
    kv.flags = r.ub4("flags");  // AUTH_VFR_DATA: the verifier type
    r.end();
    return r.error();
}

void encode_pairs(writer& w, const key_values& kvs) {
    for (const auto& kv : kvs)
        encode(w, kv);
}

std::error_code decode_pairs(reader& r, std::size_t n, key_values& out) {
    out.clear();
    out.reserve(n);
    for (std::size_t i = 0; i < n && r.ok(); ++i) {
        key_value kv;
        if (decode(r, kv)) break;
        out.push_back(std::move(kv));
    }
    return r.error();
}

const key_value* find(const key_values& kvs, std::string_view key) noexcept {
    for (const auto& kv : kvs)
        if (kv.key == key) return &kv;
    return nullptr;
}

std::optional<std::string_view> find_value(const key_values& kvs, std::string_view key) noexcept {
    const key_value* kv = find(kvs, key);
    if (kv == nullptr) return std::nullopt;
    return std::string_view(kv->value);
}

}  // namespace oranet::proto::ttc

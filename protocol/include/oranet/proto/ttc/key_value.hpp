// The key/value pair of the auth messages and of the server's PARAMETER
// reply: UB4 key length, the key (length-prefixed), UB4 value length, the
// value when non-empty (length-prefixed), then UB4 flags. The flags of
// AUTH_VFR_DATA carry the verifier type; AUTH_SESSKEY and AUTH_ALTER_SESSION
// travel with flags 1 from the client.
#pragma once

#include <oranet/proto/reader.hpp>
#include <oranet/proto/writer.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace oranet::proto::ttc {

struct key_value {
    std::string key;
    std::string value;  // bytes as sent (text in the session charset, or upper-case hex for keys)
    std::uint32_t flags = 0;

    friend bool operator==(const key_value&, const key_value&) = default;
};

using key_values = std::vector<key_value>;

// Values of these keys are secrets: the trace sink gets field_kind::secret.
[[nodiscard]] bool is_secret_key(std::string_view key) noexcept;

void encode(writer& w, const key_value& kv);
[[nodiscard]] std::error_code decode(reader& r, key_value& kv);

// `n` pairs (the count travels separately in each message).
void encode_pairs(writer& w, const key_values& kvs);
[[nodiscard]] std::error_code decode_pairs(reader& r, std::size_t n, key_values& out);

// Lookup helpers (first match).
[[nodiscard]] const key_value* find(const key_values& kvs, std::string_view key) noexcept;
[[nodiscard]] std::optional<std::string_view> find_value(const key_values& kvs,
                                                         std::string_view key) noexcept;

// Smallest wire size of one pair (key and value lengths, flags): bounds counts.
inline constexpr std::size_t min_key_value_size = 3;

}  // namespace oranet::proto::ttc

// The listener's view of a client's connect data: a TNS name-value string
// such as (DESCRIPTION=(ADDRESS=...)(CONNECT_DATA=(SERVICE_NAME=X)(CID=...))).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oranet::emulate {

// One name-value node: either an atom value or a list of children.
struct nv_node {
    std::string name;  // upper-cased
    std::string value;
    std::vector<nv_node> children;
};

// Parses a name-value string; false when it is malformed.
[[nodiscard]] bool parse_nv(std::string_view text, nv_node& out);

// The first value found under `path` (names, upper case), searching every
// node of that name at each level.
[[nodiscard]] std::optional<std::string> find_nv(const nv_node& root, const std::vector<std::string>& path);

struct connect_target {
    std::optional<std::string> service_name;
    std::optional<std::string> sid;
};

// SERVICE_NAME / SID from the CONNECT_DATA of a descriptor. A descriptor
// that does not parse gives an empty target.
[[nodiscard]] connect_target parse_connect_target(std::string_view connect_data);

}  // namespace oranet::emulate

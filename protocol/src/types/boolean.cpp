// BOOLEAN byte forms (see boolean.hpp).
#include <oranet/proto/types/boolean.hpp>

namespace oranet::proto::types {

std::error_code decode_boolean(bytes_view wire, bool& out) {
    if (wire.empty()) return client_errc::truncated;
    switch (wire.size()) {
        case 1:
            if (wire[0] == 0x01 || wire[0] == 0x81) return client_errc::truncated;  // start of a 2-byte form
            if (wire[0] != 0x00) break;
            out = false;
            return {};
        case 2:
            if (wire[1] != 0x01 || (wire[0] != 0x01 && wire[0] != 0x81)) break;
            out = wire[0] == 0x01;
            return {};
        case 4:
            if (wire[0] != 0 || wire[1] != 0 || wire[2] != 0 || wire[3] > 1) break;
            out = wire[3] == 1;
            return {};
        default: break;
    }
    return client_errc::invalid_boolean;
}

void encode_boolean(bool v, std::vector<std::uint8_t>& out) {
    if (v) {
        out.push_back(0x01);
        out.push_back(0x01);
    } else {
        out.push_back(0x00);
    }
}

}  // namespace oranet::proto::types

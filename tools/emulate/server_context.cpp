#include "emulate/server_context.hpp"

#include <cctype>

namespace oranet::emulate {

namespace {

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

}  // namespace

std::optional<user_spec> user_store::find(std::string_view name) const {
    std::lock_guard lock(mu_);
    for (const auto& u : users_) {
        if (iequal(u.name, name)) return u;
    }
    return std::nullopt;
}

void user_store::change_password(std::string_view name, const std::string& password) {
    std::lock_guard lock(mu_);
    for (auto& u : users_) {
        if (iequal(u.name, name)) {
            u.password = password;
            u.expired  = false;
        }
    }
}

}  // namespace oranet::emulate

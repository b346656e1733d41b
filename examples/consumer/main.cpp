// Built against an installed oranet by scripts/check-install.sh.
#include <oranet/oranet.hpp>

#include <cstdio>

int main() {
    const std::error_code ec = oranet::ora_error(942);
    std::printf("oranet %s: %s %s\n", oranet::version_string, oranet::error_code_text(ec).c_str(),
                ec.message().c_str());
    return oranet::error_code_text(ec) == "ORA-00942" ? 0 : 1;
}

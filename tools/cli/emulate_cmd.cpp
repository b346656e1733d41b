// `oranet emulate`: the emulator server (tools/emulate).
#include "emulate/emulate.hpp"

#include <oranet/logging.hpp>

#include <cstdlib>

namespace oranet::cli {

int emulate_command(int argc, char** argv) {
    // A server logs its connections: info unless ORANET_LOG says otherwise.
    if (std::getenv("ORANET_LOG") == nullptr) (void)oranet::set_log_level("info");
    return oranet::emulate::emulate_main(argc, argv, oranet::default_logger());
}

}  // namespace oranet::cli

// `oranet emulate`: the emulator server (tools/emulate).
#include "emulate/emulate.hpp"

#include <oranet/logging.hpp>

namespace oranet::cli {

int emulate_command(int argc, char** argv) {
    return oranet::emulate::emulate_main(argc, argv, oranet::default_logger());
}

}  // namespace oranet::cli

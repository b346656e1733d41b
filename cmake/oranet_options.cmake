# Compiler flags shared by every oranet target: warnings and sanitizers.
add_library(oranet_flags INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(oranet_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                -Wno-missing-field-initializers)
endif()

if(ORANET_SANITIZE)
  string(REPLACE ";" "," _san "${ORANET_SANITIZE}")
  add_compile_options(-fsanitize=${_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_san})
  message(STATUS "oranet: building with -fsanitize=${_san}")
endif()

# Warning and sanitizer flags live on an interface target that only gridlift's own targets link,
# so they never leak into third-party code.
add_library(gridlift_options INTERFACE)
target_compile_options(gridlift_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion)
if(GRIDLIFT_WARNINGS_AS_ERRORS)
  target_compile_options(gridlift_options INTERFACE -Werror)
endif()
if(GRIDLIFT_TSAN)
  target_compile_options(gridlift_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(gridlift_options INTERFACE -fsanitize=thread)
endif()
if(GRIDLIFT_SANITIZE)
  target_compile_options(gridlift_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                    -fno-sanitize-recover=undefined)
  target_link_options(gridlift_options INTERFACE -fsanitize=address,undefined)
endif()
if(GRIDLIFT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "GRIDLIFT_FUZZ needs clang (libFuzzer): use the fuzz preset")
  endif()
  # Coverage for libFuzzer and both sanitizers in all of gridlift's code; the fuzz targets add
  # libFuzzer's main (fuzz/CMakeLists.txt).
  target_compile_options(gridlift_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                    -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(gridlift_options INTERFACE -fsanitize=address,undefined)
endif()
# GCC 12 reports -Wrestrict inside libstdc++'s std::string operator+ at -O3 (GCC bug 105329, a false
# positive); with -Werror it would reject ordinary string concatenation.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 14)
  target_compile_options(gridlift_options INTERFACE -Wno-restrict)
endif()

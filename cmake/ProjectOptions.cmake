# Warning and sanitizer flags live on an interface target that only gridlift's own targets link,
# so they never leak into third-party code.
add_library(gridlift_options INTERFACE)
target_compile_options(gridlift_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion)
if(GRIDLIFT_WARNINGS_AS_ERRORS)
  target_compile_options(gridlift_options INTERFACE -Werror)
endif()
if(GRIDLIFT_SANITIZE)
  target_compile_options(gridlift_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                    -fno-sanitize-recover=undefined)
  target_link_options(gridlift_options INTERFACE -fsanitize=address,undefined)
endif()

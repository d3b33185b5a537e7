// The libFuzzer harness of one target: KGRAPH_FUZZ_ENTRY names its entry point
// (tests/fuzz/CMakeLists.txt builds one executable per line of targets.txt).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  KGRAPH_FUZZ_ENTRY(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

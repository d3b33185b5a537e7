#pragma once
/// Two pieces of work at once: one on a thread of its own, one on the calling thread.

#include <exception>
#include <thread>

namespace kgraph::detail {

/// Runs `beside` on a thread of its own while `here` runs on this one, and rethrows what
/// `beside` threw once both are done.
template <typename Beside, typename Here>
void run_beside(Beside&& beside, Here&& here) {
  std::exception_ptr failed;
  {
    const std::jthread helper([&] {
      try {
        beside();
      } catch (...) {
        failed = std::current_exception();
      }
    });
    here();
  }
  if (failed) std::rethrow_exception(failed);
}

}  // namespace kgraph::detail

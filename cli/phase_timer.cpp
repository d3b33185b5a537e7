#include "cli/phase_timer.hpp"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>

namespace kgraph::cli {
namespace {

double cpu_seconds(const rusage& u) {
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

PhaseTimer::PhaseTimer(std::ostream& err, std::string_view phase) {
  if (std::getenv("KGRAPH_TIMINGS") == nullptr) return;
  err_ = &err;
  phase_ = phase;
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  cpu_ = cpu_seconds(u);
  wall_ = std::chrono::steady_clock::now();
}

PhaseTimer::~PhaseTimer() {
  if (!err_) return;
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  char line[160];
  std::snprintf(line, sizeof line, "kgraph: phase %s: %.2f s wall, %.2f s cpu, peak RSS %ld MiB\n",
                phase_.c_str(), wall, cpu_seconds(u) - cpu_, u.ru_maxrss / 1024);
  *err_ << line << std::flush;
}

}  // namespace kgraph::cli

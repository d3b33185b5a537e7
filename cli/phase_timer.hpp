#pragma once
/// The time and memory of each phase of a run, printed on standard error when the environment
/// sets KGRAPH_TIMINGS, for the benchmarks (bench/import_speed.py) and the phase table of
/// docs/performance.md:
///
///   kgraph: phase read: 3.21 s wall, 5.80 s cpu, peak RSS 412 MiB
///
/// CPU time is the whole process's (every thread), so a phase that keeps two threads busy
/// shows more CPU than wall time.

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

namespace kgraph::cli {

class PhaseTimer {
 public:
  PhaseTimer(std::ostream& err, std::string_view phase);
  ~PhaseTimer();
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  std::ostream* err_ = nullptr;  // null: not asked for
  std::string phase_;
  std::chrono::steady_clock::time_point wall_{};
  double cpu_ = 0;
};

}  // namespace kgraph::cli

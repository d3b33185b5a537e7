// The `kgraph` command: see docs/cli.md.

#include <unistd.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/fd_stream.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  kgraph::ImporterRegistry importers;
  kgraph::register_builtin_importers(importers);
  kgraph::ExporterRegistry exporters;
  kgraph::register_builtin_exporters(exporters);

  // Standard output through a buffer that keeps errno, so that a failed write (full disk,
  // closed pipe) is reported with its reason.
  kgraph::cli::FdOutputBuffer out_buffer(STDOUT_FILENO);
  std::ostream out(&out_buffer);

  const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  kgraph::cli::Context ctx{out, std::cerr, importers, exporters, ::isatty(STDERR_FILENO) == 1};
  int status = kgraph::cli::run(args, ctx);

  if (out_buffer.finish() != 0) {
    std::cerr << "kgraph: error: cannot write standard output: "
              << std::strerror(out_buffer.error()) << '\n';
    if (status == kgraph::cli::exit_status::ok) status = kgraph::cli::exit_status::io;
  }
  return status;
}

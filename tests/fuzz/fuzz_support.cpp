#include "fuzz_support.hpp"

#include <cstdlib>
#include <limits>
#include <sstream>
#include <streambuf>
#include <string>

#include "fixed_inputs.hpp"
#include "graph/graph_builder.hpp"

namespace kgraph::fuzz {
namespace {

/// An input stream over bytes held elsewhere, without copying them (std::spanstream is C++23).
class BytesBuffer : public std::streambuf {
 public:
  explicit BytesBuffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());  // read only: no put area, no putback
    setg(begin, begin, begin + bytes.size());
  }
};

}  // namespace

const ImporterRegistry& builtin_importers() {
  static const ImporterRegistry registry = [] {
    ImporterRegistry r;
    register_builtin_importers(r);
    return r;
  }();
  return registry;
}

const Schema& builtin_schema() {
  static const Schema schema = Schema::builtin();
  return schema;
}

void read_input(const Importer& importer, std::string_view file_name, std::string_view bytes,
                const Schema& schema, Diagnostics& diags) {
  // As cli/commands.cpp InputSession::read: read, finish unless there were too many errors, print.
  if (!diags.too_many_errors()) {
    GraphBuilder builder(schema, diags);
    BytesBuffer buffer(bytes);
    std::istream in(&buffer);
    importer.read(in, diags.add_file(std::string(file_name)), file_name, builder, ImportOptions{});
    if (!diags.too_many_errors()) builder.finish();
  }
  format_diagnostics(diags);
}

void read_input(std::string_view file_name, std::string_view bytes) {
  const Importer* importer = builtin_importers().for_path(file_name);
  if (!importer) std::abort();  // a target names a file no importer reads: a broken target
  Diagnostics diags;
  read_input(*importer, file_name, bytes, builtin_schema(), diags);
}

void read_article(std::string_view file_name, std::string_view bytes) {
  Diagnostics diags;
  GraphBuilder builder(builtin_schema(), diags);
  ImportOptions options;
  options.co_mentions = true;
  for (const auto& [name, text] :
       {std::pair{std::string_view("graph.json"), kArticleGraph}, std::pair{file_name, bytes}}) {
    const Importer* importer = builtin_importers().for_path(name);
    if (!importer) std::abort();  // a broken target
    BytesBuffer buffer(text);
    std::istream in(&buffer);
    importer->read(in, diags.add_file(std::string(name)), name, builder, options);
  }
  if (!diags.too_many_errors()) builder.finish();
  format_diagnostics(diags);
}

void format_diagnostics(const Diagnostics& diags) {
  std::ostringstream out;
  diags.print(out, std::numeric_limits<std::size_t>::max(), true);
}

}  // namespace kgraph::fuzz

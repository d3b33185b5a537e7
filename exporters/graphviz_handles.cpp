#include "exporters/graphviz_handles.hpp"

#include "exporters/cgraph_discipline.hpp"

namespace kgraph::diagram {
namespace {

/// What Graphviz reported during the current ErrorCapture.
std::string& captured_messages() {
  static std::string m;
  return m;
}

int collect_message(char* message) {
  if (captured_messages().size() < 4000) captured_messages() += message;
  return 0;
}

}  // namespace

std::recursive_mutex& graphviz_mutex() {
  static std::recursive_mutex m;
  return m;
}

GVC_t* process_context() {
  // Plugins keep pointers into the first context they were used with (the pango text layout
  // keeps the name of the font it last measured, owned by the context's font dictionary), so
  // a second context after freeing the first was used after free. Freeing the one context at
  // exit would buy nothing (the system reclaims it) and would leave a dangling context for a
  // diagram rendered by a thread still running, or during static destruction.
  static GVC_t* const context = gvContext();
  return context;
}

void AgraphCloser::operator()(Agraph_t* g) const noexcept {
  std::lock_guard lock(graphviz_mutex());
  agclose(g);
}

AgraphPtr open_graph(const std::string& name) {
  return AgraphPtr(agopen(cstr(name), Agdirected, ostream_discipline()));
}

LayoutOwner::~LayoutOwner() {
  std::lock_guard lock(graphviz_mutex());
  gvFreeLayout(gvc_, g_);
}

ErrorCapture::ErrorCapture() {
  captured_messages().clear();
  previous_ = agseterrf(&collect_message);
  previous_level_ = agseterr(AGWARN);
  agreseterrors();
}

ErrorCapture::~ErrorCapture() {
  agseterrf(previous_);
  agseterr(previous_level_);
}

std::string ErrorCapture::text() const {
  std::string t = captured_messages();
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  return t;
}

}  // namespace kgraph::diagram

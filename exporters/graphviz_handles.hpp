#pragma once
/// Owners of the Graphviz C objects a diagram uses (the process's context, graphs, layouts,
/// rendered buffers, HTML strings), the lock every call into Graphviz holds, and the capture
/// of what Graphviz reports. See docs/formats/diagrams.md.
///
///   std::lock_guard lock(graphviz_mutex());
///   ErrorCapture errors;
///   AgraphPtr g = open_graph("kgraph");

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>
#include <string>

namespace kgraph::diagram {

/// Graphviz keeps global state (error handler, string dictionaries, plugin tables) and is not
/// thread-safe: every call into it holds this lock. Recursive, because owners release handles
/// (which takes the lock) while unwinding out of a locked section.
std::recursive_mutex& graphviz_mutex();

/// The one Graphviz context of the process, created on first use and never freed (see the
/// definition for why); null if Graphviz could not start. Call with the lock held.
GVC_t* process_context();

/// cgraph takes `char*` for strings it only reads.
inline char* cstr(const std::string& s) { return const_cast<char*>(s.c_str()); }
inline char* cstr(const char* s) { return const_cast<char*>(s); }

struct AgraphCloser {
  void operator()(Agraph_t* g) const noexcept;
};
/// A root graph, closed (with everything in it) by agclose.
using AgraphPtr = std::unique_ptr<Agraph_t, AgraphCloser>;

/// A new directed root graph whose agwrite writes to the std::ostream* passed as its channel
/// and whose objects are numbered in creation order (cgraph_discipline.hpp). Null on failure.
/// Call with the lock held.
AgraphPtr open_graph(const std::string& name);

/// The buffer gvRenderData allocates, freed with gvFreeRenderData.
struct RenderDataFreer {
  void operator()(char* data) const noexcept { gvFreeRenderData(data); }
};
using RenderData = std::unique_ptr<char, RenderDataFreer>;

/// The layout gvLayout attaches to a graph; freed before the graph is closed.
class LayoutOwner {
 public:
  LayoutOwner(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {}
  ~LayoutOwner();
  LayoutOwner(const LayoutOwner&) = delete;
  LayoutOwner& operator=(const LayoutOwner&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
};

/// A string cgraph interned as an HTML-like label, released when done.
class HtmlString {
 public:
  HtmlString(Agraph_t* g, const std::string& text) : g_(g), s_(agstrdup_html(g, cstr(text))) {}
  ~HtmlString() { agstrfree(g_, s_); }
  HtmlString(const HtmlString&) = delete;
  HtmlString& operator=(const HtmlString&) = delete;
  char* get() const { return s_; }

 private:
  Agraph_t* g_;
  char* s_;
};

/// Collects what Graphviz reports instead of letting it print to standard error, for as long
/// as it lives. Create it with the lock held.
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

  /// Whether Graphviz reported an error (not only warnings) since this capture began.
  bool had_error() const { return agerrors() >= AGERR; }
  /// Everything reported, without trailing line breaks (at most about 4,000 characters).
  std::string text() const;

 private:
  agusererrf previous_ = nullptr;
  agerrlevel_t previous_level_ = AGWARN;
};

}  // namespace kgraph::diagram

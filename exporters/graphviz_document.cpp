#include "exporters/graphviz_document.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>

#include "exporters/diagram_style.hpp"
#include "graph/value.hpp"

namespace kgraph::diagram {
namespace {

// ---------------------------------------------------------------------------------------------
// Graphviz handles and global state

/// Graphviz keeps global state (error handler, string dictionaries, plugin tables) and is not
/// thread-safe: every call into it holds this lock. Recursive, because owners release handles
/// (which takes the lock) while unwinding out of a locked section.
std::recursive_mutex& graphviz_mutex() {
  static std::recursive_mutex m;
  return m;
}

struct AgraphCloser {
  void operator()(Agraph_t* g) const noexcept {
    std::lock_guard lock(graphviz_mutex());
    agclose(g);
  }
};
using AgraphPtr = std::unique_ptr<Agraph_t, AgraphCloser>;

/// The one Graphviz context of the process, created on first use (null if that failed) and
/// never freed. Plugins keep pointers into the first context they were used with (the pango
/// text layout keeps the font name it last measured, owned by the context's font dictionary),
/// so a second context after freeing the first is a use after free; and freeing it at exit would
/// leave a dangling context for a diagram rendered during static destruction or by a thread
/// still running, for no gain: the operating system reclaims it. Call with the lock held.
GVC_t* process_context() {
  static GVC_t* const context = gvContext();
  return context;
}

/// The buffer gvRenderData allocates, freed with gvFreeRenderData.
struct RenderDataFreer {
  void operator()(char* data) const noexcept { gvFreeRenderData(data); }
};
using RenderData = std::unique_ptr<char, RenderDataFreer>;

/// The layout gvLayout attaches to a graph; freed before the graph is closed.
class LayoutOwner {
 public:
  LayoutOwner(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {}
  ~LayoutOwner() {
    std::lock_guard lock(graphviz_mutex());
    gvFreeLayout(gvc_, g_);
  }
  LayoutOwner(const LayoutOwner&) = delete;
  LayoutOwner& operator=(const LayoutOwner&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
};

/// A string cgraph interned as an HTML-like label, released when done.
class HtmlString {
 public:
  HtmlString(Agraph_t* g, const std::string& text)
      : g_(g), s_(agstrdup_html(g, const_cast<char*>(text.c_str()))) {}
  ~HtmlString() { agstrfree(g_, s_); }
  HtmlString(const HtmlString&) = delete;
  HtmlString& operator=(const HtmlString&) = delete;
  char* get() const { return s_; }

 private:
  Agraph_t* g_;
  char* s_;
};

/// Collects what Graphviz reports instead of letting it print to standard error.
class ErrorCapture {
 public:
  ErrorCapture() {
    messages().clear();
    previous_ = agseterrf(&ErrorCapture::collect);
    previous_level_ = agseterr(AGWARN);
    agreseterrors();
  }
  ~ErrorCapture() {
    agseterrf(previous_);
    agseterr(previous_level_);
  }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

  bool had_error() const { return agerrors() >= AGERR; }
  std::string text() const {
    std::string t = messages();
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
    return t;
  }

 private:
  static std::string& messages() {
    static std::string m;
    return m;
  }
  static int collect(char* message) {
    if (messages().size() < 4000) messages() += message;
    return 0;
  }
  agusererrf previous_ = nullptr;
  agerrlevel_t previous_level_ = AGWARN;
};

/// agwrite writes through the graph's I/O discipline; ours writes to the std::ostream passed
/// as agwrite's channel.
int put_to_ostream(void* chan, const char* str) {
  auto* out = static_cast<std::ostream*>(chan);
  out->write(str, static_cast<std::streamsize>(std::char_traits<char>::length(str)));
  return *out ? 0 : EOF;
}
int flush_ostream(void* chan) {
  static_cast<std::ostream*>(chan)->flush();
  return 0;
}
Agiodisc_t kOstreamIo = {AgIoDisc.afread, put_to_ostream, flush_ostream};

/// Object ids in creation order. cgraph's default discipline uses the address of the interned
/// name as the id, and agwrite lists subgraphs in id order, so the order of clusters in the
/// output would depend on the heap. Named objects get even ids, anonymous ones odd ids, as in
/// the default discipline; names stay cgraph strings (agwrite reads their HTML flag).
struct SequentialIds {
  Agraph_t* root = nullptr;
  std::unordered_map<std::string_view, IDTYPE> ids;  // views into the interned names
  std::vector<char*> names;                          // names[id / 2 - 1], interned in root
  IDTYPE next_anonymous = 1;

  static void* open(Agraph_t* g, Agdisc_t*) {
    auto* self = new SequentialIds;
    self->root = g;
    return self;
  }
  static long map(void* state, int, char* str, IDTYPE* id, int createflag) {
    auto* self = static_cast<SequentialIds*>(state);
    if (!str) {
      *id = self->next_anonymous;
      self->next_anonymous += 2;
      return 1;
    }
    if (auto it = self->ids.find(str); it != self->ids.end()) {
      *id = it->second;
      return 1;
    }
    if (!createflag) return 0;
    char* name = agstrdup(self->root, str);
    self->names.push_back(name);
    *id = static_cast<IDTYPE>(self->names.size()) * 2;
    self->ids.emplace(std::string_view(name), *id);
    return 1;
  }
  static long alloc(void*, int, IDTYPE) { return 0; }  // ids are never chosen by the caller
  // Names are released with the root graph's string dictionary.
  static void free(void*, int, IDTYPE) {}
  static char* print(void* state, int, IDTYPE id) {
    auto* self = static_cast<SequentialIds*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > self->names.size()) return nullptr;
    return self->names[id / 2 - 1];
  }
  static void close(void* state) { delete static_cast<SequentialIds*>(state); }
  static void idregister(void*, int, void*) {}
};
Agiddisc_t kSequentialIds = {SequentialIds::open,  SequentialIds::map,   SequentialIds::alloc,
                             SequentialIds::free,  SequentialIds::print, SequentialIds::close,
                             SequentialIds::idregister};
Agdisc_t kOstreamDisc = {&AgMemDisc, &kSequentialIds, &kOstreamIo};

char* cstr(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* cstr(const char* s) { return const_cast<char*>(s); }

// ---------------------------------------------------------------------------------------------
// Reading the model


/// The values of property `key`, or empty.
std::vector<std::string> property_values(const KnowledgeGraph& g, const PropertyList& props,
                                         std::string_view key) {
  std::vector<std::string> out;
  for (const Property& p : props)
    if (g.str(p.key) == key)
      for (const Value& v : p.values) out.push_back(value_text(v, g.strings()));
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

/// "2006-09-19", "2002 – 2006", "from 2002", "until 2006-07", or empty.
std::string date_text(const PartialDate& start, const PartialDate& end) {
  if (start.present() && end.present())
    return start == end ? start.to_string() : start.to_string() + " \u2013 " + end.to_string();
  if (start.present()) return "from " + start.to_string();
  if (end.present()) return "until " + end.to_string();
  return {};
}

/// One line per cited source: title (publisher, date) url.
std::string sources_text(const KnowledgeGraph& g, ListId sources) {
  std::string out;
  for (StrId sid : g.list(sources)) {
    out += "\n\u2022 ";
    const std::optional<std::uint32_t> index = g.find_source(g.str(sid));
    if (!index) {
      out += g.str(sid);
      continue;
    }
    const Source& s = g.sources()[*index];
    const std::vector<std::string> titles = property_values(g, s.properties, "title");
    out += titles.empty() ? std::string(g.str(sid)) : join(titles, " / ");
    std::vector<std::string> details = property_values(g, s.properties, "publisher");
    if (s.date.present()) details.push_back(s.date.to_string());
    if (!details.empty()) out += " (" + join(details, ", ") + ")";
    for (const std::string& url : property_values(g, s.properties, "url")) out += " " + url;
  }
  return out.empty() ? out : "\nSources:" + out;
}

// ---------------------------------------------------------------------------------------------
// Text

/// Decodes UTF-8, calling f(code point, byte length); malformed bytes give U+FFFD, one byte.
template <typename F>
void for_each_code_point(std::string_view s, F f) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0xFFFD;
    std::size_t len = 1;
    auto cont = [&](std::size_t k) {
      return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]) & 0x3Fu; };
    if (b0 < 0x80) {
      cp = b0;
    } else if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
      cp = ((b0 & 0x1Fu) << 6) | at(1);
      len = 2;
    } else if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
      const std::uint32_t c = ((b0 & 0x0Fu) << 12) | (at(1) << 6) | at(2);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) cp = c, len = 3;
    } else if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
      const std::uint32_t c = ((b0 & 0x07u) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
      if (c >= 0x10000 && c <= 0x10FFFF) cp = c, len = 4;
    }
    f(cp, s.substr(i, len), len);
    i += len;
  }
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_wide(std::uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_combining(std::uint32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200D ||
         (c >= 0xFE00 && c <= 0xFE0F);
}

/// Han ideographs, kana and CJK punctuation: text in these scripts may break between any two
/// characters. (Korean separates words with spaces, so Hangul is not listed.)
bool breaks_anywhere(std::uint32_t c) {
  return (c >= 0x2E80 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t columns(std::uint32_t c) { return is_combining(c) ? 0 : is_wide(c) ? 2 : 1; }

/// The node name for an entity id. DOT quoted strings cannot end in a backslash or hold one
/// before a quote, and cgraph's agwrite does not escape them; a doubled backslash reads back
/// as itself, so doubling every backslash gives names that survive (and stay distinct).
std::string node_name_for(std::string_view id) {
  std::string out;
  for (char c : text::sanitize(id)) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    out += c;
    if (c == '\\') out += '\\';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Building the graph

constexpr std::size_t kNameWidth = 26;  // columns per line of an entity name
constexpr std::size_t kNameLines = 4;
constexpr std::size_t kEdgeWidth = 24;
constexpr std::size_t kClusterWidth = 40;
constexpr std::string_view kCaptionSize = "8.5";

/// Declares an attribute with a default on the root graph and returns its symbol.
Agsym_t* declare(Agraph_t* g, int kind, const char* name, std::string_view def) {
  return agattr(g, kind, cstr(name), cstr(std::string(def)));
}

/// Cluster labels go top left, whatever the root graph's label (the legend, bottom left) says:
/// subgraphs inherit the root's labelloc and labeljust.
void set_cluster_label_place(Agraph_t* sub) {
  agsafeset(sub, cstr("labelloc"), cstr("t"), cstr(""));
  agsafeset(sub, cstr("labeljust"), cstr("l"), cstr(""));
}

struct NodeSymbols {
  Agsym_t *margin, *label, *shape, *style, *fillcolor, *color, *penwidth, *peripheries, *tooltip, *klass;
};
struct EdgeSymbols {
  Agsym_t *label, *color, *fontcolor, *style, *penwidth, *tooltip, *klass;
};

/// Cluster assignment for `--cluster place`: each entity goes into the cluster of the place it
/// is located_in / occurred_in (the most deeply nested one if several; ties by id), places nest
/// the same way; a place is a cluster only if something is in it.
class PlaceClusters {
 public:
  PlaceClusters(const GraphView& view) : g_(view.graph()) {
    const auto n = static_cast<std::uint32_t>(g_.entities().size());
    candidates_.resize(n);
    parent_.assign(n, kNone);
    depth_.assign(n, 0);
    state_.assign(n, 0);
    for (std::uint32_t r : view.relations()) {
      const Relation& rel = g_.relations()[r];
      const std::string_view type = g_.str(rel.type);
      if ((type == "located_in" || type == "occurred_in") && g_.entities()[rel.to].type == EntityType::place &&
          rel.from != rel.to)
        candidates_[rel.from].push_back(rel.to);
    }
    for (auto& c : candidates_) {
      std::sort(c.begin(), c.end());
      c.erase(std::unique(c.begin(), c.end()), c.end());
    }
    for (std::uint32_t e : view.entities()) resolve(e);
    has_members_.assign(n, false);
    for (std::uint32_t e : view.entities())
      if (parent_[e] != kNone) has_members_[parent_[e]] = true;
  }

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::uint32_t parent(std::uint32_t e) const { return parent_[e]; }
  bool is_cluster(std::uint32_t e) const { return has_members_[e]; }

 private:
  /// Depth of e's chosen place chain, or -1 while e is being resolved (a located_in cycle).
  int resolve(std::uint32_t e) {
    if (state_[e] == 1) return -1;
    if (state_[e] == 2) return depth_[e];
    state_[e] = 1;
    int best_depth = -1;
    for (std::uint32_t c : candidates_[e]) {
      const int d = resolve(c);
      if (d > best_depth) best_depth = d, parent_[e] = c;
    }
    depth_[e] = best_depth < 0 ? 0 : best_depth + 1;
    state_[e] = 2;
    return depth_[e];
  }

  const KnowledgeGraph& g_;
  std::vector<std::vector<std::uint32_t>> candidates_;
  std::vector<std::uint32_t> parent_;
  std::vector<int> depth_;
  std::vector<std::uint8_t> state_;
  std::vector<bool> has_members_;
};

struct LegendEntry {
  EntityType type;
  std::string kind;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Text helpers

namespace text {

std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool after_cr = false;
  for_each_code_point(s, [&](std::uint32_t cp, std::string_view bytes, std::size_t) {
    const bool was_cr = after_cr;
    after_cr = cp == '\r';
    if (cp == '\n' && was_cr) return;  // CR LF: the CR already broke the line
    if (cp == '\r' || cp == '\n' || cp == 0x2028 || cp == 0x2029) {
      out += '\n';
    } else if (cp == '\t') {
      out += ' ';
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) {
      append_utf8(out, 0xFFFD);
    } else if (cp == 0xFFFD) {
      append_utf8(out, 0xFFFD);  // also what malformed bytes decode to
    } else {
      out += bytes;
    }
  });
  return out;
}

std::vector<std::string> wrap(std::string_view s, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> lines;
  bool cut = false;
  std::string line;
  std::size_t line_cols = 0;
  std::string word;          // pending word (not yet placed)
  std::size_t word_cols = 0;
  bool space_before = false;  // a space separates `word` from `line`

  auto push_line = [&] {
    if (lines.size() == max_lines) {
      cut = true;
    } else {
      lines.push_back(line);
    }
    line.clear();
    line_cols = 0;
  };
  auto place_word = [&] {
    if (word.empty()) return;
    const std::size_t sep = (space_before && !line.empty()) ? 1 : 0;
    if (!line.empty() && line_cols + sep + word_cols > width) {
      push_line();
    } else if (sep) {
      line += ' ';
      line_cols += 1;
    }
    if (word_cols <= width || !line.empty()) {
      line += word;
      line_cols += word_cols;
    } else {
      // A word longer than a line: split it at character boundaries.
      for_each_code_point(word, [&](std::uint32_t cp, std::string_view bytes, std::size_t) {
        const std::size_t c = columns(cp);
        if (c && line_cols + c > width && !line.empty()) push_line();
        line += bytes;
        line_cols += c;
      });
    }
    word.clear();
    word_cols = 0;
    space_before = false;
  };

  for_each_code_point(s, [&](std::uint32_t cp, std::string_view bytes, std::size_t) {
    if (cut) return;
    if (cp == '\n') {
      place_word();
      push_line();
      space_before = false;
    } else if (cp == ' ') {
      place_word();
      space_before = true;
    } else if (breaks_anywhere(cp)) {
      place_word();  // a break may come before and after such a character
      word.assign(bytes);
      word_cols = columns(cp);
      place_word();
    } else {
      word += bytes;
      word_cols += columns(cp);
    }
  });
  if (!cut) place_word();
  if (!cut && (!line.empty() || lines.empty())) push_line();
  if (cut && !lines.empty()) lines.back() += "\u2026";
  return lines;
}

namespace {
/// An escString with each backslash as `backslash`, `&` as an entity, LF as `\n`.
std::string esc_string(std::string_view s, std::string_view backslash) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '\\': out += backslash; break;
      case '&': out += "&amp;"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}
}  // namespace

std::string label_text(std::string_view s) { return esc_string(s, "\\\\"); }

std::string tooltip_text(std::string_view s) { return esc_string(s, "\\\\\\\\"); }

std::string html_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\\': out += "\\\\"; break;  // Graphviz expands \N, \G, ... in HTML-like labels too
      default: out += c;
    }
  }
  return out;
}

}  // namespace text

// ---------------------------------------------------------------------------------------------
// Engines

SizeLimit layout_limit(std::string_view engine) {
  if (engine == "sfdp") return {10000, 30000};  // 26 s at 10,000 entities, 20,000 relations
  if (engine == "fdp") return {5000, 15000};    // 4.4 s at 3,000; quadratic
  if (engine == "neato") return {2500, 7500};   // 29 s at 3,000
  if (engine == "circo") return {200, 600};     // 11 s at 200, over 2 minutes at 400
  return {1000, 2500};                          // dot, bounded effort: 10-18 s at 1,000
}

std::string choose_engine(const GraphView& view, const ExportOptions& options, Purpose purpose) {
  std::string engine = options.engine;
  if (!engine.empty()) {
    if (std::find(std::begin(kEngines), std::end(kEngines), engine) == std::end(kEngines)) {
      std::vector<std::string> names(std::begin(kEngines), std::end(kEngines));
      throw ExportError("unknown layout engine \"" + engine + "\"; expected one of dot, neato, fdp, sfdp, circo" +
                        did_you_mean_suffix(engine, names));
    }
  }
  const std::size_t n = view.entities().size(), m = view.relations().size();
  const bool chosen = engine.empty();
  if (chosen) engine = kDotChosenUpTo.admits(n, m) ? "dot" : "sfdp";
  if (purpose == Purpose::render && !options.force) {
    const SizeLimit limit = layout_limit(engine);
    if (!limit.admits(n, m)) {
      throw ExportError(
          "the selection has " + std::to_string(n) + " entities and " + std::to_string(m) +
          " relations, more than " + engine + " can lay out in reasonable time (limit " +
          std::to_string(limit.entities) + " entities, " + std::to_string(limit.relations) +
          " relations); draw a part of it with --focus ID --depth N, --types, --relations or "
          "--since/--until" +
          (chosen ? std::string{} : std::string(", or a faster --engine (sfdp)")) +
          ", or pass --force to lay it out anyway");
    }
  }
  return engine;
}

// ---------------------------------------------------------------------------------------------
// The document

struct GraphvizDocument::Impl {
  AgraphPtr graph;
  std::string engine;

  Impl(const GraphView& view, const ExportOptions& options, std::string engine_name);
  void build_nodes(const GraphView& view, const ExportOptions& options);
  void build_edges(const GraphView& view, bool edge_labels);
  std::string legend(const GraphView& view) const;

  std::vector<Agnode_t*> nodes;  // by entity index; null outside the view
  NodeSymbols ns{};
  EdgeSymbols es{};
};

GraphvizDocument::Impl::Impl(const GraphView& view, const ExportOptions& options, std::string engine_name)
    : engine(std::move(engine_name)) {
  const std::string& cluster = options.cluster;
  if (!cluster.empty() && cluster != "none" && cluster != "place" && cluster != "type")
    throw ExportError("unknown cluster mode \"" + cluster + "\"; expected place, type or none" +
                      did_you_mean_suffix(cluster, {"place", "type", "none"}));

  const std::size_t n = view.entities().size(), m = view.relations().size();
  const bool edge_labels = kEdgeLabelsUpTo.admits(n, m);

  std::lock_guard lock(graphviz_mutex());
  ErrorCapture errors;
  graph.reset(agopen(cstr("kgraph"), Agdirected, &kOstreamDisc));
  if (!graph) throw ExportError("Graphviz could not create a graph");
  Agraph_t* g = graph.get();

  const std::string font(kFontName);
  declare(g, AGRAPH, "layout", engine);
  declare(g, AGRAPH, "fontname", font);
  declare(g, AGRAPH, "fontsize", "10");
  declare(g, AGRAPH, "bgcolor", "white");
  declare(g, AGRAPH, "pad", "0.3");
  declare(g, AGRAPH, "outputorder", "edgesfirst");
  if (engine == "dot") {
    declare(g, AGRAPH, "rankdir", "LR");
    declare(g, AGRAPH, "nodesep", "0.22");
    declare(g, AGRAPH, "ranksep", "0.55");
    declare(g, AGRAPH, "newrank", "true");
    if (!kDotChosenUpTo.admits(n, m)) {
      // Bounded effort: dot's crossing minimisation, x positioning and spline routing grow
      // much faster than the graph (45 s at 400 entities otherwise, 1 s with these).
      declare(g, AGRAPH, "mclimit", "0.3");
      declare(g, AGRAPH, "nslimit", "1");
      declare(g, AGRAPH, "splines", "false");
    }
  } else {
    declare(g, AGRAPH, "overlap", "prism");
    declare(g, AGRAPH, "splines", kCurvedEdgesUpTo.admits(n, m) ? "true" : "false");
    if (engine != "circo") declare(g, AGRAPH, "sep", "+6");
  }

  declare(g, AGNODE, "fontname", font);
  declare(g, AGNODE, "fontsize", "11");
  declare(g, AGNODE, "fontcolor", kTextColour);
  ns.margin = declare(g, AGNODE, "margin", "0.12,0.07");
  ns.shape = declare(g, AGNODE, "shape", "box");
  ns.style = declare(g, AGNODE, "style", "filled");
  ns.fillcolor = declare(g, AGNODE, "fillcolor", "#eeeeee");
  ns.color = declare(g, AGNODE, "color", "#555555");
  ns.penwidth = declare(g, AGNODE, "penwidth", "1");
  ns.peripheries = declare(g, AGNODE, "peripheries", "1");
  ns.label = declare(g, AGNODE, "label", "\\N");
  ns.tooltip = declare(g, AGNODE, "tooltip", "");
  ns.klass = declare(g, AGNODE, "class", "");

  declare(g, AGEDGE, "fontname", font);
  declare(g, AGEDGE, "fontsize", "8.5");
  declare(g, AGEDGE, "arrowsize", "0.7");
  es.color = declare(g, AGEDGE, "color", "#6b6b6b");
  es.fontcolor = declare(g, AGEDGE, "fontcolor", "#6b6b6b");
  es.style = declare(g, AGEDGE, "style", "solid");
  es.penwidth = declare(g, AGEDGE, "penwidth", "1");
  es.label = declare(g, AGEDGE, "label", "");
  es.tooltip = declare(g, AGEDGE, "tooltip", "");
  es.klass = declare(g, AGEDGE, "class", "");

  build_nodes(view, options);
  build_edges(view, edge_labels);

  if (options.legend && !view.entities().empty()) {
    declare(g, AGRAPH, "labelloc", "b");
    declare(g, AGRAPH, "labeljust", "l");
    HtmlString label(g, legend(view));
    agsafeset(g, cstr("label"), label.get(), cstr(""));
  }
  if (errors.had_error()) throw ExportError("Graphviz: " + errors.text());
}

void GraphvizDocument::Impl::build_nodes(const GraphView& view, const ExportOptions& options) {
  Agraph_t* g = graph.get();
  const KnowledgeGraph& kg = view.graph();
  const Schema& schema = kg.schema();
  nodes.assign(kg.entities().size(), nullptr);

  // Clusters (subgraphs) an entity goes into, by entity index.
  std::vector<Agraph_t*> home(kg.entities().size(), g);
  if (options.cluster == "type") {
    std::array<Agraph_t*, 4> by_type{};
    for (std::uint32_t e : view.entities()) {
      const EntityType t = kg.entities()[e].type;
      Agraph_t*& sub = by_type[static_cast<int>(t)];
      if (!sub) {
        sub = agsubg(g, cstr("cluster_" + std::string(type_name(t))), 1);
        const TypeColours c = type_colours(t);
        std::string label(type_plural(t));
        label[0] = static_cast<char>(label[0] - 'a' + 'A');
        agsafeset(sub, cstr("label"), cstr(label), cstr(""));
        agsafeset(sub, cstr("style"), cstr("rounded,filled"), cstr(""));
        agsafeset(sub, cstr("fillcolor"), cstr(std::string(c.tint)), cstr(""));
        agsafeset(sub, cstr("color"), cstr(std::string(c.border)), cstr(""));
        agsafeset(sub, cstr("fontcolor"), cstr(std::string(c.border)), cstr(""));
        set_cluster_label_place(sub);
      }
      home[e] = sub;
    }
  } else if (options.cluster == "place") {
    const PlaceClusters places(view);
    // The subgraph of place p (created on first use, inside its own parent's).
    std::vector<Agraph_t*> sub_of(kg.entities().size(), nullptr);
    auto cluster_of = [&](auto&& self, std::uint32_t p) -> Agraph_t* {
      if (sub_of[p]) return sub_of[p];
      const std::uint32_t parent = places.parent(p);
      Agraph_t* outer = parent == PlaceClusters::kNone ? g : self(self, parent);
      const Entity& place = kg.entities()[p];
      Agraph_t* sub = agsubg(outer, cstr("cluster_place_" + node_name_for(kg.str(place.id))), 1);
      const TypeColours c = type_colours(EntityType::place);
      const std::vector<std::string> lines = text::wrap(text::sanitize(kg.str(place.name)), kClusterWidth, 2);
      std::string label;
      for (const std::string& l : lines) label += (label.empty() ? "" : "\n") + l;
      agsafeset(sub, cstr("label"), cstr(text::label_text(label)), cstr(""));
      agsafeset(sub, cstr("style"), cstr("rounded,filled,dashed"), cstr(""));
      agsafeset(sub, cstr("fillcolor"), cstr(std::string(c.tint)), cstr(""));
      agsafeset(sub, cstr("color"), cstr(std::string(c.border)), cstr(""));
      agsafeset(sub, cstr("fontcolor"), cstr(std::string(c.border)), cstr(""));
      agsafeset(sub, cstr("fontsize"), cstr("10"), cstr(""));
      set_cluster_label_place(sub);
      sub_of[p] = sub;
      return sub;
    };
    for (std::uint32_t e : view.entities()) {
      if (places.is_cluster(e)) {
        home[e] = cluster_of(cluster_of, e);
      } else if (places.parent(e) != PlaceClusters::kNone) {
        home[e] = cluster_of(cluster_of, places.parent(e));
      }
    }
  }

  std::unordered_set<std::string> used;
  for (std::uint32_t e : view.entities()) {
    const Entity& ent = kg.entities()[e];
    std::string name = node_name_for(kg.str(ent.id));
    for (int k = 2; !used.insert(name).second; ++k) name = node_name_for(kg.str(ent.id)) + " (" + std::to_string(k) + ")";

    Agnode_t* node = agnode(g, cstr(name), 1);
    if (home[e] != g) agsubnode(home[e], node, 1);
    nodes[e] = node;

    const std::string_view kind = kg.str(ent.kind);
    const NodeStyle st = node_style(ent.type, kind);
    agxset(node, ns.shape, cstr(std::string(st.shape)));
    agxset(node, ns.style, cstr(std::string(st.style)));
    agxset(node, ns.fillcolor, cstr(std::string(st.fill)));
    agxset(node, ns.color, cstr(std::string(st.border)));
    if (st.penwidth != 1.0) agxset(node, ns.penwidth, cstr(format_real(st.penwidth)));
    if (!st.margin.empty()) agxset(node, ns.margin, cstr(std::string(st.margin)));
    if (st.peripheries != 1) agxset(node, ns.peripheries, cstr(std::to_string(st.peripheries)));
    std::string klass = std::string(type_name(ent.type)) + " " + std::string(st.group);
    agxset(node, ns.klass, cstr(klass));

    // Label: the name, wrapped, over a small caption with kind and date.
    std::string name_text = text::sanitize(kg.str(ent.name));
    if (name_text.find_first_not_of(" \n") == std::string::npos) name_text = text::sanitize(kg.str(ent.id));
    const std::string kind_label = schema.kind_label(ent.type, kind);
    const std::string date = date_text(ent.start, ent.end);
    std::string caption = kind_label;
    if (!date.empty()) caption += " \u00b7 " + date;
    std::string html;
    for (const std::string& line : text::wrap(name_text, kNameWidth, kNameLines)) {
      if (!html.empty()) html += "<BR/>";
      html += text::html_text(line);
    }
    html += "<BR/><FONT POINT-SIZE=\"" + std::string(kCaptionSize) + "\" COLOR=\"" +
            std::string(kCaptionColour) + "\">" + text::html_text(text::sanitize(caption)) + "</FONT>";
    HtmlString label(g, html);
    agxset(node, ns.label, label.get());

    // Tooltip: everything an analyst needs to check the fact.
    std::string tip = name_text + "\n" + caption + "\nid: " + std::string(kg.str(ent.id));
    std::vector<std::string> aliases;
    for (StrId a : kg.list(ent.aliases)) aliases.emplace_back(kg.str(a));
    if (!aliases.empty()) tip += "\nAlso known as: " + join(aliases, "; ");
    for (const std::string& d : property_values(kg, ent.properties, "description")) tip += "\n" + d;
    tip += sources_text(kg, ent.sources);
    agxset(node, ns.tooltip, cstr(text::tooltip_text(text::sanitize(tip))));
  }
}

void GraphvizDocument::Impl::build_edges(const GraphView& view, bool edge_labels) {
  Agraph_t* g = graph.get();
  const KnowledgeGraph& kg = view.graph();
  const Schema& schema = kg.schema();
  for (std::uint32_t r : view.relations()) {
    const Relation& rel = kg.relations()[r];
    // A key per relation keeps parallel relations as separate edges.
    Agedge_t* edge = agedge(g, nodes[rel.from], nodes[rel.to], cstr("r" + std::to_string(r)), 1);
    const std::string_view type = kg.str(rel.type);
    const EdgeStyle st = edge_style(type);
    const RelationType* rt = schema.relation(type);
    const std::string label = text::sanitize(rt && !rt->label.empty() ? rt->label : std::string(type));
    const std::string role = text::sanitize(kg.str(rel.role));

    agxset(edge, es.color, cstr(std::string(st.colour)));
    agxset(edge, es.fontcolor, cstr(std::string(st.colour)));
    if (st.style != "solid") agxset(edge, es.style, cstr(std::string(st.style)));
    if (st.penwidth != 1.0) agxset(edge, es.penwidth, cstr(format_real(st.penwidth)));
    agxset(edge, es.klass, cstr(std::string(st.group) + " " + node_name_for(type)));
    if (edge_labels) {
      std::string text_label;
      for (const std::string& l : text::wrap(label, kEdgeWidth, 2)) text_label += (text_label.empty() ? "" : "\n") + l;
      if (!role.empty())
        for (const std::string& l : text::wrap("(" + role + ")", kEdgeWidth, 2)) text_label += "\n" + l;
      agxset(edge, es.label, cstr(text::label_text(text_label)));
    }

    std::string tip = text::sanitize(kg.str(kg.entities()[rel.from].name)) + " \u2192 " + label + " \u2192 " +
                      text::sanitize(kg.str(kg.entities()[rel.to].name));
    if (!role.empty()) tip += "\nrole: " + role;
    if (const std::string d = date_text(rel.start, rel.end); !d.empty()) tip += "\ndate: " + d;
    const PropertyList& props = kg.properties_of(rel);
    for (const std::string& q : property_values(kg, props, "quote")) tip += "\n\u201c" + q + "\u201d";
    tip += sources_text(kg, rel.sources);
    agxset(edge, es.tooltip, cstr(text::tooltip_text(text::sanitize(tip))));
  }
}

/// An HTML-like table of exactly the types, kinds and relation types in the view, drawn as the
/// graph's label below the drawing, so it never takes part in the layout.
std::string GraphvizDocument::Impl::legend(const GraphView& view) const {
  const KnowledgeGraph& kg = view.graph();
  const Schema& schema = kg.schema();

  // Entities: type, then kind label, each once.
  std::map<std::pair<int, std::string>, std::string> kinds;  // (type, kind label) -> kind
  for (std::uint32_t e : view.entities()) {
    const Entity& ent = kg.entities()[e];
    const std::string kind(kg.str(ent.kind));
    kinds.emplace(std::pair{static_cast<int>(ent.type), schema.kind_label(ent.type, kind)}, kind);
  }
  // Relations: by style group, then label.
  static constexpr std::array<std::string_view, 6> kGroupOrder = {"structure", "action", "legal",
                                                                   "breach", "movement", "other"};
  std::map<std::pair<std::size_t, std::string>, std::string> relations;  // -> type
  for (std::uint32_t r : view.relations()) {
    const std::string_view type = kg.str(kg.relations()[r].type);
    const RelationType* rt = schema.relation(type);
    const std::string label = rt && !rt->label.empty() ? rt->label : std::string(type);
    const std::size_t group = static_cast<std::size_t>(
        std::find(kGroupOrder.begin(), kGroupOrder.end(), edge_style(type).group) - kGroupOrder.begin());
    relations.emplace(std::pair{group, label}, std::string(type));
  }

  auto h = [](std::string_view s) { return text::html_text(text::sanitize(s)); };
  const std::string small = "<FONT POINT-SIZE=\"8.5\" COLOR=\"" + std::string(kCaptionColour) + "\">";

  // Each row of a block is two cells; blocks stand side by side in one table, so that rows
  // line up and Graphviz does not stretch a shorter block.
  using Block = std::vector<std::string>;
  Block entity_rows;
  int current_type = -1;
  for (const auto& [key, kind] : kinds) {
    const auto type = static_cast<EntityType>(key.first);
    if (key.first != current_type) {
      current_type = key.first;
      std::string heading(type_plural(type));
      heading[0] = static_cast<char>(heading[0] - 'a' + 'A');
      entity_rows.push_back("<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"" +
                            std::string(type_colours(type).border) + "\"><B>" + heading + "</B></FONT></TD>");
    }
    const NodeStyle st = node_style(type, kind);
    entity_rows.push_back("<TD BGCOLOR=\"" + std::string(st.fill) + "\" COLOR=\"" + std::string(st.border) +
                          "\" BORDER=\"" + (st.penwidth > 1 ? "2" : "1") + "\"" +
                          (st.style.find("dashed") != std::string_view::npos ? " STYLE=\"dashed\"" : "") +
                          " ALIGN=\"LEFT\">" + h(key.second) + "</TD><TD ALIGN=\"LEFT\">" + small +
                          h(st.shape_text) + "</FONT></TD>");
  }

  Block relation_rows;
  for (const auto& [key, type] : relations) {
    const EdgeStyle st = edge_style(type);
    const std::string width = st.penwidth > 1.5 ? "3" : "1";
    relation_rows.push_back("<TD SIDES=\"B\" BORDER=\"" + width + "\" COLOR=\"" + std::string(st.colour) + "\"" +
                            (st.style == "dashed" ? " STYLE=\"dashed\"" : "") +
                            " WIDTH=\"34\" HEIGHT=\"10\"></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"" +
                            std::string(st.colour) + "\">\u25b6</FONT> " + h(key.second) + "</TD>");
  }

  // Blocks of at most kRows rows, evenly filled; a title over the first block of each part.
  constexpr std::size_t kRows = 16;
  std::vector<std::pair<std::string, Block>> blocks;
  auto split = [&](const Block& rows, const std::string& title) {
    const std::size_t n = (rows.size() + kRows - 1) / kRows;
    const std::size_t per = n ? (rows.size() + n - 1) / n : kRows;
    for (std::size_t i = 0; i < rows.size(); i += per)
      blocks.emplace_back(i == 0 ? title : std::string{},
                          Block(rows.begin() + static_cast<std::ptrdiff_t>(i),
                                rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), i + per))));
  };
  split(entity_rows, "Entities");
  split(relation_rows, "Relations");
  std::size_t height = 0;
  for (const auto& b : blocks) height = std::max(height, b.second.size());

  std::string html = "<TABLE BORDER=\"1\" COLOR=\"#bbbbbb\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\" "
                     "BGCOLOR=\"#ffffff\">\n<TR>";
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (b) html += "<TD WIDTH=\"12\"></TD>";
    html += blocks[b].first.empty() ? "<TD COLSPAN=\"2\"></TD>"
                                    : "<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>" + blocks[b].first + "</B></TD>";
  }
  html += "</TR>\n";
  for (std::size_t r = 0; r < height; ++r) {
    html += "<TR>";
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      if (b) html += "<TD></TD>";
      html += r < blocks[b].second.size() ? blocks[b].second[r] : "<TD COLSPAN=\"2\"></TD>";
    }
    html += "</TR>\n";
  }
  html += "</TABLE>";
  return html;
}

GraphvizDocument::GraphvizDocument(const GraphView& view, const ExportOptions& options, std::string engine)
    : impl_(std::make_unique<Impl>(view, options, std::move(engine))) {}
GraphvizDocument::~GraphvizDocument() = default;
GraphvizDocument::GraphvizDocument(GraphvizDocument&&) noexcept = default;
GraphvizDocument& GraphvizDocument::operator=(GraphvizDocument&&) noexcept = default;

void GraphvizDocument::write_dot(std::ostream& out) const {
  std::lock_guard lock(graphviz_mutex());
  ErrorCapture errors;
  if (agwrite(impl_->graph.get(), &out) != 0 || !out)
    throw ExportError("could not write the DOT output" + (errors.text().empty() ? "" : ": " + errors.text()));
}

void GraphvizDocument::render(RenderFormat format, std::ostream& out) {
  std::lock_guard lock(graphviz_mutex());
  ErrorCapture errors;
  Agraph_t* g = impl_->graph.get();
  const char* device = "svg";
  switch (format) {
    case RenderFormat::svg: device = "svg"; break;
    case RenderFormat::png:
      device = "png:cairo";
      agsafeset(g, cstr("dpi"), cstr("144"), cstr(""));
      break;
    case RenderFormat::pdf: device = "pdf:cairo"; break;
  }
  GVC_t* gvc = process_context();
  if (!gvc) throw ExportError("Graphviz could not start (gvContext failed)");

  if (gvLayout(gvc, g, impl_->engine.c_str()) != 0) {
    std::string why = errors.text();
    throw ExportError("Graphviz could not lay out the graph with " + impl_->engine +
                      (why.empty() ? std::string{} : ": " + why));
  }
  LayoutOwner layout(gvc, g);
  if (errors.had_error()) throw ExportError("Graphviz: " + errors.text());

  char* raw = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(gvc, g, device, &raw, &length);
  RenderData data(raw);
  if (status != 0 || !data)
    throw ExportError(std::string("Graphviz could not render ") + device +
                      (errors.text().empty() ? std::string{} : ": " + errors.text()));
  if (errors.had_error()) throw ExportError("Graphviz: " + errors.text());
  out.write(data.get(), static_cast<std::streamsize>(length));
  if (!out) throw ExportError("could not write the rendered diagram");
}

}  // namespace kgraph::diagram

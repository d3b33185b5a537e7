#pragma once
/// A streaming XML reader for GraphML: libxml2's SAX2 push parser fed from a std::istream, with
/// the place of every start tag, and the safety settings kgraph needs for files from anywhere
/// (no DTD loading, no entity declarations, no network; docs/formats/graphml.md, "Reading GraphML").

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/diagnostics.hpp"

namespace kgraph::graphml {

/// The GraphML namespace.
inline constexpr std::string_view kNamespace = "http://graphml.graphdrawing.org/xmlns";

/// One attribute of a start tag, as libxml2 gives it (entities and character references
/// already replaced).
struct XmlAttribute {
  std::string_view name;  // local name
  std::string_view uri;   // namespace, empty for none (attributes rarely have one)
  std::string_view value;
};

/// What the XML reader reports, in document order.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  /// A start tag at `at` (its `<`). `uri` is the element's namespace, empty for none.
  virtual void start(std::string_view name, std::string_view uri,
                     const std::vector<XmlAttribute>& attributes, Location at) = 0;
  virtual void end() = 0;
  /// Character data, possibly in several pieces (text, CDATA, character references).
  virtual void text(std::string_view chars) = 0;
};

/// Reads `in` to the end or to the first error. Malformed XML, entity declarations ("billion
/// laughs", external entities) and read failures are reported
/// to `diags` at their place; the handler may also stop the reader with stop(). Returns false
/// if the document was not read to its end.
class XmlReader {
 public:
  XmlReader(std::istream& in, std::uint32_t file, Diagnostics& diags);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  bool read(XmlHandler& handler);
  /// Stops reading after the current event (the handler reported an error).
  void stop();

  // The parser's callbacks (public for the C trampolines in graphml_xml.cpp).
  struct Callbacks;

 private:
  /// The place of the last `marker` before the parser's cursor.
  Location place_of_last(std::string_view marker) const;
  void report(Location at, std::string message, std::string hint = {});

  std::istream& in_;
  std::uint32_t file_;
  Diagnostics& diags_;
  XmlHandler* handler_ = nullptr;
  void* ctxt_ = nullptr;  // xmlParserCtxtPtr
  bool stopped_ = false;
  bool failed_ = false;
  std::vector<XmlAttribute> attributes_;
};

}  // namespace kgraph::graphml

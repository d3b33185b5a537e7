#include "importers/graphml_xml.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <cstring>
#include <string>

namespace kgraph::graphml {
namespace {

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// libxml2's messages end in a newline.
std::string trimmed_message(const char* message) {
  std::string m = message ? message : "unknown XML error";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

struct XmlReader::Callbacks {
  static XmlReader& self(void* ctx) {
    return *static_cast<XmlReader*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
  }

  static void start(void* ctx, const xmlChar* local, const xmlChar*, const xmlChar* uri, int,
                    const xmlChar**, int count, int, const xmlChar** attributes) {
    XmlReader& r = self(ctx);
    if (r.stopped_) return;
    r.attributes_.clear();
    for (int i = 0; i < count; ++i) {
      const xmlChar* const* a = attributes + 5 * i;
      r.attributes_.push_back({view(a[0]), view(a[2]),
                               std::string_view(reinterpret_cast<const char*>(a[3]),
                                                static_cast<std::size_t>(a[4] - a[3]))});
    }
    r.handler_->start(view(local), view(uri), r.attributes_, r.place_of_last("<"));
  }

  static void end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    XmlReader& r = self(ctx);
    if (!r.stopped_) r.handler_->end();
  }

  static void characters(void* ctx, const xmlChar* chars, int length) {
    XmlReader& r = self(ctx);
    if (!r.stopped_)
      r.handler_->text(
          std::string_view(reinterpret_cast<const char*>(chars), static_cast<std::size_t>(length)));
  }

  // Entity declarations end the reading where they stand, before the first one is recorded:
  // without them no entity can expand ("billion laughs") or bring in a file or a network
  // resource. A DOCTYPE alone is harmless (the external DTD is never loaded) and is read.
  static void entity(XmlReader& r, const xmlChar* name) {
    if (r.stopped_) return;
    r.report(r.place_of_last("<!ENTITY"),
             "the document declares the entity \"" + std::string(view(name)) +
                 "\"; kgraph reads GraphML without entity declarations",
             "GraphML needs no entities; remove the DOCTYPE's declarations (they are never "
             "expanded, so that a file cannot make the reader expand text without end or read "
             "other files)");
    r.stop();
  }
  static void entity_declaration(void* ctx, const xmlChar* name, int, const xmlChar*,
                                 const xmlChar*, xmlChar*) {
    entity(self(ctx), name);
  }
  static void unparsed_entity_declaration(void* ctx, const xmlChar* name, const xmlChar*,
                                          const xmlChar*, const xmlChar*) {
    entity(self(ctx), name);
  }

  // A template: libxml2 2.12 made the error const; the pointer type is deduced from serror.
  template <typename XmlError>
  static void error(void*, XmlError* e) {
    if (!e || !e->ctxt) return;
    XmlReader& r = *static_cast<XmlReader*>(static_cast<xmlParserCtxtPtr>(e->ctxt)->_private);
    if (r.stopped_ || r.failed_) return;
    const Location at{r.file_, static_cast<std::uint32_t>(e->line > 0 ? e->line : 0),
                      static_cast<std::uint32_t>(e->int2 > 0 ? e->int2 : 0)};
    if (e->level == XML_ERR_WARNING) {
      r.diags_.warning(at, "XML: " + trimmed_message(e->message));
      return;
    }
    r.failed_ = true;
    r.report(at, "not well-formed XML: " + trimmed_message(e->message));
  }
};

XmlReader::XmlReader(std::istream& in, std::uint32_t file, Diagnostics& diags)
    : in_(in), file_(file), diags_(diags) {}

XmlReader::~XmlReader() {
  if (!ctxt_) return;
  auto* c = static_cast<xmlParserCtxtPtr>(ctxt_);
  // libxml2 makes a document of its own to hold entity declarations even for a SAX reader
  // (SAX_COMPAT_MODE); the context does not free it (a fuzz finding: a leak per such file).
  if (c->myDoc) xmlFreeDoc(c->myDoc);
  c->myDoc = nullptr;
  xmlFreeParserCtxt(c);
}

void XmlReader::report(Location at, std::string message, std::string hint) {
  diags_.error(at, std::move(message), std::move(hint));
}

void XmlReader::stop() {
  stopped_ = true;
  if (ctxt_) xmlStopParser(static_cast<xmlParserCtxtPtr>(ctxt_));
}

// libxml2 calls back at the end of what it parsed (the `>` or `/>` of a start tag, the `>` of a
// declaration), with all of it still in its input buffer. A start tag holds no `<` (XML allows
// none in attribute values), so the last `<` before the cursor is the tag's start; for a
// declaration, the last `<!ENTITY`. Columns count characters, as libxml2's do.
Location XmlReader::place_of_last(std::string_view marker) const {
  const auto* c = static_cast<xmlParserCtxtPtr>(ctxt_);
  const xmlParserInputPtr input = c->input;
  Location at{file_, static_cast<std::uint32_t>(input->line),
              static_cast<std::uint32_t>(input->col)};
  const auto* base = reinterpret_cast<const char*>(input->base);
  const std::string_view before(
      base, static_cast<std::size_t>(reinterpret_cast<const char*>(input->cur) - base));
  const std::size_t start = before.rfind(marker);
  if (start == std::string_view::npos) return at;
  std::uint32_t chars = 0, newlines = 0;
  for (std::size_t i = start; i < before.size(); ++i) {
    if (before[i] == '\n') ++newlines;
    if ((static_cast<unsigned char>(before[i]) & 0xC0) != 0x80) ++chars;
  }
  if (newlines == 0) {
    at.column = at.column > chars ? at.column - chars : 1;
    return at;
  }
  at.line -= newlines;
  const std::size_t line_start = before.rfind('\n', start);
  // Without a newline in the buffer, its start is the line's only if nothing was dropped before.
  if (line_start == std::string_view::npos && input->consumed != 0) return at;
  std::uint32_t column = 1;
  for (std::size_t i = line_start == std::string_view::npos ? 0 : line_start + 1; i < start; ++i)
    if ((static_cast<unsigned char>(before[i]) & 0xC0) != 0x80) ++column;
  at.column = column;
  return at;
}

bool XmlReader::read(XmlHandler& handler) {
  handler_ = &handler;
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = &Callbacks::start;
  sax.endElementNs = &Callbacks::end;
  sax.characters = &Callbacks::characters;
  sax.cdataBlock = &Callbacks::characters;
  sax.entityDecl = &Callbacks::entity_declaration;
  sax.unparsedEntityDecl = &Callbacks::unparsed_entity_declaration;
  sax.serror = &Callbacks::error;

  // libxml2 prints some problems (encoding conversion) to stderr through its generic error
  // handler; they are reported as diagnostics instead.
  struct QuietGenericErrors {
    QuietGenericErrors() { xmlSetGenericErrorFunc(nullptr, &QuietGenericErrors::ignore); }
    ~QuietGenericErrors() { xmlSetGenericErrorFunc(nullptr, nullptr); }
    static void ignore(void*, const char*, ...) {}
  } quiet;
  std::string buffer(kChunk, '\0');
  in_.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  std::size_t got = static_cast<std::size_t>(in_.gcount());
  if (got == 0 && !in_.bad()) return true;  // no document: the handler says so
  const std::string name = diags_.file_name(file_);
  xmlParserCtxtPtr c = xmlCreatePushParserCtxt(&sax, nullptr, buffer.data(),
                                               static_cast<int>(got < 4 ? got : 4), name.c_str());
  if (!c) {
    report(Location{file_, 0, 0}, "cannot start the XML parser (out of memory)");
    return false;
  }
  ctxt_ = c;
  c->_private = this;
  // No XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or
  // XML_PARSE_HUGE: libxml2's limits on text size, nesting and entity amplification stay on.
  xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_NOXINCNODE);
  std::size_t offset = got < 4 ? got : 4;
  while (!stopped_ && !failed_) {
    if (offset < got) {
      xmlParseChunk(c, buffer.data() + offset, static_cast<int>(got - offset), 0);
      offset = got;
      continue;
    }
    if (!in_) break;
    in_.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    got = static_cast<std::size_t>(in_.gcount());
    offset = 0;
    if (got == 0) break;
  }
  if (!stopped_ && !failed_) xmlParseChunk(c, nullptr, 0, 1);
  // Some failures (an undecodable encoding) reach only the generic error channel, which is
  // silenced: the parser's verdict catches them.
  if (!stopped_ && !failed_ && !c->wellFormed) {
    failed_ = true;
    report(Location{file_, static_cast<std::uint32_t>(c->input ? c->input->line : 0), 0},
           "not well-formed XML (the text cannot be decoded in its declared encoding?)");
  }
  if (in_.bad() && !stopped_ && !failed_) {
    report(Location{file_, 0, 0}, "read error");
    return false;
  }
  return !stopped_ && !failed_;
}

}  // namespace kgraph::graphml

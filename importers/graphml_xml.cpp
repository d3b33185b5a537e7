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
    r.handler_->start(view(local), view(uri), r.attributes_, r.start_tag_place());
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

  // Called at `<!DOCTYPE`, before its internal subset is parsed: refusing here means that no
  // entity is ever declared, so no expansion ("billion laughs") and no external entity can
  // follow. GraphML needs no DTD.
  static void doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    XmlReader& r = self(ctx);
    if (r.stopped_) return;
    const auto* c = static_cast<xmlParserCtxtPtr>(ctx);
    r.report(Location{r.file_, static_cast<std::uint32_t>(c->input->line), 1},
             "the document has a DOCTYPE; kgraph reads GraphML without DTDs or entity "
             "declarations",
             "GraphML needs no DOCTYPE; remove it (entities it declares are never expanded, "
             "so that a file cannot make the reader expand text without end or read other "
             "files)");
    r.stop();
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
  if (ctxt_) xmlFreeParserCtxt(static_cast<xmlParserCtxtPtr>(ctxt_));
}

void XmlReader::report(Location at, std::string message, std::string hint) {
  diags_.error(at, std::move(message), std::move(hint));
}

void XmlReader::stop() {
  stopped_ = true;
  if (ctxt_) xmlStopParser(static_cast<xmlParserCtxtPtr>(ctxt_));
}

// libxml2 calls the start callback with its input at the `>` (or `/>`) of the tag; the tag
// itself is still in the input buffer, and holds no `<` (XML allows none in attribute values),
// so the `<` before the cursor is the tag's start. Columns count characters, as libxml2's do.
Location XmlReader::start_tag_place() const {
  const auto* c = static_cast<xmlParserCtxtPtr>(ctxt_);
  const xmlParserInputPtr input = c->input;
  Location at{file_, static_cast<std::uint32_t>(input->line),
              static_cast<std::uint32_t>(input->col)};
  const xmlChar* p = input->cur;
  std::uint32_t chars = 0, newlines = 0;
  while (p > input->base && *p != '<') {
    --p;
    if (*p == '\n') ++newlines;
    if ((*p & 0xC0) != 0x80) ++chars;
  }
  if (*p != '<') return at;
  if (newlines == 0) {
    at.column = at.column > chars ? at.column - chars : 1;
    return at;
  }
  at.line -= newlines;
  std::uint32_t column = 1;
  for (const xmlChar* q = p; q > input->base && q[-1] != '\n'; --q)
    if ((q[-1] & 0xC0) != 0x80) ++column;
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
  sax.internalSubset = &Callbacks::doctype;
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

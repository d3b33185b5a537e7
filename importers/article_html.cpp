#include "importers/article_html.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <new>
#include <string>

namespace kgraph {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct ContextDeleter {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool is_name(const xmlNode* n, std::string_view name) {
  if (n->type != XML_ELEMENT_NODE) return false;
  const std::string_view got = view(n->name);
  return std::equal(got.begin(), got.end(), name.begin(), name.end(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b; });
}

bool is_any(const xmlNode* n, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view x) { return is_name(n, x); });
}

/// Elements whose content is never text of the page.
bool gives_no_text(const xmlNode* n) {
  return is_any(n, {"script", "style", "noscript", "template", "svg", "math", "iframe", "object"});
}

bool is_block(const xmlNode* n) {
  return is_any(
      n, {"p",    "div",      "h1",         "h2",      "h3",      "h4",     "h5",         "h6",
          "li",   "ul",       "ol",         "dl",      "dt",      "dd",     "table",      "tr",
          "td",   "th",       "caption",    "section", "article", "header", "footer",     "main",
          "nav",  "aside",    "blockquote", "pre",     "hr",      "figure", "figcaption", "address",
          "form", "fieldset", "body",       "details", "summary"});
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out(view(v));
  xmlFree(v);
  return out;
}

std::string text_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out(view(v));
  xmlFree(v);
  std::string collapsed;
  bool space = false;
  for (const char c : out) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  return collapsed;
}

/// The page's text, built as the walk goes.
class TextBuilder {
 public:
  void text(std::string_view s, bool preformatted) {
    for (const char c : s) {
      if (!preformatted && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
      pending_space_ = false;
      out_ += c;
    }
  }
  void line_break() {
    pending_space_ = false;
    if (!out_.empty()) out_ += '\n';
  }
  void paragraph_break() {
    pending_space_ = false;
    if (out_.empty()) return;
    while (out_.size() < 2 || out_[out_.size() - 1] != '\n' || out_[out_.size() - 2] != '\n')
      out_ += '\n';
  }
  std::string take() {
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool pending_space_ = false;
};

void read_head_element(const xmlNode* n, ArticleText& article, std::uint32_t file,
                       std::string& h1) {
  const Location at{file, static_cast<std::uint32_t>(std::max(0L, xmlGetLineNo(n))), 1};
  if (is_name(n, "title") && !article.title) {
    if (std::string t = text_of(n); !t.empty()) article.title = ArticleField{"title", t, at};
  } else if (is_name(n, "h1") && h1.empty()) {
    h1 = text_of(n);
  } else if (is_name(n, "meta")) {
    const std::string name = attribute(n, "name") + attribute(n, "property");
    const std::string content = attribute(n, "content");
    if (content.empty()) return;
    if (!article.date && (name == "date" || name == "dc.date" || name == "DC.date" ||
                          name == "article:published_time"))
      article.date =
          ArticleField{"date", content.substr(0, std::min<std::size_t>(10, content.size())), at};
    else if (name == "og:url" && std::none_of(article.fields.begin(), article.fields.end(),
                                              [](const ArticleField& f) { return f.key == "url"; }))
      article.fields.push_back({"url", content, at});
  } else if (is_name(n, "link") && attribute(n, "rel") == "canonical") {
    const std::string href = attribute(n, "href");
    if (!href.empty() && std::none_of(article.fields.begin(), article.fields.end(),
                                      [](const ArticleField& f) { return f.key == "url"; }))
      article.fields.push_back({"url", href, at});
  }
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
  const std::size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  std::string head(bytes.substr(start, 15));
  for (char& c : head) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return head.starts_with("<!doctype html") || head.starts_with("<html") ||
         head.starts_with("<!--");
}

ArticleText read_html_article(std::string_view bytes, std::uint32_t file, Diagnostics& diags) {
  ArticleText article;
  if (bytes.size() > INT_MAX) return article;  // past the importer's limit already
  const std::unique_ptr<htmlParserCtxt, ContextDeleter> context(htmlNewParserCtxt());
  if (!context) throw std::bad_alloc();
  const std::unique_ptr<xmlDoc, DocDeleter> doc(htmlCtxtReadMemory(
      context.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED));
  // libxml2 stops at elements nested deeper than 256 (its guard against pages made to exhaust
  // memory or stack); what follows is lost, and said so.
  if (doc && context->instate == XML_PARSER_EOF)
    diags.warning(
        Location{file,
                 static_cast<std::uint32_t>(std::max(1, context->input ? context->input->line : 1)),
                 1},
        "the page nests elements more than 256 deep here; its text from here on is "
        "not read",
        "unclosed tags (<font>, <b>, <div>) pile up; close them");
  if (!doc) {
    if (bytes.find_first_not_of(" \t\r\n") != std::string_view::npos)
      diags.error(Location{file, 1, 1}, "no HTML could be read from this file");
    return article;
  }
  TextBuilder out;
  std::string h1;
  int preformatted = 0;
  int in_head = 0;  // the head's elements are read (title, meta), its text is not the page's
  // An iterative walk: a page nested thousands deep must not take the stack with it.
  xmlNode* n = doc->children;
  while (n) {
    bool descend = false;
    if (n->type == XML_ELEMENT_NODE) {
      read_head_element(n, article, file, h1);
      if (!gives_no_text(n)) {
        if (is_name(n, "br")) out.line_break();
        if (is_block(n)) out.paragraph_break();
        if (is_name(n, "pre")) ++preformatted;
        if (is_name(n, "head")) ++in_head;
        descend = true;
      }
    } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && in_head == 0) {
      out.text(view(n->content), preformatted > 0);
    }
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    // Leave n and every ancestor that has no next sibling.
    while (n) {
      if (n->type == XML_ELEMENT_NODE && !gives_no_text(n)) {
        if (is_block(n)) out.paragraph_break();
        if (is_name(n, "pre")) --preformatted;
        if (is_name(n, "head")) --in_head;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (n && n->type != XML_ELEMENT_NODE) n = nullptr;  // the document
    }
  }
  article.text = out.take();
  if (!article.title && !h1.empty())
    article.title = ArticleField{"title", h1, Location{file, 1, 1}};
  if (!article.title) find_title_and_date(article, file, false);
  return article;
}

}  // namespace kgraph

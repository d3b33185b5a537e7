// The articles importer (`text`): which known entities an article names and at which code
// points, through the importer as `kgraph build` runs it (graph first, article last); its
// front matter, title and date; HTML pages; co-mentions; gazetteer entities; bad input.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "importers/article_gazetteer.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

struct Built {
  std::optional<KnowledgeGraph> graph;
  Diagnostics diags;
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.sorted()) {
      const std::string s = diags.format(d);
      out.push_back(s.substr(0, s.find('\n')));  // without the hint
    }
    return out;
  }
};

/// Reads `graph_json` (entities) as `graph.json`, then the article as `file_name`.
Built build(const std::string& graph_json, const std::string& file_name, const std::string& text,
            ImportOptions options = {}) {
  Built b;
  GraphBuilder builder(Schema::builtin(), b.diags);
  const ImporterRegistry& importers = test::importers();
  if (!graph_json.empty()) {
    std::istringstream in(graph_json);
    importers.named("json")->read(in, b.diags.add_file("graph.json"), "graph.json", builder,
                                  options);
  }
  const Importer* article = importers.for_path(file_name);
  EXPECT_NE(article, nullptr);
  EXPECT_TRUE(article->reads_after_others());
  std::istringstream in(text);
  article->read(in, b.diags.add_file(file_name), file_name, builder, options);
  b.graph = builder.finish();
  return b;
}

/// Actors named as given: {"id": "a1", "name": NAME} for every name, aliases after a '|'.
std::string actors(const std::vector<std::string>& names) {
  std::string json = R"({"actors": [)";
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::size_t bar = names[i].find('|');
    json += (i ? "," : "") + std::string(R"({"id": "a)") + std::to_string(i + 1) +
            R"(", "name": ")" + names[i].substr(0, bar) + "\"";
    if (bar != std::string::npos) json += R"(, "aliases": [")" + names[i].substr(bar + 1) + "\"]";
    json += "}";
  }
  return json + "]}";
}

std::vector<std::string> strings_of(const KnowledgeGraph& g, const PropertyList& props,
                                    std::string_view key) {
  std::vector<std::string> out;
  for (const Property& p : props)
    if (g.str(p.key) == key)
      for (const Value& v : p.values)
        out.push_back(v.kind == ValueKind::string ? std::string(g.str(v.string))
                                                  : std::to_string(v.integer));
  return out;
}

/// "a1 0-5 9-14; a2 ..." : every mentioned_in relation with its offsets, in begin order.
std::string mentions(const KnowledgeGraph& g) {
  std::map<std::string, std::vector<std::pair<long, long>>> by_entity;
  for (const Relation& r : g.relations()) {
    if (g.str(r.type) != "mentioned_in") continue;
    auto& spans = by_entity[std::string(g.str(g.entities()[r.from].id))];
    for (const std::string& o : strings_of(g, g.properties_of(r), "offsets"))
      spans.emplace_back(std::stol(o), std::stol(o.substr(o.find('-') + 1)));
  }
  std::string out;
  for (auto& [id, spans] : by_entity) {
    std::sort(spans.begin(), spans.end());
    out += (out.empty() ? "" : "; ") + id;
    for (const auto& [b, e] : spans) out += " " + std::to_string(b) + "-" + std::to_string(e);
  }
  return out;
}

struct MatchCase {
  const char* name;
  std::vector<std::string> entities;  // a1, a2, ...: "name|alias"
  const char* text;
  const char* expected;  // mentions()
};

class ArticleMatching : public testing::TestWithParam<MatchCase> {};

TEST_P(ArticleMatching, FindsTheKnownNamesAtTheirCodePoints) {
  const MatchCase& c = GetParam();
  const Built b = build(actors(c.entities), "a.txt", c.text);
  ASSERT_TRUE(b.graph) << testing::PrintToString(b.messages());
  EXPECT_EQ(mentions(*b.graph), c.expected);
}

// clang-format off
const MatchCase kMatchCases[] = {
    {"Plain", {"Qin Gang"}, "Spokesman Qin Gang said.", "a1 10-18"},
    {"StartAndEnd", {"China"}, "China deports to China", "a1 0-5 17-22"},
    {"WholeTextIsAName", {"UN"}, "UN", "a1 0-2"},
    {"LeftmostLongest", {"China", "Commission on China"},
     "The Commission on China and China.", "a1 28-33; a2 4-23"},
    {"OverlapFirstWins", {"North Korea", "Korea Times"}, "North Korea Times",
     "a1 0-11"},
    {"Possessive", {"North Korea"}, "North Korea's border", "a1 0-11"},
    {"CurlyPossessive", {"North Korea"}, "North Korea\xE2\x80\x99s border", "a1 0-11"},
    {"Plural", {"Korea"}, "the two Koreas met", "a1 8-14"},
    {"CaseBlind", {"Ministry of Foreign Affairs"}, "the MINISTRY of foreign affairs",
     "a1 4-31"},
    {"AccentBlind", {"Sao Paulo"}, "S\xC3\xA3o Paulo and Sao Paulo", "a1 0-9 14-23"},
    {"NotInsideAWord", {"UN"}, "UNHCR and the UN; unable", "a1 14-16"},
    {"Alias", {"United Nations|UN"}, "the UN, the United Nations", "a1 4-6 12-26"},
    // Offsets count code points: "é" (2 bytes), "—" (3 bytes) and "𝄞" (4 bytes) are one each.
    {"MultiByteOffsets", {"Qin Gang"}, "\xC3\xA9\xE2\x80\x94\xF0\x9D\x84\x9E Qin Gang", "a1 4-12"},
    {"CjkWithoutSpaces", {"\xE5\x8C\x97\xE4\xBA\xAC"},  // 北京
     "\xE5\x9C\xA8\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82",  // 在北京市
     "a1 1-3"},
    {"CjkBesideLatin", {"\xE7\xA7\xA6\xE5\x88\x9A|Qin Gang"},  // 秦刚
     "Qin Gang (\xE7\xA7\xA6\xE5\x88\x9A\xE8\xAF\xB4)", "a1 0-8 10-12"},
    {"NothingKnownNamed", {"Beijing"}, "Nothing here.", ""},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Cases, ArticleMatching, testing::ValuesIn(kMatchCases),
                         [](const auto& info) { return std::string(info.param.name); });

const Relation* relation(const KnowledgeGraph& g, std::string_view type, std::string_view from) {
  for (const Relation& r : g.relations())
    if (g.str(r.type) == type && g.str(g.entities()[r.from].id) == from) return &r;
  return nullptr;
}

const Entity* entity(const KnowledgeGraph& g, std::string_view id) {
  const auto i = g.find_entity(id);
  return i ? &g.entities()[*i] : nullptr;
}

TEST(ArticleImporter, FrontMatterGivesSourceAndPublication) {
  const std::string text =
      "---\ntitle: \"Qin Gang speaks\"\ndate: 2006-10-03\nurl: https://example.org/a\n"
      "publisher: CECC\n---\nQin Gang spoke on Sept. 19 and on 2006-09-20.\n";
  const Built b = build(actors({"Qin Gang"}), "news/speech.md", text);
  ASSERT_TRUE(b.graph) << testing::PrintToString(b.messages());
  const KnowledgeGraph& g = *b.graph;
  const auto s = g.find_source("article:speech");
  ASSERT_TRUE(s);
  const Source& source = g.sources()[*s];
  EXPECT_EQ(source.date.to_string(), "2006-10-03");
  EXPECT_EQ(strings_of(g, source.properties, "title"), std::vector<std::string>{"Qin Gang speaks"});
  EXPECT_EQ(strings_of(g, source.properties, "url"),
            std::vector<std::string>{"https://example.org/a"});
  EXPECT_EQ(strings_of(g, source.properties, "publisher"), std::vector<std::string>{"CECC"});
  const Entity* publication = entity(g, "publication:speech");
  ASSERT_TRUE(publication);
  EXPECT_EQ(g.str(publication->kind), "publication");
  EXPECT_EQ(g.str(publication->name), "Qin Gang speaks");
  EXPECT_EQ(publication->start.to_string(), "2006-10-03");
  // "Sept. 19" takes the article's year.
  EXPECT_EQ(strings_of(g, publication->properties, "dates_mentioned"),
            (std::vector<std::string>{"2006-09-19", "2006-09-20"}));
  // Offsets count from the start of the file: the front matter is 93 code points.
  EXPECT_EQ(mentions(g), "a1 93-101");
  const Relation* r = relation(g, "mentioned_in", "a1");
  ASSERT_TRUE(r);
  EXPECT_EQ(g.str(g.entities()[r->to].id), "publication:speech");
  ASSERT_EQ(g.list(r->sources).size(), 1u);
  EXPECT_EQ(g.str(g.list(r->sources)[0]), "article:speech");
  EXPECT_EQ(strings_of(g, g.properties_of(*r), "quote"),
            std::vector<std::string>{"Qin Gang spoke on Sept. 19 and on 2006-09-20."});
}

TEST(ArticleImporter, TitleAndDatelineFromTheFirstLines) {
  const std::string text =
      "# China and the DPRK\n\nOctober 3, 2006\n\nChina said. The DPRK did not.\n";
  const Built b = build(actors({"China", "DPRK"}), "x.md", text);
  ASSERT_TRUE(b.graph) << testing::PrintToString(b.messages());
  const KnowledgeGraph& g = *b.graph;
  const Entity* publication = entity(g, "publication:x");
  ASSERT_TRUE(publication);
  EXPECT_EQ(g.str(publication->name), "China and the DPRK");
  EXPECT_EQ(publication->start.to_string(), "2006-10-03");
  // The title line is text too.
  EXPECT_EQ(mentions(g), "a1 2-7 39-44; a2 16-20 55-59");
  const Relation* r = relation(g, "mentioned_in", "a2");
  ASSERT_TRUE(r);
  EXPECT_EQ(strings_of(g, g.properties_of(*r), "quote"),
            (std::vector<std::string>{"# China and the DPRK", "The DPRK did not."}));
}

TEST(ArticleImporter, CoMentionsCountSentences) {
  ImportOptions options;
  options.co_mentions = true;
  const std::string text =
      "Qin Gang spoke for China. China and Qin Gang agree.\nThe UN was not there.\n\nUN, China.";
  const Built b = build(actors({"Qin Gang", "China", "UN"}), "c.txt", text, options);
  ASSERT_TRUE(b.graph) << testing::PrintToString(b.messages());
  const KnowledgeGraph& g = *b.graph;
  std::map<std::string, std::string> counts;
  for (const Relation& r : g.relations())
    if (g.str(r.type) == "co_mentioned")
      counts[std::string(g.str(g.entities()[r.from].id)) + "-" +
             std::string(g.str(g.entities()[r.to].id))] =
          strings_of(g, g.properties_of(r), "count").at(0);
  EXPECT_EQ(counts, (std::map<std::string, std::string>{{"a1-a2", "2"}, {"a2-a3", "1"}}));
}

TEST(ArticleImporter, CrowdedSentencesGiveNoQuotesNorCoMentions) {
  ImportOptions options;
  options.co_mentions = true;
  std::vector<std::string> names;
  std::string text = "A and B met. ";
  for (int i = 0; i < 51; ++i) {
    names.push_back("Name" + std::to_string(i));
    text += names.back() + ", ";
  }
  names.insert(names.begin(), {"A", "B"});  // a1 and a2
  const Built b = build(actors(names), "c.txt", text + "end.", options);
  ASSERT_TRUE(b.graph) << testing::PrintToString(b.messages());
  std::size_t co = 0, mentioned = 0;
  for (const Relation& r : b.graph->relations()) {
    co += b.graph->str(r.type) == "co_mentioned";
    mentioned += b.graph->str(r.type) == "mentioned_in";
  }
  EXPECT_EQ(co, 1u);          // A with B; not the 51 * 50 / 2 pairs of the list
  EXPECT_EQ(mentioned, 53u);  // every mention kept
  const Relation* listed = relation(*b.graph, "mentioned_in", "a3");
  ASSERT_TRUE(listed);
  EXPECT_TRUE(strings_of(*b.graph, b.graph->properties_of(*listed), "quote").empty());
  EXPECT_EQ(strings_of(*b.graph, b.graph->properties_of(*listed), "offsets"),
            std::vector<std::string>{"13-18"});
  EXPECT_EQ(b.messages(),
            std::vector<std::string>{"c.txt:1:14: warning: 1 sentence(s) of this article, the "
                                     "first here, name more than 50 entities each; they give no "
                                     "quotes and no co_mentioned relations (the mentions and "
                                     "their offsets are kept)"});
}

TEST(ArticleImporter, GazetteerEntitiesEnterTheGraphOnlyWhenNamed) {
  Diagnostics scratch;
  GraphBuilder names(Schema::builtin(), scratch);
  {
    std::istringstream in(
        R"({"places": [{"id": "shenyang", "name": "Shenyang", "kind": "city"},
                       {"id": "beijing", "name": "Beijing", "kind": "city"}],
            "relations": [{"from": "shenyang", "type": "located_in", "to": "beijing"}]})");
    test::importers().named("json")->read(in, scratch.add_file("g.json"), "g.json", names, {});
  }
  ImportOptions options;
  auto gazetteer = std::make_shared<ArticleGazetteer>();
  gazetteer->add(names.named_entities(), ArticleGazetteer::Origin::gazetteer);
  options.gazetteer = gazetteer;
  const Built b = build("", "s.txt", "Consulate in Shenyang.", options);
  ASSERT_TRUE(b.graph) << testing::PrintToString(b.messages());
  const KnowledgeGraph& g = *b.graph;
  const Entity* shenyang = entity(g, "shenyang");
  ASSERT_TRUE(shenyang);
  EXPECT_EQ(type_name(shenyang->type), "place");
  EXPECT_EQ(g.str(shenyang->kind), "city");
  EXPECT_EQ(entity(g, "beijing"), nullptr);
  EXPECT_EQ(mentions(g), "shenyang 13-21");
  EXPECT_EQ(g.relations().size(), 1u);  // the gazetteer's located_in is not kept
}

TEST(ArticleImporter, HtmlPageText) {
  const std::string page =
      "<!DOCTYPE html><html><head><title>Qin &amp; UN</title>"
      "<meta name=\"date\" content=\"2006-10-03T08:00:00Z\">"
      "<link rel=\"canonical\" href=\"https://example.org/p\">"
      "<style>p { content: 'Qin Gang'; }</style>"
      "<script>var s = \"Qin Gang <p>\";</script></head>\n"
      "<body><!-- Qin Gang in a comment --><h1>Statement</h1>"
      "<p>Qin&nbsp;Gang &amp; the UN&#8217;s envoy.</p><p>Then<br>Qin Gang left.</p>"
      "<script>document.write('UN')</script></body></html>";
  const Built b = build(actors({"Qin Gang", "UN"}), "p.html", page);
  ASSERT_TRUE(b.graph) << testing::PrintToString(b.messages());
  const KnowledgeGraph& g = *b.graph;
  // The page's text: "Statement\n\nQin Gang & the UN’s envoy.\n\nThen\nQin Gang left."
  EXPECT_EQ(mentions(g), "a1 11-19 44-52; a2 26-28");
  const Entity* publication = entity(g, "publication:p");
  ASSERT_TRUE(publication);
  EXPECT_EQ(g.str(publication->name), "Qin & UN");
  EXPECT_EQ(publication->start.to_string(), "2006-10-03");
  const Source& source = g.sources()[*g.find_source("article:p")];
  EXPECT_EQ(strings_of(g, source.properties, "url"),
            std::vector<std::string>{"https://example.org/p"});
}

TEST(ArticleImporter, HtmlNestedTooDeepIsReadUpToThereWithAWarning) {
  std::string page = "<html><body><p>Qin Gang</p>\n";
  for (int i = 0; i < 300; ++i) page += "<font>";
  page += "Qin Gang";
  const Built b = build(actors({"Qin Gang"}), "deep.html", page);
  ASSERT_TRUE(b.graph);
  EXPECT_EQ(mentions(*b.graph), "a1 0-8");
  EXPECT_EQ(b.messages(), std::vector<std::string>{
                              "deep.html:2:1: warning: the page nests elements more than 256 "
                              "deep here; its text from here on is not read"});
}

TEST(ArticleImporter, BadInputIsReportedWhereItIs) {
  struct Bad {
    const char* name;
    std::string text;
    std::vector<std::string> messages;
  };
  const Bad cases[] = {
      {"a.txt", "line one\nok \xC3(", {"a.txt:2:4: error: invalid UTF-8; the article is not read"}},
      {"a.txt",
       std::string("NUL\n\n\0x", 7),
       {"a.txt:3:1: error: NUL byte in the text; the article is not read"}},
      {"a.md",
       "---\ntitle: x\n\nQin Gang",
       {"a.md:1:1: error: the front matter opened here has no closing '---' line"}},
      {"a.md",
       "---\ntitle x\n---\nbody",
       {"a.md:2:1: error: front matter line is not 'key: value'"}},
      {"a.md",
       "---\ndate: 19 Sept\n---\nbody",
       {"a.md:2:7: error: invalid date \"19 Sept\" in field \"date\"; expected YYYY, YYYY-MM or "
        "YYYY-MM-DD (a real calendar date)"}},
  };
  for (const Bad& c : cases) {
    const Built b = build(actors({"Qin Gang"}), c.name, c.text);
    EXPECT_EQ(b.messages(), c.messages) << c.text;
  }
}

TEST(ArticleImporter, WarnsWhenNothingIsKnown) {
  const Built b = build("", "a.txt", "Qin Gang");
  ASSERT_TRUE(b.graph);
  EXPECT_EQ(b.messages(),
            std::vector<std::string>{"a.txt: warning: no entities are known to look for in this "
                                     "article: it becomes a source and a publication without "
                                     "mentions"});
}

}  // namespace
}  // namespace kgraph

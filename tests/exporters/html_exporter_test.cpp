// The html page as text: one data block that holds the canonical records unchanged and no '<',
// the viewer and its style sheet inlined, the positions of viewer_layout.hpp. What the page does
// in a browser is tested in tests/clients/viewer_browser_test.cpp.

#include "exporters/html_exporter.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "exporters/diagram_style.hpp"
#include "exporters/viewer_layout.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

constexpr std::string_view kDataOpen = "<script type=\"application/json\" id=\"kgraph-data\">";

/// The text between the data block's tags.
std::string data_block(const std::string& page) {
  const std::size_t open = page.find(kDataOpen);
  EXPECT_NE(open, std::string::npos);
  if (open == std::string::npos) return {};
  const std::size_t begin = open + kDataOpen.size();
  return page.substr(begin, page.find("</script>", begin) - begin);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(HtmlExporter, EscapeForScriptWritesEveryLessThanAsAnEscape) {
  std::string json = R"({"name":"</script><script>x()</script><!--"})";
  viewer::escape_for_script(json);
  EXPECT_EQ(json, R"({"name":"\u003c/script>\u003cscript>x()\u003c/script>\u003c!--"})");
  rapidjson::Document d;
  d.Parse(json.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_STREQ(d["name"].GetString(), "</script><script>x()</script><!--");
}

// Every tests/data/golden/html/NAME.json gives NAME.page-data (JSON), the page's data block (the rest
// of the page is the fixed frame and the viewer, checked below), compared byte for byte: the
// records, the legend and the positions. KGRAPH_UPDATE_GOLDEN=1 rewrites them instead.
TEST(HtmlExporter, DataBlockMatchesGoldenFiles) {
  for (const auto& input : test::golden_inputs("html", 2)) {
    SCOPED_TRACE(input.filename().string());
    const KnowledgeGraph g = test::graph_from_json(test::read_file(input));
    auto golden = input;
    golden.replace_extension(".page-data");
    test::check_golden(golden, data_block(test::export_to_string(GraphView(g), "html")) + "\n",
                       "html data block of " + input.string());
  }
}

// For every dataset: two scripts only, the data block without '<', and each record in it equal
// to the canonical JSON exporter's record, so that nothing is lost or changed on the way.
class HtmlPage : public ::testing::TestWithParam<std::string> {};

TEST_P(HtmlPage, DataBlockHoldsTheCanonicalRecordsAndNoLessThan) {
  const KnowledgeGraph g = test::graph_from_file(test::source_path(GetParam()));
  const GraphView view(g);
  const std::string page = test::export_to_string(view, "html");
  EXPECT_EQ(test::occurrences(lower(page), "<script"), 2u);
  EXPECT_EQ(test::occurrences(lower(page), "</script"), 2u);
  const std::string data = data_block(page);
  EXPECT_EQ(data.find('<'), std::string::npos);

  rapidjson::Document d;
  d.Parse(data.c_str());
  ASSERT_FALSE(d.HasParseError()) << d.GetParseError();
  rapidjson::Document canonical;
  const std::string json = test::export_to_string(view, "json");
  canonical.Parse(json.c_str());
  ASSERT_FALSE(canonical.HasParseError());

  const auto& entities = d["entities"].GetArray();
  ASSERT_EQ(entities.Size(), g.entities().size());
  std::size_t at = 0;
  for (EntityType t : kEntityTypes) {
    if (!canonical.HasMember(std::string(type_plural(t)).c_str())) continue;
    for (const auto& rec : canonical[std::string(type_plural(t)).c_str()].GetArray()) {
      // The canonical document groups by type; the page keeps the graph's (id) order.
      bool found = false;
      for (const auto& e : entities) {
        if (e["record"] == rec) {
          EXPECT_EQ(e["type"].GetString(), type_name(t));
          found = true;
          break;
        }
      }
      EXPECT_TRUE(found) << rec["id"].GetString();
      ++at;
    }
  }
  EXPECT_EQ(at, g.entities().size());
  const auto& relations = d["relations"].GetArray();
  ASSERT_EQ(relations.Size(), g.relations().size());
  if (!g.relations().empty()) {
    const auto& canonical_relations = canonical["relations"].GetArray();
    for (rapidjson::SizeType i = 0; i < relations.Size(); ++i)
      EXPECT_TRUE(relations[i]["record"] == canonical_relations[i]) << i;
  }
  if (!g.sources().empty()) {
    EXPECT_TRUE(d["sources"] == canonical["sources"]);
  }

  // Every entity has a finite position and a legend row in the diagrams' colours.
  const auto& kinds = d["legend"]["kinds"].GetArray();
  for (const auto& e : entities) {
    EXPECT_TRUE(std::isfinite(e["x"].GetDouble()) && std::isfinite(e["y"].GetDouble()));
    const auto& row = kinds[e["style"].GetUint()];
    EXPECT_STREQ(row["type"].GetString(), e["type"].GetString());
    const std::string kind = e["record"].HasMember("kind") ? e["record"]["kind"].GetString() : "";
    EXPECT_EQ(row["kind"].GetString(), kind);
    const auto type = *parse_entity_type(row["type"].GetString());
    EXPECT_EQ(row["fill"].GetString(), diagram::node_style(type, kind).fill);
    EXPECT_EQ(row["border"].GetString(), diagram::node_style(type, kind).border);
  }
  for (const auto& rel : d["legend"]["relations"].GetArray())
    EXPECT_EQ(rel["colour"].GetString(), diagram::edge_style(rel["type"].GetString()).colour);
}

INSTANTIATE_TEST_SUITE_P(Datasets, HtmlPage,
                         ::testing::Values("examples/north-korean-refugees-2006/graph.json",
                                           "tests/data/hostile/hostile.json",
                                           "tests/data/hostile/viewer_injection.json"),
                         [](const auto& info) {
                           const std::string& p = info.param;
                           const std::size_t slash = p.rfind('/');
                           std::string name = p.substr(p.rfind('/', slash - 1) + 1);
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(HtmlExporter, InlinesTheCommittedBundleAndStyleSheet) {
  const KnowledgeGraph g =
      test::graph_from_file(test::source_path("examples/north-korean-refugees-2006/graph.json"));
  const std::string page = test::export_to_string(GraphView(g), "html");
  const std::string bundle = test::read_file(test::source_path("viewer/dist/viewer.min.js"));
  ASSERT_GT(bundle.size(), 100000u);
  EXPECT_EQ(lower(bundle).find("</script"), std::string::npos);
  EXPECT_NE(page.find("<script>" + bundle + "</script>"), std::string::npos);
  EXPECT_NE(page.find(test::read_file(test::source_path("viewer/src/viewer.css"))),
            std::string::npos);
  // Nothing is fetched from anywhere: no src or href attribute outside the data and bundle.
  const std::string head = page.substr(0, page.find(kDataOpen));
  EXPECT_EQ(head.find("src="), std::string::npos);
  EXPECT_EQ(head.find("href="), std::string::npos);
  EXPECT_NE(head.find("Content-Security-Policy"), std::string::npos);
}

TEST(HtmlExporter, SelectionWritesOnlyTheView) {
  const KnowledgeGraph g =
      test::graph_from_file(test::source_path("examples/north-korean-refugees-2006/graph.json"));
  const std::uint32_t a = *g.find_entity("qin-gang"), b = *g.find_entity("mfa");
  std::vector<std::uint32_t> relations;
  for (std::uint32_t r = 0; r < g.relations().size(); ++r) {
    const Relation& rel = g.relations()[r];
    if ((rel.from == a && rel.to == b) || (rel.from == b && rel.to == a)) relations.push_back(r);
  }
  ASSERT_FALSE(relations.empty());
  const GraphView view(g, {std::min(a, b), std::max(a, b)}, relations);
  rapidjson::Document d;
  d.Parse(data_block(test::export_to_string(view, "html")).c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(d["entities"].Size(), 2u);
  EXPECT_EQ(d["relations"].Size(), relations.size());
}

// The command line's selection options reach the page as every other format: the page holds
// what the canonical JSON of the same selection holds.
TEST(HtmlExporter, CommandLineSelectionAppliesToThePage) {
  const auto dir = test::make_temp_dir();
  const std::string input =
      test::source_path("examples/north-korean-refugees-2006/graph.json").string();
  const auto r = test::run_kgraph({"build", input, "--focus", "qin-gang", "--depth", "1", "-o",
                                   (dir / "v.html").string(), "-o", (dir / "v.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  rapidjson::Document page, json;
  page.Parse(data_block(test::read_file(dir / "v.html")).c_str());
  json.Parse(test::read_file(dir / "v.json").c_str());
  ASSERT_FALSE(page.HasParseError() || json.HasParseError());
  rapidjson::SizeType entities = 0;
  for (EntityType t : kEntityTypes)
    if (json.HasMember(std::string(type_plural(t)).c_str()))
      entities += json[std::string(type_plural(t)).c_str()].Size();
  EXPECT_GT(entities, 1u);
  EXPECT_LT(entities, 42u);
  EXPECT_EQ(page["entities"].Size(), entities);
  EXPECT_EQ(page["relations"].Size(), json["relations"].Size());
}

TEST(HtmlExporter, EmptyAndSingleEntityViewsMakeValidPages) {
  for (const std::string json :
       {R"({"sources":[{"id":"s"}]})", R"({"actors":[{"id":"a","name":"Only one"}]})"}) {
    const KnowledgeGraph g = test::graph_from_json(json);
    rapidjson::Document d;
    d.Parse(data_block(test::export_to_string(GraphView(g), "html")).c_str());
    ASSERT_FALSE(d.HasParseError()) << json;
    EXPECT_EQ(d["entities"].Size(), g.entities().size());
    EXPECT_EQ(d["relations"].Size(), 0u);
  }
}

// ---- layout --------------------------------------------------------------------------------

/// `n` actors in a chain (a0 - a1 - ... ) plus `lone` entities without relations.
KnowledgeGraph chain(int n, int lone = 0) {
  std::string actors, relations;
  for (int i = 0; i < n + lone; ++i) {
    actors += (i ? "," : "") + std::string("{\"id\":\"a") + std::to_string(i) + "\",\"name\":\"A " +
              std::to_string(i) + "\"}";
    if (i && i < n)
      relations += (relations.empty() ? "" : ",") + std::string("{\"from\":\"a") +
                   std::to_string(i - 1) + "\",\"type\":\"related_to\",\"to\":\"a" +
                   std::to_string(i) + "\"}";
  }
  return test::graph_from_json("{\"actors\":[" + actors + "],\"relations\":[" + relations + "]}");
}

double distance(const viewer::Point& a, const viewer::Point& b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

TEST(ViewerLayout, GraphvizWithTheDiagramsEngineForSmallViews) {
  const KnowledgeGraph g = chain(10);
  const viewer::Layout dot = viewer::lay_out(GraphView(g), {});
  EXPECT_EQ(dot.method, "dot");
  ASSERT_EQ(dot.points.size(), 10u);
  ExportOptions neato;
  neato.engine = "neato";
  EXPECT_EQ(viewer::lay_out(GraphView(g), neato).method, "neato");
  ExportOptions unknown;
  unknown.engine = "nope";
  EXPECT_THROW(viewer::lay_out(GraphView(g), unknown), ExportError);
  // Distinct nodes get distinct places.
  std::set<std::pair<double, double>> places;
  for (const auto& p : dot.points) places.insert({p.x, p.y});
  EXPECT_EQ(places.size(), 10u);
}

TEST(ViewerLayout, ForceLayoutBeyondGraphvizLimit) {
  const int n = static_cast<int>(viewer::kGraphvizUpTo.entities) + 1;
  const KnowledgeGraph g = chain(n);
  const viewer::Layout layout = viewer::lay_out(GraphView(g), {});
  EXPECT_EQ(layout.method, "force");
  EXPECT_EQ(layout.points.size(), static_cast<std::size_t>(n));
}

TEST(ViewerLayout, ForceLayoutIsDeterministicSpreadAndKeepsNeighboursNear) {
  const KnowledgeGraph g = chain(400, 100);
  const GraphView view(g);
  const std::vector<viewer::Point> p = viewer::force_layout(view);
  const std::vector<viewer::Point> again = viewer::force_layout(view);
  ASSERT_EQ(p.size(), 500u);
  for (std::size_t i = 0; i < p.size(); ++i) {
    ASSERT_TRUE(std::isfinite(p[i].x) && std::isfinite(p[i].y));
    EXPECT_EQ(p[i].x, again[i].x);
    EXPECT_EQ(p[i].y, again[i].y);
  }
  // Entities are in id order (a0, a1, a10, ...): map chain positions to view positions.
  std::vector<std::size_t> at(500);
  for (std::uint32_t i = 0; i < 500; ++i)
    at[std::stoul(std::string(g.str(g.entities()[view.entities()[i]].id)).substr(1))] = i;
  double linked = 0, apart = 0, closest = 1e300;
  for (std::size_t i = 1; i < 400; ++i) {
    linked += distance(p[at[i - 1]], p[at[i]]);
    apart += distance(p[at[i]], p[at[(i * 7919) % 400]]);
  }
  for (std::size_t i = 0; i < 500; ++i)
    for (std::size_t j = i + 1; j < 500; ++j) closest = std::min(closest, distance(p[i], p[j]));
  EXPECT_LT(linked * 4, apart) << "related entities should end up near one another";
  EXPECT_GT(closest, 0.01) << "no two entities on top of each other";
}

}  // namespace
}  // namespace kgraph

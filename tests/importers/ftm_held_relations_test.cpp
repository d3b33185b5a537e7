// HeldRelations: relation records packed into one buffer come back field for field, with their
// places, in the order they were held, and the buffer is empty afterwards.

#include "importers/ftm_held_relations.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kgraph {
namespace {

/// A record as text: every field with its key, place, list flag and values.
std::string text_of(const RawRecord& r) {
  std::string out = std::to_string(r.at.file) + ":" + std::to_string(r.at.line) + ":" +
                    std::to_string(r.at.column) + " " + std::string(section_name(r.section));
  for (std::size_t i = 0; i < r.field_count; ++i) {
    const RawField& f = r.fields[i];
    out += " " + f.key + "@" + std::to_string(f.at.file) + ":" + std::to_string(f.at.line) + ":" +
           std::to_string(f.at.column) + (f.is_list ? "[" : "(");
    for (const RawScalar& v : f.values) out += v.text + ";";
    out += f.is_list ? "]" : ")";
  }
  return out;
}

TEST(FtmHeldRelations, GiveBackWhatWasHeld) {
  HeldRelations held;
  std::vector<std::string> expected;
  RawRecord r;
  for (int i = 0; i < 3; ++i) {
    r.clear();
    r.section = Section::relation;
    r.at = Location{4, 10u + i, 2};
    r.add_field("from", Location{4, 10u + i, 7}).values.push_back(RawScalar::of_string("a"));
    r.add_field("type", Location{4, 10u + i, 9})
        .values.push_back(RawScalar::of_string("related_to"));
    r.add_field("to", Location{4, 10u + i, 30})
        .values.push_back(RawScalar::of_string(std::string(i * 100, 'x') + "é\n\"end"));
    RawField& list = r.add_field("sources", Location{4, 10u + i, 40});
    list.is_list = true;
    for (int v = 0; v < i; ++v)
      list.values.push_back(RawScalar::of_string("s" + std::to_string(v)));
    r.add_field("empty", Location{4, 10u + i, 50}).values.push_back(RawScalar::of_string(""));
    held.hold(r);
    expected.push_back(text_of(r));
  }
  EXPECT_EQ(held.size(), 3u);
  std::vector<std::string> replayed;
  held.replay([&](const RawRecord& back) { replayed.push_back(text_of(back)); });
  EXPECT_EQ(replayed, expected);
  EXPECT_EQ(held.size(), 0u);
  held.replay([&](const RawRecord&) { ADD_FAILURE() << "replayed twice"; });
}

}  // namespace
}  // namespace kgraph

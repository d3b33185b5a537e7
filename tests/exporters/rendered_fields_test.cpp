#include "exporters/rendered_fields.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kgraph {
namespace {

TEST(EntityFields, KeepsShortFieldsInSlotsAndLongOnesBeside) {
  EntityFields fields(4);
  const std::string exact(29, 'x');  // the longest that fits a slot
  const std::string longer(30, 'y');
  const std::string huge(100000, 'z');
  fields.set(0, "person-1", 7);
  fields.set(1, exact, 3);
  fields.set(2, longer);
  fields.set(3, huge);
  EXPECT_EQ(fields.get(0), "person-1");
  EXPECT_EQ(fields.get(1), exact);
  EXPECT_EQ(fields.get(2), longer);
  EXPECT_EQ(fields.get(3), huge);
  EXPECT_EQ(fields.tag(0), 7);
  EXPECT_EQ(fields.tag(1), 3);
  EXPECT_EQ(fields.tag(3), 0);
  fields.set(0, "");
  EXPECT_EQ(fields.get(0), "");
  EXPECT_EQ(fields.get(2), longer);
}

TEST(RenderedText, RendersEachKeyOnce) {
  RenderedText text(3);
  int calls = 0;
  const auto render = [&](int key) {
    return [&calls, key](std::string& out) {
      ++calls;
      out += "[" + std::to_string(key) + "]";
    };
  };
  EXPECT_EQ(text.get(2, render(2)), "[2]");
  EXPECT_EQ(text.get(0, render(0)), "[0]");
  EXPECT_EQ(text.get(2, render(99)), "[2]");
  EXPECT_EQ(calls, 2);
  // An empty rendering is remembered too.
  EXPECT_EQ(text.get(1, [&](std::string&) { ++calls; }), "");
  EXPECT_EQ(text.get(1, [&](std::string&) { ++calls; }), "");
  EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace kgraph

// Part files of the database folders (exporters/part_files.hpp): the stable hash and the names.

#include "exporters/part_files.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace kgraph {
namespace {

TEST(PartFiles, StableHashIsFnv1a64) {
  // The published test vectors of 64-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/).
  EXPECT_EQ(stable_hash(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(stable_hash("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(stable_hash("foobar"), 0x85944171f73967e8ull);
  // Bytes, not characters: UTF-8 and bytes above 0x7F are hashed as unsigned.
  EXPECT_NE(stable_hash("\xC3\xA9"), stable_hash("\xC3"));
}

TEST(PartFiles, PartIsTheHashModuloTheCount) {
  for (const char* key : {"", "a", "qin-gang", "中文 😀"}) {
    EXPECT_EQ(part_of(key, 1), 0u);
    for (std::uint32_t parts : {2u, 3u, 16u, kMaxParts})
      EXPECT_EQ(part_of(key, parts), stable_hash(key) % parts) << key << " " << parts;
  }
  // Many ids spread over every part.
  std::set<std::uint32_t> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(part_of("id-" + std::to_string(i), 16));
  EXPECT_EQ(seen.size(), 16u);
}

TEST(PartFiles, NamesAreNumberedFromOneAndPadded) {
  EXPECT_EQ(part_file("actors", "", 0, 1), "actors.csv");
  EXPECT_EQ(part_file("actors", "-escaped", 0, 1), "actors-escaped.csv");
  EXPECT_EQ(part_file("actors", "", 0, 3), "actors-part1.csv");
  EXPECT_EQ(part_file("actors", "", 2, 3), "actors-part3.csv");
  EXPECT_EQ(part_file("rel_located_in", "", 3, 16), "rel_located_in-part04.csv");
  EXPECT_EQ(part_file("actors", "-escaped", 99, 100), "actors-escaped-part100.csv");
  EXPECT_EQ(part_file("actors", "", 0, 100), "actors-part001.csv");
  EXPECT_EQ(part_glob("actors", ""), "actors-part*.csv");
  EXPECT_EQ(part_glob("actors", "-escaped"), "actors-escaped-part*.csv");
}

}  // namespace
}  // namespace kgraph

#include "importers/shard_manifest.hpp"

#include <gtest/gtest.h>

namespace kgraph {
namespace {

struct ManifestRead {
  std::optional<ShardManifest> manifest;
  std::vector<std::string> messages;
};

ManifestRead read(const std::string& text) {
  Diagnostics diags;
  ManifestRead r;
  r.manifest = read_shard_manifest(text, diags.add_file("m.json"), diags);
  for (const Diagnostic& d : diags.sorted()) r.messages.push_back(diags.format(d));
  return r;
}

TEST(ShardManifest, PartNamesHaveFiveDigitsAtLeast) {
  EXPECT_EQ(shard_part_name(0), "part-00000.jsonl");
  EXPECT_EQ(shard_part_name(42), "part-00042.jsonl");
  EXPECT_EQ(shard_part_name(99999), "part-99999.jsonl");
  EXPECT_EQ(shard_part_name(123456), "part-123456.jsonl");
}

TEST(ShardManifest, WhatKgraphWritesReadsBack) {
  for (const std::uint32_t parts : {1u, 3u, 16u}) {
    const ManifestRead r = read(shard_manifest_text(parts));
    ASSERT_TRUE(r.manifest) << r.messages.front();
    EXPECT_EQ(r.manifest->parts, parts);
    ASSERT_EQ(r.manifest->files.size(), parts);
    for (std::uint32_t i = 0; i < parts; ++i) EXPECT_EQ(r.manifest->files[i], shard_part_name(i));
  }
}

TEST(ShardManifest, ProblemsAtTheirPlace) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::string ok_head = R"({"kgraph": "shard", "version": 1, "hash": "fnv1a-64", )";
  const std::vector<Case> cases = {
      {"[]",
       "m.json:1:1: error: a shard manifest is a JSON object with \"kgraph\": \"shard\", "
       "\"version\", \"parts\", \"hash\" and \"files\""},
      {"{", "m.json:1:2: error: "},
      {ok_head + R"("parts": 1, "files": ["part-00000.jsonl"], "part": 2})",
       "m.json:1:98: error: unknown key \"part\" in a shard manifest; did you mean \"parts\"?"},
      {ok_head + R"("files": []})", "m.json:1:1: error: the shard manifest has no \"parts\""},
      {ok_head + R"("parts": 0, "files": []})",
       "m.json:1:64: error: \"parts\" must be an integer from 1 to 100000"},
      {ok_head + R"("parts": 2, "files": ["part-00000.jsonl"]})",
       "m.json:1:76: error: \"files\" names 1 files for 2 parts"},
      {ok_head + R"("parts": 2, "files": ["part-00000.jsonl", "../../etc/passwd"]})",
       "m.json:1:97: error: part 1 must be \"part-00001.jsonl\""},
      {R"({"kgraph": "shard", "version": 2, "hash": "fnv1a-64", "parts": 1, "files": ["part-00000.jsonl"]})",
       "m.json:1:32: error: unsupported shard manifest version (this kgraph reads version 1)"},
      {R"({"kgraph": "shard", "version": 1, "hash": "murmur3", "parts": 1, "files": ["part-00000.jsonl"]})",
       "m.json:1:43: error: unknown hash (this kgraph shards by \"fnv1a-64\")"},
  };
  for (const Case& c : cases) {
    const ManifestRead r = read(c.text);
    EXPECT_FALSE(r.manifest) << c.text;
    ASSERT_FALSE(r.messages.empty()) << c.text;
    EXPECT_EQ(r.messages.front().substr(0, c.message.size()), c.message) << c.text;
  }
}

}  // namespace
}  // namespace kgraph

// Issue #11, item 4: compressed inputs for every importer. Files made by the real gzip, bzip2
// and zstd tools are read through `kgraph build` exactly as their uncompressed text: the same
// graph, the same FILE:LINE:COLUMN for an error; damaged data is an error that says so.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "importers/compressed_input.hpp"
#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::run_kgraph;
using test::run_shell;
using test::shell_quote;
using test::write_file;

struct Compressor {
  const char* name;
  const char* command;  // compresses the file named last, to stdout
  const char* ending;
};

const Compressor kCompressors[] = {
    {"gzip", "gzip -c", ".gz"},
    {"bzip2", "bzip2 -c", ".bz2"},
    {"zstd", "zstd -q -c", ".zst"},
};

/// Compresses `plain` into `compressed` with the tool.
void compress(const Compressor& c, const fs::path& plain, const fs::path& compressed) {
  const auto r = run_shell(std::string(c.command) + " " + shell_quote(plain.string()) + " > " +
                           shell_quote(compressed.string()));
  ASSERT_EQ(r.status, 0) << c.name << ": " << r.err;
}

const char* const kLines =
    R"({"record": "source", "id": "s1", "title": "A report", "url": "https://example.org/r"}
{"record": "actor", "id": "a", "kind": "person", "name": "Ana", "sources": ["s1"]}
{"record": "place", "id": "p", "kind": "city", "name": "Lisbon", "sources": ["s1"]}
{"record": "relation", "type": "located_in", "from": "a", "to": "p", "sources": ["s1"]}
)";

/// `kgraph build FILE -o json:OUT`: the JSON written, or the messages if it failed.
std::string build_json(const fs::path& input, const fs::path& dir,
                       const std::vector<std::string>& extra = {}) {
  const fs::path out = dir / "out.json";
  std::vector<std::string> args = {"build", input.string(), "-o", "json:" + out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_kgraph(args);
  if (r.status != 0) return "exit " + std::to_string(r.status) + ": " + r.err;
  return read_file(out);
}

TEST(CompressedInputs, ReadAsTheirTextByEveryTool) {
  const fs::path dir = test::make_temp_dir();
  write_file(dir / "facts.jsonl", kLines);
  const std::string expected = build_json(dir / "facts.jsonl", dir);
  ASSERT_EQ(expected.rfind("exit", 0), std::string::npos) << expected;
  for (const Compressor& c : kCompressors) {
    const fs::path packed = dir / ("facts.jsonl" + std::string(c.ending));
    compress(c, dir / "facts.jsonl", packed);
    EXPECT_EQ(build_json(packed, dir), expected) << c.name;
    // Told by its first bytes, not its name: the same file under a plain name.
    const fs::path misnamed = dir / ("misnamed-" + std::string(c.name) + ".jsonl");
    fs::copy_file(packed, misnamed);
    EXPECT_EQ(build_json(misnamed, dir), expected) << c.name << " without its ending";
  }
}

TEST(CompressedInputs, ErrorsPointIntoTheDecompressedText) {
  const fs::path dir = test::make_temp_dir();
  write_file(dir / "bad.jsonl", std::string(kLines) + R"({"record": "actor", "id": 5})" + "\n");
  for (const Compressor& c : kCompressors) {
    const fs::path packed = dir / ("bad.jsonl" + std::string(c.ending));
    compress(c, dir / "bad.jsonl", packed);
    const auto r =
        run_kgraph({"build", packed.string(), "-o", "json:" + (dir / "o.json").string()});
    EXPECT_EQ(r.status, 1) << c.name;
    EXPECT_NE(r.err.find("bad.jsonl" + std::string(c.ending) + ":5:27: error: "), std::string::npos)
        << c.name << ": " << r.err;
    EXPECT_FALSE(fs::exists(dir / "o.json")) << c.name << ": nothing is written";
  }
}

TEST(CompressedInputs, TruncatedOrCorruptDataIsAnError) {
  const fs::path dir = test::make_temp_dir();
  std::string many;
  for (int i = 0; i < 2000; ++i)
    many += R"({"record": "actor", "id": "a)" + std::to_string(i) +
            R"(", "kind": "person", "name": "Person )" + std::to_string(i) + "\"}\n";
  write_file(dir / "many.jsonl", many);
  for (const Compressor& c : kCompressors) {
    const fs::path packed = dir / ("many.jsonl" + std::string(c.ending));
    compress(c, dir / "many.jsonl", packed);
    const std::string bytes = read_file(packed);

    write_file(dir / ("cut.jsonl" + std::string(c.ending)), bytes.substr(0, bytes.size() / 2));
    const std::string cut = build_json(dir / ("cut.jsonl" + std::string(c.ending)), dir);
    EXPECT_NE(cut.find("exit 1: "), std::string::npos) << c.name << ": " << cut;
    EXPECT_NE(cut.find(std::string("the ") + c.name + " data ends early, after "),
              std::string::npos)
        << cut;

    std::string damaged = bytes;
    for (std::size_t i = damaged.size() / 3; i < damaged.size() / 3 + 16; ++i) damaged[i] ^= 0x5a;
    write_file(dir / ("damaged.jsonl" + std::string(c.ending)), damaged);
    const std::string bad = build_json(dir / ("damaged.jsonl" + std::string(c.ending)), dir);
    EXPECT_NE(bad.find("exit 1: "), std::string::npos) << c.name << ": " << bad;
    EXPECT_NE(bad.find(std::string(c.name) + " data"), std::string::npos) << bad;
  }
}

TEST(CompressedInputs, ConcatenatedMembersAreReadWhole) {
  const fs::path dir = test::make_temp_dir();
  const std::string lines = kLines;
  const std::size_t half = lines.find("{\"record\": \"place\"");
  write_file(dir / "one.jsonl", lines.substr(0, half));
  write_file(dir / "two.jsonl", lines.substr(half));
  write_file(dir / "all.jsonl", lines);
  const std::string expected = build_json(dir / "all.jsonl", dir);
  for (const Compressor& c : kCompressors) {
    const std::string e = c.ending;
    compress(c, dir / "one.jsonl", dir / ("one.jsonl" + e));
    compress(c, dir / "two.jsonl", dir / ("two.jsonl" + e));
    write_file(dir / ("both.jsonl" + e),
               read_file(dir / ("one.jsonl" + e)) + read_file(dir / ("two.jsonl" + e)));
    EXPECT_EQ(build_json(dir / ("both.jsonl" + e), dir), expected) << c.name;
  }
}

TEST(CompressedInputs, DirectoriesAndStandardInput) {
  const fs::path dir = test::make_temp_dir();
  write_file(dir / "plain.jsonl", kLines);
  const std::string expected = build_json(dir / "plain.jsonl", dir);
  const fs::path folder = dir / "in";
  fs::create_directories(folder);
  compress(kCompressors[0], dir / "plain.jsonl", folder / "facts.jsonl.gz");
  EXPECT_EQ(build_json(folder, dir), expected) << "a directory walk takes .jsonl.gz files";

  const auto r = run_kgraph(
      {"build", "--input-format", "jsonl", "-", "-o", "json:" + (dir / "stdin.json").string()},
      read_file(folder / "facts.jsonl.gz"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read_file(dir / "stdin.json"), expected);
}

TEST(CompressedInput, DetectionAndFileEndings) {
  EXPECT_EQ(detect_compression("\x1f\x8b\x08\x00"), Compression::gzip);
  EXPECT_EQ(detect_compression("BZh9"), Compression::bzip2);
  EXPECT_EQ(detect_compression("BZh!"), Compression::none);  // text that starts like bzip2
  EXPECT_EQ(detect_compression("\x28\xb5\x2f\xfd"), Compression::zstd);
  EXPECT_EQ(detect_compression("{\"re"), Compression::none);
  EXPECT_EQ(detect_compression(""), Compression::none);
  EXPECT_EQ(without_compressed_ending("a/facts.jsonl.GZ"), "a/facts.jsonl");
  EXPECT_EQ(without_compressed_ending("facts.csv.zst"), "facts.csv");
  EXPECT_EQ(without_compressed_ending("facts.csv"), "facts.csv");
}

}  // namespace
}  // namespace kgraph

// `--threads N` changes how inputs are read, never what comes out: the outputs and the
// messages of a run are byte for byte those of a run on one thread, whatever N and whatever
// the order of the input files (issue #15).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace kgraph {
namespace {

namespace fs = std::filesystem;
using namespace kgraph::test;

/// A graph spread over several files of several formats, with merging to do: ids declared in
/// more than one file under other names, relations repeated with other sources, shorthand
/// relations, and enough records for many batches (kRelayBatchRecords is 2048).
std::vector<fs::path> write_generated_inputs(const fs::path& dir, int entities, int relations) {
  std::mt19937 rng(15);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* kinds[] = {"person", "organization", "government"};
  std::vector<fs::path> files;
  std::string sources = "id,title\n";
  for (int s = 0; s < 50; ++s)
    sources += "src-" + std::to_string(s) + ",Report " + std::to_string(s) + "\n";
  files.push_back(dir / "sources.csv");
  write_file(files.back(), sources);

  const int parts = 4;
  std::vector<std::string> texts(parts);
  for (int e = 0; e < entities; ++e) {
    // Every tenth entity appears again in another part under another name (an alias).
    for (int copy = 0; copy < (e % 10 == 0 ? 2 : 1); ++copy) {
      const int part = (e + copy * 3) % parts;
      texts[part] += R"({"record":"actor","id":"a)" + std::to_string(e) + R"(","name":"Actor )" +
                     std::to_string(e) + (copy ? " (also)" : "") + R"(","kind":")" + kinds[e % 3] +
                     R"(","sources":["src-)" + std::to_string(pick(50)) + "\"]}\n";
    }
  }
  for (int p = 0; p < 200; ++p)
    texts[p % parts] += R"({"record":"place","id":"p)" + std::to_string(p) + R"(","name":"Place )" +
                        std::to_string(p) + "\"" +
                        (p > 0 ? R"(,"within":"p)" + std::to_string(p / 2) + "\"" : "") + "}\n";
  for (int r = 0; r < relations; ++r) {
    const int from = pick(entities), to = pick(entities);
    const bool located = r % 7 == 0;
    texts[pick(parts)] += R"({"record":"relation","from":"a)" + std::to_string(from) +
                          R"(","type":")" + (located ? "located_in" : "member_of") + R"(","to":")" +
                          (located ? "p" + std::to_string(pick(200)) : "a" + std::to_string(to)) +
                          R"(","sources":["src-)" + std::to_string(pick(50)) + R"("],"weight":)" +
                          std::to_string(pick(5)) + "}\n";
  }
  for (int part = 0; part < parts; ++part) {
    files.push_back(dir / ("part-" + std::to_string(part) + ".jsonl"));
    write_file(files.back(), texts[part]);
  }
  return files;
}

struct Run {
  RunResult result;
  std::vector<std::string> outputs;  // the bytes of each output, in the order asked
};

Run build(const std::vector<fs::path>& inputs, int threads, const fs::path& out_dir,
          const std::vector<std::string>& endings) {
  std::vector<std::string> args{"build", "--threads", std::to_string(threads)};
  for (const fs::path& p : inputs) args.push_back(p.string());
  fs::create_directories(out_dir);
  for (const std::string& ending : endings) {
    args.push_back("-o");
    args.push_back((out_dir / ("out" + ending)).string());
  }
  Run run{run_kgraph(args), {}};
  for (const std::string& ending : endings)
    if (fs::exists(out_dir / ("out" + ending)))
      run.outputs.push_back(read_file(out_dir / ("out" + ending)));
  return run;
}

void expect_same_for_every_thread_count(std::vector<fs::path> inputs, const fs::path& dir) {
  const std::vector<std::string> endings{".jsonl", ".graphml", ".nt"};
  const Run one = build(inputs, 0, dir / "t0", endings);
  ASSERT_EQ(one.result.status, 0) << one.result.err;
  ASSERT_EQ(one.outputs.size(), endings.size());
  std::mt19937 rng(6);
  for (int threads : {1, 2, 4}) {
    std::shuffle(inputs.begin(), inputs.end(), rng);
    const Run other = build(inputs, threads, dir / ("t" + std::to_string(threads)), endings);
    ASSERT_EQ(other.result.status, 0) << other.result.err;
    ASSERT_EQ(other.outputs.size(), endings.size());
    for (std::size_t i = 0; i < endings.size(); ++i)
      EXPECT_TRUE(other.outputs[i] == one.outputs[i])
          << endings[i] << " differs with --threads " << threads;
  }
}

TEST(ThreadsIdentity, ExampleIsTheSameForAnyThreadCount) {
  const fs::path example = source_path("examples/north-korean-refugees-2006");
  std::vector<fs::path> inputs{example / "graph.json"};
  for (const auto& entry : fs::directory_iterator(example / "csv"))
    if (entry.path().extension() == ".csv") inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  expect_same_for_every_thread_count(inputs, make_temp_dir());
}

TEST(ThreadsIdentity, GeneratedGraphIsTheSameForAnyThreadCount) {
  const fs::path dir = make_temp_dir();
  const std::vector<fs::path> inputs = write_generated_inputs(dir, 20000, 100000);
  expect_same_for_every_thread_count(inputs, dir);
}

TEST(ThreadsIdentity, MessagesAreTheSameForAnyThreadCount) {
  // Problems of the text (found while reading) and of the graph (found by the builder),
  // spread over files and batches, and more of them than kgraph goes on after (10,000).
  const fs::path dir = make_temp_dir();
  std::vector<fs::path> inputs;
  for (int f = 0; f < 3; ++f) {
    std::string text;
    for (int i = 0; i < 6000; ++i) {
      const std::string id = "f" + std::to_string(f) + "-" + std::to_string(i);
      if (i % 3 == 0)
        text += "{\"record\":\"actor\",\"id\":\"" + id + "\",\"name\":\n";  // syntax
      else if (i % 3 == 1)
        text += R"({"record":"actor","id":")" + id +
                R"(","name":"N","kind":"robot"})"
                "\n";
      else
        text += R"({"record":"relation","from":")" + id +
                R"(","type":"member_of","to":"x"})"
                "\n";
    }
    inputs.push_back(dir / ("bad-" + std::to_string(f) + ".jsonl"));
    write_file(inputs.back(), text);
  }
  const RunResult one = run_kgraph({"validate", "--threads", "0", "--max-errors", "0",
                                    inputs[0].string(), inputs[1].string(), inputs[2].string()});
  EXPECT_EQ(one.status, 1);
  EXPECT_NE(one.err.find("robot"), std::string::npos);
  for (const char* threads : {"1", "2", "3"}) {
    const RunResult other =
        run_kgraph({"validate", "--threads", threads, "--max-errors", "0", inputs[0].string(),
                    inputs[1].string(), inputs[2].string()});
    EXPECT_EQ(other.status, 1);
    EXPECT_TRUE(other.err == one.err) << "messages differ with --threads " << threads;
  }
}

TEST(ThreadsIdentity, AnUnreadableInputStopsTheRunAsOnOneThread) {
  // /proc/self/mem opens, and its first read fails (nothing is mapped at address 0).
  const fs::path dir = make_temp_dir();
  write_file(dir / "a.jsonl", R"({"record":"actor","id":"a","name":"A"})"
                              "\n");
  for (const char* threads : {"0", "1", "2"}) {
    const RunResult r = run_kgraph({"validate", "--input-format", "jsonl", "--threads", threads,
                                    (dir / "a.jsonl").string(), "/proc/self/mem"});
    EXPECT_EQ(r.status, 3) << threads;
    EXPECT_EQ(r.err, "kgraph: error: cannot read /proc/self/mem: Input/output error\n") << threads;
  }
}

}  // namespace
}  // namespace kgraph

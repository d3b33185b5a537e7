// The baseline for the benchmarks: RapidJSON's SAX reader with a handler that does nothing,
// over the same input kgraph imports. Whatever kgraph does beyond this is the cost of building
// the graph and writing the output.
//
//   parse_only data.jsonl           # JSON Lines: read in chunks, each line parsed alone
//   parse_only --insitu data.jsonl  # the same, parsing in place (RapidJSON's fastest mode)
//   parse_only data.json            # one JSON document, streamed through FileReadStream
//
// Prints bytes, records (JSON Lines: non-blank lines), seconds and MB/s; exits 1 if any line
// does not parse.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/filereadstream.h>
#include <rapidjson/reader.h>

namespace {

struct Counts {
  unsigned long long bytes = 0, records = 0, errors = 0;
};

bool blank(const char* b, const char* e) {
  for (; b != e; ++b)
    if (*b != ' ' && *b != '\t' && *b != '\r') return false;
  return true;
}

// Reads fixed-size chunks; a line that crosses a chunk boundary is carried into the next one.
// By default strings are copied out (as an importer that keeps them must do); `insitu`
// parses in place instead.
bool parse_lines(std::FILE* f, Counts& c, bool insitu) {
  constexpr std::size_t kChunk = 16 << 20;
  std::vector<char> buf(kChunk + 1);
  std::size_t carried = 0;
  rapidjson::Reader reader;
  rapidjson::BaseReaderHandler<> handler;
  unsigned long long line_no = 0;
  while (true) {
    if (carried == buf.size() - 1) buf.resize(buf.size() * 2);  // a line longer than a chunk
    const std::size_t got = std::fread(buf.data() + carried, 1, buf.size() - 1 - carried, f);
    c.bytes += got;
    const std::size_t end = carried + got;
    const bool eof = got == 0;
    char* p = buf.data();
    char* const limit = buf.data() + end;
    while (p < limit) {
      char* nl = static_cast<char*>(std::memchr(p, '\n', static_cast<std::size_t>(limit - p)));
      if (!nl) {
        if (!eof) break;
        nl = limit;  // last line without a newline
      }
      ++line_no;
      if (!blank(p, nl)) {
        *nl = '\0';
        bool bad;
        if (insitu) {
          rapidjson::InsituStringStream in(p);
          bad = reader.Parse<rapidjson::kParseInsituFlag>(in, handler).IsError();
        } else {
          rapidjson::StringStream in(p);
          bad = reader.Parse<rapidjson::kParseDefaultFlags>(in, handler).IsError();
        }
        if (bad) {
          if (c.errors++ < 10)
            std::fprintf(stderr, "parse_only: line %llu: error at offset %zu\n", line_no,
                         reader.GetErrorOffset());
        }
        ++c.records;
      }
      p = nl + 1;
    }
    carried = p < limit ? static_cast<std::size_t>(limit - p) : 0;
    if (carried) std::memmove(buf.data(), p, carried);
    if (eof) break;
  }
  return c.errors == 0;
}

bool parse_document(std::FILE* f, Counts& c) {
  std::vector<char> buf(1 << 20);
  rapidjson::FileReadStream in(f, buf.data(), buf.size());
  rapidjson::Reader reader;
  rapidjson::BaseReaderHandler<> handler;
  const bool ok = !reader.Parse(in, handler).IsError();
  if (!ok) {
    std::fprintf(stderr, "parse_only: error at offset %zu\n", reader.GetErrorOffset());
    ++c.errors;
  }
  c.bytes = in.Tell();
  c.records = 1;
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  bool insitu = false;
  int a = 1;
  if (a < argc && std::string_view(argv[a]) == "--insitu") insitu = true, ++a;
  if (a + 1 != argc || std::string_view(argv[a]) == "--help") {
    std::fprintf(stderr, "usage: parse_only [--insitu] FILE.jsonl|FILE.json\n");
    return 2;
  }
  const std::string path = argv[a];
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    std::perror(path.c_str());
    return 3;
  }
  const auto t0 = std::chrono::steady_clock::now();
  Counts c;
  const bool document = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  const bool ok = document ? parse_document(f, c) : parse_lines(f, c, insitu);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fclose(f);
  std::printf("bytes %llu records %llu seconds %.3f MB/s %.1f%s\n", c.bytes, c.records, s,
              double(c.bytes) / 1e6 / s, ok ? "" : " (with errors)");
  return ok ? 0 : 1;
}

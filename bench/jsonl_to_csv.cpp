// Converts kgraph JSON Lines into kgraph's CSV layout, for the CSV import benchmark
// (docs/performance.md, "CSV import"), and times the bare CSV state machine.
//
//   jsonl_to_csv data.jsonl csv-dir/       # writes csv-dir/{sources,actors,...}.csv
//   jsonl_to_csv --read-only csv-dir/      # times importers/csv_reader over every file
//
// The CSV files hold the same records as the JSON Lines, so `kgraph validate data.jsonl` and
// `kgraph validate csv-dir` build the same graph. Two passes over the input: the first finds
// each section's columns and their types (`n:int`, `tags:string[]`), the second writes the rows.
// A value CSV cannot carry the same way (an empty string, a list item containing ";" or with
// spaces around it, a property whose values mix types) is counted and reported on stderr.

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "graph/diagnostics.hpp"
#include "importers/csv_reader.hpp"

namespace {

namespace fs = std::filesystem;

constexpr const char* kSections[] = {"source", "actor", "law", "event", "place", "relation"};
constexpr const char* kFiles[] = {"sources.csv", "actors.csv", "laws.csv",
                                  "events.csv",  "places.csv", "relations.csv"};

bool is_list_field(std::string_view key) {
  return key == "aliases" || key == "sources" || key == "place" || key == "within" ||
         key == "part_of";
}

enum class Kind { none, string, integer, real, boolean };

struct Column {
  std::string key;
  Kind kind = Kind::none;
  bool list = false;
  bool mixed = false;
  std::string header() const {
    if (is_list_field(key) || ((kind == Kind::string || kind == Kind::none) && !list &&
                               key.find(':') == std::string::npos))
      return key;
    const char* t = kind == Kind::integer   ? "int"
                    : kind == Kind::real    ? "float"
                    : kind == Kind::boolean ? "boolean"
                                            : "string";
    return key + ":" + t + (list ? "[]" : "");
  }
};

struct Section {
  std::vector<Column> columns;
  std::map<std::string, std::size_t, std::less<>> index;
  std::ofstream out;
};

Kind kind_of(const rapidjson::Value& v) {
  if (v.IsString()) return Kind::string;
  if (v.IsBool()) return Kind::boolean;
  if (v.IsInt64() || v.IsUint64()) return Kind::integer;
  if (v.IsNumber()) return Kind::real;
  return Kind::none;
}

int section_of(const rapidjson::Value& doc) {
  if (!doc.IsObject()) return -1;
  auto it = doc.FindMember("record");
  if (it == doc.MemberEnd() || !it->value.IsString()) return -1;
  for (int s = 0; s < 6; ++s)
    if (std::string_view(it->value.GetString()) == kSections[s]) return s;
  return -1;
}

void append_scalar(std::string& cell, const rapidjson::Value& v) {
  char buf[64];
  if (v.IsString()) {
    cell.append(v.GetString(), v.GetStringLength());
  } else if (v.IsBool()) {
    cell += v.GetBool() ? "true" : "false";
  } else if (v.IsInt64()) {
    cell.append(buf, std::to_chars(buf, buf + sizeof buf, v.GetInt64()).ptr);
  } else if (v.IsUint64()) {
    cell.append(buf, std::to_chars(buf, buf + sizeof buf, v.GetUint64()).ptr);
  } else if (v.IsNumber()) {
    cell.append(buf, std::to_chars(buf, buf + sizeof buf, v.GetDouble()).ptr);
  }
}

void write_cell(std::ostream& out, const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out << cell;
    return;
  }
  out << '"';
  for (char c : cell) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

int convert(const char* input, const fs::path& dir) {
  Section sections[6];
  std::uint64_t lines = 0, unrepresentable = 0;
  std::string line;
  auto for_each_record = [&](auto&& f) {
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "jsonl_to_csv: cannot read %s\n", input);
      std::exit(3);
    }
    std::uint64_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      rapidjson::Document doc;
      doc.Parse(line.data(), line.size());
      const int s = section_of(doc);
      if (doc.HasParseError() || s < 0) {
        std::fprintf(stderr, "jsonl_to_csv: %s:%llu: not a kgraph record\n", input,
                     static_cast<unsigned long long>(n));
        std::exit(1);
      }
      f(sections[s], doc);
    }
    lines = n;
  };

  // Pass 1: columns and types.
  for_each_record([&](Section& sec, const rapidjson::Document& doc) {
    for (auto& m : doc.GetObject()) {
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      if (key == "record" || m.value.IsNull()) continue;
      auto [it, fresh] = sec.index.try_emplace(std::string(key), sec.columns.size());
      if (fresh) sec.columns.push_back(Column{std::string(key)});
      Column& c = sec.columns[it->second];
      auto merge = [&](Kind k) {
        if (c.kind == Kind::none)
          c.kind = k;
        else if (c.kind != k)
          c.mixed = true;
      };
      if (m.value.IsArray()) {
        c.list = true;
        for (auto& v : m.value.GetArray()) merge(kind_of(v));
      } else {
        merge(kind_of(m.value));
      }
    }
  });

  fs::create_directories(dir);
  for (int s = 0; s < 6; ++s) {
    Section& sec = sections[s];
    fs::remove(dir / kFiles[s]);
    if (sec.columns.empty()) continue;
    for (const Column& c : sec.columns)
      if (c.mixed)
        std::fprintf(stderr, "jsonl_to_csv: %s: column %s mixes value types\n", kFiles[s],
                     c.key.c_str());
    sec.out.open(dir / kFiles[s], std::ios::binary);
    for (std::size_t i = 0; i < sec.columns.size(); ++i) {
      if (i) sec.out << ',';
      write_cell(sec.out, sec.columns[i].header());
    }
    sec.out << '\n';
  }

  // Pass 2: rows.
  std::vector<std::string> cells;
  std::string item;
  for_each_record([&](Section& sec, const rapidjson::Document& doc) {
    cells.assign(sec.columns.size(), std::string());
    for (auto& m : doc.GetObject()) {
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      if (key == "record" || m.value.IsNull()) continue;
      std::string& cell = cells[sec.index.find(key)->second];
      if (m.value.IsArray()) {
        bool first = true;
        for (auto& v : m.value.GetArray()) {
          item.clear();
          append_scalar(item, v);
          if (item.empty() || item.find(';') != std::string::npos || item.front() == ' ' ||
              item.back() == ' ' || item.front() == '\t' || item.back() == '\t')
            ++unrepresentable;
          if (!first) cell += ';';
          first = false;
          cell += item;
        }
      } else {
        append_scalar(cell, m.value);
        if (cell.empty()) ++unrepresentable;
      }
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) sec.out << ',';
      write_cell(sec.out, cells[i]);
    }
    sec.out << '\n';
  });

  std::uint64_t bytes = 0;
  for (int s = 0; s < 6; ++s) {
    if (!sections[s].out.is_open()) continue;
    sections[s].out.close();
    bytes += fs::file_size(dir / kFiles[s]);
  }
  std::fprintf(
      stderr,
      "jsonl_to_csv: %llu lines, %llu bytes of JSON Lines -> %llu bytes of CSV in %s (%llu values "
      "CSV cannot carry the same way)\n",
      static_cast<unsigned long long>(lines), static_cast<unsigned long long>(fs::file_size(input)),
      static_cast<unsigned long long>(bytes), dir.c_str(),
      static_cast<unsigned long long>(unrepresentable));
  return unrepresentable ? 1 : 0;
}

int read_only(const fs::path& dir) {
  std::uint64_t bytes = 0, rows = 0, cells = 0;
  const auto start = std::chrono::steady_clock::now();
  kgraph::Diagnostics diags;
  for (const char* name : kFiles) {
    const fs::path path = dir / name;
    if (!fs::exists(path)) continue;
    bytes += fs::file_size(path);
    std::ifstream in(path, std::ios::binary);
    kgraph::CsvReader reader(in, diags.add_file(path.string()), diags);
    kgraph::CsvRow row;
    while (reader.read_row(row)) {
      ++rows;
      cells += row.size();
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  diags.print(std::cerr, 10, true);
  std::printf("{\"bytes\":%llu,\"rows\":%llu,\"cells\":%llu,\"seconds\":%.3f,\"mb_per_s\":%.1f}\n",
              static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(rows),
              static_cast<unsigned long long>(cells), seconds, bytes / 1e6 / seconds);
  return diags.has_errors() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "--read-only") return read_only(argv[2]);
  if (argc == 3 && argv[1][0] != '-') return convert(argv[1], argv[2]);
  std::fprintf(
      stderr,
      "usage: jsonl_to_csv INPUT.jsonl OUTPUT-DIR   convert JSON Lines to kgraph CSV files\n"
      "       jsonl_to_csv --read-only DIR          time the CSV state machine over DIR/*.csv\n");
  return 2;
}

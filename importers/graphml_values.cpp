#include "importers/graphml_values.hpp"

#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <system_error>

#include "importers/csv_importer.hpp"

namespace kgraph::graphml {
namespace {

bool is_scalar(const rapidjson::Value& v) { return v.IsString() || v.IsBool() || v.IsNumber(); }

/// Hands RapidJSON's events on to a Document, with every number converted here by
/// std::from_chars (exact): RapidJSON's own full-precision conversion reads a zero with an
/// exponent (`0e40`) as garbage and does undefined shifts on the way (Tencent/rapidjson#1249).
class ExactNumbers {
 public:
  explicit ExactNumbers(rapidjson::Document& doc) : doc_(doc) {}
  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(std::int64_t i) { return doc_.Int64(i); }
  bool Uint64(std::uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    const char* const end = s + n;
    if (std::find_if(s, end, [](char c) { return c == '.' || c == 'e' || c == 'E'; }) == end) {
      std::int64_t i = 0;
      if (const auto r = std::from_chars(s, end, i); r.ec == std::errc() && r.ptr == end)
        return doc_.Int64(i);
    }
    double d = 0;
    const auto r = std::from_chars(s, end, d);
    if (r.ec == std::errc::result_out_of_range) return false;  // as RapidJSON: too big
    return r.ptr == end && doc_.Double(d);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return doc_.String(s, n, copy); }
  bool StartObject() { return doc_.StartObject(); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc_.Key(s, n, copy); }
  bool EndObject(rapidjson::SizeType members) { return doc_.EndObject(members); }
  bool StartArray() { return doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) { return doc_.EndArray(elements); }

 private:
  rapidjson::Document& doc_;
};

/// Parses JSON text into `doc` with exact numbers; false if it is not JSON.
bool parse_exact(std::string_view text, rapidjson::Document& doc) {
  rapidjson::MemoryStream in(text.data(), text.size());  // reads NUL at its end, never past
  rapidjson::Reader reader;
  bool ok = false;
  auto generate = [&](rapidjson::Document& d) {
    ExactNumbers handler(d);
    ok = !reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(in, handler).IsError();
    return ok;
  };
  doc.Populate(generate);
  return ok;
}

RawScalar scalar_of(const rapidjson::Value& item) {
  RawScalar v;
  if (item.IsString()) {
    v.text.assign(item.GetString(), item.GetStringLength());
  } else if (item.IsBool()) {
    v.kind = ValueKind::boolean;
    v.boolean = item.GetBool();
  } else if (item.IsInt64()) {
    v.kind = ValueKind::integer;
    v.integer = item.GetInt64();
  } else {
    v.kind = ValueKind::real;
    v.real = item.GetDouble();
  }
  return v;
}

}  // namespace

std::optional<KeyType> parse_key_type(std::string_view t) {
  if (t == "boolean") return KeyType::boolean;
  if (t == "int" || t == "long") return KeyType::integer;
  if (t == "float" || t == "double") return KeyType::real;
  if (t == "string") return KeyType::string;
  return std::nullopt;
}

std::string_view key_type_description(KeyType t) {
  switch (t) {
    case KeyType::boolean:
      return "boolean";
    case KeyType::integer:
      return "an integer key (int/long)";
    case KeyType::real:
      return "a real key (float/double)";
    case KeyType::string:
      break;
  }
  return "string";
}

std::string_view trim_xml_space(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool parse_typed_value(KeyType t, std::string_view text, RawScalar& out, std::string& problem) {
  switch (t) {
    case KeyType::string:
      out = RawScalar::of_string(text);
      return true;
    case KeyType::boolean: {
      std::string w(trim_xml_space(text));
      for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      out = RawScalar{};
      out.kind = ValueKind::boolean;
      out.boolean = w == "true" || w == "1";
      if (out.boolean || w == "false" || w == "0") return true;
      problem = "true, false, 1 or 0";
      return false;
    }
    case KeyType::integer:
      return parse_cell(trim_xml_space(text), CellType::integer, out, problem);
    case KeyType::real:
      return parse_cell(trim_xml_space(text), CellType::real, out, problem);
  }
  return false;
}

bool parse_json_list(std::string_view text, std::vector<RawScalar>& out) {
  // A list past the record limit is not parsed (the record would be refused anyway), so that a
  // text of commas cannot claim many times its size in memory.
  if (static_cast<std::size_t>(std::count(text.begin(), text.end(), ',')) >= kMaxRecordValues)
    return false;
  rapidjson::Document doc;
  if (!parse_exact(text, doc) || !doc.IsArray()) return false;
  for (const auto& item : doc.GetArray())
    if (!is_scalar(item)) return false;
  out.clear();
  for (const auto& item : doc.GetArray()) out.push_back(scalar_of(item));
  return true;
}

std::string read_sources_json(std::string_view text, Location at, RawRecord& record,
                              const std::function<void(const RawRecord&)>& add) {
  rapidjson::Document doc;
  if (!parse_exact(text, doc) || !doc.IsArray()) return "are not a JSON array of source objects";
  for (const auto& source : doc.GetArray())
    if (!source.IsObject()) return "hold something that is not a JSON object";
  for (const auto& source : doc.GetArray()) {
    record.clear();
    record.section = Section::source;
    record.at = at;
    for (const auto& member : source.GetObject()) {
      const std::string_view name(member.name.GetString(), member.name.GetStringLength());
      if (member.value.IsArray()) {
        RawField& f = record.add_field(name, at);
        f.is_list = true;
        for (const auto& item : member.value.GetArray())
          if (is_scalar(item)) f.values.push_back(scalar_of(item));
      } else if (is_scalar(member.value)) {
        record.add_field(name, at).values.push_back(scalar_of(member.value));
      }
    }
    add(record);
  }
  return "";
}

}  // namespace kgraph::graphml

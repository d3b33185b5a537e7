#include "exporters/json_text.hpp"

#include <charconv>

namespace kgraph {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the pending run of characters that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void append_json_value(std::string& out, const Value& v, const StringPool& pool) {
  switch (v.kind) {
    case ValueKind::string:
      append_json_string(out, pool.view(v.string));
      break;
    case ValueKind::boolean:
      out += v.boolean ? "true" : "false";
      break;
    case ValueKind::integer: {
      char buf[24];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.integer);
      out.append(buf, end);
      break;
    }
    case ValueKind::real:
      out += format_real(v.real);
      break;
  }
}

void append_json_values(std::string& out, const Property& p, const StringPool& pool) {
  if (p.values.size() == 1) return append_json_value(out, p.values[0], pool);
  out += '[';
  for (std::size_t i = 0; i < p.values.size(); ++i) {
    if (i) out += ',';
    append_json_value(out, p.values[i], pool);
  }
  out += ']';
}

void append_json_string_list(std::string& out, std::span<const StrId> items,
                             const StringPool& pool) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, pool.view(items[i]));
  }
  out += ']';
}

void JsonRecordWriter::dates(std::string& out, const PartialDate& start,
                             const PartialDate& end) const {
  if (start.present() && start == end) {
    out += ",\"date\":\"" + start.to_string() + '"';
    return;
  }
  if (start.present()) out += ",\"start\":\"" + start.to_string() + '"';
  if (end.present()) out += ",\"end\":\"" + end.to_string() + '"';
}

void JsonRecordWriter::properties(std::string& out, const PropertyList& props) const {
  for (const Property& p : props) {
    out += ',';
    append_json_string(out, g_.str(p.key));
    out += ':';
    append_json_values(out, p, g_.strings());
  }
}

void JsonRecordWriter::entity(std::string& out, const Entity& e) const {
  out += "\"id\":";
  append_json_string(out, g_.str(e.id));
  out += ",\"name\":";
  append_json_string(out, g_.str(e.name));
  if (e.kind != kEmpty) {
    out += ",\"kind\":";
    append_json_string(out, g_.str(e.kind));
  }
  if (e.aliases) {
    out += ",\"aliases\":";
    append_json_string_list(out, g_.list(e.aliases), g_.strings());
  }
  dates(out, e.start, e.end);
  if (e.sources) {
    out += ",\"sources\":";
    append_json_string_list(out, g_.list(e.sources), g_.strings());
  }
  properties(out, e.properties);
}

void JsonRecordWriter::relation(std::string& out, const Relation& r) const {
  out += "\"from\":";
  append_json_string(out, g_.str(g_.entities()[r.from].id));
  out += ",\"type\":";
  append_json_string(out, g_.str(r.type));
  out += ",\"to\":";
  append_json_string(out, g_.str(g_.entities()[r.to].id));
  dates(out, r.start, r.end);
  if (r.role != kEmpty) {
    out += ",\"role\":";
    append_json_string(out, g_.str(r.role));
  }
  if (r.sources) {
    out += ",\"sources\":";
    append_json_string_list(out, g_.list(r.sources), g_.strings());
  }
  properties(out, g_.properties_of(r));
}

void JsonRecordWriter::source(std::string& out, const Source& s) const {
  out += "\"id\":";
  append_json_string(out, g_.str(s.id));
  if (s.date.present()) out += ",\"date\":\"" + s.date.to_string() + '"';
  properties(out, s.properties);
}

}  // namespace kgraph

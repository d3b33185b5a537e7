#pragma once
/// Building JSON text quickly into a string buffer that is flushed to a stream in large blocks.

#include <ostream>
#include <string>
#include <string_view>

#include "exporters/output_buffer.hpp"
#include "graph/knowledge_graph.hpp"

namespace kgraph {

/// Appends `s` as a JSON string literal (quotes included). Non-ASCII is written as UTF-8.
void append_json_string(std::string& out, std::string_view s);

/// Appends one value: a string, integer, real or boolean.
void append_json_value(std::string& out, const Value& v, const StringPool& pool);

/// Appends a property's values: a scalar when there is one, a list otherwise.
void append_json_values(std::string& out, const Property& p, const StringPool& pool);

/// Appends a JSON array of strings.
void append_json_string_list(std::string& out, std::span<const StrId> items,
                             const StringPool& pool);

/// Writes the canonical members of each element as `"key":value` pairs separated by commas,
/// in the canonical key order. Shared by the JSON document and JSON Lines exporters.
class JsonRecordWriter {
 public:
  explicit JsonRecordWriter(const KnowledgeGraph& g) : g_(g) {}
  void entity(std::string& out, const Entity& e) const;
  void relation(std::string& out, const Relation& r) const;
  void source(std::string& out, const Source& s) const;

 private:
  void dates(std::string& out, const PartialDate& start, const PartialDate& end) const;
  void properties(std::string& out, const PropertyList& props) const;
  const KnowledgeGraph& g_;
};

}  // namespace kgraph

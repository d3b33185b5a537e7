#pragma once
/// Synthetic graphs for the diagram tests, built directly with the builder.

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "graph/graph_builder.hpp"

namespace kgraph::test {

/// A chain of `n` people joined by related_to relations, built directly with the builder.
inline KnowledgeGraph chain(std::size_t n) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("synthetic");
  GraphBuilder builder(Schema::builtin(), diags);
  RawRecord r;
  std::uint32_t line = 0;
  // Built by appending: GCC 12 warns falsely of an overlapping copy in "p" + std::to_string(i).
  auto id = [](std::size_t i) {
    std::string s = "p";
    return s += std::to_string(i);
  };
  auto field = [&](const char* key, const std::string& value) {
    r.add_field(key, Location{file, line, 1}).values.push_back(RawScalar::of_string(value));
  };
  for (std::size_t i = 0; i < n; ++i) {
    r.clear();
    r.section = Section::actor;
    r.at = Location{file, ++line, 1};
    field("id", id(i));
    field("name", "Person " + std::to_string(i));
    field("kind", "person");
    builder.add(r);
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    r.clear();
    r.section = Section::relation;
    r.at = Location{file, ++line, 1};
    field("from", id(i));
    field("type", "related_to");
    field("to", id(i + 1));
    builder.add(r);
  }
  std::optional<KnowledgeGraph> g = builder.finish();
  if (!g) {
    ADD_FAILURE() << "synthetic graph failed";
    return {};
  }
  return std::move(*g);
}

/// `n` places, each located_in the next: p0 in p1 in ... in p(n-1), built directly with the
/// builder.
inline KnowledgeGraph place_chain(std::size_t n) {
  Diagnostics diags;
  const std::uint32_t file = diags.add_file("synthetic");
  GraphBuilder builder(Schema::builtin(), diags);
  RawRecord r;
  std::uint32_t line = 0;
  auto id = [](std::size_t i) {
    std::string s = "p";
    return s += std::to_string(i);
  };
  auto field = [&](const char* key, const std::string& value) {
    r.add_field(key, Location{file, line, 1}).values.push_back(RawScalar::of_string(value));
  };
  for (std::size_t i = 0; i < n; ++i) {
    r.clear();
    r.section = Section::place;
    r.at = Location{file, ++line, 1};
    field("id", id(i));
    field("name", id(i));
    builder.add(r);
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    r.clear();
    r.section = Section::relation;
    r.at = Location{file, ++line, 1};
    field("from", id(i));
    field("type", "located_in");
    field("to", id(i + 1));
    builder.add(r);
  }
  std::optional<KnowledgeGraph> g = builder.finish();
  if (!g) {
    ADD_FAILURE() << "synthetic graph failed";
    return {};
  }
  return std::move(*g);
}

}  // namespace kgraph::test

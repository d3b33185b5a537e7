#include "importers/ftm_held_relations.hpp"

#include <cstring>

namespace kgraph {
namespace {

void put(std::string& out, std::uint32_t n) {
  char b[sizeof n];
  std::memcpy(b, &n, sizeof n);
  out.append(b, sizeof n);
}

void put(std::string& out, std::string_view s) {
  put(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

std::uint32_t get(const std::string& in, std::size_t& at) {
  std::uint32_t n;
  std::memcpy(&n, in.data() + at, sizeof n);
  at += sizeof n;
  return n;
}

std::string_view get_text(const std::string& in, std::size_t& at) {
  const std::uint32_t n = get(in, at);
  const std::string_view s(in.data() + at, n);
  at += n;
  return s;
}

}  // namespace

void HeldRelations::hold(const RawRecord& record) {
  starts_.push_back(bytes_.size());
  file_ = record.at.file;
  put(bytes_, record.at.line);
  put(bytes_, record.at.column);
  put(bytes_, static_cast<std::uint32_t>(record.field_count));
  for (std::size_t i = 0; i < record.field_count; ++i) {
    const RawField& f = record.fields[i];
    put(bytes_, f.key);
    put(bytes_, f.at.line);
    put(bytes_, f.at.column);
    bytes_.push_back(f.is_list ? 1 : 0);
    put(bytes_, static_cast<std::uint32_t>(f.values.size()));
    for (const RawScalar& v : f.values) put(bytes_, v.text);
  }
}

void HeldRelations::unpack(std::size_t at, RawRecord& record) const {
  record.clear();
  record.section = Section::relation;
  record.at.file = file_;
  record.at.line = get(bytes_, at);
  record.at.column = get(bytes_, at);
  const std::uint32_t fields = get(bytes_, at);
  for (std::uint32_t i = 0; i < fields; ++i) {
    const std::string_view key = get_text(bytes_, at);
    Location where{file_, 0, 0};
    where.line = get(bytes_, at);
    where.column = get(bytes_, at);
    RawField& f = record.add_field(key, where);
    f.is_list = bytes_[at++] != 0;
    const std::uint32_t values = get(bytes_, at);
    for (std::uint32_t v = 0; v < values; ++v)
      f.values.push_back(RawScalar::of_string(get_text(bytes_, at)));
  }
}

void HeldRelations::clear() {
  bytes_.clear();
  bytes_.shrink_to_fit();
  starts_.clear();
  starts_.shrink_to_fit();
}

}  // namespace kgraph

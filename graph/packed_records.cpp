#include "graph/packed_records.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>

#include "graph/text.hpp"
#include "graph/text_hash.hpp"

namespace kgraph {
namespace {

// The layout, in the machine's byte order (the buffer never leaves the process):
//   record: section u8, at Location, field count u32, value count u64, text bytes u64 (the
//           keys' and the values' together: what GraphBuilder's limits count), fields
//   field:  key text, key code u8 (FieldKey), at Location, is_list u8, value count u32, values
//   value:  kind u8, then integer i64 | real f64 | boolean u8 | facts by kind, then its text
//   facts:  (strings) hash u32, flags u8: the TextFacts the builder's thread would otherwise
//           work out itself, worked out here on the reading thread
//   text:   length (one byte below 255; else 255 and a u64), bytes
constexpr unsigned char kLongText = 255;

std::size_t text_bytes(std::size_t n) {
  return (n < kLongText ? 1 : 1 + sizeof(std::uint64_t)) + n;
}

std::size_t value_bytes(const RawScalar& v) {
  std::size_t n = 1 + text_bytes(v.text.size());
  switch (v.kind) {
    case ValueKind::integer:
      return n + sizeof v.integer;
    case ValueKind::real:
      return n + sizeof v.real;
    case ValueKind::boolean:
      return n + 1;
    case ValueKind::string:
      return n + sizeof(std::uint32_t) + 1;
  }
  return n;
}

constexpr std::uint8_t kPrintable = 1;
constexpr std::uint8_t kNoControl = 2;

class Writer {
 public:
  explicit Writer(char* at) : at_(at) {}
  template <class T>
  void put(const T& v) {
    std::memcpy(at_, &v, sizeof v);
    at_ += sizeof v;
  }
  void text(std::string_view s) {
    if (s.size() < kLongText) {
      put(static_cast<unsigned char>(s.size()));
    } else {
      put(kLongText);
      put(static_cast<std::uint64_t>(s.size()));
    }
    std::memcpy(at_, s.data(), s.size());
    at_ += s.size();
  }

 private:
  char* at_;
};

class Reader {
 public:
  explicit Reader(const char* at) : at_(at) {}
  template <class T>
  T get() {
    T v;
    std::memcpy(&v, at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::string_view text() {
    std::size_t n = get<unsigned char>();
    if (n == kLongText) n = static_cast<std::size_t>(get<std::uint64_t>());
    const std::string_view s(at_, n);
    at_ += n;
    return s;
  }
  const char* at() const { return at_; }

 private:
  const char* at_;
};

/// The facts of a text (TextFacts), which must equal what StringPool::hash, text_problem and
/// has_control_character say. Eight bytes a step: a text with no byte below a space, no DEL
/// and no 0xEF (the lead byte of U+FFFE and U+FFFF) is printable and free of control
/// characters; only the others are looked at byte by byte.
void put_facts(Writer& w, std::string_view s) {
  using namespace text_words;
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t suspect = 0;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    suspect |= below_space(word) | equal_to(word, 0x7F) | equal_to(word, 0xEF);
  }
  if (n > 0) {
    const std::uint64_t word = tail_word(s.data(), p, n) | (kOnes * ' ' & past(n));
    suspect |= below_space(word) | equal_to(word, 0x7F) | equal_to(word, 0xEF);
  }
  bool printable = true, control = false;
  if (suspect != 0) {
    printable = text_problem(s) == nullptr;
    control = has_control_character(s);
  }
  w.put(text_hash(s));
  w.put(static_cast<std::uint8_t>((printable ? kPrintable : 0) | (control ? 0 : kNoControl)));
}

}  // namespace

void PackedRecords::append(const RawRecord& record) {
  // Measured first, so that the buffer grows (geometrically, as vectors do) at most once per
  // record and the copy is one pass of stores.
  std::size_t n = 1 + sizeof(Location) + sizeof(std::uint32_t) + 2 * sizeof(std::uint64_t);
  std::uint64_t values = 0, texts = 0;
  for (std::size_t i = 0; i < record.field_count; ++i) {
    const RawField& f = record.fields[i];
    n += text_bytes(f.key.size()) + 1 + sizeof(Location) + 1 + sizeof(std::uint32_t);
    values += f.values.size();
    texts += f.key.size();
    for (const RawScalar& v : f.values) {
      n += value_bytes(v);
      texts += v.text.size();
    }
  }
  const std::size_t start = buffer_.size();
  buffer_.resize(start + n);

  Writer w(buffer_.data() + start);
  w.put(static_cast<std::uint8_t>(record.section));
  w.put(record.at);
  w.put(static_cast<std::uint32_t>(record.field_count));
  w.put(values);
  w.put(texts);
  for (std::size_t i = 0; i < record.field_count; ++i) {
    const RawField& f = record.fields[i];
    w.text(f.key);
    w.put(static_cast<std::uint8_t>(field_key(f.key)));
    w.put(f.at);
    w.put(static_cast<std::uint8_t>(f.is_list));
    w.put(static_cast<std::uint32_t>(f.values.size()));
    for (const RawScalar& v : f.values) {
      w.put(static_cast<std::uint8_t>(v.kind));
      switch (v.kind) {
        case ValueKind::integer:
          w.put(v.integer);
          break;
        case ValueKind::real:
          w.put(v.real);
          break;
        case ValueKind::boolean:
          w.put(static_cast<std::uint8_t>(v.boolean));
          break;
        case ValueKind::string:
          put_facts(w, v.text);
          break;
      }
      w.text(v.text);
    }
  }
  ++count_;
}

std::size_t PackedRecords::unpack(std::size_t at, RecordView& into) const {
  Reader r(buffer_.data() + at);
  into.section = static_cast<Section>(r.get<std::uint8_t>());
  into.at = r.get<Location>();
  const auto fields = r.get<std::uint32_t>();
  into.field_count = fields;
  into.value_count = static_cast<std::size_t>(r.get<std::uint64_t>());
  into.text_bytes = static_cast<std::size_t>(r.get<std::uint64_t>());
  // Both only grow: their elements are reused, and every member a record's kinds ask for is
  // set below. Sized first, so that the spans into `values` stay valid.
  if (into.fields.size() < fields) into.fields.resize(fields);
  if (into.values.size() < into.value_count) into.values.resize(into.value_count);
  ScalarView* next = into.values.data();
  for (std::uint32_t i = 0; i < fields; ++i) {
    FieldView& f = into.fields[i];
    f.key = r.text();
    f.code = static_cast<FieldKey>(r.get<std::uint8_t>());
    f.at = r.get<Location>();
    f.is_list = r.get<std::uint8_t>() != 0;
    const auto count = r.get<std::uint32_t>();
    f.values = {next, count};
    for (ScalarView* const end = next + count; next != end; ++next) {
      ScalarView& v = *next;
      v.kind = static_cast<ValueKind>(r.get<std::uint8_t>());
      v.facts.known = false;
      switch (v.kind) {
        case ValueKind::integer:
          v.integer = r.get<std::int64_t>();
          break;
        case ValueKind::real:
          v.real = r.get<double>();
          break;
        case ValueKind::boolean:
          v.boolean = r.get<std::uint8_t>() != 0;
          break;
        case ValueKind::string: {
          v.facts.hash = r.get<std::uint32_t>();
          const auto flags = r.get<std::uint8_t>();
          v.facts.known = true;
          v.facts.printable = (flags & kPrintable) != 0;
          v.facts.no_control = (flags & kNoControl) != 0;
          break;
        }
      }
      v.text = r.text();
    }
  }
  return static_cast<std::size_t>(r.at() - buffer_.data());
}

}  // namespace kgraph

#include "graph/record.hpp"

#include <string>

namespace kgraph {
namespace {
constexpr std::string_view kSectionNames[] = {"source", "actor", "law",
                                              "event",  "place", "relation"};

constexpr std::size_t kMib = std::size_t{1} << 20;

// `held` is what the record holds, or empty when a reader stopped at the value past the limit.
void report_too_many_values(Diagnostics& diags, Location at, const std::string& held) {
  diags.error(at,
              "record holds " + held + " values; a record may hold at most " +
                  std::to_string(kMaxRecordValues),
              "split the values over several records with the same id: they merge into one");
}

void report_too_much_text(Diagnostics& diags, Location at, const std::string& held) {
  diags.error(at,
              "record holds " + held + " MiB of text; a record may hold at most " +
                  std::to_string(kMaxRecordTextBytes / kMib) + " MiB",
              "split the values over several records with the same id, or keep long texts in "
              "files and point to them");
}
}  // namespace

void RecordBudget::report(Diagnostics& diags, Location at) const {
  if (values_ > kMaxRecordValues)
    report_too_many_values(diags, at, "more than " + std::to_string(kMaxRecordValues));
  else
    report_too_much_text(diags, at, "more than " + std::to_string(kMaxRecordTextBytes / kMib));
}

bool check_record_limits(Diagnostics& diags, Location at, std::size_t values,
                         std::size_t text_bytes) {
  if (values > kMaxRecordValues) {
    report_too_many_values(diags, at, std::to_string(values));
    return false;
  }
  if (text_bytes > kMaxRecordTextBytes) {
    report_too_much_text(diags, at, std::to_string((text_bytes + kMib - 1) / kMib));
    return false;
  }
  return true;
}

FieldKey field_key(std::string_view name) {
  // By length first: most names are then told apart by one comparison.
  switch (name.size()) {
    case 2:
      return name == "id" ? FieldKey::id : name == "to" ? FieldKey::to : FieldKey::other;
    case 3:
      return name == "end" ? FieldKey::end : FieldKey::other;
    case 4:
      if (name == "name") return FieldKey::name;
      if (name == "kind") return FieldKey::kind;
      if (name == "date") return FieldKey::date;
      if (name == "from") return FieldKey::from;
      if (name == "type") return FieldKey::type;
      if (name == "role") return FieldKey::role;
      return FieldKey::other;
    case 5:
      if (name == "start") return FieldKey::start;
      if (name == "place") return FieldKey::place;
      if (name == "quote") return FieldKey::quote;
      return FieldKey::other;
    case 6:
      return name == "within"   ? FieldKey::within
             : name == "record" ? FieldKey::record
                                : FieldKey::other;
    case 7:
      if (name == "sources") return FieldKey::sources;
      if (name == "aliases") return FieldKey::aliases;
      if (name == "part_of") return FieldKey::part_of;
      return FieldKey::other;
    case 11:
      return name == "description" ? FieldKey::description : FieldKey::other;
    default:
      return FieldKey::other;
  }
}

std::string_view section_name(Section s) { return kSectionNames[static_cast<int>(s)]; }

std::optional<Section> parse_section(std::string_view singular) {
  for (int i = 0; i < 6; ++i)
    if (kSectionNames[i] == singular) return static_cast<Section>(i);
  return std::nullopt;
}

}  // namespace kgraph

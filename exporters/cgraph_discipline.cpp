#include "exporters/cgraph_discipline.hpp"

#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kgraph::diagram {
namespace {

/// agwrite writes through the graph's I/O discipline; ours writes to the std::ostream passed
/// as agwrite's channel.
int put_to_ostream(void* chan, const char* str) {
  auto* out = static_cast<std::ostream*>(chan);
  out->write(str, static_cast<std::streamsize>(std::char_traits<char>::length(str)));
  return *out ? 0 : EOF;
}
int flush_ostream(void* chan) {
  static_cast<std::ostream*>(chan)->flush();
  return 0;
}
Agiodisc_t kOstreamIo = {AgIoDisc.afread, put_to_ostream, flush_ostream};

/// Object ids in creation order. cgraph's default discipline uses the address of the interned
/// name as the id, and agwrite lists subgraphs in id order, so the order of clusters in the
/// output would depend on the heap. Named objects get even ids, anonymous ones odd ids, as in
/// the default discipline; names stay cgraph strings (agwrite reads their HTML flag).
struct SequentialIds {
  Agraph_t* root = nullptr;
  std::unordered_map<std::string_view, IDTYPE> ids;  // views into the interned names
  std::vector<char*> names;                          // names[id / 2 - 1], interned in root
  IDTYPE next_anonymous = 1;

  static void* open(Agraph_t* g, Agdisc_t*) {
    auto* self = new SequentialIds;
    self->root = g;
    return self;
  }
  static long map(void* state, int, char* str, IDTYPE* id, int createflag) {
    auto* self = static_cast<SequentialIds*>(state);
    if (!str) {
      *id = self->next_anonymous;
      self->next_anonymous += 2;
      return 1;
    }
    if (auto it = self->ids.find(str); it != self->ids.end()) {
      *id = it->second;
      return 1;
    }
    if (!createflag) return 0;
    char* name = agstrdup(self->root, str);
    self->names.push_back(name);
    *id = static_cast<IDTYPE>(self->names.size()) * 2;
    self->ids.emplace(std::string_view(name), *id);
    return 1;
  }
  static long alloc(void*, int, IDTYPE) { return 0; }  // ids are never chosen by the caller
  // Names are released with the root graph's string dictionary.
  static void free(void*, int, IDTYPE) {}
  static char* print(void* state, int, IDTYPE id) {
    auto* self = static_cast<SequentialIds*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > self->names.size()) return nullptr;
    return self->names[id / 2 - 1];
  }
  static void close(void* state) { delete static_cast<SequentialIds*>(state); }
  static void idregister(void*, int, void*) {}
};
Agiddisc_t kSequentialIds = {SequentialIds::open,      SequentialIds::map,   SequentialIds::alloc,
                             SequentialIds::free,      SequentialIds::print, SequentialIds::close,
                             SequentialIds::idregister};
Agdisc_t kOstreamDisc = {&AgMemDisc, &kSequentialIds, &kOstreamIo};

}  // namespace

Agdisc_t* ostream_discipline() { return &kOstreamDisc; }

}  // namespace kgraph::diagram

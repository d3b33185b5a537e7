#pragma once
/// Which kind of the built-in schema a Popolo classification stands for. Matching ignores case;
/// an unknown classification gives the empty kind (the entity keeps the text as a property).

#include <string_view>

namespace kgraph {

/// An organization's `classification` ("party", "legislature", ...) as an actor kind.
std::string_view popolo_organization_kind(std::string_view classification);
/// An area's `classification` or `type` ("constituency", "country", ...) as a place kind.
std::string_view popolo_area_kind(std::string_view classification);
/// An event's `classification` ("general election", ...) as an event kind.
std::string_view popolo_event_kind(std::string_view classification);

}  // namespace kgraph

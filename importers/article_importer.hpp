#pragma once
/// `--input-format text`: articles (`.txt`, `.md`, `.markdown`, `.html`, `.htm`) read after
/// every other input, each becoming a source, a `publication` event and `mentioned_in`
/// relations from the known entities it names (docs/inputs.md, "Articles").

#include <memory>

#include "importers/importer.hpp"

namespace kgraph {

std::unique_ptr<Importer> make_article_importer();

}  // namespace kgraph

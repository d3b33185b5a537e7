#include "importers/article_importer.hpp"
#include "importers/csv_importer.hpp"
#include "importers/ftm_importer.hpp"
#include "importers/graphml_importer.hpp"
#include "importers/importer.hpp"
#include "importers/json_record_reader.hpp"
#include "importers/popolo_importer.hpp"
#include "importers/wikidata_importer.hpp"

namespace kgraph {

void register_builtin_importers(ImporterRegistry& registry) {
  registry.add(make_json_importer());
  registry.add(make_jsonl_importer());
  registry.add(make_csv_importer());
  registry.add(make_popolo_importer());
  registry.add(make_graphml_importer());
  registry.add(make_ftm_importer());
  registry.add(make_wikidata_importer());
  registry.add(make_article_importer());
}

}  // namespace kgraph

#include "importers/shard_manifest.hpp"

#include <algorithm>

#include "graph/messages.hpp"
#include "importers/json_tree.hpp"

namespace kgraph {
namespace {

constexpr std::string_view kKeys[] = {"kgraph", "version", "parts", "hash", "files"};
constexpr std::int64_t kVersion = 1;
constexpr std::string_view kHash = "fnv1a-64";

/// Checks the manifest's tree, reporting at each value's place.
class ManifestReader {
 public:
  ManifestReader(std::uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

  std::optional<ShardManifest> read(const JsonNode& root) {
    if (root.kind != JsonNode::Kind::object) {
      error(root.at,
            "a shard manifest is a JSON object with \"kgraph\": \"shard\", \"version\", "
            "\"parts\", \"hash\" and \"files\"");
      return std::nullopt;
    }
    const JsonNode* found[std::size(kKeys)] = {};
    for (const JsonMember& m : root.members) {
      const auto key = std::find(std::begin(kKeys), std::end(kKeys), m.key);
      if (key == std::end(kKeys)) {
        const std::vector<std::string> names(std::begin(kKeys), std::end(kKeys));
        error(m.key_at, "unknown key " + quoted(m.key) + " in a shard manifest" +
                            did_you_mean_suffix(m.key, names));
        continue;
      }
      const JsonNode*& slot = found[key - std::begin(kKeys)];
      if (slot) error(m.key_at, "key " + quoted(m.key) + " given twice");
      slot = &m.value;
    }
    for (std::size_t i = 0; i < std::size(kKeys); ++i)
      if (!found[i]) error(root.at, "the shard manifest has no " + quoted(kKeys[i]));
    if (diags_.error_count() != errors_before_) return std::nullopt;

    const JsonNode& kind = *found[0];
    if (kind.kind != JsonNode::Kind::string || kind.text != "shard")
      error(kind.at, "\"kgraph\" must be \"shard\"");
    const JsonNode& version = *found[1];
    if (version.kind != JsonNode::Kind::integer || version.integer != kVersion)
      error(version.at, "unsupported shard manifest version (this kgraph reads version 1)");
    const JsonNode& hash = *found[3];
    if (hash.kind != JsonNode::Kind::string || hash.text != kHash)
      error(hash.at, "unknown hash (this kgraph shards by \"fnv1a-64\")");
    const JsonNode& parts = *found[2];
    ShardManifest manifest;
    if (parts.kind != JsonNode::Kind::integer || parts.integer < 1 ||
        parts.integer > kMaxShardParts) {
      error(parts.at, "\"parts\" must be an integer from 1 to " + std::to_string(kMaxShardParts));
      return std::nullopt;
    }
    manifest.parts = static_cast<std::uint32_t>(parts.integer);
    const JsonNode& files = *found[4];
    if (files.kind != JsonNode::Kind::array) {
      error(files.at, "\"files\" must be an array of file names, found " +
                          std::string(json_kind_text(files.kind)));
      return std::nullopt;
    }
    if (files.items.size() != manifest.parts) {
      error(files.at, "\"files\" names " + std::to_string(files.items.size()) + " files for " +
                          std::to_string(manifest.parts) + " parts");
      return std::nullopt;
    }
    for (std::uint32_t i = 0; i < manifest.parts; ++i) {
      const JsonNode& name = files.items[i];
      const std::string expected = shard_part_name(i);
      // The names are fixed, so a manifest can never point outside its folder.
      if (name.kind != JsonNode::Kind::string || name.text != expected)
        error(name.at, "part " + std::to_string(i) + " must be " + quoted(expected));
      manifest.files.push_back(expected);
    }
    if (diags_.error_count() != errors_before_) return std::nullopt;
    return manifest;
  }

 private:
  void error(TextPosition at, std::string message) {
    diags_.error(Location{file_, at.line, at.column}, std::move(message));
  }

  std::uint32_t file_;
  Diagnostics& diags_;
  std::size_t errors_before_ = diags_.error_count();
};

}  // namespace

std::string shard_part_name(std::uint32_t part) {
  std::string digits = std::to_string(part);
  if (digits.size() < 5) digits.insert(0, 5 - digits.size(), '0');
  return "part-" + digits + ".jsonl";
}

std::string shard_manifest_text(std::uint32_t parts) {
  std::string text =
      "{\n  \"kgraph\": \"shard\",\n  \"version\": 1,\n  \"parts\": " + std::to_string(parts) +
      ",\n  \"hash\": \"" + std::string(kHash) + "\",\n  \"files\": [";
  for (std::uint32_t i = 0; i < parts; ++i)
    text += (i ? ",\n    \"" : "\n    \"") + shard_part_name(i) + "\"";
  text += "\n  ]\n}\n";
  return text;
}

std::optional<ShardManifest> read_shard_manifest(std::string_view text, std::uint32_t file,
                                                 Diagnostics& diags) {
  JsonNode root;
  if (const auto problem = parse_json_tree(text, root)) {
    diags.error(Location{file, problem->at.line, problem->at.column}, problem->message);
    return std::nullopt;
  }
  return ManifestReader(file, diags).read(root);
}

}  // namespace kgraph

// Part files of the database folders: the stable hash that places rows, and the file names.

#include "exporters/part_files.hpp"

namespace kgraph {

std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a offset basis and prime (64 bits)
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string part_file(std::string_view stem, std::string_view kind, std::uint32_t part,
                      std::uint32_t parts) {
  std::string name(stem);
  name += kind;
  if (parts > 1) {
    const std::string number = std::to_string(part + 1);
    const std::size_t width = std::to_string(parts).size();
    name += "-part";
    name.append(width - number.size(), '0');
    name += number;
  }
  name += ".csv";
  return name;
}

std::string part_glob(std::string_view stem, std::string_view kind) {
  std::string glob(stem);
  glob += kind;
  glob += "-part*.csv";
  return glob;
}

}  // namespace kgraph

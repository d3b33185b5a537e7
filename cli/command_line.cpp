#include "cli/command_line.hpp"

#include <algorithm>
#include <charconv>

#include "graph/schema.hpp"

namespace kgraph::cli {
namespace {

const OptionSpec* find_long(std::span<const OptionGroup> groups, std::string_view name) {
  for (const OptionGroup& g : groups)
    for (const OptionSpec& o : g.options)
      if (o.long_name == name) return &o;
  return nullptr;
}

const OptionSpec* find_short(std::span<const OptionGroup> groups, char c) {
  for (const OptionGroup& g : groups)
    for (const OptionSpec& o : g.options)
      if (o.short_name != 0 && o.short_name == c) return &o;
  return nullptr;
}

/// Long option names, for did-you-mean (one-letter options are too short to guess from).
std::vector<std::string> option_words(std::span<const OptionGroup> groups) {
  std::vector<std::string> words{"--help"};
  for (const OptionGroup& g : groups)
    for (const OptionSpec& o : g.options) words.push_back("--" + std::string(o.long_name));
  return words;
}

std::string display_name(const OptionSpec& o) { return "--" + std::string(o.long_name); }

}  // namespace

CliError read_error(std::string_view path, std::string_view reason) {
  return CliError(exit_status::io, "cannot read " + std::string(path) + ": " + std::string(reason));
}

CliError write_error(std::string_view path, std::string_view reason) {
  return CliError(exit_status::io,
                  "cannot write " + std::string(path) + ": " + std::string(reason));
}

bool ParsedArgs::has(std::string_view name) const {
  return std::any_of(options_.begin(), options_.end(),
                     [&](const auto& o) { return o.first == name; });
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : options_)
    if (key == name) out.push_back(value);
  return out;
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
  for (auto it = options_.rbegin(); it != options_.rend(); ++it)
    if (it->first == name) return it->second;
  return std::nullopt;
}

std::string_view ParsedArgs::last_of(std::initializer_list<std::string_view> names) const {
  for (auto it = options_.rbegin(); it != options_.rend(); ++it)
    for (std::string_view n : names)
      if (it->first == n) return n;
  return {};
}

ParsedArgs parse_arguments(std::span<const OptionGroup> groups, std::span<const std::string> args) {
  ParsedArgs parsed;
  auto record = [&](const OptionSpec& spec, std::string value) {
    if (spec.takes_value() && !spec.repeatable && parsed.has(spec.long_name))
      throw UsageError("option '" + display_name(spec) + "' given more than once");
    parsed.options_.emplace_back(std::string(spec.long_name), std::move(value));
  };

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      for (++i; i < args.size(); ++i) parsed.positionals_.push_back(args[i]);
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {  // includes "-" (standard input)
      parsed.positionals_.push_back(arg);
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      parsed.help_ = true;
      continue;
    }
    if (arg[1] == '-') {
      const std::size_t eq = arg.find('=');
      const std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      const OptionSpec* spec = find_long(groups, name);
      if (!spec) {
        const std::string word = arg.substr(0, eq);
        throw UsageError("unknown option '" + word + "'" +
                         did_you_mean_suffix(word, option_words(groups)));
      }
      if (!spec->takes_value()) {
        if (eq != std::string::npos)
          throw UsageError("option '" + display_name(*spec) + "' takes no value");
        record(*spec, {});
      } else if (eq != std::string::npos) {
        record(*spec, arg.substr(eq + 1));
      } else if (i + 1 < args.size()) {
        record(*spec, args[++i]);
      } else {
        throw UsageError("option '" + display_name(*spec) + "' needs a value (" +
                         std::string(spec->value_name) + ")");
      }
      continue;
    }
    // Short options: -o VALUE or -oVALUE; flags may be bundled (-qo x).
    for (std::size_t j = 1; j < arg.size(); ++j) {
      const OptionSpec* spec = find_short(groups, arg[j]);
      if (!spec) {
        if (arg[j] == 'h') {
          parsed.help_ = true;
          continue;
        }
        const std::string word = j == 1 ? arg : std::string{'-', arg[j]};
        throw UsageError(
            "unknown option '" + word + "'" +
            (word.size() > 2 ? did_you_mean_suffix(word, option_words(groups)) : std::string()));
      }
      if (!spec->takes_value()) {
        record(*spec, {});
        continue;
      }
      if (j + 1 < arg.size()) {
        record(*spec, arg.substr(j + 1));
      } else if (i + 1 < args.size()) {
        record(*spec, args[++i]);
      } else {
        throw UsageError("option '-" + std::string(1, spec->short_name) + "' needs a value (" +
                         std::string(spec->value_name) + ")");
      }
      break;
    }
  }
  return parsed;
}

std::string format_options(std::span<const OptionGroup> groups) {
  auto left = [](const OptionSpec& o) {
    std::string s;
    if (o.short_name) {
      s += '-';
      s += o.short_name;
      s += ", ";
    } else {
      s += "    ";
    }
    s += "--";
    s += o.long_name;
    if (o.takes_value()) {
      s += ' ';
      s += o.value_name;
    }
    return s;
  };
  std::size_t width = 0;
  for (const OptionGroup& g : groups)
    for (const OptionSpec& o : g.options) width = std::max(width, left(o).size());
  width = std::min<std::size_t>(width, 30);

  std::string out;
  for (const OptionGroup& g : groups) {
    if (g.options.empty()) continue;
    out += '\n';
    out += g.title;
    out += ":\n";
    for (const OptionSpec& o : g.options) {
      const std::string l = left(o);
      out += "  ";
      out += l;
      if (l.size() > width) {
        out += '\n';
        out.append(width + 4, ' ');
      } else {
        out.append(width + 2 - l.size(), ' ');
      }
      out += o.help;
      out += '\n';
    }
  }
  return out;
}

std::size_t parse_count(std::string_view option, std::string_view text) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw UsageError("option '" + std::string(option) + "' needs a whole number, not '" +
                     std::string(text) + "'");
  return n;
}

std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end == i) break;
    const std::string_view word = text.substr(i, end - i);
    if (line > 0 && line + 1 + word.size() > width) {
      out += '\n';
      line = 0;
    }
    if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += word.size();
    i = end;
  }
  if (!out.empty()) out += '\n';
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

}  // namespace kgraph::cli

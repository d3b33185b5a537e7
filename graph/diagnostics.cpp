#include "graph/diagnostics.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace kgraph {

Diagnostics::Diagnostics() { files_.emplace_back("<unknown>"); }

std::uint32_t Diagnostics::add_file(std::string name) {
  files_.push_back(std::move(name));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

void Diagnostics::error(Location where, std::string message, std::string hint) {
  ++errors_;
  if (items_.size() < hard_limit_)
    items_.push_back({Severity::error, where, std::move(message), std::move(hint)});
  else
    ++dropped_errors_;
}

void Diagnostics::warning(Location where, std::string message, std::string hint) {
  ++warnings_;
  if (items_.size() < hard_limit_)
    items_.push_back({Severity::warning, where, std::move(message), std::move(hint)});
  else
    ++dropped_warnings_;
}

Diagnostics Diagnostics::with_same_files() const {
  Diagnostics d;
  d.files_ = files_;
  d.hard_limit_ = hard_limit_;
  return d;
}

Diagnostics::Reported Diagnostics::take() {
  Reported r{std::move(items_), dropped_errors_, dropped_warnings_};
  items_.clear();
  dropped_errors_ = dropped_warnings_ = 0;
  return r;
}

void Diagnostics::report(Reported&& reported) {
  for (Diagnostic& d : reported.items) {
    if (d.severity == Severity::error)
      error(d.where, std::move(d.message), std::move(d.hint));
    else
      warning(d.where, std::move(d.message), std::move(d.hint));
  }
  errors_ += reported.dropped_errors;
  dropped_errors_ += reported.dropped_errors;
  warnings_ += reported.dropped_warnings;
  dropped_warnings_ += reported.dropped_warnings;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.file != b.where.file) return files_[a.where.file] < files_[b.where.file];
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    if (a.where.column != b.where.column) return a.where.column < b.where.column;
    return a.message < b.message;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.where == b.where && a.message == b.message &&
                                 a.severity == b.severity && a.hint == b.hint;
                        }),
            out.end());
  return out;
}

std::string Diagnostics::format(const Diagnostic& d) const {
  std::string s = files_[d.where.file];
  if (d.where.line > 0) {
    s += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) s += ':' + std::to_string(d.where.column);
  }
  s += d.severity == Severity::error ? ": error: " : ": warning: ";
  s += d.message;
  if (!d.hint.empty()) s += "\n  hint: " + d.hint;
  return s;
}

void Diagnostics::print(std::ostream& out, std::size_t limit, bool with_warnings) const {
  std::size_t shown = 0, hidden = 0;
  for (const Diagnostic& d : sorted()) {
    if (d.severity == Severity::warning && !with_warnings) continue;
    if (shown < limit) {
      out << format(d) << '\n';
      ++shown;
    } else {
      ++hidden;
    }
  }
  hidden += dropped_errors_ + (with_warnings ? dropped_warnings_ : 0);
  if (hidden > 0) out << "kgraph: " << hidden << " more problem(s) not shown\n";
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  std::size_t cut = s.size() > 80 ? 80 : s.size();
  while (cut < s.size() && cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  for (std::size_t i = 0; i < cut; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (cut < s.size()) out += "...";
  out += '"';
  return out;
}

}  // namespace kgraph

#include "importers/popolo_scan.hpp"

#include "graph/messages.hpp"

namespace kgraph {
namespace {

/// Walks the text keeping the line and column (in code points) of the next byte.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return i_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[i_]; }
  std::size_t offset() const { return i_; }
  TextPosition position() const { return position_; }

  void advance() {
    const char c = text_[i_++];
    if (c == '\n') {
      ++position_.line;
      position_.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++position_.column;
    }
  }

  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      advance();
  }

  /// A key: plain ASCII without escapes or control characters.
  bool key(std::string_view& out) {
    if (peek() != '"') return false;
    advance();
    const std::size_t start = i_;
    while (!at_end() && peek() != '"') {
      const unsigned char c = static_cast<unsigned char>(peek());
      if (c < 0x20 || c >= 0x80 || c == '\\') return false;
      advance();
    }
    if (at_end()) return false;
    out = text_.substr(start, i_ - start);
    advance();
    return true;
  }

  /// Skips one value starting here (`depth` containers already open around it), checking only
  /// that its strings and brackets close; the value's parser checks the rest.
  bool value(std::size_t depth) {
    int open = 0;
    do {
      if (at_end()) return false;
      const char c = peek();
      if (c == '"') {
        advance();
        while (!at_end() && peek() != '"') {
          if (peek() == '\0') return false;
          if (peek() == '\\') advance();
          if (!at_end()) advance();
        }
        if (at_end()) return false;
        advance();
        continue;
      }
      if (c == '\0' || c == '/') return false;
      if (c == '{' || c == '[') {
        if (depth + static_cast<std::size_t>(++open) + 4 > kMaxJsonNesting) return false;
      } else if (c == '}' || c == ']') {
        if (--open < 0) return false;
      } else if (open == 0) {  // a scalar: up to the next delimiter
        const std::size_t start = i_;
        while (!at_end() && peek() != ',' && peek() != ']' && peek() != '}' && peek() != ' ' &&
               peek() != '\n' && peek() != '\r' && peek() != '\t' && peek() != '\0' &&
               peek() != '/')
          advance();
        return i_ > start;
      }
      advance();
    } while (open > 0);
    return true;
  }

  std::string_view since(std::size_t start) const { return text_.substr(start, i_ - start); }

 private:
  std::string_view text_;
  std::size_t i_ = 0;
  TextPosition position_;
};

}  // namespace

std::optional<std::vector<PopoloTopMember>> scan_popolo_top_level(std::string_view text) {
  Scanner s(text);
  std::vector<PopoloTopMember> members;
  s.skip_space();
  if (s.peek() != '{') return std::nullopt;
  s.advance();
  s.skip_space();
  if (s.peek() == '}') {
    s.advance();
  } else {
    for (;;) {
      PopoloTopMember& m = members.emplace_back();
      m.key_at = s.position();
      if (!s.key(m.key)) return std::nullopt;
      s.skip_space();
      if (s.peek() != ':') return std::nullopt;
      s.advance();
      s.skip_space();
      m.value.at = s.position();
      const std::size_t start = s.offset();
      if (s.peek() == '[') {
        m.is_array = true;
        s.advance();
        s.skip_space();
        if (s.peek() == ']') {
          s.advance();
        } else {
          for (;;) {
            PopoloSpan& item = m.items.emplace_back();
            item.at = s.position();
            const std::size_t item_start = s.offset();
            if (!s.value(2)) return std::nullopt;
            item.text = s.since(item_start);
            s.skip_space();
            if (s.peek() == ']') break;
            if (s.peek() != ',') return std::nullopt;
            s.advance();
            s.skip_space();
          }
          s.advance();
        }
      } else if (!s.value(1)) {
        return std::nullopt;
      }
      m.value.text = s.since(start);
      s.skip_space();
      if (s.peek() == '}') break;
      if (s.peek() != ',') return std::nullopt;
      s.advance();
      s.skip_space();
    }
    s.advance();
  }
  s.skip_space();
  if (!s.at_end()) return std::nullopt;
  return members;
}

}  // namespace kgraph

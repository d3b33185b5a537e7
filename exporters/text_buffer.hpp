#pragma once
/// A growing byte buffer whose appends are inlined: a check of the room left and a copy. An
/// exporter appends tens of millions of short pieces (tags, attribute names, ids); through
/// std::string each is an out-of-line call and a call to memcpy, a fifth of the GraphML
/// exporter's time. Here a piece of known length (a literal) is copied with a few moves.
///
///   TextBuffer out;
///   out += "<node id=\"";
///   out += id;
///   out += '"';
///   stream.write(out.data(), out.size());

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string_view>
#include <utility>

namespace kgraph {

class TextBuffer {
 public:
  TextBuffer() = default;
  TextBuffer(const TextBuffer& other) { append(other.data(), other.size()); }
  TextBuffer(TextBuffer&& other) noexcept { swap(other); }
  TextBuffer& operator=(TextBuffer other) noexcept {
    swap(other);
    return *this;
  }
  ~TextBuffer() { std::free(begin_); }

  const char* data() const { return begin_; }
  std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
  bool empty() const { return end_ == begin_; }
  std::string_view view() const { return {begin_, size()}; }
  /// Empties the buffer; its memory stays for what comes next.
  void clear() { end_ = begin_; }
  /// Drops everything from byte `size` on.
  void truncate(std::size_t size) { end_ = begin_ + size; }

  void append(const char* text, std::size_t n) {
    if (n == 0) return;  // memcpy's arguments may not be null, even for no bytes
    reserve_more(n);
    std::memcpy(end_, text, n);
    end_ += n;
  }
  void append(std::string_view text) { append(text.data(), text.size()); }
  void append(std::size_t count, char c) {
    if (count == 0) return;
    reserve_more(count);
    std::memset(end_, c, count);
    end_ += count;
  }
  TextBuffer& operator+=(std::string_view text) {
    append(text.data(), text.size());
    return *this;
  }
  TextBuffer& operator+=(char c) {
    reserve_more(1);
    *end_++ = c;
    return *this;
  }

  /// Room for `n` more bytes at tail(), to be written there and then taken by commit().
  void reserve_more(std::size_t n) {
    if (static_cast<std::size_t>(cap_ - end_) < n) grow(n);
  }
  char* tail() { return end_; }
  void commit(char* new_end) { end_ = new_end; }

  void swap(TextBuffer& other) noexcept {
    std::swap(begin_, other.begin_);
    std::swap(end_, other.end_);
    std::swap(cap_, other.cap_);
  }

 private:
  // Out of line: it runs a few dozen times per megabyte written.
  [[gnu::noinline]] void grow(std::size_t n) {
    const std::size_t used = size();
    const std::size_t capacity = static_cast<std::size_t>(cap_ - begin_);
    std::size_t wanted = capacity < 4096 ? 4096 : capacity * 2;
    if (wanted < used + n) wanted = used + n;
    // realloc: a large buffer can grow by remapping its pages instead of copying them.
    void* grown = std::realloc(begin_, wanted);
    if (grown == nullptr) throw std::bad_alloc();
    begin_ = static_cast<char*>(grown);
    end_ = begin_ + used;
    cap_ = begin_ + wanted;
  }

  char* begin_ = nullptr;
  char* end_ = nullptr;
  char* cap_ = nullptr;
};

}  // namespace kgraph

#pragma once
/// Formatting on several threads, writing in order: the items of an output (nodes, edges,
/// rows) are cut into chunks, worker threads format the chunks, and the calling thread writes
/// them to the stream one after the other. The bytes are those of formatting every item in
/// order on one thread; what differs is that formatting and writing overlap, and that two
/// cores format at once.
///
///   write_in_order(out, n, threads, [&](std::size_t first, std::size_t last, std::string& t) {
///     for (std::size_t i = first; i < last; ++i) t += row(i);
///   });

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace kgraph {

/// Items per chunk: a chunk of edges is about a megabyte of GraphML.
inline constexpr std::size_t kChunkItems = 4096;

/// Writes the text of items [0, count) to `out`. Each thread formats with its own copy of
/// `formatter`, called as `formatter(first, last, text)` to append the text of items
/// [first, last) to `text` (so that caches it keeps are its own). `threads` <= 1 formats on
/// the calling thread. An exception a formatter throws is rethrown here, the first in item
/// order, as on one thread; the stream's state tells a failed write (the rest is skipped).
/// `Text` is the chunks' buffer: std::string, or anything with data(), size(), clear() and
/// swap() (TextBuffer).
template <class Text = std::string, class Formatter>
void write_in_order(std::ostream& out, std::size_t count, unsigned threads,
                    const Formatter& formatter, std::size_t chunk = kChunkItems) {
  const std::size_t chunks = (count + chunk - 1) / chunk;
  if (threads <= 1 || chunks <= 1) {
    Formatter f = formatter;
    Text text;
    for (std::size_t c = 0; c < chunks && out; ++c) {
      text.clear();
      f(c * chunk, std::min(count, (c + 1) * chunk), text);
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    return;
  }

  struct Slot {
    Text text;
    std::exception_ptr error;
    bool ready = false;
  };
  // Each worker may be a chunk or two ahead of the writer: enough to keep both busy, and the
  // memory stays a few chunks.
  const std::size_t ring = std::size_t{threads} * 2;
  std::vector<Slot> slots(ring);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t written = 0;  // chunks written so far
  bool stop = false;
  std::atomic<std::size_t> next{0};

  auto work = [&] {
    Formatter f = formatter;
    for (;;) {
      const std::size_t c = next.fetch_add(1);
      if (c >= chunks) return;
      Slot& slot = slots[c % ring];
      Text text;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || c < written + ring; });
        if (stop) return;
        text.swap(slot.text);  // the buffer of the chunk written from this slot before
      }
      text.clear();
      std::exception_ptr error;
      try {
        f(c * chunk, std::min(count, (c + 1) * chunk), text);
      } catch (...) {
        error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex);
        slot.text.swap(text);
        slot.error = error;
        slot.ready = true;
      }
      changed.notify_all();
    }
  };

  std::vector<std::thread> workers;
  auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    for (std::thread& t : workers)
      if (t.joinable()) t.join();
  };
  // Whatever leaves this function (a write that throws, a formatter's exception), the
  // workers are stopped and joined first.
  struct Joiner {
    decltype(finish)& f;
    ~Joiner() { f(); }
  } joiner{finish};
  for (unsigned i = 0; i < threads; ++i) workers.emplace_back(work);

  for (std::size_t c = 0; c < chunks; ++c) {
    Slot& slot = slots[c % ring];
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slot.ready; });
    }
    if (slot.error) std::rethrow_exception(slot.error);
    out.write(slot.text.data(), static_cast<std::streamsize>(slot.text.size()));
    {
      std::lock_guard lock(mutex);
      slot.ready = false;
      ++written;
    }
    changed.notify_all();
    if (!out) break;
  }
}

}  // namespace kgraph

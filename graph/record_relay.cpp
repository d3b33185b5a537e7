#include "graph/record_relay.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "graph/packed_records.hpp"

namespace kgraph {
namespace {

/// Records whose lookups GraphBuilder::prefetch starts together.
constexpr std::size_t kPrefetchWindow = 32;
/// Records per batch when reading on the builder's own thread: small, so that a batch's
/// copies are still in the cache when it is added.
constexpr std::size_t kSameThreadBatch = 256;

/// What was reported before record `first` of a batch (the batch's size: after the last).
using Reports = std::vector<std::pair<std::size_t, Diagnostics::Reported>>;

/// Records in reading order, with the problems reported between them.
struct Batch {
  PackedRecords records;
  Reports reports;
  bool last = false;             // the job's end
  std::exception_ptr exception;  // what the job threw, after everything above

  void clear() {
    records.clear();
    reports.clear();
    last = false;
    exception = nullptr;
  }
};

/// Adds `count` records to the builder, each after the problems reported before it, in
/// windows that GraphBuilder::prefetch loads ahead; `window(first, n)` gives records [first,
/// first + n). False once there are too many errors to go on.
template <class Window>
bool add_in_windows(GraphBuilder& builder, std::size_t count, Reports& reports, Diagnostics& diags,
                    Window&& window) {
  std::size_t report = 0;
  auto reports_before = [&](std::size_t record) {
    for (; report < reports.size() && reports[report].first == record; ++report)
      diags.report(std::move(reports[report].second));
  };
  for (std::size_t first = 0; first < count; first += kPrefetchWindow) {
    const std::size_t n = std::min(kPrefetchWindow, count - first);
    const auto records = window(first, n);
    builder.prefetch(records);
    for (std::size_t i = 0; i < n; ++i) {
      reports_before(first + i);
      if (diags.too_many_errors()) return false;
      builder.add(records[i]);
      if (diags.too_many_errors()) return false;
    }
  }
  reports_before(count);
  return !diags.too_many_errors();
}

/// Adds a worker's batch, unpacking each window's records into `window`: views of the batch,
/// the builder's own, so that they stay in its cache from one window to the next.
bool replay(GraphBuilder& builder, Batch& b, std::vector<RecordView>& window, Diagnostics& diags) {
  if (window.size() < kPrefetchWindow) window.resize(kPrefetchWindow);
  std::size_t at = 0;
  return add_in_windows(builder, b.records.size(), b.reports, diags,
                        [&](std::size_t, std::size_t n) {
                          for (std::size_t i = 0; i < n; ++i) at = b.records.unpack(at, window[i]);
                          return std::span<const RecordView>(window).first(n);
                        });
}

/// Copies a record into one of a batch, keeping the target's allocations.
void copy_record(const RawRecord& from, RawRecord& to) {
  to.clear();
  to.section = from.section;
  to.at = from.at;
  for (std::size_t i = 0; i < from.field_count; ++i) {
    const RawField& f = from.fields[i];
    RawField& g = to.add_field(f.key, f.at);
    g.is_list = f.is_list;
    g.values.resize(f.values.size());
    for (std::size_t v = 0; v < f.values.size(); ++v) {
      const RawScalar& a = f.values[v];
      RawScalar& b = g.values[v];
      b.kind = a.kind;
      b.text.assign(a.text);
      b.integer = a.integer;
      b.real = a.real;
      b.boolean = a.boolean;
      b.facts = a.facts;
    }
  }
}

/// Thrown into a job's importer once the builder stopped taking records.
struct Stopped {};

/// The batches of one job, from its worker to the builder's thread.
class JobQueue {
 public:
  /// Waits for room; false once the relay stopped.
  bool push(std::unique_ptr<Batch> batch, const std::atomic<bool>& stop) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return batches_.size() < kBatchesAhead || stop.load(); });
    if (stop.load()) return false;
    batches_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  std::unique_ptr<Batch> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !batches_.empty(); });
    std::unique_ptr<Batch> b = std::move(batches_.front());
    batches_.pop_front();
    room_.notify_one();
    return b;
  }
  void wake() {
    std::lock_guard lock(mutex_);
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::unique_ptr<Batch>> batches_;
};

/// Batches no longer in use, so that their records' allocations are reused.
class BatchPool {
 public:
  std::unique_ptr<Batch> get() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<Batch>();
    std::unique_ptr<Batch> b = std::move(free_.back());
    free_.pop_back();
    b->clear();
    return b;
  }
  void put(std::unique_ptr<Batch> b) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(b));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Batch>> free_;
};

/// What a job on a worker reads into: copies each record into the current batch, and what
/// was reported before it, and hands full batches to the job's queue.
class RelaySink final : public RecordSink {
 public:
  RelaySink(const Schema& schema, const Diagnostics& files, JobQueue& queue, BatchPool& pool,
            const std::atomic<bool>& stop)
      : schema_(schema),
        diags_(files.with_same_files()),
        queue_(queue),
        pool_(pool),
        stop_(stop),
        batch_(pool.get()) {}

  void add(const RawRecord& record) override {
    if (stop_.load(std::memory_order_relaxed)) throw Stopped{};
    take_reports();
    batch_->records.append(record);
    if (batch_->records.size() == kRelayBatchRecords) send();
  }
  Diagnostics& diagnostics() override { return diags_; }
  const Schema& schema() const override { return schema_; }

  /// Sends what is left, ending the job (with what it threw, if anything).
  void finish(std::exception_ptr exception) {
    take_reports();
    batch_->last = true;
    batch_->exception = std::move(exception);
    send();
  }

 private:
  void take_reports() {
    Diagnostics::Reported r = diags_.take();
    if (!r.empty()) batch_->reports.emplace_back(batch_->records.size(), std::move(r));
  }
  void send() {
    if (!queue_.push(std::move(batch_), stop_)) throw Stopped{};
    batch_ = pool_.get();
  }

  const Schema& schema_;
  Diagnostics diags_;
  JobQueue& queue_;
  BatchPool& pool_;
  const std::atomic<bool>& stop_;
  std::unique_ptr<Batch> batch_;
};

/// Reading on the builder's own thread: records are gathered in small batches, with the
/// problems reported between them, and added as the relay adds a worker's, so that
/// GraphBuilder::prefetch sees a window ahead. The builder gets what reading straight into it
/// would give, in the same order.
class BatchingSink final : public RecordSink {
 public:
  explicit BatchingSink(GraphBuilder& builder)
      : builder_(builder), diags_(builder.diagnostics().with_same_files()) {}

  void add(const RawRecord& record) override {
    take_reports();
    if (count_ == records_.size()) records_.emplace_back();
    copy_record(record, records_[count_++]);
    if (count_ == kSameThreadBatch) flush();
  }
  Diagnostics& diagnostics() override { return diags_; }
  const Schema& schema() const override { return builder_.schema(); }

  /// Adds what was gathered; throws Stopped once the builder has too many errors.
  void flush() {
    take_reports();
    const bool go_on = add_in_windows(
        builder_, count_, reports_, builder_.diagnostics(), [&](std::size_t first, std::size_t n) {
          return std::span<const RawRecord>(records_).subspan(first, n);
        });
    count_ = 0;
    reports_.clear();
    if (!go_on) throw Stopped{};
  }

 private:
  void take_reports() {
    Diagnostics::Reported r = diags_.take();
    if (!r.empty()) reports_.emplace_back(count_, std::move(r));
  }

  GraphBuilder& builder_;
  Diagnostics diags_;
  // Copied rather than packed: on one thread the copies are still in the cache when added.
  std::vector<RawRecord> records_;
  std::size_t count_ = 0;
  Reports reports_;
};

/// Reads one job on the calling thread through a BatchingSink; false once the builder has too
/// many errors. A job's exception is rethrown after what it read before it was added.
bool read_batched(GraphBuilder& builder, const ReadJob& job) {
  BatchingSink sink(builder);
  try {
    try {
      job.read(sink);
    } catch (const Stopped&) {
      throw;
    } catch (...) {
      sink.flush();
      throw;
    }
    sink.flush();
  } catch (const Stopped&) {
    return false;
  }
  return true;
}

class Relay {
 public:
  Relay(GraphBuilder& builder, const std::vector<ReadJob>& jobs, unsigned workers,
        const RelayEvents& events)
      : builder_(builder),
        schema_(builder.schema()),
        // The files as they are now: the inputs are registered before the jobs start, and
        // workers must not read the builder's diagnostics while its thread reports to them.
        files_(builder.diagnostics().with_same_files()),
        jobs_(jobs),
        events_(events),
        queues_(jobs.size()) {
    for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
  }
  ~Relay() {
    stop_.store(true);
    for (JobQueue& q : queues_) q.wake();
    for (std::thread& t : threads_) t.join();
  }

  void run() {
    Diagnostics& diags = builder_.diagnostics();
    for (std::size_t j = 0; j < jobs_.size(); ++j) {
      if (diags.too_many_errors()) return;
      if (events_.started) events_.started(j);
      if (jobs_[j].on_builder_thread) {
        jobs_[j].read(builder_);
        if (events_.batch) events_.batch(j);
        continue;
      }
      for (;;) {
        std::unique_ptr<Batch> b = queues_[j].pop();
        if (!replay(builder_, *b, window_, diags)) return;
        if (events_.batch) events_.batch(j);
        if (b->exception) std::rethrow_exception(b->exception);
        const bool last = b->last;
        pool_.put(std::move(b));
        if (last) break;
      }
    }
  }

 private:
  void work() {
    for (;;) {
      const std::size_t j = next_.fetch_add(1);
      if (j >= jobs_.size() || stop_.load()) return;
      if (jobs_[j].on_builder_thread) continue;
      RelaySink sink(schema_, files_, queues_[j], pool_, stop_);
      std::exception_ptr thrown;
      try {
        jobs_[j].read(sink);
      } catch (const Stopped&) {
        return;
      } catch (...) {
        thrown = std::current_exception();
      }
      try {
        sink.finish(thrown);
      } catch (const Stopped&) {
        return;
      }
    }
  }

  GraphBuilder& builder_;
  const Schema& schema_;
  const Diagnostics files_;
  const std::vector<ReadJob>& jobs_;
  const RelayEvents& events_;
  std::vector<JobQueue> queues_;
  BatchPool pool_;
  std::vector<RecordView> window_;  // replay()'s
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> next_{0};
  std::vector<std::thread> threads_;
};

}  // namespace

void read_relayed(GraphBuilder& builder, const std::vector<ReadJob>& jobs, unsigned workers,
                  const RelayEvents& events) {
  if (workers == 0) {
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      if (builder.diagnostics().too_many_errors()) return;
      if (events.started) events.started(j);
      if (jobs[j].on_builder_thread) {
        jobs[j].read(builder);
      } else if (!read_batched(builder, jobs[j])) {
        return;
      }
      if (events.batch) events.batch(j);
    }
    return;
  }
  Relay(builder, jobs, std::min<std::size_t>(workers, jobs.size()), events).run();
}

}  // namespace kgraph

#include "importers/compressed_input.hpp"

#include <bzlib.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <climits>

#include "graph/text.hpp"

namespace kgraph {

Compression detect_compression(std::string_view head) {
  if (head.starts_with("\x1f\x8b")) return Compression::gzip;
  // "BZh" and a block size digit; the digit keeps a text starting with "BZh" from matching.
  if (head.size() >= 4 && head.starts_with("BZh") && head[3] >= '1' && head[3] <= '9')
    return Compression::bzip2;
  if (head.starts_with("\x28\xb5\x2f\xfd")) return Compression::zstd;
  return Compression::none;
}

std::string_view compression_name(Compression c) {
  switch (c) {
    case Compression::gzip:
      return "gzip";
    case Compression::bzip2:
      return "bzip2";
    case Compression::zstd:
      return "zstd";
    case Compression::none:
      break;
  }
  return "none";
}

const std::vector<std::string_view>& compressed_file_endings() {
  static const std::vector<std::string_view> endings = {".gz", ".bz2", ".zst"};
  return endings;
}

std::string_view without_compressed_ending(std::string_view path) {
  for (std::string_view ending : compressed_file_endings())
    if (ends_with_nocase(path, ending)) return path.substr(0, path.size() - ending.size());
  return path;
}

/// One format's decompressor. A compressed file may hold several members (gzip, bzip2) or
/// frames (zstd) one after the other; each ends with Status::member_end.
class DecompressingBuffer::Decoder {
 public:
  enum class Status { ok, member_end, error };
  virtual ~Decoder() = default;
  /// Decompresses from [in, in_end) into [out, out_end), advancing both; on error, `message`
  /// says why.
  virtual Status step(const char*& in, const char* in_end, char*& out, char* out_end,
                      std::string& message) = 0;
  /// Starts on the next member.
  virtual void restart() = 0;
};

namespace {

// The libraries count in unsigned int; feed them at most that much at once.
unsigned int clamp_uint(std::ptrdiff_t n) {
  return static_cast<unsigned int>(std::min<std::ptrdiff_t>(n, UINT_MAX));
}

class GzipDecoder final : public DecompressingBuffer::Decoder {
 public:
  GzipDecoder() {
    // 15 + 16: gzip members only (not raw zlib data), with the largest window.
    if (inflateInit2(&z_, 15 + 16) != Z_OK) throw std::bad_alloc();
  }
  ~GzipDecoder() override { inflateEnd(&z_); }
  GzipDecoder(const GzipDecoder&) = delete;
  GzipDecoder& operator=(const GzipDecoder&) = delete;

  Status step(const char*& in, const char* in_end, char*& out, char* out_end,
              std::string& message) override {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    z_.avail_in = clamp_uint(in_end - in);
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = clamp_uint(out_end - out);
    const int r = inflate(&z_, Z_NO_FLUSH);
    in = reinterpret_cast<const char*>(z_.next_in);
    out = reinterpret_cast<char*>(z_.next_out);
    if (r == Z_STREAM_END) return Status::member_end;
    if (r == Z_OK || r == Z_BUF_ERROR) return Status::ok;  // Z_BUF_ERROR: no progress possible
    message = z_.msg ? z_.msg : "inflate error " + std::to_string(r);
    return Status::error;
  }
  void restart() override { inflateReset(&z_); }

 private:
  z_stream z_{};
};

class Bzip2Decoder final : public DecompressingBuffer::Decoder {
 public:
  Bzip2Decoder() { init(); }
  ~Bzip2Decoder() override { BZ2_bzDecompressEnd(&bz_); }
  Bzip2Decoder(const Bzip2Decoder&) = delete;
  Bzip2Decoder& operator=(const Bzip2Decoder&) = delete;

  Status step(const char*& in, const char* in_end, char*& out, char* out_end,
              std::string& message) override {
    bz_.next_in = const_cast<char*>(in);
    bz_.avail_in = clamp_uint(in_end - in);
    bz_.next_out = out;
    bz_.avail_out = clamp_uint(out_end - out);
    const int r = BZ2_bzDecompress(&bz_);
    in = bz_.next_in;
    out = bz_.next_out;
    if (r == BZ_STREAM_END) return Status::member_end;
    if (r == BZ_OK) return Status::ok;
    message = r == BZ_DATA_ERROR_MAGIC ? "not bzip2 data" : "bzip2 error " + std::to_string(r);
    return Status::error;
  }
  void restart() override {
    BZ2_bzDecompressEnd(&bz_);
    init();
  }

 private:
  void init() {
    bz_ = bz_stream{};
    if (BZ2_bzDecompressInit(&bz_, 0, 0) != BZ_OK) throw std::bad_alloc();
  }
  bz_stream bz_{};
};

class ZstdDecoder final : public DecompressingBuffer::Decoder {
 public:
  ZstdDecoder() : z_(ZSTD_createDStream()) {
    if (!z_) throw std::bad_alloc();
  }
  ~ZstdDecoder() override { ZSTD_freeDStream(z_); }
  ZstdDecoder(const ZstdDecoder&) = delete;
  ZstdDecoder& operator=(const ZstdDecoder&) = delete;

  Status step(const char*& in, const char* in_end, char*& out, char* out_end,
              std::string& message) override {
    ZSTD_inBuffer input{in, static_cast<std::size_t>(in_end - in), 0};
    ZSTD_outBuffer output{out, static_cast<std::size_t>(out_end - out), 0};
    const std::size_t r = ZSTD_decompressStream(z_, &output, &input);
    in += input.pos;
    out += output.pos;
    if (ZSTD_isError(r)) {
      message = ZSTD_getErrorName(r);
      return Status::error;
    }
    return r == 0 ? Status::member_end : Status::ok;  // 0: a frame is complete and flushed
  }
  void restart() override {}  // the stream starts on the next frame by itself

 private:
  ZSTD_DStream* z_;
};

std::unique_ptr<DecompressingBuffer::Decoder> make_decoder(Compression c) {
  switch (c) {
    case Compression::gzip:
      return std::make_unique<GzipDecoder>();
    case Compression::bzip2:
      return std::make_unique<Bzip2Decoder>();
    case Compression::zstd:
      return std::make_unique<ZstdDecoder>();
    case Compression::none:
      break;
  }
  return nullptr;
}

constexpr std::size_t kInSize = std::size_t{1} << 16;
constexpr std::size_t kOutSize = std::size_t{1} << 18;

}  // namespace

DecompressingBuffer::DecompressingBuffer(std::streambuf& source, Compression compression)
    : source_(source),
      compression_(compression),
      decoder_(make_decoder(compression)),
      in_(kInSize),
      out_(kOutSize) {
  if (!decoder_) fail("not compressed data");
}

DecompressingBuffer::~DecompressingBuffer() = default;

bool DecompressingBuffer::fill_input() {
  const std::streamsize n = source_.sgetn(in_.data(), static_cast<std::streamsize>(in_.size()));
  if (n <= 0) {
    source_done_ = true;
    return false;
  }
  in_next_ = in_.data();
  in_end_ = in_.data() + n;
  return true;
}

void DecompressingBuffer::fail(const std::string& what) {
  if (error_.empty()) error_ = what;
  finished_ = true;
}

DecompressingBuffer::int_type DecompressingBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  while (!finished_) {
    if (in_next_ == in_end_ && !fill_input()) {
      if (in_member_)
        fail("the " + std::string(compression_name(compression_)) + " data ends early, after " +
             std::to_string(produced_) + " bytes of text (a truncated file?)");
      finished_ = true;
      break;
    }
    char* out = out_.data();
    std::string message;
    const Decoder::Status status =
        decoder_->step(in_next_, in_end_, out, out + out_.size(), message);
    in_member_ = status != Decoder::Status::member_end;
    if (status == Decoder::Status::error)
      fail("corrupt " + std::string(compression_name(compression_)) + " data after " +
           std::to_string(produced_ + static_cast<std::uint64_t>(out - out_.data())) +
           " bytes of text: " + message);
    if (status == Decoder::Status::member_end) {
      // Another member may follow (`cat a.gz b.gz`): it must start with the same magic.
      if (in_next_ == in_end_) fill_input();
      if (in_next_ != in_end_) {
        if (detect_compression({in_next_, static_cast<std::size_t>(in_end_ - in_next_)}) !=
                compression_ &&
            static_cast<std::size_t>(in_end_ - in_next_) >= 4)
          fail("data after the end of the " + std::string(compression_name(compression_)) +
               " data, after " +
               std::to_string(produced_ + static_cast<std::uint64_t>(out - out_.data())) +
               " bytes of text");
        else
          decoder_->restart();
      }
    }
    if (out > out_.data()) {
      produced_ += static_cast<std::uint64_t>(out - out_.data());
      setg(out_.data(), out_.data(), out);
      return traits_type::to_int_type(*gptr());
    }
  }
  return traits_type::eof();
}

}  // namespace kgraph

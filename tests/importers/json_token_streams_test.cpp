#include "importers/json_token_streams.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace kgraph::json_records {
namespace {

std::string position(const Location& at) {
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

TEST(JsonTokenStreams, CursorCountsLinesAndCodePoints) {
  const std::string text = "ab\n\xC3\xA9\xF0\x9F\x98\x80x\n";
  Cursor c;
  c.at = text.data();
  c.advance_to(text.data() + 2);
  EXPECT_EQ(position({0, c.line, c.column}), "1:3");
  c.advance_to(text.data() + 3);
  EXPECT_EQ(position({0, c.line, c.column}), "2:1");
  c.advance_to(text.data() + 9);  // after é and the emoji
  EXPECT_EQ(position({0, c.line, c.column}), "2:3");
  c.advance_to(text.data() + text.size());
  EXPECT_EQ(position({0, c.line, c.column}), "3:1");
}

/// Records each token as `event@line:col`, the position the stream gives for its start.
template <class Stream>
struct TokenRecorder : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TokenRecorder<Stream>> {
  Stream* s = nullptr;
  std::vector<std::string> tokens;
  bool add(const char* what, const char* start) {
    tokens.push_back(std::string(what) + "@" + position(s->locate(start)));
    return true;
  }
  bool Null() { return add("null", s->literal_start()); }
  bool Bool(bool) { return add("bool", s->literal_start()); }
  bool Int(int) { return add("number", s->number_start()); }
  bool Uint(unsigned) { return add("number", s->number_start()); }
  bool Double(double) { return add("number", s->number_start()); }
  bool String(const char* str, rapidjson::SizeType, bool) {
    return add("string", s->string_start(str));
  }
  bool Key(const char* str, rapidjson::SizeType, bool) { return add("key", s->string_start(str)); }
  bool StartObject() { return add("{", s->bracket_start()); }
  bool StartArray() { return add("[", s->bracket_start()); }
  bool EndObject(rapidjson::SizeType) {
    s->token_end();
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    s->token_end();
    return true;
  }
};

const std::string kDocument =
    "\xEF\xBB\xBF{\"k\xC3\xA9y\": [true, null, -1.5e3, \"s\\\"x\"],\n \"n\": 12, \"o\": {}}";
const std::vector<std::string> kDocumentTokens = {
    "{@1:1",       "key@1:2", "[@1:9",      "bool@1:10", "null@1:16", "number@1:22",
    "string@1:30", "key@2:2", "number@2:7", "key@2:11",  "{@2:16"};

std::vector<std::string> document_tokens(const std::string& text, std::size_t chunk) {
  std::istringstream in(text);
  DocumentStream stream(in, chunk, 0);
  TokenRecorder<DocumentStream> recorder;
  recorder.s = &stream;
  rapidjson::Reader reader;
  reader.Parse(stream, recorder);
  EXPECT_FALSE(reader.HasParseError()) << reader.GetParseErrorCode();
  EXPECT_TRUE(stream.at_end());
  return recorder.tokens;
}

// A token may straddle refills: the stream keeps what the current token needs.
TEST(JsonTokenStreams, DocumentStreamLocatesTokensWhateverTheChunk) {
  for (std::size_t chunk : {1, 16, 17, 40, 1 << 20})
    EXPECT_EQ(document_tokens(kDocument, chunk), kDocumentTokens) << chunk;
}

TEST(JsonTokenStreams, DocumentStreamMapsRapidJsonOffsetsIntoItsBuffer) {
  std::istringstream in(std::string("{\"a\": [1, 2,]}", 14));
  DocumentStream stream(in, 16, 0);
  TokenRecorder<DocumentStream> recorder;
  recorder.s = &stream;
  rapidjson::Reader reader;
  reader.Parse(stream, recorder);
  ASSERT_TRUE(reader.HasParseError());
  const char* at = stream.at_offset(reader.GetErrorOffset());
  EXPECT_EQ(*at, ']');
  EXPECT_EQ(position(stream.locate(at)), "1:13");
  EXPECT_FALSE(stream.is_nul_byte(at));
}

// In place, escapes shrink strings as they are parsed; positions stay those of the input,
// given the continuation bytes marked before parsing.
TEST(JsonTokenStreams, LineStreamLocatesTokensParsedInPlace) {
  std::string line = "{\"k\xC3\xA9y\": [true, null, -1.5e3, \"\\u00e9\\\"x\"], \"n\": 12}";
  ContinuationBits continuations;
  continuations.scan(line.data(), line.data() + line.size());
  LineStream stream(line.data(), 0, 4, continuations);
  TokenRecorder<LineStream> recorder;
  recorder.s = &stream;
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseInsituFlag>(stream, recorder);
  ASSERT_FALSE(reader.HasParseError()) << reader.GetParseErrorCode();
  EXPECT_EQ(recorder.tokens,
            (std::vector<std::string>{"{@4:1", "key@4:2", "[@4:9", "bool@4:10", "null@4:16",
                                      "number@4:22", "string@4:30", "key@4:44", "number@4:49"}));
}

// The continuation bytes before each offset, counted 64 bytes at a time, equal those counted
// one by one: lines of every length around the word size, of ASCII, two- to four-byte
// characters and stray continuation bytes, at every offset up to the end.
TEST(JsonTokenStreams, ContinuationBitsCountAsBytesDo) {
  const std::vector<std::string> pieces{
      "a", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\x80", "\"", " "};
  std::uint32_t seed = 99;
  ContinuationBits bits;
  for (int round = 0; round < 400; ++round) {
    std::string line;
    const std::size_t want = round % 200;
    while (line.size() < want) {
      seed = seed * 1103515245u + 12345u;
      line += pieces[(seed >> 8) % pieces.size()];
    }
    bits.clear();
    bits.scan(line.data(), line.data() + line.size());
    std::uint32_t counted = 0;
    for (std::size_t offset = 0; offset <= line.size(); ++offset) {
      ASSERT_EQ(bits.before(static_cast<std::uint32_t>(offset)), counted)
          << "length " << line.size() << ", offset " << offset;
      if (offset < line.size()) counted += is_continuation(line[offset]);
    }
  }
  bits.clear();
  EXPECT_EQ(bits.before(0), 0u);  // a line without any, cleared
  EXPECT_EQ(bits.before(100), 0u);
}

}  // namespace
}  // namespace kgraph::json_records

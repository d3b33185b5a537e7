#include "importers/article_records.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/messages.hpp"
#include "graph/partial_date.hpp"
#include "graph/record.hpp"
#include "importers/article_dates.hpp"
#include "importers/article_sentences.hpp"

namespace kgraph {
namespace {

constexpr std::string_view kCompressed[] = {".gz", ".bz2", ".zst"};

/// The length of the code point a lead byte starts (the text is valid UTF-8: the importer
/// checked).
std::size_t utf8_length(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

/// Lines of a text by code point, for the places of messages.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    std::size_t cp = 0;
    for (std::size_t i = 0; i < text.size(); ++cp) {
      if (text[i] == '\n') line_starts_.push_back(cp + 1);
      i += utf8_length(static_cast<unsigned char>(text[i]));
    }
  }
  /// The 0-based line of `cp` in the text and its column from 1.
  std::pair<std::uint32_t, std::uint32_t> line_column(std::size_t cp) const {
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), cp);
    const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
    const std::size_t start = line == 0 ? 0 : line_starts_[line - 1];
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(cp - start + 1)};
  }

 private:
  std::vector<std::size_t> line_starts_;
};

/// A sentence as a quote: white space runs made one space, cut at kMaxQuoteBytes.
std::string quote_of(std::string_view sentence) {
  std::string out;
  bool space = false;
  for (const char c : sentence) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= kMaxQuoteBytes) {
      // Back to the start of a code point, then mark the cut.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
        out.pop_back();
      if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
      out += "\xE2\x80\xA6";  // …
      break;
    }
  }
  return out;
}

/// What one entity's mentions in the article add up to.
struct EntityMentions {
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // code points of the text
  std::vector<std::size_t> sentences;                      // increasing
};

class ArticleRecords {
 public:
  ArticleRecords(const ArticleText& article, const ArticleIds& ids, std::uint32_t file,
                 RecordSink& builder)
      : article_(article), ids_(ids), file_(file), builder_(builder), lines_(article.text) {}

  void add(const ArticleGazetteer& gazetteer, bool co_mentions) {
    starts_ = sentence_starts(article_.text);
    // Where each sentence starts in bytes, in one walk: quotes are cut from there.
    start_bytes_.reserve(starts_.size());
    for (std::size_t i = 0, cp = 0, s = 0; s < starts_.size(); ++cp) {
      while (s < starts_.size() && starts_[s] == cp) {
        start_bytes_.push_back(i);
        ++s;
      }
      if (i >= article_.text.size()) break;
      i += utf8_length(static_cast<unsigned char>(article_.text[i]));
    }
    start_bytes_.resize(starts_.size(), article_.text.size());
    const std::optional<PartialDate> date =
        article_.date ? parse_partial_date(article_.date->value) : std::nullopt;
    // Reported here and left out: in the source record it would drop the source that the
    // publication and every mention cite.
    if (article_.date && !date)
      builder_.diagnostics().error(article_.date->at,
                                   invalid_date_message(article_.date->value, "date"));
    add_source(date);
    add_publication(date);

    // Mentions by entity, in the order entities are first named.
    std::vector<std::uint32_t> order;
    std::unordered_map<std::uint32_t, EntityMentions> by_entity;
    // (sentence, entity) for every mention, in text order: what co-mentions are made of.
    std::vector<std::pair<std::size_t, std::uint32_t>> named_in_sentence;
    for (const Mention& m : gazetteer.matcher().find(article_.text)) {
      const std::size_t first = sentence_of(starts_, m.begin);
      const std::size_t last = sentence_of(starts_, m.end - 1);
      for (const std::uint32_t e : gazetteer.entities_named(m.name)) {
        auto [it, fresh] = by_entity.try_emplace(e);
        if (fresh) order.push_back(e);
        it->second.spans.emplace_back(m.begin, m.end);
        // Mentions come in text order, so each entity's sentences only grow.
        std::vector<std::size_t>& sentences = it->second.sentences;
        for (std::size_t s = first; s <= last; ++s) {
          if (sentences.empty() || sentences.back() < s) sentences.push_back(s);
          named_in_sentence.emplace_back(s, e);
        }
      }
    }
    std::sort(named_in_sentence.begin(), named_in_sentence.end());
    named_in_sentence.erase(std::unique(named_in_sentence.begin(), named_in_sentence.end()),
                            named_in_sentence.end());
    find_crowded_sentences(named_in_sentence);
    for (const std::uint32_t e : order) {
      const ArticleGazetteer::Known& known = gazetteer.entity(e);
      const EntityMentions& mentions = by_entity[e];
      if (known.origin == ArticleGazetteer::Origin::gazetteer)
        add_stub(known.entity, mentions.spans.front().first);
      add_mentioned_in(known.entity.id, mentions);
    }
    if (co_mentions) add_co_mentions(gazetteer, named_in_sentence, date);
  }

 private:
  Location at(std::size_t cp) const {
    const auto [line, column] = lines_.line_column(cp);
    return Location{file_, article_.first_line + line, column};
  }
  Location field_at(const std::optional<ArticleField>& f) const {
    return f ? f->at : Location{file_, article_.first_line, 1};
  }
  std::string sentence_quote(std::size_t s) const {
    const std::size_t begin = start_bytes_[s];
    const std::size_t end = s + 1 < starts_.size() ? start_bytes_[s + 1] : article_.text.size();
    return quote_of(std::string_view(article_.text).substr(begin, end - begin));
  }
  std::string span_text(std::size_t begin, std::size_t end) const {
    return std::to_string(article_.offset + begin) + "-" + std::to_string(article_.offset + end);
  }
  void string_field(std::string_view key, std::string_view value, Location where) {
    record_.add_field(key, where).values.push_back(RawScalar::of_string(value));
  }
  RawField& list_field(std::string_view key, Location where) {
    RawField& f = record_.add_field(key, where);
    f.is_list = true;
    return f;
  }
  void start(Section section, Location where) {
    record_.clear();
    record_.section = section;
    record_.at = where;
  }

  void add_source(const std::optional<PartialDate>& date) {
    const Location where = field_at(article_.title);
    start(Section::source, where);
    string_field("id", ids_.source, where);
    if (article_.title) string_field("title", article_.title->value, article_.title->at);
    if (date) string_field("date", date->to_string(), article_.date->at);
    for (const ArticleField& f : article_.fields)
      if (f.key != "id") string_field(f.key, f.value, f.at);
    builder_.add(record_);
  }

  void add_publication(const std::optional<PartialDate>& date) {
    const Location where = field_at(article_.title);
    start(Section::event, where);
    string_field("id", ids_.publication, where);
    string_field("name",
                 article_.title ? std::string_view(article_.title->value)
                                : std::string_view(ids_.publication),
                 where);
    string_field("kind", "publication", where);
    if (date) string_field("date", date->to_string(), article_.date->at);
    string_field("sources", ids_.source, where);
    std::set<std::string> isos;
    for (const DateMention& d : find_dates(article_.text, date ? date->year : -1))
      isos.insert(d.date.to_string());
    if (!isos.empty()) {
      RawField& f = list_field("dates_mentioned", where);
      for (const std::string& iso : isos) f.values.push_back(RawScalar::of_string(iso));
    }
    builder_.add(record_);
  }

  void add_stub(const NamedEntity& e, std::size_t first_mention) {
    const Location where = at(first_mention);
    start(static_cast<Section>(static_cast<int>(Section::actor) + static_cast<int>(e.type)), where);
    string_field("id", e.id, where);
    string_field("name", e.names.front(), where);
    if (!e.kind.empty()) string_field("kind", e.kind, where);
    builder_.add(record_);
  }

  void add_mentioned_in(const std::string& id, const EntityMentions& mentions) {
    const Location where = at(mentions.spans.front().first);
    start(Section::relation, where);
    string_field("from", id, where);
    string_field("type", "mentioned_in", where);
    string_field("to", ids_.publication, where);
    string_field("sources", ids_.source, where);
    RawField& offsets = list_field("offsets", where);
    for (const auto& [begin, end] : mentions.spans)
      offsets.values.push_back(RawScalar::of_string(span_text(begin, end)));
    RawField& quotes = list_field("quote", where);
    for (const std::size_t s : mentions.sentences)
      if (!crowded_.count(s)) quotes.values.push_back(RawScalar::of_string(sentence_quote(s)));
    builder_.add(record_);
  }

  /// Sentences naming more than kMaxCoMentionedPerSentence entities: a list of names, not a
  /// sentence about them. They give no quotes and no co-mentions (n names would make n(n-1)/2
  /// relations, and n copies of the sentence), with one warning; their mentions are kept.
  void find_crowded_sentences(
      const std::vector<std::pair<std::size_t, std::uint32_t>>& named_in_sentence) {
    for (std::size_t from = 0; from < named_in_sentence.size();) {
      std::size_t to = from;
      while (to < named_in_sentence.size() &&
             named_in_sentence[to].first == named_in_sentence[from].first)
        ++to;
      if (to - from > kMaxCoMentionedPerSentence) crowded_.insert(named_in_sentence[from].first);
      from = to;
    }
    if (crowded_.empty()) return;
    builder_.diagnostics().warning(
        at(starts_[*crowded_.begin()]),
        std::to_string(crowded_.size()) + " sentence(s) of this article, the first here, name " +
            "more than " + std::to_string(kMaxCoMentionedPerSentence) +
            " entities each; they give no quotes and no co_mentioned relations (the mentions and "
            "their offsets are kept)",
        "a list of names is not a sentence about them");
  }

  void add_co_mentions(const ArticleGazetteer& gazetteer,
                       const std::vector<std::pair<std::size_t, std::uint32_t>>& named_in_sentence,
                       const std::optional<PartialDate>& date) {
    // Pairs by their ids in order, each with the sentences naming both.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> pairs;
    for (std::size_t from = 0; from < named_in_sentence.size();) {
      const std::size_t sentence = named_in_sentence[from].first;
      std::size_t to = from;
      while (to < named_in_sentence.size() && named_in_sentence[to].first == sentence) ++to;
      if (!crowded_.count(sentence))
        for (std::size_t i = from; i < to; ++i)
          for (std::size_t j = i + 1; j < to; ++j) {
            std::string a = gazetteer.entity(named_in_sentence[i].second).entity.id;
            std::string b = gazetteer.entity(named_in_sentence[j].second).entity.id;
            if (b < a) std::swap(a, b);
            pairs[{std::move(a), std::move(b)}].push_back(sentence);
          }
      from = to;
    }
    for (const auto& [pair, sentences] : pairs) {
      const Location where = at(starts_[sentences.front()]);
      start(Section::relation, where);
      string_field("from", pair.first, where);
      string_field("type", "co_mentioned", where);
      string_field("to", pair.second, where);
      if (date) string_field("date", date->to_string(), where);
      string_field("sources", ids_.source, where);
      RawScalar count;
      count.kind = ValueKind::integer;
      count.integer = static_cast<std::int64_t>(sentences.size());
      record_.add_field("count", where).values.push_back(count);
      RawField& quotes = list_field("quote", where);
      for (const std::size_t s : sentences)
        quotes.values.push_back(RawScalar::of_string(sentence_quote(s)));
      builder_.add(record_);
    }
  }

  const ArticleText& article_;
  const ArticleIds& ids_;
  std::uint32_t file_;
  RecordSink& builder_;
  LineIndex lines_;
  std::vector<std::size_t> starts_;       // code points
  std::vector<std::size_t> start_bytes_;  // the same in bytes
  std::set<std::size_t> crowded_;         // sentences naming too many entities
  RawRecord record_;
};

}  // namespace

ArticleIds article_ids(const ArticleText& article, std::string_view file_name) {
  std::string name;
  for (const ArticleField& f : article.fields)
    if (f.key == "id") name = f.value;
  if (name.empty()) {
    std::string_view base = file_name;
    if (const std::size_t slash = base.find_last_of('/'); slash != std::string_view::npos)
      base.remove_prefix(slash + 1);
    for (const std::string_view c : kCompressed)
      if (base.size() > c.size() && base.ends_with(c)) base.remove_suffix(c.size());
    if (const std::size_t dot = base.find_last_of('.'); dot != std::string_view::npos && dot > 0)
      base = base.substr(0, dot);
    if (base == "<stdin>") base = "stdin";
    name = base.empty() ? "article" : std::string(base);
  }
  return ArticleIds{"article:" + name, "publication:" + name};
}

void add_article(const ArticleText& article, const ArticleIds& ids,
                 const ArticleGazetteer& gazetteer, bool co_mentions, std::uint32_t file,
                 RecordSink& builder) {
  ArticleRecords(article, ids, file, builder).add(gazetteer, co_mentions);
}

}  // namespace kgraph

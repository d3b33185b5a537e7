// Writes a synthetic knowledge graph in kgraph's input formats, for the benchmarks.
//
//   generate_synthetic --entities 1000000 --relations 4000000 -o /tmp/kgraph-bench/data.jsonl
//   generate_synthetic --entities 1000 --relations 4000 --format json -o small.json
//
// The data is valid input for the built-in schema: relation types and endpoints follow
// graph/default_schema.json, dates are real calendar dates, every cited source exists. It is
// shaped to be awkward: heavy-tailed (Zipf) degrees, repeated entity ids with differing names
// (merging), repeated relations, names in Chinese, Korean and Arabic, non-BMP characters, and
// hostile text (quotes, <&>, backslashes, newlines, \u escapes, 100 kB names, ids that are not
// XML NMTOKENs).
//
// Output is a pure function of the options: each entity and relation is drawn from its own
// random stream seeded by (seed, index), so the JSON document and JSON Lines forms hold the
// same graph. `--relations` counts every relation, including the ones created by the
// shorthand fields (`place`, `within`, `part_of`). A summary (counts, bytes, distinct relation
// keys) is written to stderr and, as JSON, to OUTPUT.meta.json.

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---- randomness: our own generators, so the output is identical on every platform ----

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    std::uint64_t s = seed ^ (stream * 0xd1b54a32d192ed03ull) ^ (index * 0x9e3779b97f4a7c15ull);
    for (auto& x : s_) x = splitmix64(s);
  }
  std::uint64_t next() {  // xoshiro256**
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }
  bool chance(double p) { return uniform() < p; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[below(N)];
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

enum Stream : std::uint64_t {
  kTypeStream = 1,
  kEntityStream,
  kDuplicateStream,
  kRelationStream,
  kSourceStream,
  kShuffleStream
};

// ---- the vocabulary (mirrors graph/default_schema.json) ----

enum class Type : std::uint8_t { actor, law, event, place };
constexpr std::array<std::string_view, 4> kTypeNames = {"actor", "law", "event", "place"};
constexpr std::array<std::string_view, 4> kSections = {"actors", "laws", "events", "places"};

struct Kind {
  std::string_view name;
  std::string_view id_prefix;
  double weight;
};

// Kinds per type with their share; ids start with the prefix.
const std::vector<Kind> kActorKinds = {{"person", "person", 0.50},
                                       {"organization", "org", 0.12},
                                       {"government_body", "govbody", 0.08},
                                       {"government", "gov", 0.02},
                                       {"group", "group", 0.08},
                                       {"media", "media", 0.05},
                                       {"ngo", "ngo", 0.05},
                                       {"company", "company", 0.05},
                                       {"international_organization", "intl", 0.01},
                                       {"diplomatic_mission", "mission", 0.02},
                                       {"court", "court", 0.01},
                                       {"political_party", "party", 0.01}};
const std::vector<Kind> kLawKinds = {
    {"treaty", "treaty", 0.10},           {"treaty_article", "article", 0.20},
    {"protocol", "protocol", 0.05},       {"statute", "statute", 0.25},
    {"statute_article", "section", 0.15}, {"agreement", "agreement", 0.10},
    {"regulation", "regulation", 0.10},   {"policy", "policy", 0.05}};
const std::vector<Kind> kEventKinds = {{"press_conference", "presser", 0.08},
                                       {"statement", "statement", 0.20},
                                       {"repatriation", "repatriation", 0.05},
                                       {"detention", "detention", 0.08},
                                       {"arrest", "arrest", 0.08},
                                       {"trial", "trial", 0.05},
                                       {"asylum_attempt", "asylum", 0.04},
                                       {"meeting", "meeting", 0.12},
                                       {"protest", "protest", 0.06},
                                       {"publication", "publication", 0.14},
                                       {"testimony", "testimony", 0.05},
                                       {"travel", "travel", 0.05}};
const std::vector<Kind> kPlaceKinds = {
    {"country", "country", 0.002},  {"province", "province", 0.05}, {"region", "region", 0.03},
    {"city", "city", 0.40},         {"district", "district", 0.15}, {"site", "site", 0.20},
    {"building", "building", 0.168}};
const std::vector<Kind>* const kKinds[4] = {&kActorKinds, &kLawKinds, &kEventKinds, &kPlaceKinds};
constexpr double kTypeShare[4] = {0.45, 0.10, 0.25, 0.20};

// Endpoint pools relations draw from.
enum Pool : std::uint8_t { kActors, kPersons, kLaws, kEvents, kPlaces, kAny, kPoolCount };
constexpr Pool kTypePool[4] = {kActors, kLaws, kEvents, kPlaces};

struct RelationSpec {
  std::string_view type;
  Pool from, to;
  double weight;
};
const std::vector<RelationSpec> kRelationSpecs = {{"participated_in", kActors, kEvents, 0.22},
                                                  {"located_in", kActors, kPlaces, 0.07},
                                                  {"located_in", kPlaces, kPlaces, 0.02},
                                                  {"occurred_in", kEvents, kPlaces, 0.05},
                                                  {"part_of", kActors, kActors, 0.03},
                                                  {"part_of", kLaws, kLaws, 0.02},
                                                  {"part_of", kEvents, kEvents, 0.01},
                                                  {"member_of", kActors, kActors, 0.08},
                                                  {"spokesperson_of", kPersons, kActors, 0.02},
                                                  {"leader_of", kPersons, kActors, 0.02},
                                                  {"employed_by", kPersons, kActors, 0.05},
                                                  {"organized", kActors, kEvents, 0.03},
                                                  {"party_to", kActors, kLaws, 0.04},
                                                  {"signed", kActors, kLaws, 0.02},
                                                  {"ratified", kActors, kLaws, 0.01},
                                                  {"enacted", kActors, kLaws, 0.02},
                                                  {"applies_to", kLaws, kActors, 0.01},
                                                  {"applies_to", kLaws, kPlaces, 0.01},
                                                  {"prohibits", kLaws, kEvents, 0.01},
                                                  {"violates", kEvents, kLaws, 0.03},
                                                  {"violates", kActors, kLaws, 0.02},
                                                  {"cites", kLaws, kLaws, 0.02},
                                                  {"cites", kEvents, kLaws, 0.01},
                                                  {"reported", kActors, kEvents, 0.04},
                                                  {"stated", kActors, kEvents, 0.03},
                                                  {"responded_to", kEvents, kEvents, 0.02},
                                                  {"caused", kEvents, kEvents, 0.02},
                                                  {"detained", kActors, kActors, 0.02},
                                                  {"repatriated", kActors, kActors, 0.01},
                                                  {"denied_access", kActors, kActors, 0.01},
                                                  {"denied_access", kActors, kPlaces, 0.005},
                                                  {"entered", kActors, kPlaces, 0.02},
                                                  {"related_to", kAny, kAny, 0.025}};

constexpr std::array<std::string_view, 8> kRoles = {
    "organizer", "speaker", "witness", "victim", "perpetrator", "observer", "author", "defendant"};

// ---- names ----

constexpr std::array<std::string_view, 24> kLatinGiven = {
    "Wei",   "Maria", "John", "Amina", "Pierre", "Olga", "Tarik", "Jin",
    "Sofia", "Kwame", "Lena", "Diego", "Hana",   "Omar", "Elena", "Ravi",
    "Chloé", "Søren", "Zoë",  "Ngozi", "Mateus", "Ilse", "Björn", "Dũng"};
constexpr std::array<std::string_view, 24> kLatinFamily = {
    "Li",      "Gonzalez", "Smith",   "Okafor",  "Dubois", "Ivanova",  "Radwan",  "Park",
    "Rossi",   "Mensah",   "Müller",  "Herrera", "Tanaka", "Haddad",   "Popescu", "Sharma",
    "Lefèvre", "Nørgaard", "O'Brien", "Nwosu",   "Silva",  "de Vries", "Åström",  "Nguyễn"};
constexpr std::array<std::string_view, 20> kHanFamily = {"王", "李", "张", "刘", "陈", "杨", "黄",
                                                         "赵", "吴", "周", "秦", "徐", "孙", "马",
                                                         "朱", "胡", "郭", "何", "高", "林"};
constexpr std::array<std::string_view, 20> kHanGiven = {"伟", "芳", "娜", "敏",   "静", "丽", "强",
                                                        "磊", "军", "洋", "刚",   "勇", "艳", "杰",
                                                        "涛", "明", "超", "秀英", "华", "𠀋"};
constexpr std::array<std::string_view, 12> kHangulFamily = {"김", "이", "박", "최", "정", "강",
                                                            "조", "윤", "장", "임", "한", "오"};
constexpr std::array<std::string_view, 12> kHangulGiven = {
    "민준", "서연", "지호", "현우", "수빈", "영희", "철수", "하은", "도윤", "지우", "은정", "성민"};
constexpr std::array<std::string_view, 12> kArabicGiven = {
    "محمد", "أحمد", "علي", "فاطمة", "عمر", "خديجة", "يوسف", "مريم", "حسن", "ليلى", "طارق", "سارة"};
constexpr std::array<std::string_view, 10> kArabicFamily = {
    "الحسن", "العلي", "رضوان", "المصري", "الخطيب", "حداد", "النجار", "السيد", "عبد الله", "القاسم"};
constexpr std::array<std::string_view, 16> kOrgWords = {"Ministry of Foreign Affairs",
                                                        "Committee for Human Rights",
                                                        "Commission on Refugees",
                                                        "Border Defence Bureau",
                                                        "Public Security Bureau",
                                                        "News Agency",
                                                        "Institute for Policy Studies",
                                                        "Relief Network",
                                                        "Consulate General",
                                                        "Supreme Court",
                                                        "Workers' Party",
                                                        "Trading Company",
                                                        "Office of the High Commissioner",
                                                        "Press Office",
                                                        "Legal Aid Centre",
                                                        "Coalition"};
constexpr std::array<std::string_view, 10> kOrgWordsZh = {
    "外交部", "公安局",   "边防局", "新闻社", "人权委员会",
    "难民署", "最高法院", "领事馆", "研究所", "救援网络"};
constexpr std::array<std::string_view, 6> kOrgWordsKo = {"외교부",     "통일부", "연합뉴스",
                                                         "인권위원회", "대법원", "영사관"};
constexpr std::array<std::string_view, 6> kOrgWordsAr = {"وزارة الخارجية",  "لجنة حقوق الإنسان",
                                                         "وكالة الأنباء",   "المحكمة العليا",
                                                         "مفوضية اللاجئين", "القنصلية العامة"};
constexpr std::array<std::string_view, 20> kPlaceNames = {
    "Shenyang", "Dandong",   "Yanji",  "Beijing",          "Pyongyang", "Seoul", "Hamgyong",
    "Tumen",    "Hunchun",   "Geneva", "Washington",       "Cairo",     "Amman", "São Paulo",
    "Kraków",   "Reykjavík", "Zürich", "Ho Chi Minh City", "Qafṣah",    "Tromsø"};
constexpr std::array<std::string_view, 12> kPlaceNamesIntl = {"沈阳", "丹东", "延吉",     "北京",
                                                              "평양", "서울", "함경북도", "القاهرة",
                                                              "عمّان", "دمشق", "圖們",     "𠀋𡈽町"};
constexpr std::array<std::string_view, 12> kLawNames = {
    "Convention relating to the Status of Refugees",
    "Protocol relating to the Status of Refugees",
    "Penal Code",
    "Criminal Procedure Law",
    "Exit and Entry Administration Law",
    "Agreement on Cooperation",
    "Regulation on Border Control",
    "Policy on Humanitarian Admission",
    "Covenant on Civil and Political Rights",
    "Convention against Torture",
    "Law on Nationality",
    "Decree on Public Order"};
constexpr std::array<std::string_view, 8> kLawNamesIntl = {
    "刑法",         "出境入境管理法", "难民地位公约",     "형법",
    "출입국관리법", "قانون العقوبات", "اتفاقية اللاجئين", "国籍法"};
constexpr std::array<std::string_view, 12> kEventWords = {
    "press conference", "statement", "forced repatriation", "detention",
    "arrest",           "trial",     "asylum attempt",      "meeting",
    "protest",          "report",    "testimony",           "border crossing"};
constexpr std::array<std::string_view, 14> kHostile = {"\"quoted\"",
                                                       "<script>alert('x')</script>",
                                                       "AT&T",
                                                       "a\\b\\\\c",
                                                       "]]>",
                                                       "\xF0\x9F\x98\x80",
                                                       "\xF0\x9F\x87\xB0\xF0\x9F\x87\xB5",
                                                       "\xE2\x80\x8F"
                                                       "RTL\xE2\x80\x8E",
                                                       "line\nbreak",
                                                       "tab\there",
                                                       "&amp;&lt;",
                                                       "{\"record\":\"actor\"}",
                                                       "\xE2\x80\xAE"
                                                       "reversed",
                                                       "'single' & \"double\""};
constexpr std::array<std::string_view, 10> kQuotes = {
    "are not refugees but \"illegal migrants\"",
    "in accordance with the relevant domestic laws, international laws, and humanitarian "
    "principles",
    "no Contracting State shall expel or return ('refouler') a refugee",
    "the agreement is reproduced beginning on page 30",
    "continues to refuse <UNHCR> access & more",
    "他们不是难民，而是非法移民",
    "탈북자들은 난민이 아니다",
    "لا يجوز لأية دولة متعاقدة أن تطرد لاجئاً",
    "C:\\path\\to\\file and a tab\tinside",
    "emoji \xF0\x9F\x9A\xA9 and \xF0\x9F\x8C\x8F"};
constexpr std::array<std::string_view, 8> kPublishers = {
    "Congressional-Executive Commission on China",
    "Ministry of Foreign Affairs of the PRC",
    "Yonhap News Agency",
    "U.S. Department of State",
    "UNHCR",
    "新华社",
    "연합뉴스",
    "الجزيرة"};
constexpr std::array<std::string_view, 8> kTags = {"refugees", "border", "asylum", "human-rights",
                                                   "难民",     "인권",   "لاجئين", "\"tagged\""};

// ---- output ----

class Writer {
 public:
  explicit Writer(std::FILE* f) : f_(f) { buf_.reserve(kFlush + (1 << 20)); }
  ~Writer() { flush(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void raw(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= kFlush) flush();
  }
  void ch(char c) { buf_.push_back(c); }
  void num(std::uint64_t v) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, r.ptr);
  }
  void real(double v) {
    char tmp[32];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, r.ptr);
  }
  /// A JSON string; with `unicode_escapes`, non-ASCII code points are written as \uXXXX
  /// (surrogate pairs beyond the BMP) to exercise the readers' escape handling.
  void str(std::string_view s, bool unicode_escapes = false) {
    buf_.push_back('"');
    for (std::size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      switch (c) {
        case '"':
          buf_.append("\\\"");
          break;
        case '\\':
          buf_.append("\\\\");
          break;
        case '\n':
          buf_.append("\\n");
          break;
        case '\t':
          buf_.append("\\t");
          break;
        case '\r':
          buf_.append("\\r");
          break;
        default:
          if (c < 0x20) {
            char tmp[8];
            std::snprintf(tmp, sizeof tmp, "\\u%04x", c);
            buf_.append(tmp);
          } else if (c >= 0x80 && unicode_escapes) {
            std::uint32_t cp = 0;
            int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
            cp = c & (0x3F >> extra);
            for (int k = 0; k < extra && i + 1 < s.size(); ++k)
              cp = (cp << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
            char tmp[16];
            if (cp >= 0x10000) {
              cp -= 0x10000;
              std::snprintf(tmp, sizeof tmp, "\\u%04X\\u%04X", 0xD800 + (cp >> 10),
                            0xDC00 + (cp & 0x3FF));
            } else {
              std::snprintf(tmp, sizeof tmp, "\\u%04x", cp);
            }
            buf_.append(tmp);
          } else {
            buf_.push_back(static_cast<char>(c));
          }
      }
    }
    buf_.push_back('"');
  }
  void key(std::string_view k) {
    buf_.push_back(',');
    buf_.push_back('"');
    buf_.append(k);
    buf_.append("\":");
  }
  void flush() {
    if (buf_.empty()) return;
    if (std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
      std::perror("generate_synthetic: write");
      std::exit(3);
    }
    written_ += buf_.size();
    buf_.clear();
  }
  std::uint64_t written() const { return written_ + buf_.size(); }

 private:
  static constexpr std::size_t kFlush = 4 << 20;
  std::FILE* f_;
  std::string buf_;
  std::uint64_t written_ = 0;
};

// ---- the graph ----

struct Options {
  std::uint64_t entities = 100000;
  std::uint64_t relations = 400000;
  std::uint64_t sources = 0;  // 0: entities / 100, at least 10
  std::uint64_t seed = 42;
  double zipf = 0.85;
  double hostile = 0.02;     // share of names/quotes with hostile text
  double duplicates = 0.01;  // share of entities written twice (merge)
  bool json_document = false;
  std::string output;
};

struct ZipfPool {
  std::vector<std::uint32_t> members;  // rank -> entity index (shuffled)
  std::vector<double> cdf;

  void build(double s, Rng& shuffle) {
    for (std::size_t i = members.size(); i > 1; --i)
      std::swap(members[i - 1], members[shuffle.below(static_cast<std::uint32_t>(i))]);
    cdf.resize(members.size());
    double total = 0;
    for (std::size_t r = 0; r < members.size(); ++r) cdf[r] = total += std::pow(double(r + 1), -s);
  }
  std::uint32_t pick(Rng& rng) const {
    const double u = rng.uniform() * cdf.back();
    std::size_t r =
        static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    return members[std::min(r, members.size() - 1)];
  }
};

std::uint64_t hash_mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdull;
}

class Generator {
 public:
  /// Whether every pool relations pick their ends from has an entity (few entities may leave
  /// one empty, and picking from it would read past its end).
  bool every_pool_has_members() const {
    for (const ZipfPool& p : pools_)
      if (p.members.empty()) return false;
    return true;
  }

  explicit Generator(const Options& o) : o_(o) {
    if (o_.sources == 0) o_.sources = std::max<std::uint64_t>(10, o_.entities / 100);
    type_.resize(o_.entities);
    kind_.resize(o_.entities);
    for (std::uint64_t i = 0; i < o_.entities; ++i) {
      Rng rng(o_.seed, kTypeStream, i);
      // A few countries first, so every place can sit within something.
      const Type t = i < 4 ? Type::place : choose_type(rng.uniform());
      type_[i] = t;
      kind_[i] = i < 4 ? 0 : choose_kind(*kKinds[static_cast<int>(t)], rng.uniform());
      pools_[kTypePool[static_cast<int>(t)]].members.push_back(static_cast<std::uint32_t>(i));
      if (t == Type::actor && kind_[i] == 0)
        pools_[kPersons].members.push_back(static_cast<std::uint32_t>(i));
      if (t == Type::place && kind_[i] <= 2)
        containers_.members.push_back(static_cast<std::uint32_t>(i));
      pools_[kAny].members.push_back(static_cast<std::uint32_t>(i));
    }
    Rng shuffle(o_.seed, kShuffleStream, 0);
    for (auto& p : pools_) p.build(o_.zipf, shuffle);
    containers_.build(o_.zipf, shuffle);
    double total = 0;
    for (const auto& spec : kRelationSpecs) spec_cdf_.push_back(total += spec.weight);
  }

  void run(std::FILE* out) {
    Writer w(out);
    if (o_.json_document) w.raw("{\n\"sources\":[\n");
    for (std::uint64_t i = 0; i < o_.sources; ++i) {
      if (o_.json_document && i) w.raw(",\n");
      write_source(w, i);
      if (!o_.json_document) w.ch('\n');
    }
    for (int t = 0; t < 4; ++t) {
      if (o_.json_document) {
        w.raw("\n],\n\"");
        w.raw(kSections[t]);
        w.raw("\":[\n");
      }
      bool first = true;
      for (std::uint64_t i = 0; i < o_.entities; ++i) {
        if (static_cast<int>(type_[i]) != t) continue;
        if (o_.json_document && !first) w.raw(",\n");
        first = false;
        write_entity(w, i, false);
        if (!o_.json_document) w.ch('\n');
      }
      // Repeats of some entities under another name: exercises merging and aliases.
      for (std::uint64_t i = 0; i < o_.entities; ++i) {
        if (static_cast<int>(type_[i]) != t) continue;
        Rng rng(o_.seed, kDuplicateStream, i);
        if (!rng.chance(o_.duplicates)) continue;
        if (o_.json_document && !first) w.raw(",\n");
        first = false;
        write_entity(w, i, true);
        if (!o_.json_document) w.ch('\n');
      }
    }
    if (o_.json_document) w.raw("\n],\n\"relations\":[\n");
    const std::uint64_t explicit_count = o_.relations > shorthand_ ? o_.relations - shorthand_ : 0;
    for (std::uint64_t j = 0; j < explicit_count; ++j) {
      if (o_.json_document && j) w.raw(",\n");
      write_relation(w, j);
      if (!o_.json_document) w.ch('\n');
    }
    if (o_.json_document) w.raw("\n]\n}\n");
    w.flush();
    bytes_ = w.written();
    relation_records_ = explicit_count;
  }

  void summary(std::FILE* f) {
    std::sort(keys_.begin(), keys_.end());
    const auto distinct =
        static_cast<std::uint64_t>(std::unique(keys_.begin(), keys_.end()) - keys_.begin());
    std::fprintf(f,
                 "{\"format\":\"%s\",\"seed\":%llu,\"entities\":%llu,\"entity_records\":%llu,"
                 "\"sources\":%llu,\"relations\":%llu,\"relation_records\":%llu,"
                 "\"shorthand_relations\":%llu,\"distinct_relations\":%llu,\"bytes\":%llu}\n",
                 o_.json_document ? "json" : "jsonl", ull(o_.seed), ull(o_.entities),
                 ull(entity_records_), ull(o_.sources), ull(relation_records_ + shorthand_),
                 ull(relation_records_), ull(shorthand_), ull(distinct), ull(bytes_));
  }

 private:
  static unsigned long long ull(std::uint64_t v) { return v; }

  static Type choose_type(double u) {
    double acc = 0;
    for (int t = 0; t < 4; ++t)
      if (u < (acc += kTypeShare[t])) return static_cast<Type>(t);
    return Type::actor;
  }
  static std::uint8_t choose_kind(const std::vector<Kind>& kinds, double u) {
    double total = 0;
    for (const auto& k : kinds) total += k.weight;
    u *= total;
    double acc = 0;
    for (std::size_t k = 0; k < kinds.size(); ++k)
      if (u < (acc += kinds[k].weight)) return static_cast<std::uint8_t>(k);
    return 0;
  }
  const Kind& kind_of(std::uint64_t i) const {
    return (*kKinds[static_cast<int>(type_[i])])[kind_[i]];
  }

  /// Entity ids: `<kind prefix>-<index>`, and for about 1 in 200 something that is not an XML
  /// NMTOKEN (spaces, <&>, quotes, CJK, Arabic, emoji) but still a valid kgraph id.
  void id_text(std::uint64_t i, std::string& out) const {
    out.clear();
    const std::uint64_t h = hash_mix(o_.seed, i);
    switch (h % 200) {
      case 0:
        out = "人物·";
        break;
      case 1:
        out = "x<&>\"'";
        break;
      case 2:
        out = "id with spaces ";
        break;
      case 3:
        out = "كيان-";
        break;
      case 4:
        out = "\xF0\x9F\x99\x82-";
        break;
      case 5:
        out = "back\\slash/";
        break;
      default:
        out.append(kind_of(i).id_prefix);
        out.push_back('-');
    }
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, i);
    out.append(tmp, r.ptr);
  }

  void date(Rng& rng, std::string& out, int min_year = 1950, int max_year = 2024) {
    out.clear();
    const int y =
        min_year + static_cast<int>(rng.below(static_cast<std::uint32_t>(max_year - min_year + 1)));
    char tmp[40];
    const double p = rng.uniform();
    if (p < 0.3) {
      std::snprintf(tmp, sizeof tmp, "%04d", y);
    } else if (p < 0.6) {
      std::snprintf(tmp, sizeof tmp, "%04d-%02d", y, 1 + static_cast<int>(rng.below(12)));
    } else {
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const int m = 1 + static_cast<int>(rng.below(12));
      const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      const int days = m == 2 && leap ? 29 : kDays[m - 1];
      std::snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m,
                    1 + static_cast<int>(rng.below(static_cast<std::uint32_t>(days))));
    }
    out = tmp;
  }

  void hostile(Rng& rng, std::string& s) {
    if (!rng.chance(o_.hostile)) return;
    s.push_back(' ');
    s.append(rng.pick(kHostile));
  }

  void person_name(Rng& rng, std::string& s) {
    const double p = rng.uniform();
    if (p < 0.65) {
      s.append(rng.pick(kLatinGiven));
      s.push_back(' ');
      s.append(rng.pick(kLatinFamily));
    } else if (p < 0.80) {
      s.append(rng.pick(kHanFamily));
      s.append(rng.pick(kHanGiven));
      if (rng.chance(0.5)) s.append(rng.pick(kHanGiven));
    } else if (p < 0.90) {
      s.append(rng.pick(kHangulFamily));
      s.append(rng.pick(kHangulGiven));
    } else {
      s.append(rng.pick(kArabicGiven));
      s.push_back(' ');
      s.append(rng.pick(kArabicFamily));
    }
  }

  void entity_name(Rng& rng, std::uint64_t i, std::string& s) {
    s.clear();
    const std::string_view kind = kind_of(i).name;
    switch (type_[i]) {
      case Type::actor:
        if (kind == "person") {
          person_name(rng, s);
        } else {
          const double p = rng.uniform();
          if (p < 0.70) {
            s.append(rng.pick(kPlaceNames));
            s.push_back(' ');
            s.append(rng.pick(kOrgWords));
          } else if (p < 0.85) {
            s.append(rng.pick(kPlaceNamesIntl));
            s.append(rng.pick(kOrgWordsZh));
          } else if (p < 0.93) {
            s.append(rng.pick(kOrgWordsKo));
          } else {
            s.append(rng.pick(kOrgWordsAr));
            s.push_back(' ');
            s.append(rng.pick(kPlaceNamesIntl));
          }
        }
        break;
      case Type::law:
        if (rng.chance(0.8))
          s.append(rng.pick(kLawNames));
        else
          s.append(rng.pick(kLawNamesIntl));
        if (kind == "treaty_article" || kind == "statute_article") {
          s.append(", Article ");
          s.append(std::to_string(1 + rng.below(120)));
        }
        break;
      case Type::event:
        s.append(rng.pick(kPlaceNames));
        s.push_back(' ');
        s.append(rng.pick(kEventWords));
        break;
      case Type::place:
        if (rng.chance(0.75))
          s.append(rng.pick(kPlaceNames));
        else
          s.append(rng.pick(kPlaceNamesIntl));
        if (kind != "country" && kind != "city") {
          s.push_back(' ');
          s.append(kind);
        }
        break;
    }
    s.push_back(' ');
    s.append(std::to_string(i % 9973));
    hostile(rng, s);
    // A handful of 100 kB names.
    if (i % 100000 == 77777) {
      const std::string unit = "Very long name <&> \"x\" 长名字 اسم طويل \xF0\x9F\x93\x9C ";
      while (s.size() < 100000) s.append(unit);
    }
  }

  void write_sources_field(Writer& w, Rng& rng, int max) {
    const int n = 1 + static_cast<int>(rng.below(static_cast<std::uint32_t>(max)));
    w.key("sources");
    w.ch('[');
    for (int k = 0; k < n; ++k) {
      if (k) w.ch(',');
      // Sources are cited with a heavy tail too.
      const auto s = static_cast<std::uint64_t>(std::pow(rng.uniform(), 3.0) * double(o_.sources));
      tmp_.assign("src-");
      tmp_.append(std::to_string(std::min(s, o_.sources - 1)));
      w.str(tmp_);
    }
    w.ch(']');
  }

  void write_source(Writer& w, std::uint64_t i) {
    Rng rng(o_.seed, kSourceStream, i);
    w.raw(o_.json_document ? "{\"id\":" : "{\"record\":\"source\",\"id\":");
    tmp_.assign("src-");
    tmp_.append(std::to_string(i));
    w.str(tmp_);
    name_.assign("Report on ");
    name_.append(rng.pick(kEventWords));
    name_.append(" in ");
    name_.append(rng.pick(kPlaceNames));
    hostile(rng, name_);
    w.key("title");
    w.str(name_);
    w.key("publisher");
    w.str(rng.pick(kPublishers));
    if (rng.chance(0.6)) {
      tmp_.assign("https://example.org/articles/");
      tmp_.append(std::to_string(i));
      tmp_.append("?lang=zh&ref=\"bench\"");
      w.key("url");
      w.str(tmp_);
    }
    date(rng, tmp_, 1990, 2024);
    w.key("date");
    w.str(tmp_);
    w.ch('}');
  }

  void write_entity(Writer& w, std::uint64_t i, bool duplicate) {
    Rng rng(o_.seed, duplicate ? kDuplicateStream : kEntityStream, i);
    if (duplicate) rng.next();  // the draw that chose this entity for a repeat
    ++entity_records_;
    const Type t = type_[i];
    if (!o_.json_document) {
      w.raw("{\"record\":\"");
      w.raw(kTypeNames[static_cast<int>(t)]);
      w.raw("\",\"id\":");
    } else {
      w.raw("{\"id\":");
    }
    id_text(i, id_);
    w.str(id_);
    entity_name(rng, i, name_);
    if (duplicate) name_.append(" (variant)");
    w.key("name");
    w.str(name_, rng.chance(0.01));
    w.key("kind");
    w.str(kind_of(i).name);
    if (duplicate) {  // A repeat carries only what may differ without conflict.
      write_sources_field(w, rng, 1);
      w.ch('}');
      return;
    }
    if (rng.chance(0.25)) {
      w.key("aliases");
      w.ch('[');
      const int n = 1 + static_cast<int>(rng.below(2));
      for (int k = 0; k < n; ++k) {
        if (k) w.ch(',');
        if (t == Type::actor && kind_[i] == 0) {
          tmp_.clear();
          person_name(rng, tmp_);
        } else
          tmp_.assign(rng.pick(kPlaceNamesIntl));
        w.str(tmp_);
      }
      w.ch(']');
    }
    if (rng.chance(0.08)) {
      w.key("description");
      tmp_.assign("Mentioned in ");
      tmp_.append(rng.pick(kQuotes));
      hostile(rng, tmp_);
      w.str(tmp_);
    }
    switch (t) {
      case Type::actor:
        if (kind_[i] == 0 && rng.chance(0.3)) {
          date(rng, tmp_, 1920, 2000);
          w.key("born");
          w.str(tmp_);
        }
        if (kind_[i] != 0 && rng.chance(0.2)) {
          w.key("founded");
          w.num(1900 + rng.below(120));
          w.key("active");
          w.raw(rng.chance(0.5) ? "true" : "false");
        }
        if (rng.chance(0.05)) {
          w.key("part_of");
          const std::uint32_t parent = pick_other(rng, kActors, i);
          id_text(parent, tmp_);
          w.str(tmp_);
          keys_.push_back(relation_key(i, "part_of", parent));
          ++shorthand_;
        }
        break;
      case Type::law:
        date(rng, tmp_, 1945, 2024);
        w.key("date");
        w.str(tmp_);
        break;
      case Type::event: {
        const double p = rng.uniform();
        if (p < 0.6) {
          date(rng, tmp_, 1990, 2024);
          w.key("date");
          w.str(tmp_);
        } else if (p < 0.9) {
          const int y = 1990 + static_cast<int>(rng.below(30));
          w.key("start");
          w.str(std::to_string(y));
          w.key("end");
          w.str(std::to_string(y + static_cast<int>(rng.below(5))));
        }
        if (rng.chance(0.5)) {
          w.key("place");
          const std::uint32_t place = pools_[kPlaces].pick(rng);
          id_text(place, tmp_);
          w.str(tmp_);
          keys_.push_back(relation_key(i, "occurred_in", place));
          ++shorthand_;
        }
        break;
      }
      case Type::place:
        if (kind_[i] != 0 && i >= 4 && rng.chance(0.8)) {
          w.key("within");
          const std::uint32_t container = pick_other_from(rng, containers_, i);
          id_text(container, tmp_);
          w.str(tmp_);
          keys_.push_back(relation_key(i, "located_in", container));
          ++shorthand_;
        }
        if (rng.chance(0.1)) {
          w.key("population");
          w.num(rng.below(20000000));
        }
        break;
    }
    if (rng.chance(0.05)) {
      w.key("tags");
      w.ch('[');
      w.str(rng.pick(kTags));
      w.ch(',');
      w.str(rng.pick(kTags));
      w.ch(']');
    }
    if (rng.chance(0.03)) {
      w.key("score");
      w.real(std::round(rng.uniform() * 1000) / 1000);
    }
    write_sources_field(w, rng, 2);
    w.ch('}');
  }

  static std::uint64_t relation_key(std::uint64_t from, std::string_view type, std::uint64_t to) {
    return hash_mix(hash_mix(hash_mix(1, from), std::hash<std::string_view>{}(type)), to);
  }

  std::uint32_t pick_other(Rng& rng, Pool pool, std::uint64_t self) {
    return pick_other_from(rng, pools_[pool], self);
  }
  static std::uint32_t pick_other_from(Rng& rng, const ZipfPool& pool, std::uint64_t self) {
    std::uint32_t e = pool.pick(rng);
    for (int tries = 0; e == self && tries < 8; ++tries) e = pool.pick(rng);
    if (e == self)
      e = pool.members[(std::find(pool.members.begin(), pool.members.end(), e) -
                        pool.members.begin() + 1) %
                       pool.members.size()];
    return e;
  }

  void write_relation(Writer& w, std::uint64_t j) {
    Rng rng(o_.seed, kRelationStream, j);
    const double u = rng.uniform() * spec_cdf_.back();
    const std::size_t si = static_cast<std::size_t>(
        std::upper_bound(spec_cdf_.begin(), spec_cdf_.end(), u) - spec_cdf_.begin());
    const RelationSpec& spec = kRelationSpecs[std::min(si, kRelationSpecs.size() - 1)];
    const std::uint32_t from = pools_[spec.from].pick(rng);
    const std::uint32_t to = pick_other(rng, spec.to, from);
    std::uint64_t key = relation_key(from, spec.type, to);

    w.raw(o_.json_document ? "{\"from\":" : "{\"record\":\"relation\",\"from\":");
    id_text(from, id_);
    w.str(id_);
    w.key("type");
    w.str(spec.type);
    w.key("to");
    id_text(to, id_);
    w.str(id_);
    if (spec.type == "participated_in" && rng.chance(0.8)) {
      const std::uint32_t r = rng.below(kRoles.size());
      w.key("role");
      w.str(kRoles[r]);
      key = hash_mix(key, 100 + r);
    }
    const double p = rng.uniform();
    if (p < 0.20) {
      date(rng, tmp_, 1990, 2024);
      w.key("date");
      w.str(tmp_);
      key = hash_mix(key, std::hash<std::string>{}(tmp_));
    } else if (p < 0.25) {
      const int y = 1990 + static_cast<int>(rng.below(30));
      w.key("start");
      w.str(std::to_string(y));
      w.key("end");
      w.str(std::to_string(y + 1));
      key = hash_mix(key, 7000 + static_cast<std::uint64_t>(y));
    }
    if (rng.chance(0.04)) {
      tmp_.assign(rng.pick(kQuotes));
      hostile(rng, tmp_);
      w.key("quote");
      w.str(tmp_, rng.chance(0.02));
    }
    if (rng.chance(0.02)) {
      w.key("id");
      w.str("rel-" + std::to_string(j));
    }
    if (rng.chance(0.04)) {
      w.key("confidence");
      w.real(std::round(rng.uniform() * 100) / 100);
      w.key("verified");
      w.raw(rng.chance(0.5) ? "true" : "false");
    }
    if (rng.chance(0.4)) write_sources_field(w, rng, 1);
    w.ch('}');
    keys_.push_back(key);
  }

  Options o_;
  std::vector<Type> type_;
  std::vector<std::uint8_t> kind_;
  ZipfPool pools_[kPoolCount];
  ZipfPool containers_;  // countries, provinces, regions: what places sit within
  std::vector<double> spec_cdf_;
  std::vector<std::uint64_t> keys_;
  std::uint64_t shorthand_ = 0, entity_records_ = 0, relation_records_ = 0, bytes_ = 0;
  std::string id_, name_, tmp_;
};

[[noreturn]] void usage(int status) {
  std::fprintf(status ? stderr : stdout,
               "usage: generate_synthetic [options] -o OUTPUT\n"
               "  --entities N      distinct entities (default 100000)\n"
               "  --relations N     relations, shorthand ones included (default 400000)\n"
               "  --sources N       sources (default entities/100)\n"
               "  --seed N          random seed (default 42)\n"
               "  --zipf S          Zipf exponent of endpoint choice (default 0.85)\n"
               "  --hostile P       share of names and quotes with hostile text (default 0.02)\n"
               "  --duplicates P    share of entities written a second time (default 0.01)\n"
               "  --format jsonl|json  JSON Lines records or one JSON document (default: from\n"
               "                    OUTPUT's extension, jsonl for '-')\n"
               "  -o OUTPUT         output file, '-' for standard output\n");
  std::exit(status);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::string format;
  for (int a = 1; a < argc; ++a) {
    const std::string_view arg = argv[a];
    auto value = [&]() -> std::string_view {
      if (a + 1 >= argc) {
        std::fprintf(stderr, "generate_synthetic: %s needs a value\n", argv[a]);
        usage(2);
      }
      return argv[++a];
    };
    auto number = [&](std::string_view v) {
      std::uint64_t n = 0;
      auto r = std::from_chars(v.data(), v.data() + v.size(), n);
      if (r.ec != std::errc() || r.ptr != v.data() + v.size()) {
        std::fprintf(stderr, "generate_synthetic: not a number: %.*s\n", int(v.size()), v.data());
        usage(2);
      }
      return n;
    };
    if (arg == "--entities")
      o.entities = number(value());
    else if (arg == "--relations")
      o.relations = number(value());
    else if (arg == "--sources")
      o.sources = number(value());
    else if (arg == "--seed")
      o.seed = number(value());
    else if (arg == "--zipf")
      o.zipf = std::strtod(std::string(value()).c_str(), nullptr);
    else if (arg == "--hostile")
      o.hostile = std::strtod(std::string(value()).c_str(), nullptr);
    else if (arg == "--duplicates")
      o.duplicates = std::strtod(std::string(value()).c_str(), nullptr);
    else if (arg == "--format")
      format = value();
    else if (arg == "-o" || arg == "--output")
      o.output = value();
    else if (arg == "-h" || arg == "--help")
      usage(0);
    else {
      std::fprintf(stderr, "generate_synthetic: unknown option %s\n", argv[a]);
      usage(2);
    }
  }
  if (o.output.empty()) usage(2);
  if (o.entities < 16) {
    std::fprintf(stderr, "generate_synthetic: --entities must be at least 16\n");
    return 2;
  }
  if (format.empty()) format = ends_with(o.output, ".json") ? "json" : "jsonl";
  if (format != "json" && format != "jsonl") usage(2);
  o.json_document = format == "json";

  Generator g(o);
  if (!g.every_pool_has_members()) {
    std::fprintf(stderr,
                 "generate_synthetic: --entities %llu is too few for every type of entity to "
                 "occur (relations need one of each); give more\n",
                 static_cast<unsigned long long>(o.entities));
    return 2;
  }

  std::FILE* out = o.output == "-" ? stdout : std::fopen(o.output.c_str(), "wb");
  if (!out) {
    std::perror(o.output.c_str());
    return 3;
  }
  g.run(out);
  if (out != stdout && std::fclose(out) != 0) {
    std::perror(o.output.c_str());
    return 3;
  }
  g.summary(stderr);
  if (o.output != "-") {
    std::FILE* meta = std::fopen((o.output + ".meta.json").c_str(), "wb");
    if (!meta) {
      std::perror("meta");
      return 3;
    }
    g.summary(meta);
    std::fclose(meta);
  }
  return 0;
}

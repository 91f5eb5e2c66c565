// RankFilter.cpp: the ranked pass of a query whose matches the counting pass already knows.
//
// A phrase is decided by its words' positions, and Xapian's matcher checks them once for the
// count and again for the page. The count (Counting.cpp) leaves the matches in a docid
// bitmap; the page is then ranked over the same query with each phrase an AND of its words
// (Xapian weighs a phrase as that AND: the position check adds no weight), filtered by that
// bitmap. Same weights, same matches, one position check per candidate instead of two. A value
// range is dropped the same way: the count checked it in the slot's table, where Xapian would
// read the slot's value stream through to the next document in range.
#include "Facets.hpp"

namespace cxshim {
namespace {

/// The matches of one shard as a Xapian posting source: shard i of n holds the combined docids
/// (d - 1) * n + i + 1 (Xapian's interleaving). Xapian clones it for each shard and passes the
/// shard to init(), which finds it by UUID among the leaves.
class MatchesSource : public Xapian::PostingSource {
  std::shared_ptr<const DocBits> bits;
  std::shared_ptr<const std::vector<std::string>> uuids;   // of the leaves, in order
  Xapian::docid shards = 1, shard = 0;
  Xapian::docid current = 0, last = 0;
  Xapian::doccount count = 0;

  static constexpr uint64_t none = ~uint64_t(0);

  /// The first set bit at or after combined docid `from` (none when there is none).
  uint64_t next_set(uint64_t from) const {
    size_t word = static_cast<size_t>(from >> 6);
    if (word >= bits->size()) return none;
    uint64_t x = (*bits)[word] & (~uint64_t(0) << (from & 63));
    while (x == 0) {
      if (++word == bits->size()) return none;
      x = (*bits)[word];
    }
    return uint64_t(word) * 64 + static_cast<uint64_t>(__builtin_ctzll(x));
  }

  /// Moves to this shard's first match at or after its docid `local` (past `last`: the end).
  void advance_from(Xapian::docid local) {
    for (uint64_t c = next_set(uint64_t(local - 1) * shards + shard + 1); c != none; c = next_set(c + 1)) {
      if ((c - 1) % shards != shard) continue;
      current = static_cast<Xapian::docid>((c - 1) / shards + 1);
      return;
    }
    current = last + 1;
  }

 public:
  MatchesSource(std::shared_ptr<const DocBits> b, std::shared_ptr<const std::vector<std::string>> u)
      : bits(std::move(b)), uuids(std::move(u)), shards(static_cast<Xapian::docid>(uuids->size())) {}

  MatchesSource *clone() const override { return new MatchesSource(bits, uuids); }

  void init(const Xapian::Database &db) override {
    const std::string uuid = db.get_uuid();
    shard = 0;
    while (shard < shards && (*uuids)[shard] != uuid) ++shard;
    if (shard == shards) throw Xapian::InvalidOperationError("a shard the matches do not cover");
    last = db.get_lastdocid();
    count = 0;
    for (uint64_t c = next_set(1); c != none; c = next_set(c + 1)) count += (c - 1) % shards == shard;
    current = 0;
  }

  Xapian::doccount get_termfreq_min() const override { return count; }
  Xapian::doccount get_termfreq_est() const override { return count; }
  Xapian::doccount get_termfreq_max() const override { return count; }
  Xapian::docid get_docid() const override { return current; }
  bool at_end() const override { return current > last; }
  void next(double) override { advance_from(current + 1); }
  void skip_to(Xapian::docid did, double) override {
    if (did > current) advance_from(did);
  }
};

} // namespace

std::unique_ptr<Xapian::Query> filtered_by_matches(const Xapian::Query &relaxed,
                                                   const std::vector<Xapian::Database> &leaves,
                                                   DocBits matches) {
  auto uuids = std::make_shared<std::vector<std::string>>();
  for (const auto &leaf : leaves) {
    std::string uuid = leaf.get_uuid();
    for (const auto &seen : *uuids)
      if (uuid.empty() || uuid == seen) return nullptr;   // two shards alike: cannot map
    uuids->push_back(std::move(uuid));
  }
  if (uuids->empty()) return nullptr;
  auto bits = std::make_shared<const DocBits>(std::move(matches));
  Xapian::Query source((new MatchesSource(bits, uuids))->release());
  return std::make_unique<Xapian::Query>(Xapian::Query::OP_FILTER, relaxed, source);
}

} // namespace cxshim

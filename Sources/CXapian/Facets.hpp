// Facets.hpp: what counting every match of a search needs (Facets.cpp, Counting.cpp): the
// boolean shape of a query, the docid → value tables of a database, and the counts.
#ifndef CXAPIAN_FACETS_HPP
#define CXAPIAN_FACETS_HPP

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cxshim {

/// Which documents a query matches, as set operations over plain terms and value ranges: kept
/// beside each Xapian::Query the shim builds (Xapian 1.4 does not expose a value range's slot
/// and bounds), so that the counting pass can read posting lists directly (Counting.cpp).
/// `opaque` marks what only Xapian's matcher can decide (phrases, OP_WILDCARD): its query is
/// run by the matcher, shard by shard (among the other parts' matches, in an AND that gains by
/// it); a phrase keeps its words' shapes as parts, for estimates only.
struct Shape {
  enum Kind { term, all, nothing, all_of, any_of, first_but_not_rest, value_range, opaque };
  Kind kind = nothing;
  std::string text;            // the term
  unsigned slot = 0;           // a value range's slot, and its bounds ("": open)
  std::string lower, upper;
  std::vector<std::shared_ptr<const Shape>> parts;
  Xapian::Query query;         // an opaque shape's query; an AND's or AND_NOT's whole

  static std::shared_ptr<const Shape> of_term(const std::string &term);
  static std::shared_ptr<const Shape> of_kind(Kind kind);
  static std::shared_ptr<const Shape> of_opaque(const Xapian::Query &query);
  static std::shared_ptr<const Shape> of_range(unsigned slot, const std::string &lower,
                                               const std::string &upper);
  /// The shape of Xapian::Query(op, parts): AND and FILTER are all_of, OR and SYNONYM any_of,
  /// AND_MAYBE its first part (the others only add weight), PHRASE opaque (made is the query);
  /// an AND's parts that are ANDs are spliced into it.
  static std::shared_ptr<const Shape> of_op(Xapian::Query::op op,
                                            std::vector<std::shared_ptr<const Shape>> parts,
                                            const Xapian::Query &made);
  /// True when no part is opaque: the matches can be computed from postings and tables.
  bool is_plain() const;
};

/// One value slot of every document of a (combined) database, as codes by docid: counting a
/// match's month or group is an array read, a value range is a test on codes. Read once per
/// open revision, from the combined database's value stream (so by combined docid, whatever
/// the shards).
struct SlotTable {
  std::vector<uint32_t> code_of;     // by docid; 0: no value (or no document)
  std::vector<std::string> values;   // by code; values[0] is ""

  /// Reads the slot over every document of db.
  void read(const Xapian::Database &db, unsigned slot);
};

/// The tables of one open database, by slot; forgotten when it is reopened at a new revision.
struct SlotTables {
  std::map<unsigned, SlotTable> by_slot;
  /// The table of slot, read now when it is not yet.
  const SlotTable &get(const Xapian::Database &db, unsigned slot);
};

/// Matches counted over every match: the total, per month code, and the groups of versions
/// (a match without a group value counts as a group of its own, as Xapian's collapse does).
struct MatchCounts {
  const SlotTable &facet;
  const SlotTable *group;   // null: no collapsing, groups = total
  Xapian::doccount total = 0;
  Xapian::doccount groups = 0;
  std::vector<Xapian::doccount> by_code;
  std::vector<uint64_t> group_seen;   // a bit per group code

  MatchCounts(const SlotTable &f, const SlotTable *g);
  /// Counts the match with this combined docid.
  void add(Xapian::docid did) {
    ++total;
    if (did < facet.code_of.size()) ++by_code[facet.code_of[did]];
    if (!group) return;
    uint32_t code = did < group->code_of.size() ? group->code_of[did] : 0;
    if (code == 0) { ++groups; return; }
    uint64_t bit = uint64_t(1) << (code & 63);
    if (!(group_seen[code >> 6] & bit)) { group_seen[code >> 6] |= bit; ++groups; }
  }
  /// The non-empty values counted, sorted by value.
  std::vector<std::pair<std::string, Xapian::doccount>> facets() const;
};

/// A set of combined docids, a bit each (bit d of word d / 64).
using DocBits = std::vector<uint64_t>;

/// Counts the matches of shape into counts by reading posting lists (of each shard when
/// `leaves` are db's shards one by one, else of db, and then shape must be plain) and the
/// tables, and by running its opaque parts' queries shard by shard. Returns the matches.
DocBits count_by_postings(const Xapian::Database &db, const std::vector<Xapian::Database> &leaves,
                          SlotTables &tables, const Shape &shape, MatchCounts &counts);

/// The ranked pass's query once the matches are known: `relaxed` (cx_query::relaxed_query:
/// each phrase an AND of its words, which Xapian weighs as it weighs the phrase, and each value
/// range dropped) filtered by the matches, so the matcher checks no phrase's positions and no
/// value range a second time (RankFilter.cpp). Null when the shards cannot be told apart by
/// their UUIDs (then rank with the query itself).
std::unique_ptr<Xapian::Query> filtered_by_matches(const Xapian::Query &relaxed,
                                                   const std::vector<Xapian::Database> &leaves,
                                                   DocBits matches);

} // namespace cxshim

#endif // CXAPIAN_FACETS_HPP

// Facets.cpp: counting one slot's values (the months) and the groups of versions over every
// match of a search, exactly.
//
// Xapian's ValueCountMatchSpy reads each match's value and counts it in a map of strings, in a
// pass that also weighs every match; collapsing on the groups made the ranked pass check every
// match again. Here the slots are read once per open revision into docid → code tables, the
// matches are counted apart from the ranked pass (from the posting lists, and for phrases by
// a pass of Xapian's matcher without weights, Counting.cpp), and the ranked pass only has to
// find the page (check_at_least 0, so Xapian may skip documents that cannot reach it).
// docs/scaling.md has the instruction counts. Remote parts keep Xapian's spy (the server runs
// it; ours cannot be serialised).
#include "Shim.hpp"

#include <algorithm>

namespace cxshim {

// ---- shapes ----

std::shared_ptr<const Shape> Shape::of_kind(Kind kind) {
  auto shape = std::make_shared<Shape>();
  shape->kind = kind;
  return shape;
}

std::shared_ptr<const Shape> Shape::of_term(const std::string &term) {
  if (term.empty()) return of_kind(all);   // Xapian::Query("") is MatchAll
  auto shape = std::make_shared<Shape>();
  shape->kind = Shape::term;
  shape->text = term;
  return shape;
}

std::shared_ptr<const Shape> Shape::of_opaque(const Xapian::Query &query) {
  auto shape = std::make_shared<Shape>();
  shape->kind = opaque;
  shape->query = query;
  return shape;
}

std::shared_ptr<const Shape> Shape::of_range(unsigned slot, const std::string &lower,
                                             const std::string &upper) {
  auto shape = std::make_shared<Shape>();
  shape->kind = value_range;
  shape->slot = slot;
  shape->lower = lower;
  shape->upper = upper;
  return shape;
}

std::shared_ptr<const Shape> Shape::of_op(Xapian::Query::op op,
                                          std::vector<std::shared_ptr<const Shape>> parts,
                                          const Xapian::Query &made) {
  if (op == Xapian::Query::OP_PHRASE) {   // the matcher's, its words kept for estimates
    auto shape = std::make_shared<Shape>(*of_opaque(made));
    shape->parts = std::move(parts);
    return shape;
  }
  if (parts.empty()) return of_kind(nothing);   // Xapian makes an empty combination MatchNothing
  if (op == Xapian::Query::OP_AND_MAYBE) return parts[0];
  auto shape = std::make_shared<Shape>();
  switch (op) {
  case Xapian::Query::OP_AND:
  case Xapian::Query::OP_FILTER: shape->kind = all_of; break;
  case Xapian::Query::OP_OR:
  case Xapian::Query::OP_SYNONYM: shape->kind = any_of; break;
  case Xapian::Query::OP_AND_NOT: shape->kind = first_but_not_rest; break;
  default: return of_opaque(made);
  }
  // An AND with a phrase keeps its parts: the counting pass chooses between the matcher's
  // pass over the whole (made), which skips through the other parts to the phrase's
  // candidates, and the phrase checked among the other parts' matches only (Counting.cpp).
  shape->query = made;
  if (shape->kind == all_of) {   // an AND of ANDs is one AND: every part narrows the others
    for (auto &part : parts) {
      if (part->kind != all_of) { shape->parts.push_back(std::move(part)); continue; }
      shape->parts.insert(shape->parts.end(), part->parts.begin(), part->parts.end());
    }
    return shape;
  }
  shape->parts = std::move(parts);
  return shape;
}

bool Shape::is_plain() const {
  if (kind == opaque) return false;
  for (const auto &part : parts)
    if (!part->is_plain()) return false;
  return true;
}

// ---- tables and counts ----

void SlotTable::read(const Xapian::Database &db, unsigned slot) {
  code_of.assign(static_cast<size_t>(db.get_lastdocid()) + 1, 0);
  values.assign(1, std::string());
  std::unordered_map<std::string, uint32_t> codes;
  for (auto it = db.valuestream_begin(slot), end = db.valuestream_end(slot); it != end; ++it) {
    const std::string &value = *it;
    auto found = codes.find(value);
    if (found == codes.end()) {
      found = codes.emplace(value, static_cast<uint32_t>(values.size())).first;
      values.push_back(value);
    }
    code_of[it.get_docid()] = found->second;
  }
}

const SlotTable &SlotTables::get(const Xapian::Database &db, unsigned slot) {
  auto found = by_slot.find(slot);
  if (found != by_slot.end()) return found->second;
  SlotTable table;   // read whole before it is kept: a failure leaves no half table
  table.read(db, slot);
  return by_slot.emplace(slot, std::move(table)).first->second;
}

MatchCounts::MatchCounts(const SlotTable &f, const SlotTable *g)
    : facet(f), group(g), by_code(f.values.size(), 0),
      group_seen(g ? g->values.size() / 64 + 1 : 0, 0) {}

std::vector<std::pair<std::string, Xapian::doccount>> MatchCounts::facets() const {
  std::vector<std::pair<std::string, Xapian::doccount>> out;
  for (size_t code = 1; code < by_code.size(); ++code)
    if (by_code[code] > 0) out.emplace_back(facet.values[code], by_code[code]);
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

/// One pass with Xapian's spy: remote parts (the server runs the spy) and local parts that are
/// themselves several databases (whose shards cannot be searched one by one). The ranked pass
/// checks every match when collapsing, so that the number of groups is exact.
void count_with_spy(cx_database *db, Xapian::Enquire &enquire, bool collapsing, const Xapian::Query &query,
                    unsigned slot, uint32_t offset, uint32_t limit, uint32_t check_at_least,
                    cx_mset *result) {
  Xapian::ValueCountMatchSpy values(slot);
  if (db->has_remote) {
    enquire.add_matchspy(&values);
    result->mset = enquire.get_mset(offset, limit, check_at_least);
    enquire.clear_matchspies();
    result->groups = result->mset.get_matches_estimated();
    result->total = collapsing ? values.get_total() : result->groups;
  } else {
    Xapian::Enquire counter(db->db);
    counter.set_query(query);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    counter.add_matchspy(&values);
    result->total = counter.get_mset(0, 0, check_at_least).get_matches_estimated();
    result->mset = enquire.get_mset(offset, limit, collapsing ? check_at_least : Xapian::doccount(0));
    result->groups = collapsing ? result->mset.get_matches_estimated() : result->total;
  }
  for (auto it = values.values_begin(); it != values.values_end(); ++it)
    if (!(*it).empty()) result->facets.emplace_back(*it, it.get_termfreq());
}

} // namespace

/// Runs enquire's search into result, with the exact number of matches, of groups and the
/// counts of the slot's values over all of them. On local databases, the counts come first
/// (over the same open revision as the page): from the posting lists, a phrase's matches from
/// a pass without weights shard by shard (Counting.cpp); then the ranked page alone, among
/// those matches when the query has phrases or value ranges (RankFilter.cpp).
void search_counting(cx_database *db, Xapian::Enquire &enquire, int collapse_slot, const cx_query &query,
                     unsigned slot, uint32_t offset, uint32_t limit, uint32_t check_at_least,
                     uint32_t ties_from, cx_mset *result) {
  const bool collapsing = collapse_slot >= 0;
  const bool by_shard = db->parts.size() == db->db.size();   // every part a single database
  const bool plain = query.shape && query.shape->is_plain();
  if (db->has_remote || !query.shape || (!by_shard && !plain)) {
    count_with_spy(db, enquire, collapsing, query.query, slot, offset, limit, check_at_least, result);
    return;
  }
  const SlotTable &facet = db->tables.get(db->db, slot);
  const SlotTable *group = collapsing ? &db->tables.get(db->db, static_cast<unsigned>(collapse_slot)) : nullptr;
  MatchCounts counts(facet, group);
  static const std::vector<Xapian::Database> combined;   // no shards apart: read db itself
  DocBits matches = count_by_postings(db->db, by_shard ? db->parts : combined, db->tables, *query.shape, counts);
  result->total = counts.total;
  result->groups = collapsing ? counts.groups : counts.total;
  result->facets = counts.facets();
  // A phrase's positions and a value range's bounds were checked by the count: the page is
  // ranked among its matches, by the query relaxed of them.
  if (!plain || query.relaxed) {
    if (auto filtered = filtered_by_matches(query.relaxed_query, db->parts, std::move(matches)))
      enquire.set_query(*filtered);
  }
  result->mset = ranked_page(enquire, offset, limit, ties_from);
}

} // namespace cxshim

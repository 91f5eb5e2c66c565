// Facets.cpp: counting one slot's values (the months) over every match of a search.
//
// Xapian's ValueCountMatchSpy reads each match's value and counts it in a map of strings, in a
// pass that also weighs every match. Here a pass without weights counts the matches, the ranked
// pass only has to find the page, and on one database the slot is read once per revision into
// a docid → code table so that counting a match is one increment (docs/scaling.md has the
// instruction counts). Remote parts keep Xapian's spy (the server runs it; ours cannot be
// serialised).
#include "Shim.hpp"

#include <algorithm>

namespace cxshim {

void FacetTable::refresh(const Xapian::Database &part, unsigned wanted) {
  std::string now = part.get_uuid() + ':' + std::to_string(part.get_revision());
  if (wanted == slot && now == revision) return;
  slot = wanted;
  revision = now;
  usable = false;
  values.assign(1, std::string());
  code_of.assign(static_cast<size_t>(part.get_lastdocid()) + 1, 0);
  std::unordered_map<std::string, uint16_t> codes;
  for (auto it = part.valuestream_begin(wanted); it != part.valuestream_end(wanted); ++it) {
    const std::string &value = *it;
    auto found = codes.find(value);
    if (found == codes.end()) {
      if (values.size() > max_values) return;   // usable stays false
      found = codes.emplace(value, static_cast<uint16_t>(values.size())).first;
      values.push_back(value);
    }
    code_of[it.get_docid()] = found->second;
  }
  usable = true;
}

namespace {

/// Counts table codes per match: one array read and one increment.
class TableSpy : public Xapian::MatchSpy {
  const FacetTable &table;

 public:
  std::vector<Xapian::doccount> counts;

  explicit TableSpy(const FacetTable &t) : table(t), counts(t.values.size(), 0) {}

  void operator()(const Xapian::Document &doc, double) override {
    Xapian::docid did = doc.get_docid();
    if (did < table.code_of.size()) ++counts[table.code_of[did]];
  }
};

} // namespace

/// Runs enquire's search into result, with the exact number of matches and the counts of the
/// slot's values over all of them. On local databases in two passes over the same revision: a
/// counting pass with no weights (BoolWeight, every match), then the ranked page alone
/// (check_at_least 0, so Xapian may skip documents that cannot reach the page). The counting
/// pass uses the table spy on one database; on shards Xapian's spy, because the document a
/// spy is given carries the shard's own docid, not which shard it is in. Remote parts: one
/// ranked pass over every match with Xapian's spy, which the server runs. When enquire
/// collapses versions, its ranked pass checks every match too, so that the number of groups
/// (`groups`) is exact as well.
void search_counting(cx_database *db, Xapian::Enquire &enquire, bool collapsing, const Xapian::Query &query,
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
    FacetTable *table = db->db.size() == 1 ? &db->facets[slot] : nullptr;
    if (table) table->refresh(db->db, slot);
    std::unique_ptr<TableSpy> codes(table && table->usable ? new TableSpy(*table) : nullptr);
    Xapian::Enquire counter(db->db);
    counter.set_query(query);
    counter.set_weighting_scheme(Xapian::BoolWeight());
    if (codes)
      counter.add_matchspy(codes.get());
    else
      counter.add_matchspy(&values);
    result->total = counter.get_mset(0, 0, check_at_least).get_matches_estimated();
    result->mset = enquire.get_mset(offset, limit, collapsing ? check_at_least : Xapian::doccount(0));
    result->groups = collapsing ? result->mset.get_matches_estimated() : result->total;
    if (codes) {
      for (size_t code = 1; code < codes->counts.size(); ++code)
        if (codes->counts[code] > 0) result->facets.emplace_back(table->values[code], codes->counts[code]);
      std::sort(result->facets.begin(), result->facets.end());
      return;
    }
  }
  for (auto it = values.values_begin(); it != values.values_end(); ++it)
    if (!(*it).empty()) result->facets.emplace_back(*it, it.get_termfreq());
}

} // namespace cxshim

// Search.cpp: queries, searching, and reading a result page (MSet) with its month counts.
#include "Shim.hpp"

using namespace cxshim;

extern "C" {

// ---- queries ----

void cx_query_free(cx_query *query) { delete query; }

int cx_query_term(const char *term, size_t len, unsigned wqf, unsigned pos, cx_query **out,
                  cx_error *error) {
  return guarded(error, [&] {
    std::string text(term, len);
    Xapian::Query made(text, wqf, pos);
    *out = new cx_query{made, Shape::of_term(text), made};
  });
}

int cx_query_combine(cx_op op, cx_query *const *subqueries, size_t count, unsigned param,
                     cx_query **out, cx_error *error) {
  return guarded(error, [&] {
    std::vector<Xapian::Query> subs, relaxed_subs;
    std::vector<std::shared_ptr<const Shape>> shapes;
    subs.reserve(count);
    relaxed_subs.reserve(count);
    const Xapian::Query::op xop = op_of(op);
    const bool conjunction = xop == Xapian::Query::OP_AND || xop == Xapian::Query::OP_FILTER;
    bool relaxed = false;
    for (size_t i = 0; i < count; ++i) {
      const cx_query &sub = *subqueries[i];
      subs.push_back(sub.query);
      shapes.push_back(sub.shape);
      if (xop == Xapian::Query::OP_AND_NOT && i > 0) {
        relaxed_subs.push_back(sub.query);   // negated: relaxing it would drop matches
        continue;
      }
      relaxed = relaxed || sub.relaxed;
      if (sub.relaxed_to_all && conjunction) continue;   // everything, in an AND: nothing
      relaxed_subs.push_back(sub.relaxed_to_all ? match_all_weightless() : sub.relaxed_query);
    }
    Xapian::Query made(xop, subs.begin(), subs.end(), param);
    auto shape = Shape::of_op(xop, std::move(shapes), made);
    if (conjunction && relaxed_subs.empty()) {
      *out = new cx_query{made, shape, match_all_weightless(), true, true};
      return;
    }
    // A phrase is weighed as the AND of its words (Xapian checks positions, adds no weight).
    const bool phrase = xop == Xapian::Query::OP_PHRASE;
    Xapian::Query relaxed_query = phrase
        ? Xapian::Query(Xapian::Query::OP_AND, relaxed_subs.begin(), relaxed_subs.end())
        : Xapian::Query(xop, relaxed_subs.begin(), relaxed_subs.end(), param);
    *out = new cx_query{made, shape, relaxed_query, relaxed || phrase, false};
  });
}

int cx_query_wildcard(const char *prefix, unsigned max_expansion, cx_query **out,
                      cx_error *error) {
  return guarded(error, [&] {
    Xapian::Query made(Xapian::Query::OP_WILDCARD, std::string(prefix), max_expansion,
                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    *out = new cx_query{made, Shape::of_opaque(made), made};
  });
}

int cx_query_value_range(unsigned slot, const char *lower, const char *upper, cx_query **out,
                         cx_error *error) {
  return guarded(error, [&] {
    std::string lo(lower ? lower : ""), hi(upper ? upper : "");
    Xapian::Query q;
    if (lo.empty() && hi.empty())
      q = Xapian::Query::MatchAll;
    else if (lo.empty())
      q = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
    else if (hi.empty())
      q = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
    else
      q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
    if (lo.empty() && hi.empty()) {
      *out = new cx_query{q, Shape::of_kind(Shape::all), q};
      return;
    }
    // Relaxed to everything: the counted matches check the range from the slot's table.
    *out = new cx_query{q, Shape::of_range(slot, lo, hi), match_all_weightless(), true, true};
  });
}

int cx_query_match_all(cx_query **out, cx_error *error) {
  return guarded(error, [&] {
    *out = new cx_query{Xapian::Query::MatchAll, Shape::of_kind(Shape::all), Xapian::Query::MatchAll};
  });
}

// ---- searching ----

int cx_search(cx_database *db, const cx_query *query, uint32_t offset, uint32_t limit,
              uint32_t check_at_least, int facet_slot, int sort_slot, int collapse_slot,
              uint32_t ties_from, cx_mset **out, cx_error *error) {
  return guarded(error, [&] {
    Xapian::Enquire enquire(db->db);
    enquire.set_query(query->query);
    if (sort_slot >= 0)
      enquire.set_sort_by_value_then_relevance(static_cast<unsigned>(sort_slot), true);
    if (collapse_slot >= 0) enquire.set_collapse_key(static_cast<unsigned>(collapse_slot));
    auto *result = new cx_mset();
    try {
      if (facet_slot >= 0)
        search_counting(db, enquire, collapse_slot, *query,
                        static_cast<unsigned>(facet_slot), offset, limit, check_at_least, ties_from, result);
      else {
        result->mset = enquire.get_mset(offset, limit, check_at_least);
        result->groups = result->mset.get_matches_estimated();
        result->total = collapse_slot >= 0 ? result->mset.get_uncollapsed_matches_lower_bound()
                                           : result->groups;
      }
      // No MSet::fetch(): Xapian 1.4 has no pipelined document requests for remote shards,
      // so it would read every fetched match's document, one round trip each, where the
      // reranking and the page read 30 or so (and local documents are read lazily anyway).
    } catch (...) {
      delete result;
      throw;
    }
    *out = result;
  });
}

void cx_mset_free(cx_mset *mset) { delete mset; }

} // extern "C"

Xapian::MSet cxshim::ranked_page(Xapian::Enquire &enquire, uint32_t offset, uint32_t limit, uint32_t ties_from) {
  if (ties_from == 0 || ties_from >= limit) return enquire.get_mset(offset, limit, Xapian::doccount(0));
  Xapian::MSet head = enquire.get_mset(offset, ties_from + 1, Xapian::doccount(0));
  const bool tied = head.size() == ties_from + 1 && head[ties_from].get_weight() == head[ties_from - 1].get_weight();
  return tied ? enquire.get_mset(offset, limit, Xapian::doccount(0)) : head;
}

extern "C" {

int cx_mset_counts(const cx_mset *mset, uint32_t *size, uint32_t *estimated, cx_error *error) {
  return guarded(error, [&] {
    *size = mset->mset.size();
    *estimated = mset->groups;
  });
}

int cx_mset_uncollapsed(const cx_mset *mset, uint32_t *out, cx_error *error) {
  // Xapian's uncollapsed estimate is not exact even when every match was checked (an empty
  // AND reports 1): `total` comes from the counting pass (or the spy) that saw every match.
  return guarded(error, [&] { *out = mset->total; });
}

int cx_mset_docid(const cx_mset *mset, uint32_t index, uint32_t *out, cx_error *error) {
  return guarded(error, [&] { *out = *(mset->mset[index]); });
}

int cx_mset_weight(const cx_mset *mset, uint32_t index, double *out, cx_error *error) {
  return guarded(error, [&] { *out = mset->mset[index].get_weight(); });
}

int cx_mset_value(const cx_mset *mset, uint32_t index, unsigned slot, cx_buffer *out,
                  cx_error *error) {
  return guarded(error, [&] {
    auto found = mset->documents.find(index);
    if (found == mset->documents.end())
      found = mset->documents.emplace(index, mset->mset[index].get_document()).first;
    fill(out, found->second.get_value(slot));
  });
}

int cx_mset_facets(const cx_mset *mset, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    std::string packed;
    for (const auto &facet : mset->facets) {
      put_u32(packed, static_cast<uint32_t>(facet.first.size()));
      packed += facet.first;
      put_u32(packed, facet.second);
    }
    fill(out, packed);
  });
}

} // extern "C"

// Counting.cpp: the matches of a query, computed from the posting lists and the slot tables
// instead of Xapian's matcher where its parts are plain terms and value ranges, as a bitmap
// of docids; only the other parts (phrases) are left to the matcher.
//
// Xapian's matcher, even with BoolWeight, spends most of a broad query's counting pass in its
// postlist tree (virtual calls per match and per subquery, a document object for the spy). A
// word that matches half of a million dispatches is a SYNONYM of its forms OR'ed with the
// title field's: here each term's postings set bits in one bitmap, AND and AND_NOT combine
// bitmaps, and the set bits are counted from the docid tables (docs/scaling.md has the
// instruction counts). The result is the same set of documents the matcher finds: these
// operators' matches do not depend on weights.
#include "Facets.hpp"

#include <algorithm>

namespace cxshim {
namespace {

using Bits = DocBits;

inline void set_bit(Bits &bits, Xapian::docid did) { bits[did >> 6] |= uint64_t(1) << (did & 63); }

/// Calls f(did) for each set bit, in ascending order.
template <typename F> void each_bit(const Bits &bits, F f) {
  for (size_t w = 0; w < bits.size(); ++w)
    for (uint64_t x = bits[w]; x != 0; x &= x - 1)
      f(static_cast<Xapian::docid>(w * 64 + static_cast<unsigned>(__builtin_ctzll(x))));
}

size_t population(const Bits &bits) {
  size_t n = 0;
  for (uint64_t x : bits) n += static_cast<size_t>(__builtin_popcountll(x));
  return n;
}

/// A part of an AND is checked doc by doc (skip_to in its postings) rather than read whole
/// when it holds more than this many postings per candidate and term: skipping costs about a
/// posting block's decoding, reading whole one posting each.
constexpr double skip_ratio = 16.0;

/// Sets the bit of each match of one shard's pass (shard i of n: its docid d is the combined
/// (d - 1) * n + i + 1, Xapian's interleaving).
class BitSpy : public Xapian::MatchSpy {
  Bits &bits;
  Xapian::docid n, i;

 public:
  BitSpy(Bits &b, Xapian::docid shards, Xapian::docid shard) : bits(b), n(shards), i(shard) {}

  void operator()(const Xapian::Document &doc, double) override {
    set_bit(bits, (doc.get_docid() - 1) * n + i + 1);
  }
};

class Evaluator {
  const Xapian::Database &db;
  const std::vector<Xapian::Database> &leaves;   // empty: read db's postings
  SlotTables &tables;
  Xapian::docid last;
  size_t words;

 public:
  Evaluator(const Xapian::Database &d, const std::vector<Xapian::Database> &l, SlotTables &t)
      : db(d), leaves(l), tables(t), last(d.get_lastdocid()), words(last / 64 + 1) {}

  Bits eval(const Shape &shape) {
    switch (shape.kind) {
    case Shape::term: { Bits bits(words, 0); add_postings(bits, shape.text); return bits; }
    case Shape::all: return everything();
    case Shape::value_range: { Bits bits = everything(); keep_in_range(bits, shape); return bits; }
    case Shape::any_of: {
      Bits bits(words, 0);
      for (const auto &part : shape.parts) {
        if (part->kind == Shape::term) { add_postings(bits, part->text); continue; }
        Bits more = eval(*part);
        for (size_t w = 0; w < words; ++w) bits[w] |= more[w];
      }
      return bits;
    }
    case Shape::all_of: return intersect(shape, 0);
    case Shape::first_but_not_rest: return intersect(shape, 1);
    case Shape::opaque: return matched(shape.query);
    case Shape::nothing: break;
    }
    return Bits(words, 0);
  }

 private:
  /// Sets the bit of every combined docid holding term.
  void add_postings(Bits &bits, const std::string &term) {
    if (leaves.empty()) {
      for (auto it = db.postlist_begin(term), end = db.postlist_end(term); it != end; ++it) set_bit(bits, *it);
      return;
    }
    // Xapian interleaves the shards' docids: shard i's docid d is (d - 1) * n + i + 1.
    const Xapian::docid n = static_cast<Xapian::docid>(leaves.size());
    for (Xapian::docid i = 0; i < n; ++i) {
      const Xapian::Database &leaf = leaves[i];
      for (auto it = leaf.postlist_begin(term), end = leaf.postlist_end(term); it != end; ++it)
        set_bit(bits, (*it - 1) * n + i + 1);
    }
  }

  /// The matches of a query only Xapian's matcher decides (a phrase), by a pass without
  /// weights shard by shard: the document a spy is given carries its shard's docid, not which
  /// shard it is in.
  Bits matched(const Xapian::Query &query) {
    if (leaves.empty()) throw Xapian::InvalidOperationError("a phrase counted on nested databases");
    Bits bits(words, 0);
    const Xapian::docid n = static_cast<Xapian::docid>(leaves.size());
    for (Xapian::docid i = 0; i < n; ++i) {
      BitSpy spy(bits, n, i);
      Xapian::Enquire counter(leaves[i]);
      counter.set_query(query);
      counter.set_weighting_scheme(Xapian::BoolWeight());
      counter.add_matchspy(&spy);
      counter.get_mset(0, 0, leaves[i].get_doccount());
    }
    return bits;
  }

  Bits everything() {
    Bits bits(words, 0);
    if (db.get_doccount() == last) {   // no gaps: docids 1 … last all exist
      for (Xapian::docid d = 1; d <= last; ++d) set_bit(bits, d);
    } else {
      add_postings(bits, std::string());   // Xapian's all-documents posting list
    }
    return bits;
  }

  void keep_in_range(Bits &bits, const Shape &range) {
    const SlotTable &table = tables.get(db, range.slot);
    std::vector<char> in(table.values.size(), 0);
    for (size_t code = 1; code < table.values.size(); ++code) {
      const std::string &v = table.values[code];
      in[code] = (range.lower.empty() || v >= range.lower) && (range.upper.empty() || v <= range.upper);
    }
    each_bit(bits, [&](Xapian::docid did) {
      uint32_t code = did < table.code_of.size() ? table.code_of[did] : 0;
      if (!in[code]) bits[did >> 6] &= ~(uint64_t(1) << (did & 63));
    });
  }

  /// Postings an estimate of a part's matches, for ordering an AND's parts.
  double estimate(const Shape &shape) {
    switch (shape.kind) {
    case Shape::term: return db.get_termfreq(shape.text);
    case Shape::any_of: {
      double n = 0;
      for (const auto &part : shape.parts) n += estimate(*part);
      return n;
    }
    case Shape::all_of: {
      double n = db.get_doccount();
      for (const auto &part : shape.parts) n = std::min(n, estimate(*part));
      return n;
    }
    case Shape::first_but_not_rest: return shape.parts.empty() ? 0 : estimate(*shape.parts[0]);
    case Shape::opaque: {   // a phrase: at most its rarest word's; otherwise unknown
      double n = db.get_doccount();
      for (const auto &part : shape.parts) n = std::min(n, estimate(*part));
      return n;
    }
    case Shape::nothing: return 0;
    default: return db.get_doccount();
    }
  }

  /// The terms of a shape made of terms and ORs of them only (empty otherwise).
  static bool terms_of(const Shape &shape, std::vector<std::string> &out) {
    if (shape.kind == Shape::term && !shape.text.empty()) { out.push_back(shape.text); return true; }
    if (shape.kind != Shape::any_of) return false;
    for (const auto &part : shape.parts)
      if (!terms_of(*part, out)) return false;
    return true;
  }

  /// The first `required` parts' intersection (all of them when required is 0) less the
  /// others' union (AND when required is 0, AND_NOT when it is 1).
  Bits intersect(const Shape &shape, size_t required) {
    const auto &parts = shape.parts;
    if (parts.empty()) return Bits(words, 0);
    size_t kept = required == 0 ? parts.size() : required;
    // The smallest part first; then value ranges and the matcher's parts (phrases), which
    // filter what the others kept at a cost per candidate (a table read; a matcher's pass).
    std::vector<double> sizes(kept);
    std::vector<std::pair<double, size_t>> order;
    for (size_t i = 0; i < kept; ++i) {
      const Shape::Kind kind = parts[i]->kind;
      sizes[i] = kind == Shape::value_range ? 0 : estimate(*parts[i]);
      order.emplace_back(kind == Shape::value_range ? 1e299 : kind == Shape::opaque ? 1e300 : sizes[i], i);
    }
    std::sort(order.begin(), order.end());
    if (!narrows_the_matcher(parts, sizes)) return matched(shape.query);
    Bits bits = eval(*parts[order[0].second]);
    for (size_t i = 1; i < order.size(); ++i) narrow(bits, *parts[order[i].second], true, sizes[order[i].second]);
    for (size_t i = kept; i < parts.size(); ++i) narrow(bits, *parts[i], false, estimate(*parts[i]));
    return bits;
  }

  /// True when an AND's matcher parts (phrases) are best checked among the matches of its
  /// other parts, false when the matcher's pass over the whole AND is: it skips through the
  /// other parts to the phrase's candidates, where reading a part rarer than the phrase's
  /// words whole would cost more. Among a value range's matches (where the matcher would read
  /// the slot's value stream) or another phrase's, a phrase is always checked.
  /// `sizes` are the estimates of the AND's first parts, those it keeps.
  bool narrows_the_matcher(const std::vector<std::shared_ptr<const Shape>> &parts, const std::vector<double> &sizes) {
    double plain = 1e300, opaque = 1e300;
    bool narrowed = false;
    for (size_t i = 0; i < sizes.size(); ++i) {
      const Shape::Kind kind = parts[i]->kind;
      if (kind == Shape::value_range) narrowed = true;
      else if (kind == Shape::opaque) { narrowed = narrowed || opaque < 1e300; opaque = std::min(opaque, sizes[i]); }
      else plain = std::min(plain, sizes[i]);
    }
    return opaque == 1e300 || narrowed || plain < opaque;
  }

  /// The matches of a matcher's part (a phrase) among `among`: the matcher's pass over it,
  /// filtered by those documents (RankFilter.cpp's source), checks no other candidate.
  Bits matched_among(const Xapian::Query &query, const Bits &among) {
    if (auto filtered = filtered_by_matches(query, leaves, among)) return matched(*filtered);
    Bits bits = matched(query);   // shards alike (no telling them apart): the whole pass
    for (size_t w = 0; w < words; ++w) bits[w] &= among[w];
    return bits;
  }

  /// Keeps in bits the documents that part matches (keep) or does not match (!keep).
  void narrow(Bits &bits, const Shape &part, bool keep, double size) {
    if (keep && part.kind == Shape::value_range) { keep_in_range(bits, part); return; }
    if (part.kind == Shape::opaque) {
      Bits within = matched_among(part.query, bits);
      for (size_t w = 0; w < words; ++w) bits[w] &= keep ? within[w] : ~within[w];
      return;
    }
    std::vector<std::string> terms;
    if (terms_of(part, terms) && size > skip_ratio * static_cast<double>(population(bits)) * terms.size()) {
      check_each(bits, terms, keep);
      return;
    }
    Bits other = eval(part);
    for (size_t w = 0; w < words; ++w) bits[w] &= keep ? other[w] : ~other[w];
  }

  /// Keeps the candidates of bits that hold one of terms (keep) or none (!keep), by skipping
  /// through each term's postings to each candidate.
  void check_each(Bits &bits, const std::vector<std::string> &terms, bool keep) {
    const size_t n = leaves.empty() ? 1 : leaves.size();
    std::vector<Xapian::PostingIterator> its, ends;
    for (const std::string &term : terms)
      for (size_t i = 0; i < n; ++i) {
        const Xapian::Database &where = leaves.empty() ? db : leaves[i];
        its.push_back(where.postlist_begin(term));
        ends.push_back(where.postlist_end(term));
      }
    each_bit(bits, [&](Xapian::docid did) {
      size_t leaf = leaves.empty() ? 0 : (did - 1) % n;
      Xapian::docid local = leaves.empty() ? did : (did - 1) / static_cast<Xapian::docid>(n) + 1;
      bool found = false;
      for (size_t t = 0; t < terms.size() && !found; ++t) {
        auto &it = its[t * n + leaf];
        if (it == ends[t * n + leaf]) continue;
        if (*it < local) it.skip_to(local);
        found = it != ends[t * n + leaf] && *it == local;
      }
      if (found != keep) bits[did >> 6] &= ~(uint64_t(1) << (did & 63));
    });
  }
};

} // namespace

DocBits count_by_postings(const Xapian::Database &db, const std::vector<Xapian::Database> &leaves,
                          SlotTables &tables, const Shape &shape, MatchCounts &counts) {
  Evaluator evaluator(db, leaves, tables);
  Bits bits = evaluator.eval(shape);
  bits[0] &= ~uint64_t(1);   // docid 0 is no document
  each_bit(bits, [&](Xapian::docid did) { counts.add(did); });
  return bits;
}

} // namespace cxshim

// Expand.cpp: query expansion (Xapian's RSet and ESet), for `depeches similar`.
#include "Shim.hpp"

using namespace cxshim;

namespace {

// Keeps the unprefixed terms (the words of the text): prefixed terms (ids, files, sources,
// title-field copies) start with an upper-case ASCII letter and say nothing of the subject.
struct WordsOnly : public Xapian::ExpandDecider {
  bool operator()(const std::string &term) const override {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
  }
};

} // namespace

extern "C" {

int cx_database_expand(cx_database *db, uint32_t docid, uint32_t max, cx_buffer *out,
                       cx_error *error) {
  return guarded(error, [&] {
    Xapian::Enquire enquire(db->db);
    // Bo1 (divergence from randomness) weighs a term by how much more often the document
    // uses it than the collection would lead one to expect: the subject's words. The default
    // (TradEWeight, with an RSet of one) ranks the rarest words first, often one-off words.
    enquire.set_expansion_scheme("bo1");
    Xapian::RSet rset;
    rset.add_document(docid);
    WordsOnly words;
    Xapian::ESet eset = enquire.get_eset(max, rset, &words);
    std::string packed;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
      packed += *it;
      packed.push_back('\0');
    }
    fill(out, packed);
  });
}

} // extern "C"

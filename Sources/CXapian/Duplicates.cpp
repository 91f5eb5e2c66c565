// Duplicates.cpp: the reads and writes of near-duplicate grouping (DepechesKit/Duplicates).
#include "Shim.hpp"

using namespace cxshim;

extern "C" {

int cx_writable_postings(cx_writable *db, const char *term, const unsigned *slots,
                         size_t nslots, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    std::string packed;
    // An empty term would list every document: nothing is indexed by it.
    if (*term == '\0') return fill(out, packed);
    for (auto it = db->db.postlist_begin(term); it != db->db.postlist_end(term); ++it) {
      Xapian::Document doc = db->db.get_document(*it, Xapian::DOC_ASSUME_VALID);
      put_u32(packed, *it);
      for (size_t i = 0; i < nslots; ++i) {
        std::string value = doc.get_value(slots[i]);
        put_u32(packed, static_cast<uint32_t>(value.size()));
        packed += value;
      }
    }
    fill(out, packed);
  });
}

int cx_writable_values(cx_writable *db, const uint32_t *docids, size_t count, unsigned slot,
                       cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    std::string packed;
    for (size_t i = 0; i < count; ++i) {
      std::string value = db->db.get_document(docids[i], Xapian::DOC_ASSUME_VALID).get_value(slot);
      put_u32(packed, static_cast<uint32_t>(value.size()));
      packed += value;
    }
    fill(out, packed);
  });
}

int cx_writable_termfreqs(cx_writable *db, const char *packed, size_t len, cx_buffer *out,
                          cx_error *error) {
  return guarded(error, [&] {
    std::string freqs;
    Reader reader{packed, packed + len};
    while (reader.p != reader.end) {
      std::string term = reader.bytes(reader.u32());
      put_u32(freqs, term.empty() ? 0 : db->db.get_termfreq(term));
    }
    fill(out, freqs);
  });
}

int cx_writable_prefix_buckets(cx_writable *const *dbs, size_t ndbs, const char *prefix,
                               const char *after, size_t after_len, uint32_t min_holders,
                               uint32_t max_holders, size_t max_postings, cx_buffer *out,
                               cx_error *error) {
  return guarded(error, [&] {
    std::vector<Xapian::TermIterator> terms, ends;
    const std::string start(after, after_len);
    for (size_t i = 0; i < ndbs; ++i) {
      terms.push_back(dbs[i]->db.allterms_begin(prefix));
      ends.push_back(dbs[i]->db.allterms_end(prefix));
      if (!start.empty()) {
        terms[i].skip_to(start);
        if (terms[i] != ends[i] && *terms[i] == start) ++terms[i];
      }
    }
    auto live = [&](size_t i) { return terms[i] != ends[i]; };
    std::string buckets, term = start;
    size_t postings = 0;
    bool ended = false;
    while (postings < max_postings) {
      bool any = false;
      for (size_t i = 0; i < ndbs; ++i) {
        if (live(i) && (!any || *terms[i] < term)) { term = *terms[i]; any = true; }
      }
      if (!any) { ended = true; break; }
      uint32_t holders = 0;
      for (size_t i = 0; i < ndbs; ++i) {
        if (live(i) && *terms[i] == term) holders += terms[i].get_termfreq();
      }
      if (holders >= min_holders && holders <= max_holders) {
        std::string members;
        uint32_t count = 0;
        for (size_t i = 0; i < ndbs; ++i) {
          if (!live(i) || *terms[i] != term) continue;
          for (auto it = dbs[i]->db.postlist_begin(term); it != dbs[i]->db.postlist_end(term); ++it) {
            put_u32(members, static_cast<uint32_t>(i));
            put_u32(members, *it);
            ++count;
          }
        }
        put_u32(buckets, count);
        buckets += members;
        postings += count;
      }
      for (size_t i = 0; i < ndbs; ++i) {
        if (live(i) && *terms[i] == term) ++terms[i];
      }
    }
    std::string packed;
    put_u32(packed, ended ? 1 : 0);
    put_u32(packed, static_cast<uint32_t>(term.size()));
    packed += term;
    packed += buckets;
    fill(out, packed);
  });
}

int cx_writable_set_value(cx_writable *db, uint32_t docid, unsigned slot, const char *value,
                          size_t len, cx_error *error) {
  return guarded(error, [&] {
    Xapian::Document doc = db->db.get_document(docid);
    if (len == 0)
      doc.remove_value(slot);
    else
      doc.add_value(slot, std::string(value, len));
    db->db.replace_document(docid, doc);
  });
}

} // extern "C"

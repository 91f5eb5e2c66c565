// Database.cpp: reading a (combined) database: shards, statistics, metadata, spelling, terms, positions.
#include "Shim.hpp"

#include <algorithm>

using namespace cxshim;

extern "C" {

// ---- reading ----

int cx_database_new(cx_database **out, cx_error *error) {
  return guarded(error, [&] { *out = new cx_database{Xapian::Database()}; });
}

int cx_database_add_local(cx_database *db, const char *path, cx_error *error) {
  return guarded(error, [&] {
    Xapian::Database part(path);
    db->db.add_database(part);
    db->parts.push_back(part);
  });
}

int cx_database_add_remote(cx_database *db, const char *host, unsigned port,
                           unsigned timeout_ms, unsigned connect_timeout_ms, cx_error *error) {
  return guarded(error, [&] {
    Xapian::Database part = Xapian::Remote::open(host, port, timeout_ms, connect_timeout_ms);
    db->db.add_database(part);
    db->parts.push_back(part);
    db->has_remote = true;
  });
}

void cx_database_free(cx_database *db) { delete db; }

int cx_database_reopen(cx_database *db, cx_error *error) {
  return guarded(error, [&] {
    // A new revision: the slot tables (Facets.cpp) were read from the old one.
    if (db->db.reopen()) db->tables.by_slot.clear();
  });
}

int cx_database_doccount(cx_database *db, uint32_t *out, cx_error *error) {
  return guarded(error, [&] { *out = db->db.get_doccount(); });
}

int cx_database_termfreq(cx_database *db, const char *term, size_t len, uint32_t *out,
                         cx_error *error) {
  return guarded(error, [&] { *out = db->db.get_termfreq(std::string(term, len)); });
}

int cx_database_metadata(cx_database *db, const char *key, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] { fill(out, db->db.get_metadata(key)); });
}

int cx_database_metadata_each(cx_database *db, const char *key, cx_buffer *out,
                              cx_error *error) {
  return guarded(error, [&] {
    std::string packed;
    for (const Xapian::Database &part : db->parts) {
      packed += part.get_metadata(key);
      packed.push_back('\0');
    }
    fill(out, packed);
  });
}

int cx_database_spelling(cx_database *db, const char *word, unsigned max_edit, cx_buffer *out,
                         cx_error *error) {
  return guarded(error, [&] { fill(out, db->db.get_spelling_suggestion(word, max_edit)); });
}

int cx_database_allterms(cx_database *db, const char *prefix, uint32_t max, cx_buffer *out,
                         cx_error *error) {
  return guarded(error, [&] {
    // Frequencies over all the shards together (a multi-database's allterms merges them).
    std::vector<std::pair<Xapian::doccount, std::string>> terms;
    for (auto it = db->db.allterms_begin(prefix); it != db->db.allterms_end(prefix); ++it)
      terms.emplace_back(it.get_termfreq(), *it);
    std::stable_sort(terms.begin(), terms.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<std::string> names;
    for (auto &term : terms) names.push_back(std::move(term.second));
    fill(out, join_strings(names.begin(), names.end(), max));
  });
}

int cx_database_positions(cx_database *db, uint32_t docid, const char *terms, size_t len,
                          cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    std::string packed;
    for (const std::string &term : split_strings(terms, len)) {
      std::vector<uint32_t> positions;
      for (auto it = db->db.positionlist_begin(docid, term);
           it != db->db.positionlist_end(docid, term); ++it)
        positions.push_back(*it);
      put_u32(packed, static_cast<uint32_t>(positions.size()));
      for (uint32_t p : positions) put_u32(packed, p);
    }
    fill(out, packed);
  });
}

int cx_database_value_bounds(cx_database *db, unsigned slot, cx_buffer *lower,
                             cx_buffer *upper, cx_error *error) {
  return guarded(error, [&] {
    fill(lower, db->db.get_value_lower_bound(slot));
    fill(upper, db->db.get_value_upper_bound(slot));
  });
}

int cx_database_shards(cx_database *db, uint32_t *out, cx_error *error) {
  return guarded(error, [&] { *out = static_cast<uint32_t>(db->db.size()); });
}

} // extern "C"

// Writable.cpp: writing a database, and compaction.
#include "Shim.hpp"

#include <sstream>

using namespace cxshim;

extern "C" {

// ---- writing ----

int cx_writable_open(const char *path, int create, int scratch, cx_writable **out,
                     cx_error *error) {
  return guarded(error, [&] {
    int flags = create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
    if (scratch) flags |= Xapian::DB_DANGEROUS | Xapian::DB_NO_SYNC;
    auto db = std::make_unique<cx_writable>(cx_writable{Xapian::WritableDatabase(path, flags)});
    // Every change waits in an unflushed transaction until cx_writable_commit: Xapian then
    // never commits on its own (outside a transaction it does, every 10,000 documents), so a
    // batch lands whole or not at all.
    db->db.begin_transaction(false);
    *out = db.release();
  });
}

void cx_writable_free(cx_writable *db) {
  if (!db) return;
  try {
    // Cancelling the open transaction drops every change since the last commit, where
    // close() or the destructor would commit them.
    db->db.cancel_transaction();
  } catch (...) {
    // Nothing to report to (no transaction is open after a failed commit).
  }
  try {
    db->db.close();
  } catch (...) {
    // Nothing to report to: the last commit stays, as after a crash.
  }
  delete db;
}

int cx_writable_replace(cx_writable *db, const char *unique_term, const char *packed,
                        size_t len, uint32_t *docid, cx_error *error) {
  return guarded(error, [&] {
    Xapian::Document doc = unpack_document(packed, len);
    std::string term(unique_term);
    doc.add_boolean_term(term);
    *docid = db->db.replace_document(term, doc);
  });
}

int cx_writable_delete(cx_writable *db, const char *term, cx_error *error) {
  return guarded(error, [&] { db->db.delete_document(std::string(term)); });
}

int cx_writable_add_spellings(cx_writable *db, const char *packed, size_t len,
                              cx_error *error) {
  return guarded(error, [&] {
    Reader r{packed, packed + len};
    for (uint32_t n = r.u32(); n > 0; --n) {
      std::string word = r.bytes(r.u32());
      int32_t change = static_cast<int32_t>(r.u32());
      if (change > 0) db->db.add_spelling(word, static_cast<Xapian::termcount>(change));
      if (change < 0) db->db.remove_spelling(word, static_cast<Xapian::termcount>(-change));
    }
  });
}

int cx_writable_occurrences(cx_writable *db, const char *term, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    std::string packed;
    uint32_t pairs = 0;
    // An empty term would list every document: nothing is indexed by it.
    if (*term == '\0') return fill(out, std::string(4, '\0'));
    for (auto doc = db->db.postlist_begin(term); doc != db->db.postlist_end(term); ++doc) {
      for (auto t = db->db.termlist_begin(*doc); t != db->db.termlist_end(*doc); ++t) {
        const std::string &name = *t;
        put_u32(packed, static_cast<uint32_t>(name.size()));
        packed += name;
        put_u32(packed, t.get_wdf());
        ++pairs;
      }
    }
    std::string sized;
    put_u32(sized, pairs);
    fill(out, sized + packed);
  });
}

int cx_writable_set_metadata(cx_writable *db, const char *key, const char *value, size_t len,
                             cx_error *error) {
  return guarded(error, [&] { db->db.set_metadata(key, std::string(value, len)); });
}

int cx_writable_metadata(cx_writable *db, const char *key, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] { fill(out, db->db.get_metadata(key)); });
}

int cx_writable_metadata_entries(cx_writable *db, const char *prefix, const char *after,
                                 uint32_t max, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    Xapian::TermIterator it = db->db.metadata_keys_begin(prefix);
    const Xapian::TermIterator end = db->db.metadata_keys_end(prefix);
    if (*after != '\0') {
      it.skip_to(after);
      if (it != end && *it == after) ++it;
    }
    std::string packed;
    for (uint32_t n = 0; it != end && n < max; ++it, ++n) {
      const std::string key = *it;
      const std::string value = db->db.get_metadata(key);
      put_u32(packed, static_cast<uint32_t>(key.size()));
      packed += key;
      put_u32(packed, static_cast<uint32_t>(value.size()));
      packed += value;
    }
    fill(out, packed);
  });
}

int cx_writable_doccount(cx_writable *db, uint32_t *out, cx_error *error) {
  return guarded(error, [&] { *out = db->db.get_doccount(); });
}

int cx_writable_commit(cx_writable *db, cx_error *error) {
  return guarded(error, [&] {
    try {
      db->db.commit_transaction();  // unflushed: the changes are now pending, not yet on disk
      db->db.commit();
    } catch (...) {
      // Back into a transaction, so that freeing the writer discards, never commits, what
      // this failed commit left pending.
      try { db->db.begin_transaction(false); } catch (...) {}
      throw;
    }
    db->db.begin_transaction(false);
  });
}

// ---- maintenance ----

int cx_compact(const char *const *sources, size_t count, const char *destination,
               int multipass, const char *union_prefix, char union_separator, cx_error *error) {
  return guarded(error, [&] {
    Xapian::Database combined;
    for (size_t i = 0; i < count; ++i) combined.add_database(Xapian::Database(sources[i]));
    unsigned flags = Xapian::DBCOMPACT_NO_RENUMBER;
    if (multipass) flags |= Xapian::DBCOMPACT_MULTIPASS;
    if (count > 1) flags = multipass ? Xapian::DBCOMPACT_MULTIPASS : 0;
    UnionCompactor compactor(union_prefix ? union_prefix : "", union_separator);
    combined.compact(destination, flags, 0, compactor);
  });
}

int cx_database_check(const char *path, uint32_t *problems, cx_buffer *report, cx_error *error) {
  return guarded(error, [&] {
    std::ostringstream out;
    size_t found = Xapian::Database::check(path, 0, &out);
    *problems = static_cast<uint32_t>(found);
    std::istringstream lines(out.str());
    std::string line, kept;
    for (int shown = 0; shown < 3 && std::getline(lines, line);) {
      if (line.find("rror") == std::string::npos && line.find("orrupt") == std::string::npos) continue;
      kept += line + "\n";
      ++shown;
    }
    fill(report, kept);
  });
}

} // extern "C"

// CXapian.cpp: the C ABI over Xapian 1.4 declared in include/CXapian.h.
// Every extern "C" function runs its body through guarded(), which turns each kind of
// exception into a cx_status and a message; nothing thrown ever crosses into Swift.
#include "CXapian.h"

#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <vector>

struct cx_stemmer { Xapian::Stem stem; };
struct cx_database {
  Xapian::Database db;
  /// Each shard on its own (sharing db's internals), for per-shard metadata.
  std::vector<Xapian::Database> parts;
};
struct cx_writable { Xapian::WritableDatabase db; };
struct cx_query { Xapian::Query query; };
struct cx_mset {
  Xapian::MSet mset;
  // Counts of a slot's values over every match seen; works through the remote backend too.
  std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
};

namespace {

void set_error(cx_error *error, int code, const std::string &message) {
  if (!error) return;
  error->code = code;
  std::strncpy(error->message, message.c_str(), sizeof(error->message) - 1);
  error->message[sizeof(error->message) - 1] = '\0';
}

int status_of(const Xapian::Error &e) {
  std::string type = e.get_type();
  if (type == "DatabaseLockError") return CX_ERR_LOCK;
  if (type == "DatabaseModifiedError") return CX_ERR_MODIFIED;
  if (type == "DatabaseCorruptError") return CX_ERR_CORRUPT;
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError" ||
      type == "DatabaseVersionError")
    return CX_ERR_OPENING;
  if (type == "NetworkError" || type == "NetworkTimeoutError") return CX_ERR_NETWORK;
  if (type == "QueryParserError" || type == "WildcardError") return CX_ERR_QUERY;
  if (type == "InvalidArgumentError" || type == "RangeError") return CX_ERR_INVALID_ARGUMENT;
  if (type == "DocNotFoundError") return CX_ERR_NOT_FOUND;
  if (type == "UnimplementedError" || type == "FeatureUnavailableError")
    return CX_ERR_UNSUPPORTED;
  if (type == "DatabaseError" || type == "DatabaseCreateError") return CX_ERR_DATABASE;
  return CX_ERR_XAPIAN;
}

template <typename F> int guarded(cx_error *error, F body) {
  try {
    body();
    if (error) { error->code = CX_OK; error->message[0] = '\0'; }
    return CX_OK;
  } catch (const Xapian::Error &e) {
    int code = status_of(e);
    set_error(error, code, std::string(e.get_type()) + ": " + e.get_msg() +
                               (e.get_context().empty() ? "" : " (" + e.get_context() + ")"));
    return code;
  } catch (const std::bad_alloc &) {
    set_error(error, CX_ERR_STD, "out of memory");
    return CX_ERR_STD;
  } catch (const std::exception &e) {
    set_error(error, CX_ERR_STD, e.what());
    return CX_ERR_STD;
  } catch (...) {
    set_error(error, CX_ERR_UNKNOWN, "unknown C++ exception");
    return CX_ERR_UNKNOWN;
  }
}

void fill(cx_buffer *out, const std::string &s) {
  out->data = nullptr;
  out->len = 0;
  if (s.empty()) return;
  out->data = static_cast<char *>(std::malloc(s.size()));
  if (!out->data) throw std::bad_alloc();
  std::memcpy(out->data, s.data(), s.size());
  out->len = s.size();
}

void put_u32(std::string &s, uint32_t v) { s.append(reinterpret_cast<const char *>(&v), 4); }

// Reads a packed buffer front to back, throwing InvalidArgumentError past its end.
struct Reader {
  const char *p;
  const char *end;
  uint32_t u32() {
    if (end - p < 4) throw Xapian::InvalidArgumentError("packed buffer truncated");
    uint32_t v;
    std::memcpy(&v, p, 4);
    p += 4;
    return v;
  }
  std::string bytes(uint32_t n) {
    if (static_cast<size_t>(end - p) < n)
      throw Xapian::InvalidArgumentError("packed buffer truncated");
    std::string s(p, n);
    p += n;
    return s;
  }
};

std::vector<std::string> split_strings(const char *packed, size_t len) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < len; ++i) {
    if (packed[i] == '\0') {
      out.emplace_back(packed + start, i - start);
      start = i + 1;
    }
  }
  if (start < len) out.emplace_back(packed + start, len - start);
  return out;
}

template <typename It> std::string join_strings(It begin, It end, uint32_t max) {
  std::string out;
  uint32_t n = 0;
  for (It it = begin; it != end && n < max; ++it, ++n) {
    out += *it;
    out.push_back('\0');
  }
  return out;
}

Xapian::Query::op op_of(int op) {
  switch (op) {
  case CX_OP_AND: return Xapian::Query::OP_AND;
  case CX_OP_OR: return Xapian::Query::OP_OR;
  case CX_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
  case CX_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
  case CX_OP_FILTER: return Xapian::Query::OP_FILTER;
  case CX_OP_PHRASE: return Xapian::Query::OP_PHRASE;
  case CX_OP_NEAR: return Xapian::Query::OP_NEAR;
  case CX_OP_SYNONYM: return Xapian::Query::OP_SYNONYM;
  case CX_OP_ELITE_SET: return Xapian::Query::OP_ELITE_SET;
  }
  throw Xapian::InvalidArgumentError("unknown query operator");
}

Xapian::Document unpack_document(const char *packed, size_t len) {
  Reader r{packed, packed + len};
  Xapian::Document doc;
  doc.set_data(r.bytes(r.u32()));
  for (uint32_t n = r.u32(); n > 0; --n) {
    uint32_t slot = r.u32();
    doc.add_value(slot, r.bytes(r.u32()));
  }
  for (uint32_t n = r.u32(); n > 0; --n) {
    std::string term = r.bytes(r.u32());
    uint32_t extra = r.u32();
    uint32_t npos = r.u32();
    bool has_positions = npos > 0;
    for (; npos > 0; --npos) doc.add_posting(term, r.u32());
    if (extra > 0 || !has_positions) doc.add_term(term, extra);
  }
  return doc;
}

/// Resolves metadata keys present in several merged databases: for keys under the union
/// prefix the values are sets of space-separated words, merged and sorted; otherwise the
/// first database's value wins (Xapian's default).
class UnionCompactor : public Xapian::Compactor {
  std::string prefix;

 public:
  explicit UnionCompactor(std::string p) : prefix(std::move(p)) {}

  std::string resolve_duplicate_metadata(const std::string &key, size_t num_tags,
                                         const std::string tags[]) override {
    // Xapian 1.4's glass compactor passes the table key, with its "\0\xc0" metadata marker.
    size_t skip = key.size() >= 2 && key[0] == '\0' && key[1] == '\xc0' ? 2 : 0;
    if (prefix.empty() || key.compare(skip, prefix.size(), prefix) != 0) return tags[0];
    std::set<std::string> words;
    for (size_t i = 0; i < num_tags; ++i) {
      size_t start = 0;
      while (start <= tags[i].size()) {
        size_t end = tags[i].find(' ', start);
        if (end == std::string::npos) end = tags[i].size();
        if (end > start) words.insert(tags[i].substr(start, end - start));
        start = end + 1;
      }
    }
    std::string out;
    for (const std::string &word : words) {
      if (!out.empty()) out.push_back(' ');
      out += word;
    }
    return out;
  }
};

} // namespace

extern "C" {

const char *cx_xapian_version(void) { return Xapian::version_string(); }

void cx_buffer_free(cx_buffer *buffer) {
  if (!buffer) return;
  std::free(buffer->data);
  buffer->data = nullptr;
  buffer->len = 0;
}

// ---- stemming ----

int cx_stemmer_new(const char *language, cx_stemmer **out, cx_error *error) {
  return guarded(error, [&] { *out = new cx_stemmer{Xapian::Stem(language)}; });
}

void cx_stemmer_free(cx_stemmer *stemmer) { delete stemmer; }

int cx_stem(cx_stemmer *stemmer, const char *word, size_t len, char *out, size_t cap,
            size_t *out_len, cx_error *error) {
  return guarded(error, [&] {
    std::string stem = stemmer->stem(std::string(word, len));
    *out_len = stem.size();
    if (stem.size() <= cap) std::memcpy(out, stem.data(), stem.size());
  });
}

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
  });
}

void cx_database_free(cx_database *db) { delete db; }

int cx_database_reopen(cx_database *db, cx_error *error) {
  return guarded(error, [&] { db->db.reopen(); });
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

int cx_database_synonyms(cx_database *db, const char *key, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    fill(out, join_strings(db->db.synonyms_begin(key), db->db.synonyms_end(key), UINT32_MAX));
  });
}

int cx_database_allterms(cx_database *db, const char *prefix, uint32_t max, cx_buffer *out,
                         cx_error *error) {
  return guarded(error, [&] {
    fill(out, join_strings(db->db.allterms_begin(prefix), db->db.allterms_end(prefix), max));
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

int cx_database_document_data(cx_database *db, uint32_t docid, cx_buffer *out,
                              cx_error *error) {
  return guarded(error, [&] { fill(out, db->db.get_document(docid).get_data()); });
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

// ---- queries ----

void cx_query_free(cx_query *query) { delete query; }

int cx_query_term(const char *term, size_t len, unsigned wqf, unsigned pos, cx_query **out,
                  cx_error *error) {
  return guarded(error, [&] {
    *out = new cx_query{Xapian::Query(std::string(term, len), wqf, pos)};
  });
}

int cx_query_combine(int op, cx_query *const *subqueries, size_t count, unsigned param,
                     cx_query **out, cx_error *error) {
  return guarded(error, [&] {
    std::vector<Xapian::Query> subs;
    subs.reserve(count);
    for (size_t i = 0; i < count; ++i) subs.push_back(subqueries[i]->query);
    *out = new cx_query{Xapian::Query(op_of(op), subs.begin(), subs.end(), param)};
  });
}

int cx_query_wildcard(const char *prefix, unsigned max_expansion, cx_query **out,
                      cx_error *error) {
  return guarded(error, [&] {
    *out = new cx_query{Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(prefix),
                                      max_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT)};
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
    *out = new cx_query{q};
  });
}

int cx_query_scale(const cx_query *query, double factor, cx_query **out, cx_error *error) {
  return guarded(error, [&] {
    *out = new cx_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query->query, factor)};
  });
}

int cx_query_match_all(cx_query **out, cx_error *error) {
  return guarded(error, [&] { *out = new cx_query{Xapian::Query::MatchAll}; });
}

int cx_query_describe(const cx_query *query, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] { fill(out, query->query.get_description()); });
}

// ---- searching ----

int cx_search(cx_database *db, const cx_query *query, uint32_t offset, uint32_t limit,
              uint32_t check_at_least, int facet_slot, cx_mset **out, cx_error *error) {
  return guarded(error, [&] {
    Xapian::Enquire enquire(db->db);
    enquire.set_query(query->query);
    auto *result = new cx_mset();
    try {
      if (facet_slot >= 0) {
        result->spy.reset(new Xapian::ValueCountMatchSpy(static_cast<unsigned>(facet_slot)));
        enquire.add_matchspy(result->spy.get());
      }
      result->mset = enquire.get_mset(offset, limit, check_at_least);
      // Prefetching the documents helps remote shards; Xapian 1.4.22's MSet::fetch() crashes
      // (reads out of bounds) on an MSet that starts past the first match, so only page one.
      if (offset == 0) result->mset.fetch();
    } catch (...) {
      delete result;
      throw;
    }
    *out = result;
  });
}

void cx_mset_free(cx_mset *mset) { delete mset; }

uint32_t cx_mset_size(const cx_mset *mset) { return mset->mset.size(); }

void cx_mset_matches(const cx_mset *mset, uint32_t *estimated, uint32_t *lower,
                     uint32_t *upper) {
  *estimated = mset->mset.get_matches_estimated();
  *lower = mset->mset.get_matches_lower_bound();
  *upper = mset->mset.get_matches_upper_bound();
}

int cx_mset_docid(const cx_mset *mset, uint32_t index, uint32_t *out, cx_error *error) {
  return guarded(error, [&] { *out = *(mset->mset[index]); });
}

int cx_mset_weight(const cx_mset *mset, uint32_t index, double *out, cx_error *error) {
  return guarded(error, [&] { *out = mset->mset[index].get_weight(); });
}

int cx_mset_data(const cx_mset *mset, uint32_t index, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] { fill(out, mset->mset[index].get_document().get_data()); });
}

int cx_mset_value(const cx_mset *mset, uint32_t index, unsigned slot, cx_buffer *out,
                  cx_error *error) {
  return guarded(error,
                 [&] { fill(out, mset->mset[index].get_document().get_value(slot)); });
}

int cx_mset_facets(const cx_mset *mset, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    std::string packed;
    for (auto it = mset->spy ? mset->spy->values_begin() : Xapian::TermIterator();
         mset->spy && it != mset->spy->values_end(); ++it) {
      std::string value = *it;
      put_u32(packed, static_cast<uint32_t>(value.size()));
      packed += value;
      put_u32(packed, it.get_termfreq());
    }
    fill(out, packed);
  });
}

// ---- writing ----

int cx_writable_open(const char *path, int create, cx_writable **out, cx_error *error) {
  return guarded(error, [&] {
    int flags = create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
    *out = new cx_writable{Xapian::WritableDatabase(path, flags)};
  });
}

void cx_writable_free(cx_writable *db) {
  if (!db) return;
  try {
    db->db.close();
  } catch (...) {
    // Closing only releases the lock; a failure here leaves nothing to report to.
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
      db->db.add_spelling(word, r.u32());
    }
  });
}

int cx_writable_set_synonyms(cx_writable *db, const char *key, const char *values,
                             size_t len, cx_error *error) {
  return guarded(error, [&] {
    db->db.clear_synonyms(key);
    for (const std::string &value : split_strings(values, len)) db->db.add_synonym(key, value);
  });
}

int cx_writable_synonym_keys(cx_writable *db, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] {
    fill(out, join_strings(db->db.synonym_keys_begin(), db->db.synonym_keys_end(), UINT32_MAX));
  });
}

int cx_writable_set_metadata(cx_writable *db, const char *key, const char *value, size_t len,
                             cx_error *error) {
  return guarded(error, [&] { db->db.set_metadata(key, std::string(value, len)); });
}

int cx_writable_metadata(cx_writable *db, const char *key, cx_buffer *out, cx_error *error) {
  return guarded(error, [&] { fill(out, db->db.get_metadata(key)); });
}

int cx_writable_metadata_keys(cx_writable *db, const char *prefix, cx_buffer *out,
                              cx_error *error) {
  return guarded(error, [&] {
    fill(out, join_strings(db->db.metadata_keys_begin(prefix), db->db.metadata_keys_end(prefix),
                           UINT32_MAX));
  });
}

int cx_writable_doccount(cx_writable *db, uint32_t *out, cx_error *error) {
  return guarded(error, [&] { *out = db->db.get_doccount(); });
}

int cx_writable_termfreq(cx_writable *db, const char *term, uint32_t *out, cx_error *error) {
  return guarded(error, [&] { *out = db->db.get_termfreq(term); });
}

int cx_writable_commit(cx_writable *db, cx_error *error) {
  return guarded(error, [&] { db->db.commit(); });
}

// ---- maintenance ----

int cx_compact(const char *const *sources, size_t count, const char *destination,
               int multipass, const char *union_prefix, cx_error *error) {
  return guarded(error, [&] {
    Xapian::Database combined;
    for (size_t i = 0; i < count; ++i) combined.add_database(Xapian::Database(sources[i]));
    unsigned flags = Xapian::DBCOMPACT_NO_RENUMBER;
    if (multipass) flags |= Xapian::DBCOMPACT_MULTIPASS;
    if (count > 1) flags = multipass ? Xapian::DBCOMPACT_MULTIPASS : 0;
    UnionCompactor compactor(union_prefix ? union_prefix : "");
    combined.compact(destination, flags, 0, compactor);
  });
}

int cx_exchange_paths(const char *a, const char *b, cx_error *error) {
  return guarded(error, [&] {
#ifndef RENAME_EXCHANGE
    const unsigned RENAME_EXCHANGE = 1u << 1;
#endif
    if (syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) != 0) {
      int e = errno;
      if (e == EINVAL || e == ENOSYS || e == ENOTSUP)
        throw Xapian::UnimplementedError("atomic exchange not supported here");
      throw Xapian::DatabaseError(std::string("cannot swap ") + a + " and " + b + ": " +
                                  std::strerror(e));
    }
  });
}

} // extern "C"

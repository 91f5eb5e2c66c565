/*
 * CXapian: a small C ABI over Xapian 1.4, the only C++ in Dépêches.
 *
 * Why it exists: Swift cannot call C++ exceptions safely, so every entry point here catches
 * Xapian::Error, then std::exception, then anything else, and reports a status plus a message
 * in a cx_error. Handles are opaque; the Swift side (DepechesKit/Xapian) wraps each one in a
 * final class that frees it in deinit. Whole documents and batches cross the boundary at once
 * (packed buffers, described below) so that no hot loop makes one call per term.
 *
 * Packed formats (all integers are uint32_t, little-endian, the machine's order):
 *  - string list ("strings"): each string followed by one NUL byte.
 *  - document: u32 data_len, data; u32 nvalues, then per value: u32 slot, u32 len, bytes;
 *    u32 nterms, then per term: u32 len, bytes, u32 extra_wdf, u32 npos, npos x u32 position.
 *    Each position adds one to the term's wdf; extra_wdf is added without a position; a term
 *    with neither is added as a boolean term (wdf 0).
 *  - spellings: u32 count, then per word: u32 len, bytes, u32 frequency increment.
 *  - positions (output): per requested term, u32 npos then npos x u32 position.
 *  - facets (output): per distinct value: u32 len, bytes, u32 count.
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status of every call: 0 is success, the rest say which kind of failure it was. */
typedef enum cx_status {
  CX_OK = 0,
  CX_ERR_OPENING = 1,          /* database missing, not a database, or unreadable */
  CX_ERR_LOCK = 2,             /* another writer holds the database lock */
  CX_ERR_MODIFIED = 3,         /* the database changed under a reader: reopen and retry */
  CX_ERR_CORRUPT = 4,          /* the database is damaged */
  CX_ERR_NETWORK = 5,          /* a remote database is down, refused or timed out */
  CX_ERR_QUERY = 6,            /* the query could not be built or run */
  CX_ERR_INVALID_ARGUMENT = 7, /* a bad argument (slot, packed buffer, ...) */
  CX_ERR_DATABASE = 8,         /* any other database error (disk full, read-only folder...) */
  CX_ERR_NOT_FOUND = 9,        /* no such document */
  CX_ERR_XAPIAN = 10,          /* any other Xapian::Error */
  CX_ERR_STD = 11,             /* a std::exception (bad_alloc, ...) */
  CX_ERR_UNKNOWN = 12,         /* anything else thrown */
  CX_ERR_UNSUPPORTED = 13      /* the operation is not available (e.g. remote backend) */
} cx_status;

/** A failure's kind and message; filled by every call that fails. */
typedef struct cx_error {
  int code;
  char message[1024];
} cx_error;

/** A heap buffer returned by the shim; release with cx_buffer_free. */
typedef struct cx_buffer {
  char *data;
  size_t len;
} cx_buffer;

typedef struct cx_stemmer cx_stemmer;
typedef struct cx_database cx_database;
typedef struct cx_writable cx_writable;
typedef struct cx_query cx_query;
typedef struct cx_mset cx_mset;

/** Query operators, the subset of Xapian::Query::op that Dépêches builds. */
typedef enum cx_op {
  CX_OP_AND = 0,
  CX_OP_OR = 1,
  CX_OP_AND_NOT = 2,
  CX_OP_AND_MAYBE = 3,
  CX_OP_FILTER = 4,
  CX_OP_PHRASE = 5,
  CX_OP_NEAR = 6,
  CX_OP_SYNONYM = 7,
  CX_OP_ELITE_SET = 8
} cx_op;

/* ---- misc ---- */
/** Xapian's version string, e.g. "1.4.22". */
const char *cx_xapian_version(void);
/** Frees a buffer filled by the shim (safe on an empty one). */
void cx_buffer_free(cx_buffer *buffer);

/* ---- stemming ---- */
/** Opens a Snowball stemmer by language name ("french"). */
int cx_stemmer_new(const char *language, cx_stemmer **out, cx_error *error);
void cx_stemmer_free(cx_stemmer *stemmer);
/** Stems one UTF-8 word into out (capacity cap); *out_len receives the length (may exceed
 *  cap, in which case nothing is written and the caller retries with a bigger buffer). */
int cx_stem(cx_stemmer *stemmer, const char *word, size_t len, char *out, size_t cap,
            size_t *out_len, cx_error *error);

/* ---- reading ---- */
/** An empty combined database; add shards with cx_database_add_*. */
int cx_database_new(cx_database **out, cx_error *error);
/** Adds a local database folder or stub file. */
int cx_database_add_local(cx_database *db, const char *path, cx_error *error);
/** Adds a remote database served by xapian-tcpsrv; timeouts in milliseconds. */
int cx_database_add_remote(cx_database *db, const char *host, unsigned port,
                           unsigned timeout_ms, unsigned connect_timeout_ms, cx_error *error);
void cx_database_free(cx_database *db);
/** Re-opens at the latest commit (after CX_ERR_MODIFIED). */
int cx_database_reopen(cx_database *db, cx_error *error);
int cx_database_doccount(cx_database *db, uint32_t *out, cx_error *error);
int cx_database_termfreq(cx_database *db, const char *term, size_t len, uint32_t *out,
                         cx_error *error);
/** Metadata value of key (first shard for a combined database); empty when absent. */
int cx_database_metadata(cx_database *db, const char *key, cx_buffer *out, cx_error *error);
/** Metadata value of key in every added database, in order, packed as NUL-terminated
 *  strings (Xapian's own get_metadata reads only the first shard). */
int cx_database_metadata_each(cx_database *db, const char *key, cx_buffer *out,
                              cx_error *error);
/** Xapian's spelling suggestion for one word (empty when none). */
int cx_database_spelling(cx_database *db, const char *word, unsigned max_edit, cx_buffer *out,
                         cx_error *error);
/** Synonyms of a key, as a string list. */
int cx_database_synonyms(cx_database *db, const char *key, cx_buffer *out, cx_error *error);
/** Up to max terms starting with prefix, as a string list. */
int cx_database_allterms(cx_database *db, const char *prefix, uint32_t max, cx_buffer *out,
                         cx_error *error);
/** Positions of each term (a string list) in a document, in the positions format. */
int cx_database_positions(cx_database *db, uint32_t docid, const char *terms, size_t len,
                          cx_buffer *out, cx_error *error);
/** Lowest and highest value in a slot over the whole database (empty when none). */
int cx_database_value_bounds(cx_database *db, unsigned slot, cx_buffer *lower,
                             cx_buffer *upper, cx_error *error);
/** Number of sub-databases (shards). */
int cx_database_shards(cx_database *db, uint32_t *out, cx_error *error);

/* ---- queries ---- */
void cx_query_free(cx_query *query);
/** A term, with its within-query frequency and position (1-based, 0 for none). */
int cx_query_term(const char *term, size_t len, unsigned wqf, unsigned pos, cx_query **out,
                  cx_error *error);
/** Combines subqueries with op; param is the window for PHRASE/NEAR, the set size for
 *  ELITE_SET, else 0. Subqueries are copied: the caller still frees them. */
int cx_query_combine(int op, cx_query *const *subqueries, size_t count, unsigned param,
                     cx_query **out, cx_error *error);
/** Every term starting with prefix (expanded at search time, at most max_expansion terms). */
int cx_query_wildcard(const char *prefix, unsigned max_expansion, cx_query **out,
                      cx_error *error);
/** Documents whose value in slot is within [lower, upper]; an empty bound is open. */
int cx_query_value_range(unsigned slot, const char *lower, const char *upper, cx_query **out,
                         cx_error *error);
/** The query with its weights multiplied by factor. */
int cx_query_scale(const cx_query *query, double factor, cx_query **out, cx_error *error);
/** Matches every document (weight 0). */
int cx_query_match_all(cx_query **out, cx_error *error);
/** Xapian's description of the query, for tests and --explain. */
int cx_query_describe(const cx_query *query, cx_buffer *out, cx_error *error);

/* ---- searching ---- */
/** Runs query: results [offset, offset+limit), counting at least check_at_least matches;
 *  facet_slot >= 0 counts the values of that slot over every match seen; sort_slot >= 0
 *  orders by that slot's value, highest first (ties by relevance), instead of by relevance. */
int cx_search(cx_database *db, const cx_query *query, uint32_t offset, uint32_t limit,
              uint32_t check_at_least, int facet_slot, int sort_slot, cx_mset **out,
              cx_error *error);
void cx_mset_free(cx_mset *mset);
uint32_t cx_mset_size(const cx_mset *mset);
/** Matches estimate and its bounds (exact when check_at_least covered every match). */
void cx_mset_matches(const cx_mset *mset, uint32_t *estimated, uint32_t *lower,
                     uint32_t *upper);
int cx_mset_docid(const cx_mset *mset, uint32_t index, uint32_t *out, cx_error *error);
int cx_mset_weight(const cx_mset *mset, uint32_t index, double *out, cx_error *error);
int cx_mset_value(const cx_mset *mset, uint32_t index, unsigned slot, cx_buffer *out,
                  cx_error *error);
/** The facet counts gathered by cx_search, in the facets format. */
int cx_mset_facets(const cx_mset *mset, cx_buffer *out, cx_error *error);

/* ---- writing ---- */
/** Opens (creating if asked) a database for writing; fails at once with CX_ERR_LOCK when
 *  another writer holds it. A scratch database (scratch != 0) is written in place and never
 *  synced to disk (Xapian's DB_DANGEROUS | DB_NO_SYNC): only for temporary databases that
 *  are thrown away, never read, after a crash. */
int cx_writable_open(const char *path, int create, int scratch, cx_writable **out,
                     cx_error *error);
/** Closes (releasing the lock) and frees; uncommitted changes are discarded. */
void cx_writable_free(cx_writable *db);
/** Replaces the document holding unique_term (or adds it) with a packed document. */
int cx_writable_replace(cx_writable *db, const char *unique_term, const char *packed,
                        size_t len, uint32_t *docid, cx_error *error);
/** Deletes every document indexed by term. */
int cx_writable_delete(cx_writable *db, const char *term, cx_error *error);
/** Applies packed spelling words with signed frequency changes (int32 in the u32 slot):
 *  positive adds, negative removes (a word whose frequency drops to 0 is gone). */
int cx_writable_add_spellings(cx_writable *db, const char *packed, size_t len,
                              cx_error *error);
/** Every term of every document indexed by term, with its wdf there (read from the
 *  termlists alone, no position lists): packed as u32 count, then (string, u32) pairs (one
 *  pair per document and term). */
int cx_writable_occurrences(cx_writable *db, const char *term, cx_buffer *out, cx_error *error);
/** Removes every synonym of key, then adds each of the string list values. */
int cx_writable_set_synonyms(cx_writable *db, const char *key, const char *values,
                             size_t len, cx_error *error);
/** Keys that have synonyms, as a string list. */
int cx_writable_synonym_keys(cx_writable *db, cx_buffer *out, cx_error *error);
int cx_writable_set_metadata(cx_writable *db, const char *key, const char *value, size_t len,
                             cx_error *error);
int cx_writable_metadata(cx_writable *db, const char *key, cx_buffer *out, cx_error *error);
/** Metadata keys starting with prefix, as a string list. */
int cx_writable_metadata_keys(cx_writable *db, const char *prefix, cx_buffer *out,
                              cx_error *error);
int cx_writable_doccount(cx_writable *db, uint32_t *out, cx_error *error);
int cx_writable_termfreq(cx_writable *db, const char *term, uint32_t *out, cx_error *error);
/** Commits every change so far, atomically. */
int cx_writable_commit(cx_writable *db, cx_error *error);

/* ---- maintenance ---- */
/** Compacts (and merges) the databases at sources into a new database at destination.
 *  Metadata keys starting with union_prefix (NULL or "" for none) that several sources hold
 *  get the sorted union of their space-separated words; other duplicates keep the first. */
int cx_compact(const char *const *sources, size_t count, const char *destination,
               int multipass, const char *union_prefix, cx_error *error);

/** Swaps two paths atomically (Linux renameat2 RENAME_EXCHANGE), so that a compacted copy
 *  replaces a live database without a moment where neither exists; CX_ERR_UNSUPPORTED when
 *  the file system cannot, and the caller falls back to two renames. */
int cx_exchange_paths(const char *a, const char *b, cx_error *error);

/* ---- stored text compression ---- */
/** Compresses bytes with zlib's fastest level (raw deflate after a u32 length), for values
 *  that Xapian stores as they are. Xapian deflates document data itself at zlib's default
 *  level, several times slower; Dépêches keeps its stored text in a value instead. */
int cx_deflate(const char *bytes, size_t len, cx_buffer *out, cx_error *error);
/** Decompresses what cx_deflate wrote; CX_ERR_CORRUPT when the bytes are not such a stream. */
int cx_inflate(const char *bytes, size_t len, cx_buffer *out, cx_error *error);

#ifdef __cplusplus
}
#endif

#endif /* CXAPIAN_H */

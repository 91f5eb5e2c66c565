/*
 * CXapian: a small C ABI over Xapian 1.4, the only C++ in Dépêches, and nothing but Xapian.
 *
 * Why it exists: a C++ exception must never unwind into Swift, so every entry point that calls
 * into Xapian catches Xapian::Error, then std::exception, then anything else, and reports a
 * status plus a message in a cx_error. Handles are opaque; the Swift side (DepechesKit/Xapian) wraps
 * each one in a final class that frees it in deinit. Whole documents and batches cross the
 * boundary at once (packed buffers, described below) so that no hot loop makes one call per
 * term. Each function below says why it is here; one that nothing calls any more goes.
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
  CX_ERR_UNSUPPORTED = 13,     /* the operation is not available (e.g. remote backend) */
  CX_ERR_DISK_FULL = 14        /* a write failed with ENOSPC or EDQUOT: no room left */
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

/** Query operators, the subset of Xapian::Query::op that the query builder uses. */
typedef enum cx_op {
  CX_OP_AND = 0,
  CX_OP_OR = 1,
  CX_OP_AND_NOT = 2,
  CX_OP_AND_MAYBE = 3,
  CX_OP_FILTER = 4,
  CX_OP_PHRASE = 5,
  CX_OP_SYNONYM = 6
} cx_op;

/* ---- misc ---- */
/** Xapian's version string, e.g. "1.4.22": `depeches --version` names the library it runs on. */
const char *cx_xapian_version(void);
/** Frees a buffer filled by the shim (safe on an empty one): the shim allocated it, so the
 *  shim's allocator releases it. */
void cx_buffer_free(cx_buffer *buffer);

/* ---- stemming ---- */
/** Opens a Snowball stemmer by language name ("french"): the analyzer's stems are Xapian's. */
int cx_stemmer_new(const char *language, cx_stemmer **out, cx_error *error);
/** Frees a stemmer (Swift's Stemmer deinit). */
void cx_stemmer_free(cx_stemmer *stemmer);
/** Stems one UTF-8 word into out (capacity cap); *out_len receives the length (when it
 *  exceeds cap, nothing is written). A caller-owned buffer, because stemming runs for every
 *  new word indexed or searched. */
int cx_stem(cx_stemmer *stemmer, const char *word, size_t len, char *out, size_t cap,
            size_t *out_len, cx_error *error);

/* ---- reading ---- */
/** An empty combined database, so that local shards, stubs and remote servers are searched
 *  as one; add them with cx_database_add_*. */
int cx_database_new(cx_database **out, cx_error *error);
/** Adds a local database folder or stub file (an index or one of its shards). */
int cx_database_add_local(cx_database *db, const char *path, cx_error *error);
/** Adds a remote database served by xapian-tcpsrv (`remote :HOST:PORT` shards); timeouts in
 *  milliseconds, for --timeout. */
int cx_database_add_remote(cx_database *db, const char *host, unsigned port,
                           unsigned timeout_ms, unsigned connect_timeout_ms, cx_error *error);
/** Frees a combined database and its shards (Swift's XapianDatabase deinit). */
void cx_database_free(cx_database *db);
/** Re-opens at the latest commit: a search retries after CX_ERR_MODIFIED. */
int cx_database_reopen(cx_database *db, cx_error *error);
/** Number of documents: the search's check_at_least (exact totals) and `stats`. */
int cx_database_doccount(cx_database *db, uint32_t *out, cx_error *error);
/** Documents holding a term: whether a query word is known, before asking for a spelling. */
int cx_database_termfreq(cx_database *db, const char *term, size_t len, uint32_t *out,
                         cx_error *error);
/** Metadata value of key (first shard for a combined database; empty when absent): the
 *  synonym groups the index was written with, which remote shards serve too. */
int cx_database_metadata(cx_database *db, const char *key, cx_buffer *out, cx_error *error);
/** Metadata value of key in every added database, in order, packed as NUL-terminated
 *  strings: the word sets and schema versions are per shard, and Xapian's own get_metadata
 *  reads only the first. */
int cx_database_metadata_each(cx_database *db, const char *key, cx_buffer *out,
                              cx_error *error);
/** Xapian's spelling suggestion for one word (empty when none), for "did you mean". */
int cx_database_spelling(cx_database *db, const char *word, unsigned max_edit, cx_buffer *out,
                         cx_error *error);
/** The max most frequent terms starting with prefix (over every shard together; ties in
 *  alphabetical order), most frequent first, as a string list: a wildcard's expansions, the
 *  same whatever the layout (Xapian's OP_WILDCARD chooses and weighs them per shard). */
int cx_database_allterms(cx_database *db, const char *prefix, uint32_t max, cx_buffer *out,
                         cx_error *error);
/** Positions of each term (a string list) in a document, in the positions format: which
 *  passage to show, in one call per result. */
int cx_database_positions(cx_database *db, uint32_t docid, const char *terms, size_t len,
                          cx_buffer *out, cx_error *error);
/** Lowest and highest value in a slot over the whole database (empty when none): the date
 *  range `stats` reports. */
int cx_database_value_bounds(cx_database *db, unsigned slot, cx_buffer *lower,
                             cx_buffer *upper, cx_error *error);
/** Number of sub-databases (shards), for `stats`. */
int cx_database_shards(cx_database *db, uint32_t *out, cx_error *error);

/** The best expand terms of one document, best first, as a string list (at most max,
 *  unprefixed terms only): Xapian's ESet (Bo1 scheme) for an RSet of that document alone,
 *  the query of `depeches similar` (dispatches about the same thing). */
int cx_database_expand(cx_database *db, uint32_t docid, uint32_t max, cx_buffer *out,
                       cx_error *error);

/* ---- queries ---- */
/** Frees a query (Swift's XapianQuery deinit). */
void cx_query_free(cx_query *query);
/** A term, with its within-query frequency and position (1-based, 0 for none): the leaves of
 *  every query the builder makes. */
int cx_query_term(const char *term, size_t len, unsigned wqf, unsigned pos, cx_query **out,
                  cx_error *error);
/** Combines subqueries with op (param is the window for PHRASE, else 0): the builder's every
 *  inner node. Subqueries are copied: the caller still frees them. */
int cx_query_combine(cx_op op, cx_query *const *subqueries, size_t count, unsigned param,
                     cx_query **out, cx_error *error);
/** Every term starting with prefix (expanded at search time, at most max_expansion terms,
 *  the most frequent): a query's `word*`. */
int cx_query_wildcard(const char *prefix, unsigned max_expansion, cx_query **out,
                      cx_error *error);
/** Documents whose value in slot is within [lower, upper], an empty bound being open:
 *  --since and --until on the date slot. */
int cx_query_value_range(unsigned slot, const char *lower, const char *upper, cx_query **out,
                         cx_error *error);
/** Matches every document (weight 0): a query of filters only, and `stats`' passage count. */
int cx_query_match_all(cx_query **out, cx_error *error);

/* ---- searching ---- */
/** Runs query: results [offset, offset+limit), counting at least check_at_least matches;
 *  facet_slot >= 0 counts the values of that slot over every match (the month facets; on
 *  local databases in a counting pass of its own, from a docid table read once per revision,
 *  the estimate then being that pass's exact count); sort_slot >= 0 orders by that slot's value, highest first (ties by
 *  relevance), instead of by relevance (the date order of the search page and API);
 *  collapse_slot >= 0 keeps the best match of each non-empty value of that slot (one result
 *  per group of versions, Xapian's set_collapse_key; the counts still cover every match).
 *  ties_from > 0 (below limit; on local databases with facet_slot, where the matches are
 *  counted apart from the page; elsewhere the page is ranked whole): the page is ranked to ties_from + 1 results first, and to
 *  limit only when the last two of those tie (a shorter page lets Xapian's matcher skip more;
 *  the caller wants the results past ties_from only when they tie with it). */
int cx_search(cx_database *db, const cx_query *query, uint32_t offset, uint32_t limit,
              uint32_t check_at_least, int facet_slot, int sort_slot, int collapse_slot,
              uint32_t ties_from, cx_mset **out, cx_error *error);
/** Frees a result page (Swift's XapianMSet deinit). */
void cx_mset_free(cx_mset *mset);
/** Results on the page, and the matches once versions are collapsed (exact when
 *  check_at_least covered every match, as the search asks; the total without a collapse key). */
int cx_mset_counts(const cx_mset *mset, uint32_t *size, uint32_t *estimated, cx_error *error);
/** Matches before collapsing: the number of dispatches when results were collapsed into
 *  groups. Exact when check_at_least covered every match and a facet slot was asked (the
 *  counting pass's count); else Xapian's lower bound. */
int cx_mset_uncollapsed(const cx_mset *mset, uint32_t *out, cx_error *error);
/** Document id of the result at index, to read its positions. */
int cx_mset_docid(const cx_mset *mset, uint32_t index, uint32_t *out, cx_error *error);
/** Weight of the result at index: the score a result reports. */
int cx_mset_weight(const cx_mset *mset, uint32_t index, double *out, cx_error *error);
/** A value of the result at index: the stored dispatch, read from the fetched page. */
int cx_mset_value(const cx_mset *mset, uint32_t index, unsigned slot, cx_buffer *out,
                  cx_error *error);
/** The facet counts gathered by cx_search, in the facets format: the months histogram. */
int cx_mset_facets(const cx_mset *mset, cx_buffer *out, cx_error *error);

/* ---- writing ---- */
/** Opens (creating if asked) a database for writing; fails at once with CX_ERR_LOCK when
 *  another writer holds it, so that a second `depeches index` says so instead of waiting.
 *  A scratch database (scratch != 0) is written in place and never synced to disk (Xapian's
 *  DB_DANGEROUS | DB_NO_SYNC): only for the temporary parts of a first parallel run, which
 *  are thrown away, never read, after a crash. */
int cx_writable_open(const char *path, int create, int scratch, cx_writable **out,
                     cx_error *error);
/** Closes and frees (Swift's XapianWritable deinit), releasing the lock. Changes made since
 *  the last cx_writable_commit are discarded (the writer keeps them in an unflushed
 *  transaction, cancelled here: Xapian's close() alone would commit them), so a writer freed
 *  after a failure mid-batch leaves the last commit, as a crash would. */
void cx_writable_free(cx_writable *db);
/** Replaces the document holding unique_term (or adds it) with a packed document: one call
 *  per dispatch, and running the indexer twice is safe. */
int cx_writable_replace(cx_writable *db, const char *unique_term, const char *packed,
                        size_t len, uint32_t *docid, cx_error *error);
/** Deletes every document indexed by term: the old dispatches of a changed or removed file. */
int cx_writable_delete(cx_writable *db, const char *term, cx_error *error);
/** Applies packed spelling words with signed frequency changes (int32 in the u32 slot):
 *  positive adds, negative removes (a word whose frequency drops to 0 is gone). One call per
 *  batch, for the words of the documents added and removed. */
int cx_writable_add_spellings(cx_writable *db, const char *packed, size_t len,
                              cx_error *error);
/** Every term of every document indexed by term, with its wdf there (read from the
 *  termlists alone, no position lists): packed as u32 count, then (string, u32) pairs (one
 *  pair per document and term). The spelling counts to take out before deleting a file's
 *  dispatches. */
int cx_writable_occurrences(cx_writable *db, const char *term, cx_buffer *out, cx_error *error);
/** Sets a metadata value: file states, word sets, schema version and synonym groups, written
 *  in the same commit as the documents. */
int cx_writable_set_metadata(cx_writable *db, const char *key, const char *value, size_t len,
                             cx_error *error);
/** A metadata value (empty when absent): a file's state, a word set to extend, the version. */
int cx_writable_metadata(cx_writable *db, const char *key, cx_buffer *out, cx_error *error);
/** Up to max metadata entries whose keys start with prefix and sort after `after` ("" for the
 *  first), in key order, each as a u32 length and the key's bytes, then the value's: the files
 *  an index remembers, a page at a time, in one ordered sweep (a million keys at once would be
 *  tens of MB; looking each key up again would be a B-tree search per key). */
int cx_writable_metadata_entries(cx_writable *db, const char *prefix, const char *after,
                                 uint32_t max, cx_buffer *out, cx_error *error);
/** Number of documents: whether an index is fresh, and the indexing summary. */
int cx_writable_doccount(cx_writable *db, uint32_t *out, cx_error *error);
/** Commits every change so far, atomically: once per batch (nothing else commits: Xapian's
 *  own commit every 10,000 documents is held back by the open transaction). */
int cx_writable_commit(cx_writable *db, cx_error *error);

/* ---- maintenance ---- */
/** Checks a database folder, or one of its table files (`postlist.glass`...), with Xapian's
 *  Database::check: Xapian's writer can crash (heap corruption in commit, a bad pointer in a
 *  termlist walk) on damage its reader reports cleanly, so an index is checked before it is
 *  written into after a run that did not end cleanly. *problems receives the number of
 *  problems found; damage that stops the check is a failure (CX_ERR_CORRUPT and the like).
 *  report receives the check's first lines that name a problem, for the message. */
int cx_database_check(const char *path, uint32_t *problems, cx_buffer *report, cx_error *error);

/** Compacts (and merges) the databases at sources into a new database at destination: `depeches
 *  compact`, and the merge of a first run's parallel parts. Metadata keys starting with
 *  union_prefix (NULL or "" for none) that several sources hold are sets of words separated
 *  by union_separator, and get the sorted union of their words (Xapian alone would keep the
 *  first source's); other duplicates keep the first. */
int cx_compact(const char *const *sources, size_t count, const char *destination,
               int multipass, const char *union_prefix, char union_separator, cx_error *error);

/* ---- near-duplicate groups (Duplicates.cpp) ---- */
/** For each document indexed by term: u32 docid, then per slot of slots (nslots of them) its
 *  value as u32 len + bytes. The signatures and groups of a band term's holders (candidate
 *  versions) and of a file's dispatches before they are deleted, in one call per term. */
int cx_writable_postings(cx_writable *db, const char *term, const unsigned *slots,
                         size_t nslots, cx_buffer *out, cx_error *error);
/** For each of the count documents of docids, its value in slot as u32 len + bytes: the
 *  signatures of the dispatches a run wrote, read back in batches instead of kept in memory. */
int cx_writable_values(cx_writable *db, const uint32_t *docids, size_t count, unsigned slot,
                       cx_buffer *out, cx_error *error);
/** For each term of packed (u32 len + bytes each), its document frequency as a u32: which
 *  band terms another dispatch shares, before any posting is read. */
int cx_writable_termfreqs(cx_writable *db, const char *packed, size_t len, cx_buffer *out,
                          cx_error *error);
/** The terms starting with prefix after the term `after` (after_len bytes; none: from the
 *  first), in order over the ndbs databases, whose document frequency summed over them is in
 *  [min_holders, max_holders], with their postings: u32 1 when the terms ran out (0: call again
 *  from the resume term), u32 len + bytes of the last term looked at (the resume term), then
 *  per term u32 holders and that many (u32 database index, u32 docid). Stops after the term
 *  that brings the postings to max_postings. Grouping sweeps the band terms in one ordered pass
 *  instead of looking each dispatch's bands up at random in the B-tree. */
int cx_writable_prefix_buckets(cx_writable *const *dbs, size_t ndbs, const char *prefix,
                               const char *after, size_t after_len, uint32_t min_holders,
                               uint32_t max_holders, size_t max_postings, cx_buffer *out,
                               cx_error *error);
/** Sets value slot of document docid (len 0 removes it), keeping its terms: a dispatch's
 *  group changes after it was written (a version came or went), and Xapian has no way to
 *  change one value but to replace the document. */
int cx_writable_set_value(cx_writable *db, uint32_t docid, unsigned slot, const char *value,
                          size_t len, cx_error *error);

#ifdef __cplusplus
}
#endif

#endif /* CXAPIAN_H */

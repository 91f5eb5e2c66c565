// Shim.hpp: what the CXapian .cpp files share (handle structs and helpers); private to the
// target. Every extern "C" function that calls into Xapian runs its body through guarded(),
// which turns each kind of exception into a cx_status and a message; nothing thrown ever
// crosses into Swift. The others cannot throw: the *_free functions only run destructors
// (noexcept in C++; cx_writable_free also catches what close() throws), cx_buffer_free only
// calls free(), cx_xapian_version returns a static string.
#ifndef CXAPIAN_SHIM_HPP
#define CXAPIAN_SHIM_HPP

#include "CXapian.h"
#include "Facets.hpp"

#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>


struct cx_stemmer { Xapian::Stem stem; };
struct cx_database {
  Xapian::Database db;
  /// Each shard on its own (sharing db's internals), for per-shard metadata.
  std::vector<Xapian::Database> parts;
  /// Remote parts need a match spy that Xapian can serialise (ValueCountMatchSpy).
  bool has_remote = false;
  /// Docid → value tables of the slots counted over every match (Facets.cpp): the months,
  /// the groups of versions, `stats`' dates and passages; forgotten when db is reopened.
  cxshim::SlotTables tables;
};
struct cx_writable { Xapian::WritableDatabase db; };
struct cx_query {
  Xapian::Query query;
  /// The same query as set operations, for counting its matches without the matcher.
  std::shared_ptr<const cxshim::Shape> shape;
  /// The same query relaxed where the counted matches decide already: each phrase an AND of
  /// its words, each value range dropped (it weighs nothing, and Xapian reads the slot's value
  /// stream to check it). The same weights, more matches; ranked under a filter of the counted
  /// matches (Facets.cpp, RankFilter.cpp). A negated part is kept exact, so that relaxing it
  /// never drops a match.
  Xapian::Query relaxed_query;
  /// True when `relaxed_query` differs from `query`: the page is then ranked under the filter.
  bool relaxed = false;
  /// True when `relaxed_query` matches everything (a dropped value range): an AND leaves it out.
  bool relaxed_to_all = false;
};
struct cx_mset {
  Xapian::MSet mset;
  /// Matches counted, every version of a story included (exact when check_at_least covered
  /// them all).
  Xapian::doccount total = 0;
  /// Matches once versions are collapsed (the collapse key's groups; `total` without one).
  Xapian::doccount groups = 0;
  /// Counts of a slot's non-empty values over every match seen, sorted by value.
  std::vector<std::pair<std::string, Xapian::doccount>> facets;
  /// The documents read so far, by index: Xapian 1.4's MSet reads a document again at each
  /// get_document() (without MSet::fetch(), see cx_search), a round trip for a remote one.
  mutable std::map<uint32_t, Xapian::Document> documents;
};

namespace cxshim {

// The error helpers never allocate: they run inside catch handlers, where a second exception
// (a bad_alloc while building a message) would escape into Swift.

/// Appends n bytes of text to error's message, cut at the buffer's end.
inline void append_message(cx_error *error, const char *text, size_t n) noexcept {
  if (!error) return;
  size_t used = std::strlen(error->message);
  size_t room = sizeof(error->message) - 1 - used;
  if (n > room) n = room;
  std::memcpy(error->message + used, text, n);
  error->message[used + n] = '\0';
}
inline void append_message(cx_error *error, const char *text) noexcept {
  append_message(error, text, std::strlen(text));
}
inline void append_message(cx_error *error, const std::string &text) noexcept {
  append_message(error, text.data(), text.size());
}

inline void set_error(cx_error *error, int code, const char *message) noexcept {
  if (!error) return;
  error->code = code;
  error->message[0] = '\0';
  append_message(error, message);
}

inline int status_of(const Xapian::Error &e) noexcept {
  const char *type = e.get_type();
  auto is = [type](const char *name) { return std::strcmp(type, name) == 0; };
  if (is("DatabaseLockError")) return CX_ERR_LOCK;
  if (is("DatabaseModifiedError")) return CX_ERR_MODIFIED;
  if (is("DatabaseCorruptError")) return CX_ERR_CORRUPT;
  if (is("DatabaseOpeningError") || is("DatabaseNotFoundError") || is("DatabaseVersionError"))
    return CX_ERR_OPENING;
  if (is("NetworkError") || is("NetworkTimeoutError")) return CX_ERR_NETWORK;
  if (is("QueryParserError") || is("WildcardError")) return CX_ERR_QUERY;
  if (is("InvalidArgumentError") || is("RangeError")) return CX_ERR_INVALID_ARGUMENT;
  if (is("DocNotFoundError")) return CX_ERR_NOT_FOUND;
  if (is("UnimplementedError") || is("FeatureUnavailableError")) return CX_ERR_UNSUPPORTED;
  if (is("DatabaseError") || is("DatabaseCreateError")) return CX_ERR_DATABASE;
  return CX_ERR_XAPIAN;
}

/// Runs body, turning whatever it throws into a status and a message ("Type: message
/// (context)" for a Xapian::Error).
template <typename F> int guarded(cx_error *error, F body) noexcept {
  try {
    body();
    if (error) { error->code = CX_OK; error->message[0] = '\0'; }
    return CX_OK;
  } catch (const Xapian::Error &e) {
    int code = status_of(e);
    // The system's reason (Xapian keeps errno apart from the message: "Error writing block
    // 247" alone does not say the disk is full).
    const char *reason = e.get_error_string();
    if (reason && (std::strcmp(reason, std::strerror(ENOSPC)) == 0 ||
                   std::strcmp(reason, std::strerror(EDQUOT)) == 0))
      code = CX_ERR_DISK_FULL;
    set_error(error, code, e.get_type());
    append_message(error, ": ");
    append_message(error, e.get_msg());
    if (!e.get_context().empty()) {
      append_message(error, " (");
      append_message(error, e.get_context());
      append_message(error, ")");
    }
    if (reason) {
      append_message(error, ": ");
      append_message(error, reason);
    }
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

inline void fill(cx_buffer *out, const std::string &s) {
  out->data = nullptr;
  out->len = 0;
  if (s.empty()) return;
  out->data = static_cast<char *>(std::malloc(s.size()));
  if (!out->data) throw std::bad_alloc();
  std::memcpy(out->data, s.data(), s.size());
  out->len = s.size();
}

inline void put_u32(std::string &s, uint32_t v) { s.append(reinterpret_cast<const char *>(&v), 4); }

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

inline std::vector<std::string> split_strings(const char *packed, size_t len) {
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

/// Every document, weighing nothing: what a value range is relaxed to (cx_query::relaxed_query).
inline Xapian::Query match_all_weightless() {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::MatchAll, 0.0);
}

inline Xapian::Query::op op_of(cx_op op) {
  switch (op) {
  case CX_OP_AND: return Xapian::Query::OP_AND;
  case CX_OP_OR: return Xapian::Query::OP_OR;
  case CX_OP_AND_NOT: return Xapian::Query::OP_AND_NOT;
  case CX_OP_AND_MAYBE: return Xapian::Query::OP_AND_MAYBE;
  case CX_OP_FILTER: return Xapian::Query::OP_FILTER;
  case CX_OP_PHRASE: return Xapian::Query::OP_PHRASE;
  case CX_OP_SYNONYM: return Xapian::Query::OP_SYNONYM;
  }
  throw Xapian::InvalidArgumentError("unknown query operator");
}

inline Xapian::Document unpack_document(const char *packed, size_t len) {
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
/// prefix the values are sets of words (separated by the given byte, which the Swift side
/// defines), merged and sorted; otherwise the first database's value wins (Xapian's default).
class UnionCompactor : public Xapian::Compactor {
  std::string prefix;
  char separator;

 public:
  UnionCompactor(std::string p, char s) : prefix(std::move(p)), separator(s) {}

  std::string resolve_duplicate_metadata(const std::string &key, size_t num_tags,
                                         const std::string tags[]) override {
    // Xapian 1.4's glass compactor passes the table key, with its "\0\xc0" metadata marker.
    size_t skip = key.size() >= 2 && key[0] == '\0' && key[1] == '\xc0' ? 2 : 0;
    if (prefix.empty() || key.compare(skip, prefix.size(), prefix) != 0) return tags[0];
    std::set<std::string> words;
    for (size_t i = 0; i < num_tags; ++i) {
      size_t start = 0;
      while (start <= tags[i].size()) {
        size_t end = tags[i].find(separator, start);
        if (end == std::string::npos) end = tags[i].size();
        if (end > start) words.insert(tags[i].substr(start, end - start));
        start = end + 1;
      }
    }
    std::string out;
    for (const std::string &word : words) {
      if (!out.empty()) out.push_back(separator);
      out += word;
    }
    return out;
  }
};

/// Runs enquire into result, counting the values of slot over every match, and the groups of
/// collapse_slot (< 0: none) (Facets.cpp); ties_from as cx_search's.
void search_counting(cx_database *db, Xapian::Enquire &enquire, int collapse_slot, const cx_query &query,
                     unsigned slot, uint32_t offset, uint32_t limit, uint32_t check_at_least,
                     uint32_t ties_from, cx_mset *result);

/// The ranked page [offset, offset + limit) once the matches are counted (check_at_least 0):
/// with 0 < ties_from < limit, ranked to ties_from + 1 results first, and to limit only when
/// the last two tie. The page's lowest weight is the matcher's bar for skipping documents, so
/// a shorter page skips more (Search.cpp).
Xapian::MSet ranked_page(Xapian::Enquire &enquire, uint32_t offset, uint32_t limit, uint32_t ties_from);

} // namespace cxshim

#endif // CXAPIAN_SHIM_HPP

import CXapian

extension XapianDatabase {
  /// The best expand terms of document `docid` (Xapian's ESet over an RSet of it alone), best
  /// first, at most `max`, unprefixed terms only: what `similar` searches for.
  func expandTerms(docid: UInt32, max: Int) throws -> [String] {
    unpackStrings(try buffer { cx_database_expand(handle, docid, UInt32(max), &$0, $1) })
  }
}

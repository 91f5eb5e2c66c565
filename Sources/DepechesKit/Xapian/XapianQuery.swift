import CXapian

/// A Xapian query (immutable, reference-counted inside Xapian).
final class XapianQuery {
  let handle: OpaquePointer

  /// Query operators used by the query builder (mirrors `cx_op`).
  enum Op: Int32 {
    case and = 0, or, andNot, andMaybe, filter, phrase, near, synonym, eliteSet
  }

  private init(_ handle: OpaquePointer) { self.handle = handle }

  deinit { cx_query_free(handle) }

  private static func make(_ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<cx_error>) -> Int32) throws -> XapianQuery {
    var out: OpaquePointer?
    try check { body(&out, $0) }
    return XapianQuery(out!)
  }

  /// A single term; `position` (1-based) is used only inside phrases built by hand.
  static func term(_ term: String, wqf: Int = 1, position: Int = 0) throws -> XapianQuery {
    var term = term
    return try term.withUTF8 { utf8 in
      try make { out, error in
        utf8.withMemoryRebound(to: CChar.self) {
          cx_query_term($0.baseAddress, $0.count, UInt32(wqf), UInt32(position), out, error)
        }
      }
    }
  }

  /// Combines subqueries with an operator; `parameter` is the PHRASE/NEAR window.
  static func combine(_ op: Op, _ subqueries: [XapianQuery], parameter: Int = 0) throws -> XapianQuery {
    let handles: [OpaquePointer?] = subqueries.map { $0.handle }
    return try withExtendedLifetime(subqueries) {
      try handles.withUnsafeBufferPointer { buffer in
        try make { cx_query_combine(op.rawValue, buffer.baseAddress, buffer.count, UInt32(parameter), $0, $1) }
      }
    }
  }

  /// Every unprefixed term starting with prefix (at most maxExpansion, the most frequent).
  static func wildcard(prefix: String, maxExpansion: Int) throws -> XapianQuery {
    try make { cx_query_wildcard(prefix, UInt32(maxExpansion), $0, $1) }
  }

  /// Documents whose slot value lies in [lower, upper] (nil: open end).
  static func valueRange(slot: Int, lower: String?, upper: String?) throws -> XapianQuery {
    try make { cx_query_value_range(UInt32(slot), lower ?? "", upper ?? "", $0, $1) }
  }

  /// Every document.
  static func matchAll() throws -> XapianQuery { try make { cx_query_match_all($0, $1) } }

  /// This query with its weights multiplied by factor.
  func scaled(by factor: Double) throws -> XapianQuery {
    try withExtendedLifetime(self) { try XapianQuery.make { cx_query_scale(handle, factor, $0, $1) } }
  }

  /// Xapian's description, e.g. `Query((Zdrone OR drone))`.
  func describe() throws -> String {
    try buffer { cx_query_describe(handle, &$0, $1) }.utf8String
  }
}

/// The result page of a search, with the facet counts gathered over every match.
final class XapianMSet {
  let handle: OpaquePointer

  /// Runs the query on db; `facetSlot` counts the values of that slot over the matches;
  /// `sortSlot` orders by that slot's value, highest first (ties by relevance).
  init(
    database: XapianDatabase, query: XapianQuery, offset: Int, limit: Int, checkAtLeast: Int, facetSlot: Int?,
    sortSlot: Int? = nil
  ) throws {
    var out: OpaquePointer?
    try check {
      cx_search(
        database.handle, query.handle, UInt32(offset), UInt32(limit), UInt32(checkAtLeast),
        Int32(facetSlot ?? -1), Int32(sortSlot ?? -1), &out, $0)
    }
    handle = out!
  }

  deinit { cx_mset_free(handle) }

  var count: Int { Int(cx_mset_size(handle)) }

  /// Estimated number of matches, and its bounds (all equal when every match was counted).
  var matches: (estimated: Int, lower: Int, upper: Int) {
    var e: UInt32 = 0, l: UInt32 = 0, u: UInt32 = 0
    cx_mset_matches(handle, &e, &l, &u)
    return (Int(e), Int(l), Int(u))
  }

  func docid(at index: Int) throws -> UInt32 {
    var out: UInt32 = 0
    try check { cx_mset_docid(handle, UInt32(index), &out, $0) }
    return out
  }

  func weight(at index: Int) throws -> Double {
    var out = 0.0
    try check { cx_mset_weight(handle, UInt32(index), &out, $0) }
    return out
  }

  /// The bytes in value `slot` of the match at `index`.
  func value(at index: Int, slot: Int) throws -> [UInt8] {
    try buffer { cx_mset_value(handle, UInt32(index), UInt32(slot), &$0, $1) }
  }

  /// Counts per distinct slot value (empty values are not counted).
  func facetCounts() throws -> [(value: String, count: Int)] {
    var reader = Unpacker(try buffer { cx_mset_facets(handle, &$0, $1) })
    var out: [(String, Int)] = []
    while !reader.isAtEnd, let value = reader.string(), let count = reader.u32() {
      out.append((value, Int(count)))
    }
    return out
  }
}

import CXapian

/// A Xapian query (immutable, reference-counted inside Xapian).
final class XapianQuery {
  let handle: OpaquePointer

  /// Query operators used by the query builder (those of `cx_op`).
  enum Op {
    case and, or, andNot, andMaybe, filter, phrase, synonym

    /// The shim's name for the operator.
    var code: cx_op {
      switch self {
      case .and: CX_OP_AND
      case .or: CX_OP_OR
      case .andNot: CX_OP_AND_NOT
      case .andMaybe: CX_OP_AND_MAYBE
      case .filter: CX_OP_FILTER
      case .phrase: CX_OP_PHRASE
      case .synonym: CX_OP_SYNONYM
      }
    }
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

  /// Combines subqueries with an operator; `parameter` is the PHRASE window.
  static func combine(_ op: Op, _ subqueries: [XapianQuery], parameter: Int = 0) throws -> XapianQuery {
    let handles: [OpaquePointer?] = subqueries.map { $0.handle }
    return try withExtendedLifetime(subqueries) {
      try handles.withUnsafeBufferPointer { buffer in
        try make { cx_query_combine(op.code, buffer.baseAddress, buffer.count, UInt32(parameter), $0, $1) }
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
}

/// The result page of a search, with the facet counts gathered over every match.
final class XapianMSet {
  let handle: OpaquePointer
  /// Results on this page.
  let count: Int
  /// Estimated number of matches (exact when every match was counted, see `checkAtLeast`);
  /// with `collapseSlot`, of results after collapsing (one per group).
  let estimatedMatches: Int
  /// Matches before collapsing (equal to `estimatedMatches` when nothing was collapsed).
  let uncollapsedMatches: Int

  /// Runs the query on db; `facetSlot` counts the values of that slot over the matches;
  /// `sortSlot` orders by that slot's value, highest first (ties by relevance);
  /// `collapseSlot` keeps the best match of each non-empty value of that slot. With `tiesFrom`
  /// (counted searches only), the results past that many come only when they tie with it.
  init(
    database: XapianDatabase, query: XapianQuery, offset: Int, limit: Int, checkAtLeast: Int, facetSlot: Int?,
    sortSlot: Int? = nil, collapseSlot: Int? = nil, tiesFrom: Int = 0
  ) throws {
    var out: OpaquePointer?
    try check {
      cx_search(
        database.handle, query.handle, UInt32(offset), UInt32(limit), UInt32(checkAtLeast),
        Int32(facetSlot ?? -1), Int32(sortSlot ?? -1), Int32(collapseSlot ?? -1), UInt32(tiesFrom), &out, $0)
    }
    handle = out!
    var size: UInt32 = 0, estimated: UInt32 = 0, uncollapsed: UInt32 = 0
    do {
      try check { cx_mset_counts(out, &size, &estimated, $0) }
      try check { cx_mset_uncollapsed(out, &uncollapsed, $0) }
    } catch {
      cx_mset_free(out)
      throw error
    }
    count = Int(size)
    estimatedMatches = Int(estimated)
    uncollapsedMatches = Int(uncollapsed)
  }

  deinit { cx_mset_free(handle) }

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

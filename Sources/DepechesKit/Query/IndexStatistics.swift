import Foundation

/// Computes `IndexStats`.
enum IndexStatistics {
  static func compute(db: XapianDatabase, paths: [String]) throws -> IndexStats {
    let count = try db.documentCount()
    let dates = try dateRange(db)
    return IndexStats(
      dispatches: count, passages: try valueCounts(db, slot: Schema.passagesSlot).reduce(0) { $0 + (Int($1.value) ?? 0) * $1.count },
      firstDate: dates?.first, lastDate: dates?.last,
      sizeBytes: distinct(paths).reduce(0) { $0 + diskSize($1) }, shards: try db.shardCount())
  }

  /// The earliest and latest dates the dispatches hold now, nil when none is dated. Xapian's
  /// value bounds are only bounds (they do not shrink when the dispatches holding them are
  /// removed), so the dates are counted over every document, within those bounds.
  private static func dateRange(_ db: XapianDatabase) throws -> (first: DispatchDate, last: DispatchDate)? {
    let bounds = try db.valueBounds(slot: Schema.dateSlot)
    guard !bounds.upper.isEmpty else { return nil }
    let dated = try valueCounts(db, slot: Schema.dateSlot).map(\.value).filter { !$0.isEmpty }
    guard let first = dated.min().flatMap(date(fromValue:)), let last = dated.max().flatMap(date(fromValue:)) else {
      return nil
    }
    return (first, last)
  }

  /// The values of `slot` over every document, with how many documents hold each.
  private static func valueCounts(_ db: XapianDatabase, slot: Int) throws -> [(value: String, count: Int)] {
    let total = try db.documentCount()
    guard total > 0 else { return [] }
    let mset = try XapianMSet(
      database: db, query: try XapianQuery.matchAll(), offset: 0, limit: 0, checkAtLeast: total, facetSlot: slot)
    return try mset.facetCounts()
  }

  /// The paths without repeats (`Index` given twice, or as `./Index`), so that no size counts twice.
  private static func distinct(_ paths: [String]) -> [String] {
    var seen: Set<String> = []
    return paths.filter { path in
      guard let resolved = realpath(path, nil) else { return seen.insert(path).inserted }
      defer { free(resolved) }
      return seen.insert(String(cString: resolved)).inserted
    }
  }

  private static func date(fromValue value: String) -> DispatchDate? {
    let s = Array(value)
    guard s.count == 8 else { return nil }
    return DispatchDate(iso: "\(String(s[0..<4]))-\(String(s[4..<6]))-\(String(s[6..<8]))")
  }

  /// Bytes of the files under a path (the path itself when it is a file).
  static func diskSize(_ path: String) -> Int {
    let fm = FileManager.default
    guard let items = fm.enumerator(atPath: path) else {
      return ((try? fm.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
    var total = 0
    for case let item as String in items {
      total += ((try? fm.attributesOfItem(atPath: path + "/" + item))?[.size] as? NSNumber)?.intValue ?? 0
    }
    return total
  }
}

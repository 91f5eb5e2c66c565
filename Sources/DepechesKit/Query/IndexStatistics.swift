import Foundation

/// Computes `IndexStats`.
enum IndexStatistics {
  static func compute(db: XapianDatabase, paths: [String]) throws -> IndexStats {
    let count = try db.documentCount()
    let bounds = try db.valueBounds(slot: Schema.dateSlot)
    return IndexStats(
      dispatches: count, passages: try passageCount(db),
      firstDate: date(fromValue: bounds.lower), lastDate: date(fromValue: bounds.upper),
      sizeBytes: paths.reduce(0) { $0 + diskSize($1) }, shards: try db.shardCount())
  }

  /// Passages over all dispatches: the passage-count slot's values, counted over every document.
  private static func passageCount(_ db: XapianDatabase) throws -> Int {
    let total = try db.documentCount()
    guard total > 0 else { return 0 }
    let mset = try XapianMSet(
      database: db, query: try XapianQuery.matchAll(), offset: 0, limit: 0, checkAtLeast: total,
      facetSlot: Schema.passagesSlot)
    return try mset.facetCounts().reduce(0) { $0 + (Int($1.value) ?? 0) * $1.count }
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

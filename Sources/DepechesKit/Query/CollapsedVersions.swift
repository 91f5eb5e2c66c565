/// The versions a collapsed search folded into each shown result: one more search, of the
/// query filtered to the page's groups (`Schema.groupSlot`), so a page costs one query more
/// whatever its length, on local and remote shards alike.
enum CollapsedVersions {
  /// At most this many versions are listed under the results of one page (a story rarely
  /// has more; the count `total` still covers them all).
  static let maxListed = 1_000

  /// For each group of `groups` (the shown results' group values, "" for none), the matching
  /// dispatches of that group other than those in `shownIDs`, earliest first.
  static func lookup(
    groups: [String], shownIDs: Set<String>, query: XapianQuery, db: XapianDatabase
  ) throws -> [String: [DispatchVersion]] {
    let wanted = Set(groups.filter { !$0.isEmpty }).sorted()
    guard !wanted.isEmpty else { return [:] }
    let filter = try XapianQuery.combine(
      .or, wanted.map { try XapianQuery.valueRange(slot: Schema.groupSlot, lower: $0, upper: $0) })
    let mset = try XapianMSet(
      database: db, query: try XapianQuery.combine(.filter, [query, filter]), offset: 0, limit: maxListed,
      checkAtLeast: 0, facetSlot: nil)
    var found: [String: [DispatchVersion]] = [:]
    for index in 0..<mset.count {
      let group = try mset.value(at: index, slot: Schema.groupSlot).utf8String
      // No passage is inflated: only the header's fields are wanted.
      guard let stored = try StoredDispatch(decoding: try mset.value(at: index, slot: Schema.storedSlot), onlyPassage: { _ in -1 }),
        !shownIDs.contains(stored.dispatch.id)
      else { continue }
      let d = stored.dispatch
      found[group, default: []].append(DispatchVersion(id: d.id, path: d.path, date: d.date, source: d.source))
    }
    for (group, versions) in found {
      found[group] = versions.sorted { a, b in
        let (da, db) = (a.date.map(Schema.dateValue) ?? VersionRecord.undatedOrder, b.date.map(Schema.dateValue) ?? VersionRecord.undatedOrder)
        return da != db ? da < db : a.id < b.id
      }
    }
    return found
  }
}

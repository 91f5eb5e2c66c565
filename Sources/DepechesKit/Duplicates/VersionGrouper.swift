/// Groups versions of one story after an indexing run has written its dispatches: each
/// dispatch joins the group of its nearest earlier version (closest by `VersionRule`; earlier
/// by date, then by id), and a group's value (`Schema.groupSlot`, the id of its earliest
/// dispatch) is what search collapses on. Dispatches with no version keep no group value.
///
/// Only the dispatches the run touched, and the versions linked to them, are looked at:
/// candidates come from the LSH band terms, looked up in the run's own dispatches (in memory)
/// and, unless the index was empty before the run, in the databases. The groups are a
/// function of the set of dispatches alone, so parallel parts, shards and runs file by file
/// all give the same. Removing a dispatch regroups the versions it was linked to: the next
/// version takes its place.
final class VersionGrouper {
  /// A dispatch and where it is stored.
  struct Entry {
    var record: VersionRecord
    /// Index of its database in `databases`.
    var database: Int
    var docid: UInt32
    /// Its group value as stored ("" for none).
    var storedGroup: String
  }

  private let databases: [XapianWritable]
  private let searchesDatabases: Bool
  private var entries: [String: Entry] = [:]
  private var fromRun: Set<String> = []
  private var bandHolders: [UInt64: [String]] = [:]
  private var neighbours: [String: [(id: String, closeness: Double)]] = [:]

  /// A grouper writing into `databases` (the run's writers: the index's shards, or a first
  /// run's parts); `searchesDatabases` is false when they held nothing before the run.
  init(databases: [XapianWritable], searchesDatabases: Bool) {
    self.databases = databases
    self.searchesDatabases = searchesDatabases
  }

  /// Regroups after a run that wrote `written` and deleted the dispatches of `removed`;
  /// returns how many dispatches' group changed. The caller commits.
  @discardableResult
  func run(written: [Entry], removed: [VersionRecord]) throws -> Int {
    var queue: [String] = []
    for entry in written where entries.updateValue(entry, forKey: entry.record.id) == nil {
      fromRun.insert(entry.record.id)
      queue.append(entry.record.id)
      for key in entry.record.signature.bandKeys { bandHolders[key, default: []].append(entry.record.id) }
    }
    if searchesDatabases {
      for record in removed { queue += try storedHolders(of: record.signature.bandKeys).filter { entries[$0] != nil } }
    }
    try link(from: queue)
    return try writeGroups()
  }

  /// Follows version links from `queue` until every linked dispatch was compared.
  private func link(from queue: [String]) throws {
    var queue = queue
    var done: Set<String> = []
    while let id = queue.popLast() {
      guard done.insert(id).inserted, let entry = entries[id] else { continue }
      let keys = entry.record.signature.bandKeys
      var candidates = Set(keys.flatMap { bandHolders[$0] ?? [] })
      if searchesDatabases { candidates.formUnion(try storedHolders(of: keys)) }
      for other in candidates where other != id && !done.contains(other) {
        guard let otherEntry = entries[other] else { continue }
        let closeness = VersionRule.closeness(entry.record.signature, otherEntry.record.signature)
        guard closeness > 0 else { continue }
        neighbours[id, default: []].append((other, closeness))
        neighbours[other, default: []].append((id, closeness))
        queue.append(other)
      }
      if neighbours[id] == nil { neighbours[id] = [] }
    }
  }

  /// Ids of the stored dispatches holding any of the band keys, loaded into `entries` (the
  /// run's own dispatches are known already, from memory).
  private func storedHolders(of keys: [UInt64]) throws -> [String] {
    var ids: [String] = []
    for (index, db) in databases.enumerated() {
      for key in keys {
        for posting in try db.postings(of: VersionSignature.bandTerm(key), slots: [Schema.signatureSlot, Schema.groupSlot]) {
          guard let record = VersionRecord(decoding: posting.values[0]) else { continue }
          ids.append(record.id)
          if entries[record.id] == nil {
            entries[record.id] = Entry(
              record: record, database: index, docid: posting.docid, storedGroup: posting.values[1].utf8String)
          }
        }
      }
    }
    return ids
  }

  /// Each compared dispatch's nearest earlier version, then each tree's root: the group.
  private func writeGroups() throws -> Int {
    var parent: [String: String] = [:]
    for (id, links) in neighbours {
      guard let record = entries[id]?.record else { continue }
      let earlier = links.filter { entries[$0.id]!.record.isEarlier(than: record) }
      let nearest = earlier.max { a, b in
        a.closeness != b.closeness ? a.closeness < b.closeness : entries[b.id]!.record.isEarlier(than: entries[a.id]!.record)
      }
      if let nearest { parent[id] = nearest.id }
    }
    var root: [String: String] = [:]
    func rootOf(_ id: String) -> String {
      if let known = root[id] { return known }
      let found = parent[id].map(rootOf) ?? id
      root[id] = found
      return found
    }
    var members: [String: Int] = [:]
    for id in neighbours.keys { members[rootOf(id), default: 0] += 1 }
    var changed = 0
    for id in neighbours.keys {
      guard let entry = entries[id] else { continue }
      let top = rootOf(id)
      let group = members[top, default: 0] > 1 ? top : ""
      guard group != entry.storedGroup else { continue }
      try databases[entry.database].setValue(docid: entry.docid, slot: Schema.groupSlot, value: Array(group.utf8))
      changed += 1
    }
    return changed
  }
}

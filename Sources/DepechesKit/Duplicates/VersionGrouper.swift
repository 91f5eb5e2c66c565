/// Groups versions of one story after an indexing run has written its dispatches: each
/// dispatch joins the group of its nearest earlier version (closest by `VersionRule`; earlier
/// by date, then by id), and a group's value (`Schema.groupSlot`, the id of its earliest
/// dispatch) is what search collapses on. Dispatches with no version keep no group value.
///
/// Only the dispatches the run touched, and the versions linked to them, are looked at: each
/// written dispatch's signature is read back from its database, and only one that shares an
/// LSH band term with another dispatch (its band terms' frequencies, summed over the
/// databases) goes on to the comparisons, whose candidates are the band terms' postings in
/// every database. So memory grows with the dispatches that have versions, not with the run.
/// The groups are a function of the set of dispatches alone, so parallel parts, shards and
/// runs file by file all give the same. Removing a dispatch regroups the versions it was
/// linked to: the next version takes its place.
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

  /// Written dispatches whose signatures are read and whose band terms are looked up in one
  /// call each: amortises the calls, bounded memory.
  static let readChunk = 1_000

  /// Holders of one band term past which the term is left out of the candidates: a band
  /// shared by that many dispatches is boilerplate (a signature, a disclaimer), and reading
  /// its holders for each of them would cost the square of their number.
  static let maxBandHolders = 1_000

  private let databases: [XapianWritable]
  private let maxBandHolders: Int
  private var entries: [String: Entry] = [:]
  private var neighbours: [String: [(id: String, closeness: Double)]] = [:]

  /// A grouper writing into `databases` (the run's writers: the index's shards, or a first
  /// run's parts).
  init(databases: [XapianWritable], maxBandHolders: Int = VersionGrouper.maxBandHolders) {
    self.databases = databases
    self.maxBandHolders = maxBandHolders
  }

  /// Where a dispatch is stored: its database's index in `databases` and its document id.
  fileprivate struct Place: Hashable {
    var database: Int
    var docid: UInt32
  }

  /// Regroups after a run that wrote the dispatches `written[i]` (document ids in
  /// `databases[i]`) and deleted the dispatches of `removed`; returns how many dispatches'
  /// group changed. The caller commits.
  @discardableResult
  func run(written: [[UInt32]], removed: [VersionRecord]) throws -> Int {
    var queue: [Place] = []
    for (database, docids) in written.enumerated() {
      for start in stride(from: 0, to: docids.count, by: Self.readChunk) {
        let chunk = Array(docids[start..<min(docids.count, start + Self.readChunk)])
        queue += try sharingBands(chunk, in: database)
      }
    }
    let nothing = PlaceSet(databases: databases.count)
    for record in removed { queue += try holders(of: record.signature.bandKeys, skipping: nothing).map(\.place) }
    try link(from: queue)
    return try writeGroups()
  }

  /// Those of `docids` (written into `databases[database]`) that share a band term with
  /// another dispatch.
  private func sharingBands(_ docids: [UInt32], in database: Int) throws -> [Place] {
    let values = try databases[database].values(of: docids, slot: Schema.signatureSlot)
    let records = zip(docids, values).compactMap { docid, value in VersionRecord(decoding: value).map { (docid, $0) } }
    let holders = try holderCounts(records.flatMap { $0.1.signature.bandTerms })
    var places: [Place] = []
    for (index, (docid, _)) in records.enumerated() {
      let bands = index * VersionSignature.bandCount..<(index + 1) * VersionSignature.bandCount
      if holders[bands].contains(where: { $0 > 1 }) { places.append(Place(database: database, docid: docid)) }
    }
    return places
  }

  /// Follows version links from `queue` until every linked dispatch was compared. Only the
  /// dispatches that have a version (or a stored group to clear) are kept in `entries`: on a
  /// corpus where many dispatches share a passage, most candidates are not versions.
  private func link(from queue: [Place]) throws {
    var queue = queue
    var done = PlaceSet(databases: databases.count)
    while let place = queue.popLast() {
      guard done.insert(place), let entry = try load(place) else { continue }
      let id = entry.record.id
      for other in try holders(of: entry.record.signature.bandKeys, skipping: done) {
        let closeness = VersionRule.closeness(entry.record.signature, other.entry.record.signature)
        guard closeness > 0 else { continue }
        entries[id] = entries[id] ?? entry
        entries[other.entry.record.id] = entries[other.entry.record.id] ?? other.entry
        neighbours[id, default: []].append((other.entry.record.id, closeness))
        neighbours[other.entry.record.id, default: []].append((id, closeness))
        queue.append(other.place)
      }
      // No version (any more): only a stored group, to be cleared, keeps it in view.
      if neighbours[id] == nil && !entry.storedGroup.isEmpty {
        entries[id] = entry
        neighbours[id] = []
      }
    }
  }

  /// A dispatch's record and stored group, read from its database (nil: no signature).
  private func load(_ place: Place) throws -> Entry? {
    let db = databases[place.database]
    guard let value = try db.values(of: [place.docid], slot: Schema.signatureSlot).first,
      let record = VersionRecord(decoding: value)
    else { return nil }
    let group = try db.values(of: [place.docid], slot: Schema.groupSlot).first ?? []
    return Entry(record: record, database: place.database, docid: place.docid, storedGroup: group.utf8String)
  }

  /// The dispatches holding any of the band keys in the databases (the run's own too: they
  /// are in the writers' databases, committed or not), once each, but for those in `skipping`.
  /// The holders' ids are read first and the records only of those not yet visited: a band
  /// held by many dispatches is met again from each of them, and reading every holder's
  /// record each time made grouping a million dispatches read terabytes (docs/scaling.md).
  private func holders(of keys: [UInt64], skipping visited: PlaceSet) throws -> [(place: Place, entry: Entry)] {
    var found: [(place: Place, entry: Entry)] = []
    let terms = keys.map(VersionSignature.bandTerm)
    let counts = try holderCounts(terms)
    for (index, db) in databases.enumerated() {
      var fresh: [UInt32] = []
      var seen = Set<UInt32>()
      for (term, count) in zip(terms, counts) where count <= maxBandHolders {
        for posting in try db.postings(of: term, slots: [])
        where !visited.contains(Place(database: index, docid: posting.docid)) && seen.insert(posting.docid).inserted {
          fresh.append(posting.docid)
        }
      }
      guard !fresh.isEmpty else { continue }
      let signatures = try db.values(of: fresh, slot: Schema.signatureSlot)
      let groups = try db.values(of: fresh, slot: Schema.groupSlot)
      for (docid, (signature, group)) in zip(fresh, zip(signatures, groups)) {
        guard let record = VersionRecord(decoding: signature) else { continue }
        let entry = Entry(record: record, database: index, docid: docid, storedGroup: group.utf8String)
        found.append((Place(database: index, docid: docid), entry))
      }
    }
    return found
  }

  /// How many dispatches hold each of `terms`, over every database.
  private func holderCounts(_ terms: [String]) throws -> [Int] {
    var holders = [Int](repeating: 0, count: terms.count)
    for db in databases {
      for (i, count) in try db.termFrequencies(terms).enumerated() where i < holders.count { holders[i] += count }
    }
    return holders
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

extension VersionGrouper {
  /// The places a grouping has visited, one bit per document id and database: on a corpus
  /// where most dispatches share a passage that is every dispatch, and a million of them take
  /// 125 KB here against tens of MB in a `Set`.
  fileprivate struct PlaceSet {
    private var bits: [[UInt64]]

    init(databases: Int) { bits = Array(repeating: [], count: databases) }

    fileprivate func contains(_ place: Place) -> Bool {
      let word = Int(place.docid >> 6)
      return word < bits[place.database].count && bits[place.database][word] & (1 << UInt64(place.docid & 63)) != 0
    }

    /// Adds the place; false when it was there already.
    fileprivate mutating func insert(_ place: Place) -> Bool {
      guard !contains(place) else { return false }
      let word = Int(place.docid >> 6)
      if word >= bits[place.database].count {
        bits[place.database] += repeatElement(0, count: max(word + 1, bits[place.database].count * 2) - bits[place.database].count)
      }
      bits[place.database][word] |= 1 << UInt64(place.docid & 63)
      return true
    }
  }
}

/// Groups versions of one story after an indexing run has written its dispatches: each
/// dispatch joins the group of its nearest earlier version (closest by `VersionRule`; earlier
/// by date, then by id), and a group's value (`Schema.groupSlot`, the id of its earliest
/// dispatch) is what search collapses on. Dispatches with no version keep no group value.
///
/// Only the dispatches the run touched, and the versions linked to them, are looked at. The
/// candidates of the written dispatches come from one ordered sweep of the LSH band terms
/// held by two dispatches or more (summed over the databases): each band's holders are read
/// once, with their records, and compared pairwise when the run wrote one of the pair. The
/// versions found that the run did not write, and the holders of deleted dispatches' bands,
/// are then followed one by one through their own bands. So memory grows with the dispatches
/// that have versions, not with the run. The groups are a function of the set of dispatches
/// alone, so parallel parts, shards and runs file by file all give the same. Removing a
/// dispatch regroups the versions it was linked to: the next version takes its place.
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

  /// Band holders per batch of the sweep: bounds the records held at once (about 300 bytes
  /// each, so a few MB) while amortising the calls.
  static let sweepPostings = 16_384

  /// Holders of one band term past which the term is left out of the candidates: a band
  /// shared by that many dispatches is boilerplate (a signature, a disclaimer), and comparing
  /// its holders pairwise would cost the square of their number.
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
    var touched = PlaceSet(databases: databases.count)
    for (database, docids) in written.enumerated() {
      for docid in docids { _ = touched.insert(Place(database: database, docid: docid)) }
    }
    // Nothing written, nothing to compare: no sweep of every band term.
    var queue = written.allSatisfy { $0.isEmpty } ? [] : try compareBands(touching: touched)
    let nothing = PlaceSet(databases: databases.count)
    for record in removed { queue += try holders(of: record.signature.bandKeys, skipping: nothing).map(\.place) }
    try link(from: queue, done: touched)
    return try writeGroups()
  }

  /// Compares each written dispatch with every dispatch it shares a band term with, in one
  /// ordered sweep of the band terms held by 2 to `maxBandHolders` dispatches. Returns the
  /// versions found that the run did not write, for `link` to follow.
  private func compareBands(touching touched: PlaceSet) throws -> [Place] {
    guard maxBandHolders >= 2 else { return [] }
    var after: [UInt8] = [], queue: [Place] = []
    while true {
      let batch = try XapianWritable.prefixBuckets(
        in: databases, prefix: Schema.versionBandPrefix, after: after, holders: 2...maxBandHolders,
        maxPostings: Self.sweepPostings)
      let buckets = batch.buckets.map { $0.map { Place(database: $0.database, docid: $0.docid) } }
        .filter { $0.contains(where: touched.contains) }
      let loaded = try entries(at: buckets.flatMap { $0 })
      for bucket in buckets {
        for (i, a) in bucket.enumerated() {
          guard let first = loaded[a] else { continue }
          for b in bucket[(i + 1)...] where touched.contains(a) || touched.contains(b) {
            guard let second = loaded[b], connect(first, second) else { continue }
            queue += [a, b].filter { !touched.contains($0) }
          }
        }
      }
      if batch.ended { return queue }
      after = batch.resume
    }
  }

  /// Follows version links from `queue` until every linked dispatch was compared (those in
  /// `done` were, with every holder of their bands). Only the dispatches that have a version
  /// (or a stored group to clear) are kept in `entries`: on a corpus where many dispatches
  /// share a passage, most candidates are not versions.
  private func link(from queue: [Place], done: PlaceSet) throws {
    var queue = queue, done = done
    while let place = queue.popLast() {
      guard done.insert(place), let entry = try entries(at: [place])[place] else { continue }
      for other in try holders(of: entry.record.signature.bandKeys, skipping: done) where connect(entry, other.entry) {
        queue.append(other.place)
      }
      // No version (any more): only a stored group, to be cleared, keeps it in view.
      let id = entry.record.id
      if neighbours[id] == nil && !entry.storedGroup.isEmpty {
        entries[id] = entry
        neighbours[id] = []
      }
    }
  }

  /// Links two dispatches when they are versions of each other (once however many bands they
  /// share); true when they are.
  private func connect(_ a: Entry, _ b: Entry) -> Bool {
    let closeness = VersionRule.closeness(a.record.signature, b.record.signature)
    guard closeness > 0 else { return false }
    let (x, y) = (a.record.id, b.record.id)
    if neighbours[x]?.contains(where: { $0.id == y }) == true { return true }
    entries[x] = entries[x] ?? a
    entries[y] = entries[y] ?? b
    neighbours[x, default: []].append((y, closeness))
    neighbours[y, default: []].append((x, closeness))
    return true
  }

  /// The records and stored groups of `places` (those with a signature), read per database
  /// in document order.
  private func entries(at places: [Place]) throws -> [Place: Entry] {
    var loaded: [Place: Entry] = [:]
    for (index, db) in databases.enumerated() {
      let docids = Set(places.lazy.filter { $0.database == index }.map(\.docid)).sorted()
      guard !docids.isEmpty else { continue }
      let signatures = try db.values(of: docids, slot: Schema.signatureSlot)
      let groups = try db.values(of: docids, slot: Schema.groupSlot)
      for (docid, (signature, group)) in zip(docids, zip(signatures, groups)) {
        guard let record = VersionRecord(decoding: signature) else { continue }
        loaded[Place(database: index, docid: docid)] = Entry(
          record: record, database: index, docid: docid, storedGroup: group.utf8String)
      }
    }
    return loaded
  }

  /// The dispatches holding any of the band keys in the databases (the run's own too: they
  /// are in the writers' databases, committed or not), once each, but for those in `skipping`.
  /// The holders' ids are read first and the records only of those not yet visited.
  private func holders(of keys: [UInt64], skipping visited: PlaceSet) throws -> [(place: Place, entry: Entry)] {
    let terms = keys.map(VersionSignature.bandTerm)
    let counts = try holderCounts(terms)
    var fresh: [Place] = []
    var seen = Set<Place>()
    for (index, db) in databases.enumerated() {
      for (term, count) in zip(terms, counts) where count <= maxBandHolders {
        for posting in try db.postings(of: term, slots: []) {
          let place = Place(database: index, docid: posting.docid)
          if !visited.contains(place) && seen.insert(place).inserted { fresh.append(place) }
        }
      }
    }
    let loaded = try entries(at: fresh)
    return fresh.compactMap { place in loaded[place].map { (place, $0) } }
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

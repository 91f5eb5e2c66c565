/// What one writer did that grouping must know: the document ids of the dispatches it wrote
/// (4 bytes each: their records are read back from the database when grouping, so a run of a
/// million dispatches does not hold a million signatures) and the records of those it deleted
/// (whose versions regroup; gone from the database by then).
struct VersionLog {
  /// Document ids, in its database, of the written dispatches that have a signature.
  var written: [UInt32] = []
  /// Deleted dispatches that were in a group (a removed file's, or a changed file's old ones).
  var removed: [VersionRecord] = []

  /// Reads the records of the dispatches indexed by `term`, about to be deleted. One without
  /// a group value had no version, so no other dispatch's group changes when it goes, and its
  /// bands' holders need not be looked at (at a million dispatches those lookups made most of
  /// a daily run's time, docs/scaling.md).
  mutating func noteRemoval(of term: String, in db: XapianWritable) throws {
    for posting in try db.postings(of: term, slots: [Schema.signatureSlot, Schema.groupSlot])
    where !posting.values[1].isEmpty {
      if let record = VersionRecord(decoding: posting.values[0]) { removed.append(record) }
    }
  }
}

extension VersionGrouper {
  /// Groups what `writers` (index `i` writing into `databases[i]`) wrote and deleted.
  static func regroup(writers: [BatchWriter]) throws {
    let grouper = VersionGrouper(databases: writers.map(\.database))
    try grouper.run(written: writers.map(\.versions.written), removed: writers.flatMap(\.versions.removed))
  }
}

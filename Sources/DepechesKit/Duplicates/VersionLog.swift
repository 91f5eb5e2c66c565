/// What one writer did that grouping must know: the records of the dispatches it wrote (with
/// their document ids in its database) and of those it deleted (whose versions regroup).
struct VersionLog {
  /// Written dispatches with a signature.
  var written: [(record: VersionRecord, docid: UInt32)] = []
  /// Deleted dispatches with a signature (a removed file's, or a changed file's old ones).
  var removed: [VersionRecord] = []

  /// Reads the records of the dispatches indexed by `term`, about to be deleted.
  mutating func noteRemoval(of term: String, in db: XapianWritable) throws {
    for posting in try db.postings(of: term, slots: [Schema.signatureSlot]) {
      if let record = VersionRecord(decoding: posting.values[0]) { removed.append(record) }
    }
  }
}

extension VersionGrouper {
  /// Groups what `writers` (index `i` writing into `databases[i]`) wrote and deleted.
  static func regroup(writers: [BatchWriter], searchesDatabases: Bool) throws {
    let grouper = VersionGrouper(databases: writers.map(\.database), searchesDatabases: searchesDatabases)
    var written: [Entry] = []
    for (index, writer) in writers.enumerated() {
      for (record, docid) in writer.versions.written {
        written.append(Entry(record: record, database: index, docid: docid, storedGroup: ""))
      }
    }
    try grouper.run(written: written, removed: writers.flatMap(\.versions.removed))
  }
}

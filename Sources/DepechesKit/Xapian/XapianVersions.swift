import CXapian

/// The writer's reads and writes of near-duplicate grouping (see `Duplicates/`).
extension XapianWritable {
  /// One document indexed by a term, with the values asked for (in the order of the slots).
  struct Posting {
    /// The document's id in this database.
    var docid: UInt32
    /// The values of the slots asked for ("" when absent).
    var values: [[UInt8]]
  }

  /// Every document indexed by `term`, with its values in `slots`: a band term's holders or a
  /// file's dispatches, in one call.
  func postings(of term: String, slots: [Int]) throws -> [Posting] {
    let cSlots = slots.map { UInt32($0) }
    let bytes = try cSlots.withUnsafeBufferPointer { slotBuffer in
      try buffer { cx_writable_postings(handle, term, slotBuffer.baseAddress, slotBuffer.count, &$0, $1) }
    }
    var reader = Unpacker(bytes)
    var out: [Posting] = []
    while !reader.isAtEnd, let docid = reader.u32() {
      var values: [[UInt8]] = []
      for _ in slots {
        guard let range = reader.stringRange() else { return out }
        values.append(reader.bytes(in: range))
      }
      out.append(Posting(docid: docid, values: values))
    }
    return out
  }

  /// The value in `slot` of each document of `docids` ("" when absent), in their order.
  func values(of docids: [UInt32], slot: Int) throws -> [[UInt8]] {
    let bytes = try docids.withUnsafeBufferPointer { ids in
      try buffer { cx_writable_values(handle, ids.baseAddress, ids.count, UInt32(slot), &$0, $1) }
    }
    var reader = Unpacker(bytes)
    var out: [[UInt8]] = []
    out.reserveCapacity(docids.count)
    while out.count < docids.count, let range = reader.stringRange() { out.append(reader.bytes(in: range)) }
    return out
  }

  /// One batch of `prefixBuckets`: the holders of each term in range, and where to go on.
  struct PrefixBuckets {
    /// Each term's holders, as (index of the database in the sweep, document id).
    var buckets: [[(database: Int, docid: UInt32)]]
    /// The last term looked at (its bytes): the next batch starts after it.
    var resume: [UInt8]
    /// No term is left after `resume`.
    var ended: Bool
  }

  /// The terms of `prefix` after `after`, in order over `databases`, held by a number of
  /// documents (summed over the databases) in `holders`, with their holders; a batch ends
  /// after the term that brings its postings to `maxPostings`. One ordered pass over the
  /// band terms, where looking up each dispatch's bands would read the B-tree at random.
  static func prefixBuckets(
    in databases: [XapianWritable], prefix: String, after: [UInt8], holders: ClosedRange<Int>, maxPostings: Int
  ) throws -> PrefixBuckets {
    let handles: [OpaquePointer?] = databases.map(\.handle)
    let bytes = try handles.withUnsafeBufferPointer { dbs in
      try withChars(after) { chars, n in
        try buffer {
          cx_writable_prefix_buckets(
            dbs.baseAddress, dbs.count, prefix, chars, n, UInt32(holders.lowerBound), UInt32(holders.upperBound), maxPostings, &$0, $1)
        }
      }
    }
    var reader = Unpacker(bytes)
    let ended = reader.u32() == 1
    let resume = reader.stringRange().map { reader.bytes(in: $0) } ?? after
    var buckets: [[(database: Int, docid: UInt32)]] = []
    while let count = reader.u32() {
      var members: [(database: Int, docid: UInt32)] = []
      members.reserveCapacity(Int(count))
      for _ in 0..<count {
        guard let database = reader.u32(), let docid = reader.u32() else { break }
        members.append((Int(database), docid))
      }
      buckets.append(members)
    }
    return PrefixBuckets(buckets: buckets, resume: resume, ended: ended)
  }

  /// How many documents each of `terms` indexes, in their order.
  func termFrequencies(_ terms: [String]) throws -> [Int] {
    var packer = Packer(reservingCapacity: terms.count * 24)
    for term in terms { packer.string(term) }
    let bytes = try withChars(packer.bytes) { chars, n in
      try buffer { cx_writable_termfreqs(handle, chars, n, &$0, $1) }
    }
    var reader = Unpacker(bytes)
    var out: [Int] = []
    out.reserveCapacity(terms.count)
    while let value = reader.u32() { out.append(Int(value)) }
    return out
  }

  /// Sets one value of a document (empty removes it), keeping the rest of it.
  func setValue(docid: UInt32, slot: Int, value: [UInt8]) throws {
    try withChars(value) { chars, n in
      try check { cx_writable_set_value(handle, docid, UInt32(slot), chars, n, $0) }
    }
  }
}

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

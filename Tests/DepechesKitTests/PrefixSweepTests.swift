import Foundation
import Testing

@testable import DepechesKit

/// A packed document (the shim's format) indexed by `terms`, without data, values or positions.
private func packedDocument(terms: [String]) -> [UInt8] {
  var packer = Packer()
  packer.u32(0)  // no data
  packer.u32(0)  // no value
  packer.u32(terms.count)
  for term in terms {
    packer.string(term)
    packer.u32(0)  // no extra wdf
    packer.u32(0)  // no position
  }
  return packer.bytes
}

/// The sweep grouping reads its candidates from: every term of a prefix, in order over several
/// writable databases (some changes not committed), with the holders summed over them.
@Suite struct PrefixSweepTests {
  @Test("batches of the sweep together give each term in the holder range once, with all its holders")
  func batchesCoverEachTermOnceWithItsHolders() throws {
    let folder = TemporaryFolder()
    let dbs = try (0..<3).map { try XapianWritable(path: folder.path + "/db\($0)", create: true) }
    var random = SeededGenerator(seed: 18)
    var expected: [String: [String]] = [:]  // term → "database:docid" of its holders
    for (index, db) in dbs.enumerated() {
      for n in 0..<50 {
        let terms = Set((0..<4).map { _ in "XN" + String(format: "%03d", Int.random(in: 0..<60, using: &random)) })
        let docid = try db.replace(uniqueTerm: "Q\(index)-\(n)", packed: packedDocument(terms: Array(terms) + ["XO1", "XM1"]))
        for term in terms { expected[term, default: []].append("\(index):\(docid)") }
      }
      if index < 2 { try db.commit() }  // the last database's changes stay pending
    }
    let range = 3...9
    let wanted = expected.filter { range.contains($0.value.count) }
    #expect(wanted.count > 5 && wanted.count < expected.count, "the range keeps some terms and drops others")

    var after: [UInt8] = [], found: [String] = [], batches = 0
    while true {
      let batch = try XapianWritable.prefixBuckets(in: dbs, prefix: "XN", after: after, holders: range, maxPostings: 10)
      batches += 1
      found += batch.buckets.map { $0.map { "\($0.database):\($0.docid)" }.sorted().joined(separator: " ") }
      if batch.ended { break }
      after = batch.resume
    }
    let terms = wanted.keys.sorted()
    #expect(found == terms.map { wanted[$0]!.sorted().joined(separator: " ") })
    #expect(batches > 2, "the postings bound cut the sweep into batches")
  }
}

import Foundation
import Testing

@testable import DepechesKit

/// Writes a database at `path` holding the given metadata.
private func database(_ path: String, metadata: [String: String]) throws {
  let db = try XapianWritable(path: path, create: true)
  for (key, value) in metadata { try db.setMetadata(key: key, value: value) }
  try db.commit()
}

/// The metadata value of `key` in the database at `path`.
private func metadata(_ path: String, _ key: String) throws -> String {
  let db = try XapianDatabase()
  try db.addLocal(path: path)
  return try db.metadata(key)
}

@Suite("Compaction of several databases into one")
struct CompactionTests {
  @Test("word sets held by several sources get the sorted union of their words; other keys keep the first")
  func wordSetsAreUnited() throws {
    let folder = TemporaryFolder()
    let forms = Schema.stemFormsPrefix + "refugi"
    try database(folder.path + "/a", metadata: [forms: "refugie refugies", Schema.versionKey: "first"])
    try database(folder.path + "/b", metadata: [forms: "refugiee refugies", Schema.versionKey: "second"])
    let merged = folder.path + "/merged"
    try xapianCompact(sources: [folder.path + "/a", folder.path + "/b"], destination: merged, multipass: false)
    #expect(try metadata(merged, forms) == "refugie refugiee refugies")
    #expect(try metadata(merged, Schema.versionKey) == "first")
  }

  @Test("the compactor splits and joins word sets with the separator it is given")
  func separatorComesFromTheCaller() throws {
    let folder = TemporaryFolder()
    let key = Schema.wordSetPrefix + "x"
    try database(folder.path + "/a", metadata: [key: "b,a b"])
    try database(folder.path + "/b", metadata: [key: "c,a b"])
    let merged = folder.path + "/merged"
    try xapianCompact(
      sources: [folder.path + "/a", folder.path + "/b"], destination: merged, multipass: false,
      separator: UInt8(ascii: ","))
    #expect(try metadata(merged, key) == "a b,b,c")
  }
}

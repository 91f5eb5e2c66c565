import Testing

@testable import DepechesKit

@Suite("Stem cache")
struct StemCacheTests {
  @Test("gives the folded stem of the uncached stemmer, and keeps only what was added")
  func cachesWhatItStems() throws {
    let cache = try StemCache()
    let stemmer = try Stemmer(language: "french")
    for word in ["négociations", "réfugiés", "refugies", "cœur", "l'état", "drones", "a", ""] {
      let expected = FrenchAnalyzer.foldedStem(word, stemmer: stemmer)
      let hash = WordTable<String>.hash(word)
      #expect(cache.uncachedFoldedStem(word) == expected, "\(word)")
      #expect(!cache.contains(word, hash: hash), "\(word)")
      #expect(cache.foldedStem(word) == expected, "\(word)")
      #expect(cache.contains(word, hash: hash), "\(word)")
      #expect(cache.foldedStem(word) == expected, "\(word)")
    }
    #expect(cache.foldedStem("négociations") == "negoci")
    let added = "révolutionnaires"
    #expect(cache.add(added, hash: WordTable<String>.hash(added)) == FrenchAnalyzer.foldedStem(added, stemmer: stemmer))
    #expect(cache.contains(added, hash: WordTable<String>.hash(added)))
  }

  @Test("is emptied when full, and stems the same afterwards")
  func boundedMemory() throws {
    let cache = try StemCache()
    let first = "mot0"
    for i in 0..<StemCache.maxWords { _ = cache.foldedStem("mot\(i)") }
    #expect(cache.contains(first, hash: WordTable<String>.hash(first)))
    _ = cache.foldedStem("encore")
    #expect(!cache.contains(first, hash: WordTable<String>.hash(first)))
    #expect(cache.foldedStem("négociations") == "negoci")
  }
}

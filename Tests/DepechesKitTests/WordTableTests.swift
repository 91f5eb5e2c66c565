import Testing

@testable import DepechesKit

@Suite("Word table")
struct WordTableTests {
  @Test("finds every word inserted, in insertion order, through growth, and no other word")
  func findsWhatWasInserted() {
    var table = WordTable<Int>()
    var generator = SeededGenerator(seed: 3)
    let alphabet = Array("abcdeéèêàçœ’-".unicodeScalars)
    var words: [String] = []
    var seen: Set<String> = []
    while words.count < 5_000 {
      let length = Int.random(in: 1...12, using: &generator)
      var word = String.UnicodeScalarView()
      for _ in 0..<length { word.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
      let text = String(word)
      if seen.insert(text).inserted { words.append(text) }
    }
    for (i, word) in words.enumerated() where i % 2 == 0 {
      #expect(table.find(word, hash: WordTable<Int>.hash(word)) == nil)
      table.insert(word, i, hash: WordTable<Int>.hash(word))
    }
    #expect(table.count == words.count / 2)
    #expect(table.keys == words.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
    for (i, word) in words.enumerated() {
      let entry = table.find(word, hash: WordTable<Int>.hash(word))
      #expect(entry.map { table.values[$0] } == (i % 2 == 0 ? i : nil), "\(word)")
    }
  }

  @Test("accented and unaccented forms are different words; removeAll empties")
  func exactBytes() {
    var table = WordTable<String>()
    for word in ["réfugiés", "refugies", "cœur", "coeur", ""] { table.insert(word, word.uppercased(), hash: WordTable<String>.hash(word)) }
    #expect(table.find("refugies", hash: WordTable<String>.hash("refugies")).map { table.values[$0] } == "REFUGIES")
    #expect(table.find("cœur", hash: WordTable<String>.hash("cœur")).map { table.values[$0] } == "CŒUR")
    #expect(table.find("", hash: WordTable<String>.hash("")) != nil)
    table.removeAll()
    #expect(table.count == 0)
    #expect(table.find("coeur", hash: WordTable<String>.hash("coeur")) == nil)
  }

  @Test("words whose hashes collide, whole or in the high half kept in the slots, stay apart")
  func collisions() {
    var table = WordTable<Int>(capacity: 64)  // no growth: the hashes given are kept
    let words = ["drone", "drones", "Drone", "dronè", "a", "b", "c", "d"]
    let sameHigh = 0x1234_5678 << 32
    for (i, word) in words.enumerated() {
      let hash = i < 4 ? 7 : sameHigh | i  // four share a whole hash, four a high half
      #expect(table.find(word, hash: hash) == nil)
      table.insert(word, i, hash: hash)
    }
    for (i, word) in words.enumerated() {
      let hash = i < 4 ? 7 : sameHigh | i
      #expect(table.find(word, hash: hash).map { table.values[$0] } == i, "\(word)")
    }
    #expect(table.find("dron", hash: 7) == nil)
    #expect(table.find("e", hash: sameHigh | 4) == nil)
  }
}

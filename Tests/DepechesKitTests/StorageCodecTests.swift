import Testing

@testable import DepechesKit

@Suite("Storage codecs")
struct StorageCodecTests {
  @Test("a word set is stored sorted by bytes, separated by spaces, and reads back as written")
  func wordSets() {
    let words: Set<String> = ["réfugiés", "refugies", "cœur", "l'état", "zèbre", "a"]
    let value = WordSetCodec.encode(words)
    #expect(value == "a cœur l'état refugies réfugiés zèbre")
    #expect(Set(WordSetCodec.decode(value)) == words)
    #expect(WordSetCodec.decode(value) == words.sorted())
    #expect(WordSetCodec.decode("").isEmpty)
    #expect(WordSetCodec.encode([]).isEmpty)
    #expect(WordSetCodec.decode("drone") == ["drone"])
  }
}

@Suite("Stable hash")
struct StableHashTests {
  @Test("FNV-1a 64 gives the published test vectors, so ids stay what the index holds")
  func vectors() {
    #expect(fnv1a64("".utf8) == 0xcbf2_9ce4_8422_2325)
    #expect(fnv1a64("a".utf8) == 0xaf63_dc4c_8601_ec8c)
    #expect(fnv1a64("foobar".utf8) == 0x8594_4171_f739_67e8)
    #expect(FileState.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    #expect(Dispatch.makeID(absolutePath: "foobar") == "85944171f73967e8")
    #expect(Dispatch.makeID(absolutePath: "a") == "af63dc4c8601ec8c")
  }

  @Test("the word table's hash is FNV-1a 64 of the UTF-8 bytes with the high half folded in")
  func wordTableHash() {
    for word in ["", "a", "réfugiés", "cœur"] {
      let h = fnv1a64(word.utf8)
      #expect(WordTable<Int>.hash(word) == Int(truncatingIfNeeded: h ^ (h >> 32)))
    }
    #expect(WordTable<Int>.hash("a") == Int(truncatingIfNeeded: UInt64(0xaf63_dc4c_8601_ec8c) ^ 0xaf63_dc4c))
  }
}

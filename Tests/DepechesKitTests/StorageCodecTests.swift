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

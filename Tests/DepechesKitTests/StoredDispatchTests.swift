import Testing

@testable import DepechesKit

@Suite("Stored dispatch")
struct StoredDispatchTests {
  private let short = StoredDispatch(
    dispatch: Dispatch(
      id: "a1", path: "a.md", title: "Cessez-le-feu", date: DispatchDate(year: 2020, month: 11, day: 10),
      source: "AFP", author: "Anne", url: "https://example.org/a", tags: ["Arménie", "Azerbaïdjan"],
      passages: ["Premier passage.", "Deuxième : « cessez-le-feu ».", "Troisième\u{A0}!"]),
    absolutePath: "/tmp/a.md", passageStarts: [10, 20, 30])

  /// A novel-sized dispatch: passages of varied length that fill several blocks.
  private var long: StoredDispatch {
    let passages = (0..<400).map { i in
      "Passage \(i) : l’Arménie, Œuvre et cœur. " + String(repeating: "Texte \(i % 7) du récit. ", count: 5 + (i * 37) % 90)
    }
    return StoredDispatch(
      dispatch: Dispatch(id: "roman", path: "roman.txt", title: "Un roman", passages: passages),
      absolutePath: "/tmp/roman.txt", passageStarts: passages.indices.map { $0 * 200 + 1 })
  }

  @Test("decodes what it encoded, whole or with only the passage a search shows")
  func roundTrip() throws {
    let bytes = try short.encoded()
    #expect(try StoredDispatch(decoding: bytes) == short)
    var seen: [Int] = []
    let one = try #require(try StoredDispatch(decoding: bytes) { starts in seen = starts; return 1 })
    #expect(seen == [10, 20, 30])
    #expect(one.dispatch.passages == ["", "Deuxième : « cessez-le-feu ».", ""])
    var rest = one
    rest.dispatch.passages = short.dispatch.passages
    #expect(rest == short)
  }

  @Test("the header's fields are stored in their fixed order, an absent one as the empty string")
  func headerLayout() throws {
    var bytes = Unpacker(try short.encoded())
    #expect(bytes.u32() == StoredDispatch.formatVersion)
    let range = bytes.stringRange()
    let headerRange = try #require(range)
    var header = Unpacker(try StoredCompression.decompress(bytes.bytes(in: headerRange)))
    let expected = [
      "a1", "a.md", "/tmp/a.md", "Cessez-le-feu", "2020-11-10", "AFP", "Anne", "https://example.org/a",
      "Arménie\nAzerbaïdjan",
    ]
    var read: [String?] = []
    for _ in expected { read.append(header.string()) }
    #expect(read == expected)
    var numbers: [UInt32?] = []
    for _ in 0..<6 { numbers.append(header.u32()) }
    #expect(numbers == [3, 10, 20, 30, 1, 0])  // passage starts, then the blocks' first passages
    #expect(header.isAtEnd)
    var undated = short.dispatch
    undated.date = nil
    undated.source = nil
    undated.tags = []
    let fields = StoredFields(undated, absolutePath: "/tmp/a.md")
    #expect(fields.isoDate == "" && fields.source == "" && fields.tags == "")
    #expect(fields.dispatch(passages: undated.passages) == undated)
  }

  @Test("a long text is cut into blocks; any one passage decodes alone, first, middle or last")
  func blocks() throws {
    let long = self.long
    let (blocks, firsts) = StoredDispatch.packBlocks(long.dispatch.passages)
    #expect(blocks.count > 3)
    #expect(firsts.first == 0 && firsts == firsts.sorted())
    #expect(blocks.dropLast().allSatisfy { $0.count >= StoredDispatch.blockBytes })
    let bytes = try long.encoded()
    #expect(try StoredDispatch(decoding: bytes) == long)
    for wanted in [0, firsts[1] - 1, firsts[1], firsts[2] + 1, long.dispatch.passages.count - 1] {
      let one = try #require(try StoredDispatch(decoding: bytes) { _ in wanted })
      #expect(one.dispatch.passages[wanted] == long.dispatch.passages[wanted])
      #expect(one.dispatch.passages.enumerated().allSatisfy { $0.offset == wanted || $0.element.isEmpty })
      #expect(one.dispatch.title == "Un roman" && one.passageStarts == long.passageStarts)
    }
  }

  @Test("no passages, and a passage the chooser did not find, decode without failing")
  func edges() throws {
    let empty = StoredDispatch(
      dispatch: Dispatch(id: "e", path: "e.txt", title: "Titre seul", passages: []),
      absolutePath: "/tmp/e.txt", passageStarts: [])
    #expect(try StoredDispatch(decoding: try empty.encoded()) == empty)
    let none = try #require(try StoredDispatch(decoding: try short.encoded()) { _ in 7 })
    #expect(none.dispatch.passages.allSatisfy { $0.isEmpty })
  }

  @Test("cut or foreign bytes are not a dispatch; a damaged block is reported corrupt")
  func damage() throws {
    let bytes = try long.encoded()
    #expect(try StoredDispatch(decoding: Array(bytes.dropLast())) == nil)
    #expect(try StoredDispatch(decoding: bytes + [0]) == nil)
    #expect(try StoredDispatch(decoding: Array("pas une dépêche".utf8)) == nil)
    #expect(try StoredDispatch(decoding: []) == nil)
    var damaged = bytes
    let middle = bytes.count / 2
    for i in middle..<middle + 16 { damaged[i] ^= 0x5A }
    do {
      let decoded = try StoredDispatch(decoding: damaged)
      #expect(decoded != long, "a damaged block must not decode to the original")
    } catch DepechesError.xapian(let kind, _) {
      #expect(kind == .corrupt)
    }
  }
}

import Foundation
import Testing

@testable import DepechesKit

/// `Passages.split` gives exactly the passages of the scalar-array implementation it replaced
/// (`PassagesReference`), on real French text and on random text made of the characters its
/// rules look at.
@Suite struct PassagesEquivalenceTests {
  /// Files compared per corpus, spread evenly over it (keeps the debug test short).
  static let maxFilesPerCorpus = 150
  /// Random bodies compared; each is built from its own seed so a failure can be replayed.
  static let randomCases = 2_000
  /// The longest random body, in scalars (a few times `maxPassageCharacters`).
  static let maxRandomScalars = 3_000
  /// A passage this long was most likely cut from a longer paragraph.
  static let longPassageScalars = 700

  @Test(.enabled(if: SharedCorpus.isPresent("siefke_fr"), "needs ../shared/corpus/siefke_fr beside the package"))
  func sameAsReferenceOnSiefke() throws { try Self.compareOnCorpus("siefke_fr") }

  @Test(.enabled(if: SharedCorpus.isPresent("eltec_fra"), "needs ../shared/corpus/eltec_fra beside the package"))
  func sameAsReferenceOnEltec() throws { try Self.compareOnCorpus("eltec_fra") }

  /// Compares both implementations on files spread over a shared corpus.
  static func compareOnCorpus(_ name: String) throws {
    let files = SharedCorpus.textFiles(name, atMost: maxFilesPerCorpus)
    try #require(!files.isEmpty, "no .txt file in \(SharedCorpus.folder(name))")
    for url in files {
      let body = String(decoding: try Data(contentsOf: url), as: UTF8.self)
      let difference = Self.difference(Passages.split(body), PassagesReference.split(body))
      #expect(difference == nil, "\(url.path): \(difference ?? "")")
    }
  }

  @Test func sameAsReferenceOnRandomText() {
    var longPassages = 0
    for seed in 0..<UInt64(Self.randomCases) {
      var generator = SeededGenerator(seed: seed)
      let body = RandomBody.make(maxScalars: Self.maxRandomScalars, using: &generator)
      let (new, old) = (Passages.split(body), PassagesReference.split(body))
      let difference = Self.difference(new, old)
      #expect(difference == nil, "seed \(seed): \(difference ?? "")")
      longPassages += old.filter { $0.unicodeScalars.count > Self.longPassageScalars }.count
    }
    // The random bodies do reach the cutting of long paragraphs, often.
    #expect(longPassages > Self.randomCases / 10)
  }

  /// Sentence-end forms, each placed at the edges of the first cut's window, at the start and
  /// at the end of a paragraph, amid text with and without spaces.
  @Test func sameAsReferenceAroundSentenceEnds() {
    for form in Self.sentenceEndForms {
      for offset in Self.formOffsets {
        for (filler, tail) in Self.fillersAndTails {
          let body = String(String(repeating: filler, count: offset).prefix(offset)) + form + tail
          let difference = Self.difference(Passages.split(body), PassagesReference.split(body))
          #expect(difference == nil, "\(form.debugDescription) at \(offset): \(difference ?? "")")
        }
      }
    }
  }

  /// Sentence ends and near misses (abbreviations, lower case, narrow NBSP, titlecase, digits).
  static let sentenceEndForms = [
    "A. B", " A. B", "AB. C", " é. É", "1. A", ". A", ".’ B", "’’ B", "». B", "A.’ B", " A.’» «",
    "x.» B", "x!” “", "x?) —", "x…’ –", "x.\" \"", "x.\u{A0}B", "x. \u{A0}B", "x.’’’ B", "x. b",
    "x. 'b", "x.\tB", "x.  B", "x.\u{202F}B", "x. ǅ", "x. Ω", "x. 1", "x.\nB", " x?", "x.",
  ]
  /// Where the forms start: the paragraph's start and both edges of the first window.
  static let formOffsets = [0, 1, 2, 3, 795, 796, 797, 798, 799, 800, 801, 802]
  /// What comes before the forms (repeated) and after them.
  static let fillersAndTails = ["a", "a "].flatMap { filler in
    ["", String(repeating: "y", count: 900), String(repeating: " y", count: 450)].map { (filler, $0) }
  }

  /// Where `new` and `old` first differ, byte for byte (String equality would accept
  /// canonically equivalent passages), or nil when they are the same.
  static func difference(_ new: [String], _ old: [String]) -> String? {
    for (index, (a, b)) in zip(new, old).enumerated() where !a.utf8.elementsEqual(b.utf8) {
      return "passage \(index): \(a.debugDescription) instead of \(b.debugDescription)"
    }
    guard new.count != old.count else { return nil }
    return "\(new.count) passages instead of \(old.count)"
  }
}

/// Random bodies from pieces the passage rules care about, mixed in random proportions.
enum RandomBody {
  static let letters = (Array("abcdefghijklmnopqrstuvwxyz") + Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    .map(String.init)
  static let whitespace = [
    " ", " ", "  ", "\t", "\r", "\u{B}", "\u{C}", "\u{85}", "\u{1680}", "\u{2028}", "\u{2029}",
    "\u{205F}", "\u{3000}", "\u{A0}", "\u{202F}",
  ] + (0x2000...0x200A).map { String(Unicode.Scalar($0)!) }
  static let lineBreaks = ["\n", "\r\n", "\n\n", "\n \n", "\n\u{A0}\n", "\n\t\u{3000}\n", "\n\n\n"]
  static let terminators = [".", "!", "?", "…", ". ", "! ", "? ", "… ", ".\u{A0}"]
  static let closers = ["»", "\"", "”", ")", "’"]
  static let openers = ["«", "\"", "“", "'", "‘", "—", "–"]
  /// A terminator, up to two closers, then a space or NBSP: what a sentence end needs before
  /// its capital or opener.
  static let sentenceEnds = ["", "»", "’", "\"", "”", ")", "’»", "”)", "\"’"].flatMap { closing in
    ["." , "!", "?", "…"].flatMap { [$0 + closing + " ", $0 + closing + "\u{A0}"] }
  }
  static let others = [
    "É", "é", "œ", "Œ", "À", "ç", "e\u{301}", "Ω", "ß", "ǅ", "1", "3.5", "😀", "👍🏽",
    "👨‍👩‍👧", "🇫🇷", "-", ",",
  ]

  /// One piece in this many is a long run without spaces.
  static let longRunOdds = 1_000
  /// The groups pieces are drawn from, as scalars (building Strings is slow in debug).
  static let groups = [
    letters, whitespace, lineBreaks, terminators, closers, openers, others, sentenceEnds,
  ]
    .map { $0.map { Array($0.unicodeScalars) } }
  /// What long runs are made of: no collapsible whitespace (NBSP may still end a sentence).
  static let solidPieces = (letters + others + terminators + closers + sentenceEnds)
    .filter { !$0.contains(" ") }.map { Array($0.unicodeScalars) }

  /// A body of up to `maxScalars` scalars (one piece may go past it).
  static func make(maxScalars: Int, using generator: inout SeededGenerator) -> String {
    let weights = groups.map { _ in roll(5, &generator) }
    let total = weights.reduce(0, +)
    let target = roll(maxScalars + 1, &generator)
    var scalars = [Unicode.Scalar]()
    while scalars.count < target {
      if total == 0 || roll(longRunOdds, &generator) == 0 {
        appendLongRun(to: &scalars, using: &generator)
      } else {
        appendPiece(to: &scalars, weights, total, using: &generator)
      }
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Appends a piece from a group chosen by weight; letters come as words of 1 to 8.
  static func appendPiece(to scalars: inout [Unicode.Scalar], _ weights: [Int], _ total: Int,
    using generator: inout SeededGenerator)
  {
    var rest = roll(total, &generator)
    var group = 0
    while rest >= weights[group] { rest -= weights[group]; group += 1 }
    let length = group == 0 ? 1 + roll(8, &generator) : 1
    for _ in 0..<length { scalars += groups[group][roll(groups[group].count, &generator)] }
  }

  /// Appends a run without spaces longer than a passage.
  static func appendLongRun(to scalars: inout [Unicode.Scalar],
    using generator: inout SeededGenerator)
  {
    let length = 801 + roll(400, &generator)
    for _ in 0..<length { scalars += solidPieces[roll(solidPieces.count, &generator)] }
  }

  /// A number in `0..<n` (slightly biased: fine here, and much faster than `Int.random` in
  /// debug builds).
  static func roll(_ n: Int, _ generator: inout SeededGenerator) -> Int {
    Int(generator.next() % UInt64(n))
  }
}

import DepechesKit
import Testing


/// Random French-looking text built from the pieces the analyzer cares about.
func randomText(_ generator: inout SeededGenerator, pieces: Int) -> String {
  let palette: [String] = [
    "a", "B", "é", "È", "e\u{301}", "E\u{300}", "œ", "Æ", "ç", "ï", "ß", "İ", "ﬁ", "ł", "Ø",
    "Ш", "й", "Ё", "Ե", "ά", "中", "0", "7", "3", "'", "’", "ʼ", "‘", "´", "-", "‐", "‑", "\u{AD}",
    ".", ",", " ", "\u{A0}", "\u{202F}", "\u{2009}", "«", "»", "—", "–", "!", "(", ")", "\n",
    "l’", "qu'", "jusqu’", "aujourd'hui", "O.T.A.N.", "10 000", "3,5", "cessez-le-feu",
    "🙂", "\u{301}", "\u{0}", "\u{FEFF}",
  ]
  var text = ""
  for _ in 0..<pieces { text += palette.randomElement(using: &generator)! }
  return text
}

@Suite struct AnalysisPropertyTests {
  static let seeds: [UInt64] = Array(1...300)
  let analyzer = FrenchAnalyzer()

  @Test(arguments: seeds)
  func foldIsIdempotent(seed: UInt64) {
    var generator = SeededGenerator(state: seed)
    let text = randomText(&generator, pieces: 12)
    let once = FrenchAnalyzer.fold(text)
    #expect(FrenchAnalyzer.fold(once) == once, "seed \(seed)")
  }

  @Test(arguments: seeds)
  func rangesInBoundsIncreasingAndDisjoint(seed: UInt64) throws {
    var generator = SeededGenerator(state: seed)
    let text = randomText(&generator, pieces: 40)
    let count = text.unicodeScalars.count
    var previousEnd = 0
    let tokens = analyzer.tokens(in: text)
    try #require(!tokens.isEmpty, "seed \(seed): no token in \(text.debugDescription)")
    for (index, token) in tokens.enumerated() {
      #expect(token.position == index, "seed \(seed)")
      #expect(token.range.lowerBound >= previousEnd && token.range.upperBound <= count, "seed \(seed)")
      #expect(!token.range.isEmpty, "seed \(seed)")
      previousEnd = token.range.upperBound
    }
  }

  /// The folded text under a token's range is its term, once the separators the
  /// tokenizer removes (acronym dots, digit-group spaces) are removed from both.
  @Test(arguments: seeds)
  func rangeFoldsToTerm(seed: UInt64) throws {
    var generator = SeededGenerator(state: seed)
    let text = randomText(&generator, pieces: 40)
    let scalars = Array(text.unicodeScalars)
    let removed: Set<Unicode.Scalar> = [".", " ", "\u{A0}", "\u{202F}", "\u{2009}"]
    func strip(_ word: String) -> String {
      String(String.UnicodeScalarView(word.unicodeScalars.filter { !removed.contains($0) }))
    }
    let tokens = analyzer.tokens(in: text)
    try #require(!tokens.isEmpty, "seed \(seed): no token in \(text.debugDescription)")
    for token in tokens {
      let written = String(String.UnicodeScalarView(scalars[token.range]))
      #expect(strip(FrenchAnalyzer.fold(written)) == strip(token.term), "seed \(seed): \(written)")
      #expect(FrenchAnalyzer.fold(token.term) == token.term, "seed \(seed)")
      #expect(token.term.utf8.count <= 64 && token.stemBase.utf8.count <= 64, "seed \(seed)")
    }
  }
}

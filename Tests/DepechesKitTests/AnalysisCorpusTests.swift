import DepechesKit
import Foundation
import Testing

/// The analyzer on real French prose (files spread over the shared corpus): tokens numbered in
/// order, their ranges in bounds and disjoint, each term the folded text its range covers, and
/// French stop words marked in the proportion running French has.
@Suite struct AnalysisCorpusTests {
  static let corpus = "siefke_fr"
  /// Files analysed, spread evenly over the corpus (keeps the debug test short).
  static let maxFiles = 120
  /// Stop words ("de", "la", "le", "et", "à"…) are about two words in five of French prose;
  /// outside this band the list or the elision rules are not applied as they should be.
  static let stopWordShare = 0.25...0.6
  /// Separators a term drops from the text it covers (acronym dots, digit-group spaces).
  static let droppedSeparators: Set<Unicode.Scalar> = [".", " ", "\u{A0}", "\u{202F}", "\u{2009}"]
  /// Failures reported per file, at most (one broken rule would fail every token).
  static let maxReported = 5

  @Test(.enabled(if: SharedCorpus.isPresent(corpus), "needs ../shared/corpus/siefke_fr beside the package"))
  func tokensOfRealFrenchProse() throws {
    let files = SharedCorpus.textFiles(Self.corpus, atMost: Self.maxFiles)
    try #require(files.count == Self.maxFiles, "\(files.count) .txt files in \(SharedCorpus.folder(Self.corpus))")
    let analyzer = FrenchAnalyzer()
    var tokens = 0
    var stopWords = 0
    for url in files {
      let text = try String(contentsOf: url, encoding: .utf8)
      let scalars = Array(text.unicodeScalars)
      var problems: [String] = []
      var count = 0
      var previousEnd = 0
      analyzer.forEachToken(in: text) { token in
        if let problem = Self.problem(token, position: count, after: previousEnd, in: scalars) { problems.append(problem) }
        count += 1
        previousEnd = token.range.upperBound
        if token.isStopWord { stopWords += 1 }
      }
      #expect(count > 0, "\(url.lastPathComponent): no token")
      #expect(problems.isEmpty, "\(url.lastPathComponent): \(problems.prefix(Self.maxReported))")
      tokens += count
    }
    let share = Double(stopWords) / Double(tokens)
    #expect(Self.stopWordShare.contains(share), "stop words are \(share) of \(tokens) tokens")
  }

  /// What is wrong with `token`, the `position`-th of the text, or nil.
  static func problem(_ token: Token, position: Int, after previousEnd: Int, in scalars: [Unicode.Scalar]) -> String? {
    guard token.position == position else { return "token \(position) numbered \(token.position)" }
    guard token.range.lowerBound >= previousEnd, token.range.upperBound <= scalars.count, !token.range.isEmpty else {
      return "\(token.term): range \(token.range) after \(previousEnd)"
    }
    let written = String(String.UnicodeScalarView(scalars[token.range]))
    guard strip(FrenchAnalyzer.fold(written)) == strip(token.term), FrenchAnalyzer.fold(token.term) == token.term else {
      return "\(written) gave \(token.term)"
    }
    return nil
  }

  /// `word` without the separators terms drop.
  static func strip(_ word: String) -> String {
    String(String.UnicodeScalarView(word.unicodeScalars.filter { !droppedSeparators.contains($0) }))
  }
}

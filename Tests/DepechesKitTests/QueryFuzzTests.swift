import Foundation
import Testing

@testable import DepechesKit

/// Random queries from a grammar of what people and hostile callers type: French words,
/// operators (English and French), quotes of every kind, parentheses (balanced, unbalanced,
/// nested past the limit, now and then tens of thousands deep), signs, wildcards, Unicode (combining marks, other scripts,
/// emoji, joiners) and control characters, alone and in long runs.
struct QueryGenerator {
  /// Queries per run (each one's seed is the first seed plus its number); `scripts/fuzz`
  /// sets fewer with `DEPECHES_FUZZ_QUERIES` to stay within its minute.
  static let queries = ProcessInfo.processInfo.environment["DEPECHES_FUZZ_QUERIES"].flatMap { Int($0) } ?? 2_000
  /// The first seed: `DEPECHES_FUZZ_SEED` when set (`scripts/fuzz --seed N` replays a run),
  /// else a fixed one.
  static let firstSeed = ProcessInfo.processInfo.environment["DEPECHES_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xF0_22
  /// One query in this many also goes through the whole search (ranking, snippets, facets,
  /// suggestions), which costs far more than parsing and building.
  static let searchEvery = 10
  /// Seed files in the index searched: a small real index keeps each search short.
  static let seedFiles = 16
  /// The most pieces in one query.
  static let maxPieces = 24
  /// How deep a run of parentheses may go: past `QueryGrammar.maxDepth` now and then.
  static let maxNesting = QueryGrammar.maxDepth + 20

  static let words = [
    "Bakou", "Arménie", "arménie", "drones", "drone", "Poutine", "l’Azerbaïdjan", "d'Erevan",
    "cessez-le-feu", "S-300", "réfugiés", "refugies", "Haut-Karabakh", "le", "de", "la", "à",
    "été", "Œuvre", "ŒUVRE", "16/11/2021", "10.5", "2021", "x", "qu'", "jusqu’", "zzzquasiabsent",
  ]
  static let operators = ["AND", "OR", "NOT", "ET", "OU", "SAUF", "and", "or", "+", "-", "*", "**"]
  static let punctuation = ["\"", "«", "»", "“", "”", "„", "(", ")", "((", "))", "'", "’", "-", "/", ":", ".", ","]
  static let unicode = [
    "e\u{301}", "\u{301}", "\u{301}\u{323}\u{301}", "слово", "言葉", "مرحبا", "👩‍👩‍👧", "\u{200D}", "\u{FEFF}",
    "\u{A0}", "\u{202F}", "\u{2028}", "ß", "İ", "\u{FFFD}", "\u{10FFFF}",
  ]
  static let controls = ["\u{0}", "\u{7}", "\u{1B}[2J", "\u{1B}]0;t\u{7}", "\u{7F}", "\u{9B}", "\t", "\n", "\r"]

  var generator: SeededGenerator

  /// One query.
  mutating func query() -> String {
    var text = ""
    for _ in 0..<Int.random(in: 0...Self.maxPieces, using: &generator) {
      text += piece()
      if Bool.random(using: &generator) { text += " " }
    }
    return text
  }

  private mutating func piece() -> String {
    switch Int.random(in: 0..<100, using: &generator) {
    case 0..<40: return pick(Self.words)
    case 40..<55: return pick(Self.operators)
    case 55..<70: return pick(Self.punctuation)
    case 70..<78: return pick(Self.unicode)
    case 78..<84: return pick(Self.controls)
    case 84..<90: return "\"" + pick(Self.words) + " " + pick(Self.words)
    case 90..<94:
      let depth = Int.random(in: 1...Self.maxNesting, using: &generator)
      let close = Bool.random(using: &generator) ? depth : Int.random(in: 0...depth, using: &generator)
      return String(repeating: "(", count: depth) + pick(Self.words) + String(repeating: ")", count: close)
    case 94..<97: return String(repeating: pick(Self.operators + Self.punctuation), count: Int.random(in: 2...50, using: &generator))
    case 97 where Int.random(in: 0..<25, using: &generator) == 0:
      // Nesting that overflowed the stack of the recursive grammar.
      return String(repeating: "(", count: Int.random(in: 20_000...60_000, using: &generator)) + pick(Self.words)
    case 98 where Int.random(in: 0..<25, using: &generator) == 0:
      return String(repeating: pick(Self.words) + " ", count: QueryParser.maxWords + 1)
    default: return pick(Self.words) + String(repeating: "*", count: Int.random(in: 1...3, using: &generator))
    }
  }

  private mutating func pick(_ list: [String]) -> String { list.randomElement(using: &generator)! }
}

@Suite struct QueryFuzzTests {
  /// Every random query is parsed (with both default operators) and built into a Xapian query
  /// against a real index, and one in `searchEvery` is also searched: each gives a valid
  /// result or a usage error (`invalidQuery`), never a crash, never another error.
  @Test func randomQueriesGiveResultsOrAUsageError() throws {
    let folder = TemporaryFolder()
    let seeds = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/seeds")
      .filter { $0.hasSuffix(".txt") }.sorted().prefix(QueryGenerator.seedFiles)
    let (index, _) = try buildIndex(seeds.map { packageRoot + "/seeds/" + $0 }, in: folder)
    let searcher = try SearchIndex(paths: [index])
    let stems = try StemCache()
    let parser = QueryParser()
    var outcomes = (built: 0, searched: 0, refused: 0)
    for number in 0..<QueryGenerator.queries {
      var queries = QueryGenerator(generator: SeededGenerator(seed: QueryGenerator.firstSeed &+ UInt64(number)))
      let text = queries.query()
      let label = "query \(number): \(text.debugDescription)"
      do {
        for defaultOperator in [DefaultOperator.and, .or] {
          guard let node = try parser.parse(text, defaultOperator: defaultOperator) else { continue }
          let builder = QueryBuilder(
            db: searcher.db, stems: stems, wordSets: WordSetReader(db: searcher.db),
            synonyms: { SynonymTable.builtIn.variants(of: $0) })
          _ = try builder.build(node)
          outcomes.built += 1
        }
        guard number % QueryGenerator.searchEvery == 0 else { continue }
        Self.check(try searcher.search(SearchRequest(query: text, limit: 5)), label)
        outcomes.searched += 1
      } catch DepechesError.invalidQuery(let message) {
        #expect(!message.isEmpty, "\(label)")
        outcomes.refused += 1
      }
    }
    // The grammar reaches both sides: most queries are answered, some refused.
    #expect(outcomes.built > QueryGenerator.queries)
    #expect(outcomes.searched > QueryGenerator.queries / QueryGenerator.searchEvery / 2)
    #expect(outcomes.refused > 0)
  }

  /// A response is consistent: a page within the limit, ranks in order, highlights inside
  /// their snippet and apart, month counts adding up to the total.
  static func check(_ response: SearchResponse, _ label: String) {
    #expect(response.hits.count <= 5 && response.hits.count <= response.total, "\(label)")
    #expect(response.hits.map(\.rank) == Array(stride(from: 1, through: response.hits.count, by: 1)), "\(label)")
    #expect(response.months.reduce(0) { $0 + $1.count } == response.total, "\(label)")
    for hit in response.hits {
      let length = hit.snippet.text.unicodeScalars.count
      var end = 0
      for range in hit.snippet.highlights {
        #expect(range.lowerBound >= end && range.upperBound <= length && !range.isEmpty, "\(label)")
        end = range.upperBound
      }
    }
  }
}

/// The two limits of the parser, at and past their bound.
@Suite struct QueryLimitsTests {
  let parser = QueryParser()

  @Test func parenthesesNestUpToTheLimit() throws {
    let nested = { (depth: Int) in String(repeating: "(", count: depth) + "drone" + String(repeating: ")", count: depth) }
    #expect(try parser.parse(nested(QueryGrammar.maxDepth)) == parser.parse("drone"))
    #expect(throws: DepechesError.self) { try parser.parse(nested(QueryGrammar.maxDepth + 1)) }
    // Unclosed parentheses count too: they nest what follows them.
    #expect(throws: DepechesError.self) { try parser.parse(String(repeating: "(", count: 50_000)) }
    // Side by side, parentheses do not nest.
    #expect(try parser.parse(String(repeating: "(drone) ", count: 500)) != nil)
  }

  @Test func wordsUpToTheLimit() throws {
    let words = { (count: Int) in Array(repeating: "drone", count: count).joined(separator: " ") }
    #expect(try parser.parse(words(QueryParser.maxWords)) != nil)
    #expect(throws: DepechesError.self) { try parser.parse(words(QueryParser.maxWords + 1)) }
    let phrase = "\"" + words(QueryParser.maxWords + 1) + "\""
    #expect(throws: DepechesError.self) { try parser.parse(phrase) }
  }
}

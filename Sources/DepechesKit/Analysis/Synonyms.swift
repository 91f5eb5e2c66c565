/// Groups of name variants that French dispatches mix up ("karabagh, karabakh, karabach"),
/// as folded single terms. The built-in table is data/synonyms-fr.txt, embedded by
/// scripts/gen-stopwords in `SynonymData.swift`.
///
/// Format: one group per line, comma-separated single words; `#` starts a comment; blank
/// lines are ignored. A word may belong to one group only.
public struct SynonymTable: Sendable {
  /// The table of data/synonyms-fr.txt.
  public static let builtIn: SynonymTable = {
    do {
      return try SynonymTable(parsing: builtInText)
    } catch {
      preconditionFailure("data/synonyms-fr.txt is malformed: \(error)")
    }
  }()

  /// The groups, each a list of distinct folded terms, in file order.
  public var groups: [[String]]
  private var groupOfTerm: [String: Int]

  /// Parses the synonym format; throws `DepechesError.invalidArgument("line N: …")` for a
  /// multi-word entry, an empty entry, a group of fewer than two words, or a word already
  /// in another group.
  public init(parsing text: String) throws {
    groups = []
    groupOfTerm = [:]
    let analyzer = FrenchAnalyzer()
    for line in SynonymTable.lines(of: text) {
      try addGroup(line.entries, number: line.number, analyzer: analyzer)
    }
  }

  /// The table as written by `text` (already folded and checked, one group per line, entries
  /// separated by ", "), read without the analyzer: what a search reads from its index.
  init(storedText text: String) {
    groups = []
    groupOfTerm = [:]
    for line in SynonymTable.lines(of: text) {
      let group = line.entries.map { $0.trimmedOfSpaces() }.filter { !$0.isEmpty }
      guard group.count >= 2 else { continue }
      for term in group { groupOfTerm[term] = groups.count }
      groups.append(group)
    }
  }

  /// The other members of `term`'s group, folded; empty when it has no synonyms.
  public func variants(of term: String) -> [String] {
    let folded = FrenchAnalyzer.fold(term)
    guard let group = groupOfTerm[folded] else { return [] }
    return groups[group].filter { $0 != folded }
  }

  /// The one reader of the format: each line that holds something once its comment is cut,
  /// with its number (from 1) and its comma-separated entries, untrimmed.
  private static func lines(of text: String) -> [(number: Int, entries: [String])] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, rawLine in
      let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
      guard line.contains(where: { !$0.isWhitespace }) else { return nil }
      return (offset + 1, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }
  }

  private mutating func addGroup(_ entries: [String], number: Int, analyzer: FrenchAnalyzer) throws {
    var group: [String] = []
    for entry in entries {
      let term = try Self.term(of: entry, line: number, analyzer: analyzer)
      if group.contains(term) { continue }
      if groupOfTerm[term] != nil {
        throw DepechesError.invalidArgument("line \(number): '\(term)' is already in another group")
      }
      group.append(term)
    }
    guard group.count >= 2 else {
      throw DepechesError.invalidArgument("line \(number): a group needs at least two different words")
    }
    for term in group { groupOfTerm[term] = groups.count }
    groups.append(group)
  }

  /// The folded term of one entry, which must be exactly one word.
  private static func term(of entry: String, line: Int, analyzer: FrenchAnalyzer) throws -> String {
    let tokens = analyzer.tokens(in: entry)
    let shown = entry.trimmedOfSpaces()
    guard !tokens.isEmpty else {
      throw DepechesError.invalidArgument("line \(line): empty entry")
    }
    guard tokens.count == 1 else {
      throw DepechesError.invalidArgument("line \(line): '\(shown)' is not a single word")
    }
    return tokens[0].term
  }
}

extension String {
  /// The string without leading and trailing white space.
  fileprivate func trimmedOfSpaces() -> String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
    return String(slice)
  }
}

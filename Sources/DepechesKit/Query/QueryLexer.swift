/// The pieces of a typed query, before the grammar: operators, parentheses, +/- signs,
/// quoted phrases and atoms (bare words analysed by the `FrenchAnalyzer`).
enum QueryLexeme: Equatable {
  case open, close, and, or, not
  /// A `+` or `-` sign directly before a word, a phrase or a parenthesis.
  case sign(QueryRole)
  /// A quoted phrase: every word, stop words included (maybe empty).
  case phrase([QueryWord])
  /// The nodes of one bare chunk: free words, hyphenated phrases, a wildcard.
  case atom([QueryNode])
}

/// How a clause takes part in the query around it.
enum QueryRole: Equatable {
  case plain, required, excluded
}

/// Splits query text into lexemes. Tolerant: an unbalanced quote runs to the end, a
/// closing parenthesis without an opening one is dropped.
struct QueryLexer {
  // Switches rather than Sets and Dictionaries: their first use in a process costs a
  // protocol-conformance scan at start-up (see docs/benchmarks.md).

  /// Operator words, upper-case only (English and French).
  static func op(_ word: String) -> QueryLexeme? {
    switch word {
    case "AND", "ET": return .and
    case "OR", "OU": return .or
    case "NOT", "SAUF": return .not
    default: return nil
    }
  }
  /// Characters that open a phrase: straight quote, guillemet, curly and low quotes.
  static func isOpeningQuote(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "«", "“", "”", "„": return true
    default: return false
    }
  }
  /// Characters that close a phrase.
  static func isClosingQuote(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\"", "»", "”", "“": return true
    default: return false
    }
  }
  /// Between two tokens of one chunk, only these keep them in one phrase ("10/12/2020").
  static func isConnector(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "/", ":", "_", "@", ".", "\\", "'", "’": return true
    default: return false
    }
  }
  /// A wildcard prefix needs at least this many scalars ("dr*"); shorter is a plain word.
  static let minWildcardPrefix = 2

  let analyzer: FrenchAnalyzer
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var depth = 0
  private(set) var lexemes: [QueryLexeme] = []

  /// Lexes `text` at once; read `lexemes`.
  init(_ text: String, analyzer: FrenchAnalyzer) {
    self.analyzer = analyzer
    scalars = Array(text.unicodeScalars)
    while index < scalars.count { step() }
    lexemes = NaturalQuestion.relaxed(lexemes)
  }

  private mutating func step() {
    let scalar = scalars[index]
    if scalar.properties.isWhitespace {
      index += 1
    } else if scalar == "(" {
      depth += 1
      lexemes.append(.open)
      index += 1
    } else if scalar == ")" {
      if depth > 0 { lexemes.append(.close) }
      depth = max(0, depth - 1)
      index += 1
    } else if QueryLexer.isOpeningQuote(scalar) {
      readPhrase()
    } else if QueryLexer.isClosingQuote(scalar) {
      index += 1  // a closing quote with no phrase open
    } else {
      readChunk()
    }
  }

  private mutating func readPhrase() {
    let start = index + 1
    var end = start
    while end < scalars.count && !QueryLexer.isClosingQuote(scalars[end]) { end += 1 }
    let words = analyzer.tokens(in: text(start..<end)).map { QueryLexer.word($0) }
    lexemes.append(.phrase(words))
    index = min(end + 1, scalars.count)
  }

  private mutating func readChunk() {
    let start = index
    while index < scalars.count && !endsChunk(scalars[index]) { index += 1 }
    var chunk = text(start..<index)
    if let op = QueryLexer.op(chunk) {
      lexemes.append(op)
      return
    }
    guard let first = chunk.unicodeScalars.first, first == "+" || first == "-" else {
      appendAtom(chunk)
      return
    }
    chunk.unicodeScalars.removeFirst()
    let sign = QueryLexeme.sign(first == "+" ? .required : .excluded)
    if chunk.isEmpty {
      if index < scalars.count, scalars[index] == "(" || QueryLexer.isOpeningQuote(scalars[index]) {
        lexemes.append(sign)
      }
      return
    }
    lexemes.append(sign)
    if !appendAtom(chunk) { lexemes.removeLast() }
  }

  private func endsChunk(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || scalar == "(" || scalar == ")"
      || QueryLexer.isOpeningQuote(scalar) || QueryLexer.isClosingQuote(scalar)
  }

  /// Appends the atom of a chunk; false when nothing searchable is in it.
  @discardableResult
  private mutating func appendAtom(_ chunk: String) -> Bool {
    if let (field, value) = QueryLexer.fieldPrefix(chunk) { return appendField(field, value) }
    let nodes = atomNodes(chunk)
    guard !nodes.isEmpty else { return false }
    lexemes.append(.atom(nodes))
    return true
  }

  /// Appends a field query: the words of `value`, or of the quoted phrase that follows
  /// `field:`; false when nothing searchable is in it.
  private mutating func appendField(_ field: QueryField, _ value: String) -> Bool {
    if value.isEmpty, index < scalars.count, QueryLexer.isOpeningQuote(scalars[index]) {
      readPhrase()
      guard case .phrase(let phrase)? = lexemes.popLast(), !phrase.isEmpty else { return false }
      lexemes.append(.atom([phrase.count > 1 ? .fieldPhrase(field, phrase) : .field(field, phrase)]))
      return true
    }
    let written = Array(value.unicodeScalars)
    let tokens = analyzer.tokens(in: value)
    let word = { (token: Token) in QueryLexer.word(token, capitalised: QueryLexer.isTitleCase(written[token.range])) }
    // Title words joined by a hyphen or an apostrophe (title:cessez-le-feu) stay a phrase.
    let groups = field == .title ? self.groups(of: tokens, in: written) : [tokens]
    let single = groups.filter { $0.count == 1 || field != .title }.flatMap { $0.map(word) }
    var nodes = groups.filter { $0.count > 1 && field == .title }.map { QueryNode.fieldPhrase(field, $0.map(word)) }
    if !single.isEmpty { nodes.insert(.field(field, single), at: 0) }
    guard !nodes.isEmpty else { return false }
    lexemes.append(.atom(nodes))
    return true
  }

  /// A wildcard (`drone*`), or words and hyphenated phrases.
  private func atomNodes(_ chunk: String) -> [QueryNode] {
    var stripped = chunk
    while stripped.unicodeScalars.last == "*" { stripped.unicodeScalars.removeLast() }
    let tokens = analyzer.tokens(in: stripped)
    if stripped.count < chunk.count, tokens.count == 1,
      tokens[0].term.unicodeScalars.count >= QueryLexer.minWildcardPrefix
    {
      return [.wildcard(prefix: tokens[0].term)]
    }
    let written = Array(stripped.unicodeScalars)
    let word = { (token: Token) in QueryLexer.word(token, capitalised: QueryLexer.isTitleCase(written[token.range])) }
    return groups(of: tokens, in: written).map { group in
      group.count == 1 ? .word(word(group[0])) : .phrase(group.map(word))
    }
  }

  /// Tokens kept together: hyphen-joined, or separated only by connectors.
  private func groups(of tokens: [Token], in chunk: [Unicode.Scalar]) -> [[Token]] {
    var result: [[Token]] = []
    for token in tokens {
      if let previous = result.last?.last,
        previous.joinsNext
          || chunk[previous.range.upperBound..<token.range.lowerBound].allSatisfy(QueryLexer.isConnector)
      {
        result[result.count - 1].append(token)
      } else {
        result.append([token])
      }
    }
    return result
  }

  private func text(_ range: Range<Int>) -> String {
    String(String.UnicodeScalarView(scalars[range]))
  }

  /// True for a word written with a capital then lower case ("Marie", "McCain"): a name. A
  /// word in capitals throughout ("INTERNATIONALE", "OTAN") is emphasis or an acronym.
  static func isTitleCase(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let first = word.first, first.properties.isUppercase else { return false }
    return word.dropFirst().contains { $0.properties.isLowercase }
  }

  /// The query word of a token.
  static func word(_ token: Token, capitalised: Bool = false) -> QueryWord {
    QueryWord(
      term: token.term, stemBase: token.stemBase, isStopWord: token.isStopWord,
      isCapitalised: capitalised)
  }
}

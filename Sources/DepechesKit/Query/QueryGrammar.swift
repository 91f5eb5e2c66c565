/// The recursive-descent grammar over `QueryLexeme`s:
///
///     query := or
///     or    := and ((OR | implicit, when the default is OR) and)*
///     and   := unary ((AND | implicit, when the default is AND) unary | NOT unary)*
///     unary := sign unary | primary
///     primary := '(' or ')'? | phrase | atom
///
/// The recursion is only through parentheses, and bounded: a query nesting them more than
/// `maxDepth` deep is refused with `DepechesError.invalidQuery` (unbounded, 50,000 of them
/// overflowed the stack). Every other rule loops, so the work is linear in the lexemes.
struct QueryGrammar {
  /// Parentheses nested deeper than this are refused: far more than any query a person
  /// writes, and a few stack frames per level, well inside a thread's stack.
  static let maxDepth = 100

  let lexemes: [QueryLexeme]
  let defaultOperator: DefaultOperator
  /// True when some free word is not a stop word: stop words are then dropped from
  /// free words (never from phrases, never when required with `+`).
  let dropStopWords: Bool
  private var index = 0
  private var depth = 0

  init(lexemes: [QueryLexeme], defaultOperator: DefaultOperator, dropStopWords: Bool) {
    self.lexemes = lexemes
    self.defaultOperator = defaultOperator
    self.dropStopWords = dropStopWords
  }

  /// True when a free word of the query is not a stop word.
  static func hasContentWord(_ lexemes: [QueryLexeme]) -> Bool {
    lexemes.contains { lexeme in
      guard case .atom(let nodes) = lexeme else { return false }
      return nodes.contains { node in
        if case .word(let word) = node { return !word.isStopWord }
        return false
      }
    }
  }

  /// Parses every lexeme (anything left after a complete expression is joined to it).
  mutating func parseQuery() throws -> QueryNode? {
    var clauses: [QueryClause] = []
    while index < lexemes.count {
      let before = index
      if let clause = try parseOr() { clauses.append(clause) }
      if index == before { index += 1 }
    }
    let joined = defaultOperator == .and
      ? QueryClause.conjunction(clauses) : QueryClause.disjunction(clauses)
    return joined?.query
  }

  private var current: QueryLexeme? { index < lexemes.count ? lexemes[index] : nil }

  private var startsPrimary: Bool {
    switch current {
    case .open?, .sign?, .phrase?, .atom?: return true
    default: return false
    }
  }

  private mutating func parseOr() throws -> QueryClause? {
    var clauses: [QueryClause] = []
    while true {
      if let clause = try parseAnd() { clauses.append(clause) }
      if current == .or {
        index += 1
      } else if !(defaultOperator == .or && startsPrimary) {
        break
      }
    }
    return QueryClause.disjunction(clauses)
  }

  private mutating func parseAnd() throws -> QueryClause? {
    var clauses: [QueryClause] = []
    var joined = true
    while let lexeme = current {
      if lexeme == .and || lexeme == .not {
        index += 1
        joined = true
        guard lexeme == .not else { continue }
        if var clause = try parseUnary() {
          clause.role = .excluded
          clauses.append(clause)
        }
        continue
      }
      guard startsPrimary, joined || defaultOperator == .and else { break }
      if let clause = try parseUnary() { clauses.append(clause) }
      joined = false
    }
    return QueryClause.conjunction(clauses)
  }

  private mutating func parseUnary() throws -> QueryClause? {
    guard case .sign(let role)? = current else { return try parsePrimary(required: false) }
    index += 1
    let inner: QueryClause?
    if case .sign? = current {
      inner = try parseUnary()
    } else {
      inner = try parsePrimary(required: role == .required)
    }
    guard var clause = inner else { return nil }
    clause.role = role
    return clause
  }

  private mutating func parsePrimary(required: Bool) throws -> QueryClause? {
    guard startsPrimary, let lexeme = current else { return nil }
    index += 1
    switch lexeme {
    case .open:
      guard depth < QueryGrammar.maxDepth else {
        throw DepechesError.invalidQuery(
          "the query nests parentheses more than \(QueryGrammar.maxDepth) deep")
      }
      depth += 1
      defer { depth -= 1 }
      let inner = try parseOr()
      if current == .close { index += 1 }
      return inner
    case .phrase(let words):
      return words.isEmpty ? nil : QueryClause(node: .phrase(words), role: .plain)
    case .atom(let nodes):
      return atom(nodes, required: required)
    default:
      return nil
    }
  }

  /// The clause of a bare chunk's nodes, stop words dropped if need be.
  private func atom(_ nodes: [QueryNode], required: Bool) -> QueryClause? {
    let kept = nodes.filter { node in
      guard dropStopWords, !required, case .word(let word) = node else { return true }
      return !word.isStopWord
    }
    let clauses = kept.map { QueryClause(node: $0, role: .plain) }
    return defaultOperator == .and
      ? QueryClause.conjunction(clauses) : QueryClause.disjunction(clauses)
  }
}

/// A parsed piece of a query with its role (+, -, or plain), and how pieces combine.
struct QueryClause {
  var node: QueryNode
  var role: QueryRole

  /// Pieces joined by AND: exclusions (NOT, `-word`) apply to the conjunction of the others.
  static func conjunction(_ clauses: [QueryClause]) -> QueryClause? {
    guard clauses.count > 1 else { return clauses.first }
    let positives = clauses.filter { $0.role != .excluded }.map(\.node)
    let negatives = clauses.filter { $0.role == .excluded }.map(\.node)
    let positive = positives.isEmpty ? QueryNode.everything : all(positives)
    return QueryClause(node: excluding(negatives, from: positive), role: .plain)
  }

  /// Pieces joined by OR: `+word`s are required and the plain ones only rank
  /// (`boost`); `-word`s exclude from the whole.
  static func disjunction(_ clauses: [QueryClause]) -> QueryClause? {
    guard clauses.count > 1 else { return clauses.first }
    let plain = clauses.filter { $0.role == .plain }.map(\.node)
    let required = clauses.filter { $0.role == .required }.map(\.node)
    let negatives = clauses.filter { $0.role == .excluded }.map(\.node)
    let positive: QueryNode
    if required.isEmpty {
      positive = plain.isEmpty ? .everything : any(plain)
    } else if plain.isEmpty {
      positive = all(required)
    } else {
      positive = .boost(required: all(required), optional: any(plain))
    }
    return QueryClause(node: excluding(negatives, from: positive), role: .plain)
  }

  /// The clause as a whole query: a lone exclusion excludes from every document.
  var query: QueryNode {
    role == .excluded ? .exclude(.everything, excluded: [node]) : node
  }

  /// `.all` of the nodes, nested `.all`s flattened; a single node stays itself.
  static func all(_ nodes: [QueryNode]) -> QueryNode {
    let flat = nodes.flatMap { node -> [QueryNode] in
      if case .all(let inner) = node { return inner }
      return [node]
    }
    return flat.count == 1 ? flat[0] : .all(flat)
  }

  /// `.any` of the nodes, nested `.any`s flattened; a single node stays itself.
  static func any(_ nodes: [QueryNode]) -> QueryNode {
    let flat = nodes.flatMap { node -> [QueryNode] in
      if case .any(let inner) = node { return inner }
      return [node]
    }
    return flat.count == 1 ? flat[0] : .any(flat)
  }

  private static func excluding(_ negatives: [QueryNode], from positive: QueryNode) -> QueryNode {
    negatives.isEmpty ? positive : .exclude(positive, excluded: negatives)
  }
}

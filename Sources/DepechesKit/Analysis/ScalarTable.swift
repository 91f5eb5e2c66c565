/// Kinds, lower-case and folded UTF-8 forms of the scalars below `limit`, computed once:
/// the tokenizer's hot path is a table lookup, never a Unicode property query.
final class ScalarTable: @unchecked Sendable {
  /// Scalars below this are in the table (Latin, Greek, Cyrillic, Armenian); the rest
  /// (typographic punctuation, CJK, ...) go through the slow path. A larger table cost ~13 ms
  /// of start-up per `depeches search` process for little indexing gain.
  static let limit: UInt32 = 0x0590
  /// The one table, built on first use.
  static let shared = ScalarTable()

  /// `kinds[v]` is the `ScalarKind` raw value of scalar v.
  let kinds: UnsafeMutablePointer<UInt8>
  /// `lowerSpans[v]` = offset << 8 | length of v's lower-case UTF-8 bytes in `bytes`.
  let lowerSpans: UnsafeMutablePointer<UInt32>
  /// `foldSpans[v]` = offset << 8 | length of v's folded UTF-8 bytes in `bytes`.
  let foldSpans: UnsafeMutablePointer<UInt32>
  /// The UTF-8 bytes all spans point into.
  let bytes: UnsafeMutablePointer<UInt8>
  /// (base, combining mark) → precomposed letter.
  let compositions: [UInt64: UInt32]

  private init() {
    let count = Int(ScalarTable.limit)
    kinds = .allocate(capacity: count)
    lowerSpans = .allocate(capacity: count)
    foldSpans = .allocate(capacity: count)
    var storage: [UInt8] = []
    var seen: [[UInt8]: UInt32] = [:]
    func span(_ text: String) -> UInt32 {
      let utf8 = Array(text.utf8)
      if let known = seen[utf8] { return known }
      let value = UInt32(storage.count) << 8 | UInt32(utf8.count)
      storage += utf8
      seen[utf8] = value
      return value
    }
    for value in 0..<ScalarTable.limit {
      kinds[Int(value)] = ScalarKind.classify(value).rawValue
      lowerSpans[Int(value)] = span(Folding.lower(value))
      foldSpans[Int(value)] = span(Folding.fold(value))
    }
    bytes = .allocate(capacity: storage.count)
    bytes.initialize(from: storage, count: storage.count)
    compositions = Folding.compositions(below: ScalarTable.limit)
  }

  /// The kind of any scalar.
  @inline(__always)
  func kind(_ value: UInt32) -> ScalarKind {
    value < ScalarTable.limit ? ScalarKind(rawValue: kinds[Int(value)])! : ScalarTable.slowKind(value)
  }

  /// The kind of a scalar outside the table (ligatures of U+FB00 are letters).
  static func slowKind(_ value: UInt32) -> ScalarKind {
    ScalarKind.classify(value)
  }

  /// The precomposed form of base + mark, if Unicode has one.
  func compose(_ base: UInt32, _ mark: UInt32) -> UInt32? {
    compositions[Folding.key(base, mark)]
  }
}

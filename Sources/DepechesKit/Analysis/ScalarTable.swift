/// Kinds, lower-case and folded UTF-8 forms of the scalars below `limit`: the tokenizer's hot
/// path is a table lookup, never a Unicode property query.
///
/// The data is generated ahead of time (`ScalarTableData.swift`, by scripts/gen-scalar-table,
/// from `Folding` and `ScalarKind`), so a process pays a copy, not Foundation's
/// normalisation of every scalar, the first time it analyses text.
///
/// `@unchecked Sendable`: the pointers are `let`s, filled once in `init` (before `shared` is
/// published) and never written again nor freed, so every thread only reads them.
final class ScalarTable: @unchecked Sendable {
  /// Scalars below this are in the table (Latin, Greek, Cyrillic, Armenian); the rest
  /// (typographic punctuation, CJK, ...) go through the slow path. Changing it means running
  /// scripts/gen-scalar-table.
  static let limit: UInt32 = 0x0590
  /// The one table, made on first use.
  static let shared = ScalarTable()

  /// `kinds[v]` is the `ScalarKind` raw value of scalar v.
  let kinds: UnsafeMutablePointer<UInt8>
  /// `lowerSpans[v]` = offset << 8 | length of v's lower-case UTF-8 bytes in `bytes`.
  let lowerSpans: UnsafeMutablePointer<UInt32>
  /// `foldSpans[v]` = offset << 8 | length of v's folded UTF-8 bytes in `bytes`.
  let foldSpans: UnsafeMutablePointer<UInt32>
  /// The UTF-8 bytes all spans point into.
  let bytes: UnsafeMutablePointer<UInt8>

  private init() {
    precondition(
      ScalarTable.generatedLimit == ScalarTable.limit && ScalarTable.generatedKinds.count == Int(ScalarTable.limit),
      "ScalarTableData.swift is stale: run scripts/gen-scalar-table")
    kinds = ScalarTable.copy(ScalarTable.generatedKinds)
    lowerSpans = ScalarTable.copy(ScalarTable.generatedLowerSpans)
    foldSpans = ScalarTable.copy(ScalarTable.generatedFoldSpans)
    bytes = ScalarTable.copy(ScalarTable.generatedBytes)
  }

  /// A never-freed copy of generated data, for the hot path's unchecked pointer reads.
  private static func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
    let pointer = UnsafeMutablePointer<T>.allocate(capacity: values.count)
    pointer.initialize(from: values, count: values.count)
    return pointer
  }

  /// (base, combining mark) → precomposed letter, made on first use (NFD input only).
  static let compositions: [UInt64: UInt32] = {
    let triples = generatedCompositions
    var pairs: [UInt64: UInt32] = [:]
    pairs.reserveCapacity(triples.count / 3)
    for start in stride(from: 0, to: triples.count, by: 3) {
      pairs[Folding.key(triples[start], triples[start + 1])] = triples[start + 2]
    }
    return pairs
  }()

  /// The kind of any scalar.
  @inline(__always)
  func kind(_ value: UInt32) -> ScalarKind {
    value < ScalarTable.limit ? ScalarKind(rawValue: kinds[Int(value)])! : ScalarTable.slowKind(value)
  }

  /// The kind of a scalar outside the table (ligatures of U+FB00 are letters).
  static func slowKind(_ value: UInt32) -> ScalarKind {
    ScalarKind.classify(value)
  }

  /// Calls `body` with the folded UTF-8 bytes of any scalar (`Folding.fold`: the table's copy
  /// below `limit`, computed above it). The tokenizer's terms and `FrenchAnalyzer.fold` both
  /// fold through here, so the engine has one fold.
  @inline(__always)
  func withFoldedBytes<R>(_ value: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard value < ScalarTable.limit else {
      var folded = Folding.fold(value)
      return folded.withUTF8(body)
    }
    let span = foldSpans[Int(value)]
    return body(UnsafeBufferPointer(start: bytes + Int(span >> 8), count: Int(span & 0xFF)))
  }

  /// The precomposed form of base + mark, if Unicode has one.
  func compose(_ base: UInt32, _ mark: UInt32) -> UInt32? {
    ScalarTable.compositions[Folding.key(base, mark)]
  }
}

@testable import DepechesKit
import Testing

/// The generated table (scripts/gen-scalar-table) must say exactly what `ScalarKind` and
/// `Folding` compute with this toolchain: a failure here means the data is stale.
@Suite struct ScalarTableTests {
  /// The UTF-8 bytes a span points to.
  static func text(_ span: UInt32, in table: ScalarTable) -> [UInt8] {
    Array(UnsafeBufferPointer(start: table.bytes + Int(span >> 8), count: Int(span & 0xFF)))
  }

  @Test func kindsAreTheComputedOnes() {
    let table = ScalarTable.shared
    for value in 0..<ScalarTable.limit {
      #expect(table.kinds[Int(value)] == ScalarKind.classify(value).rawValue, "U+\(String(value, radix: 16))")
    }
  }

  @Test func lowerAndFoldedFormsAreTheComputedOnes() {
    let table = ScalarTable.shared
    for value in 0..<ScalarTable.limit {
      let name = "U+\(String(value, radix: 16))"
      #expect(Self.text(table.lowerSpans[Int(value)], in: table) == Array(Folding.lower(value).utf8), "\(name)")
      #expect(Self.text(table.foldSpans[Int(value)], in: table) == Array(Folding.fold(value).utf8), "\(name)")
    }
  }

  @Test func compositionsAreTheComputedOnes() {
    #expect(ScalarTable.compositions == Folding.compositions(below: ScalarTable.limit))
    #expect(ScalarTable.shared.compose(0x65, 0x301) == 0xE9)  // e + acute → é
    #expect(ScalarTable.shared.compose(0x65, 0x41) == nil)
  }
}

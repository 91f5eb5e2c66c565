import Testing

@testable import DepechesKit

/// `DispatchDraft.hasControl` reads bytes in blocks; it must find exactly the characters that
/// `withoutControls` replaces, wherever they sit against a block's edge.
@Suite struct ControlScanTests {
  /// The definition, one scalar at a time: C0 but tab to CR, DEL, C1 but NEL.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v < 0x20 && !(0x09...0x0D).contains(v)) || ((0x7F...0x9F).contains(v) && v != 0x85)
  }

  /// French prose with accents, guillemets and an NBSP, longer than two blocks.
  static let prose: String = {
    let sentence = "Le cessez-le-feu signé à Moscou\u{A0}: « une trêve fragile », dit l’envoyé.\t\n"
    return String(repeating: sentence, count: 3 * Cancellation.checkInterval / sentence.utf8.count + 1)
  }()

  /// ASCII letters: a scalar inserted at offset 1,023 has its second UTF-8 byte in the next block.
  static let ascii = String(repeating: "a", count: 3 * Cancellation.checkInterval)

  /// `base` with `scalar` inserted before the `offset`-th scalar.
  static func inserting(_ scalar: Unicode.Scalar, at offset: Int, into base: String) -> String {
    var scalars = Array(base.unicodeScalars)
    scalars.insert(scalar, at: min(offset, scalars.count))
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  @Test func cleanProseHasNoControl() {
    #expect(!DispatchDraft.hasControl(Self.prose))
    #expect(DispatchDraft.withoutControls(Self.prose) == Self.prose)
    #expect(!DispatchDraft.hasControl(""))
  }

  @Test(arguments: [0, 1, 1_020, 1_021, 1_022, 1_023, 1_024, 2_047, 2_048, 100_000])
  func everyCodeIsFoundAsTheDefinitionSays(offset: Int) throws {
    let codes = (0x00...0x20).map { $0 } + (0x7E...0xA0).map { $0 } + [0xC2, 0xE9, 0x2028]
    for code in codes {
      let scalar = try #require(Unicode.Scalar(UInt32(code)))
      for text in [Self.inserting(scalar, at: offset, into: Self.prose), Self.inserting(scalar, at: offset, into: Self.ascii)] {
        #expect(DispatchDraft.hasControl(text) == Self.isControl(scalar), "U+\(String(code, radix: 16)) at \(offset)")
        let cleaned = DispatchDraft.withoutControls(text)
        #expect(!cleaned.unicodeScalars.contains(where: Self.isControl))
        #expect(cleaned.unicodeScalars.count == text.unicodeScalars.count)
      }
    }
  }
}

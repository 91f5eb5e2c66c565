/// What one Unicode scalar is to the tokenizer. Letters of every script and decimal digits
/// make words; the other kinds matter only between two word characters.
enum ScalarKind: UInt8 {
  /// Punctuation, symbols, controls: ends a word.
  case other
  /// A letter of any script (Latin, Cyrillic, Armenian, Greek, CJK, ...).
  case letter
  /// A decimal digit.
  case digit
  /// A combining mark: continues a word (NFD accents, which folding removes).
  case mark
  /// ' ’ ʼ ‘ ´: an elision or part of a word (aujourd'hui), depending on the letters around.
  case apostrophe
  /// - ‐ ‑: joins the parts of a compound (cessez-le-feu) when letters are on both sides.
  case hyphen
  /// U+00AD, invisible: removed inside a word.
  case softHyphen
  /// '.': joins dotted acronyms (O.T.A.N.) and decimals.
  case dot
  /// ',': the French decimal comma (3,5).
  case comma
  /// A space that may separate digit groups (10 000): ASCII space, NBSP, narrow NBSP, thin space.
  case groupSpace

  /// True for the kinds that start a word.
  var startsWord: Bool { self == .letter || self == .digit }

  /// True for the kinds that may continue a word.
  var continuesWord: Bool { self == .letter || self == .digit || self == .mark }

  /// The kind of a scalar, from its Unicode properties (the table caches this).
  static func classify(_ value: UInt32) -> ScalarKind {
    if let special = specials[value] { return special }
    guard let scalar = Unicode.Scalar(value) else { return .other }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      return .letter
    case .decimalNumber:
      return .digit
    case .nonspacingMark, .spacingMark, .enclosingMark:
      return .mark
    default:
      return .other
    }
  }

  /// Scalars whose role in French text differs from what their category says.
  static let specials: [UInt32: ScalarKind] = [
    0x27: .apostrophe, 0x2019: .apostrophe, 0x02BC: .apostrophe, 0x2018: .apostrophe,
    0xB4: .apostrophe,
    0x2D: .hyphen, 0x2010: .hyphen, 0x2011: .hyphen,
    0xAD: .softHyphen,
    0x2E: .dot,
    0x2C: .comma,
    0x20: .groupSpace, 0xA0: .groupSpace, 0x202F: .groupSpace, 0x2009: .groupSpace,
  ]
}

/// True for the combining diacritical marks that folding removes (accents in NFD text).
@inline(__always)
func isCombiningDiacritic(_ value: UInt32) -> Bool {
  (0x300...0x36F).contains(value) || (0x1AB0...0x1AFF).contains(value)
    || (0x1DC0...0x1DFF).contains(value) || (0x20D0...0x20FF).contains(value)
    || (0xFE20...0xFE2F).contains(value)
}

import Foundation

/// Folding of one scalar: lower-case, then ligatures expanded and accents removed. The one
/// definition of folding: index terms, query words, stop words, synonyms, sources and month
/// names are all folded by it, through `ScalarTable.withFoldedBytes` (a word:
/// `FrenchAnalyzer.fold`).
/// Foundation's canonical decomposition is used only here: by scripts/gen-scalar-table to make
/// `ScalarTable`'s data, and at run time for scalars beyond `ScalarTable.limit`.
enum Folding {
  /// Letters that have no canonical decomposition but fold to plain Latin letters
  /// (ligatures, and letters of names met in dispatches: Ø, Đ, Ł, ı, ß).
  static let extraFolds: [UInt32: String] = [
    0xE6: "ae", 0x153: "oe", 0xDF: "ss", 0xF8: "o", 0x111: "d", 0x142: "l", 0x131: "i",
    0xFE: "th", 0xF0: "d", 0x140: "l", 0x133: "ij",
    0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st",
    0xFB06: "st",
  ]

  /// The lower-case form of a scalar, accents kept (what the stemmer needs).
  static func lower(_ value: UInt32) -> String {
    guard let scalar = Unicode.Scalar(value) else { return "" }
    if value < 0x80 { return String(scalar).lowercased() }
    return scalar.properties.lowercaseMapping
  }

  /// The folded form of a scalar: lower-case, ligatures expanded, accents removed,
  /// apostrophes made ASCII, soft hyphens removed.
  static func fold(_ value: UInt32) -> String {
    switch ScalarKind.classify(value) {
    case .apostrophe: return "'"
    case .softHyphen: return ""
    default: break
    }
    if isCombiningDiacritic(value) { return "" }
    var result = ""
    for lowered in lower(value).unicodeScalars {
      if let extra = extraFolds[lowered.value] {
        result += extra
        continue
      }
      let decomposed = String(lowered).decomposedStringWithCanonicalMapping
      for part in decomposed.unicodeScalars where !isCombiningDiacritic(part.value) {
        result.unicodeScalars.append(part)
      }
    }
    return result
  }

  /// Pairs (base, combining mark) → precomposed letter, for the scalars of the table, so
  /// that NFD input gives the same accented `stemBase` as NFC input.
  static func compositions(below limit: UInt32) -> [UInt64: UInt32] {
    var pairs: [UInt64: UInt32] = [:]
    var longer: [(UInt32, [UInt32])] = []
    for value in UInt32(0xC0)..<limit {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
      guard parts.count >= 2, parts.dropFirst().allSatisfy(isCombiningDiacritic) else { continue }
      if parts.count == 2 { pairs[key(parts[0], parts[1])] = value } else { longer.append((value, parts)) }
    }
    for (value, parts) in longer {
      var base = parts[0]
      for mark in parts.dropFirst().dropLast() {
        guard let next = pairs[key(base, mark)] else { break }
        base = next
      }
      let last = key(base, parts[parts.count - 1])
      if pairs[last] == nil { pairs[last] = value }
    }
    return pairs
  }

  /// The dictionary key of a (base, mark) pair.
  @inline(__always)
  static func key(_ base: UInt32, _ mark: UInt32) -> UInt64 {
    UInt64(base) << 32 | UInt64(mark)
  }
}

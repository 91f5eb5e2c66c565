/// French elisions: "l’Arménie" is the word "arménie" after the elided article "l’".
/// Only these prefixes, followed by an apostrophe and a letter, are removed; another
/// apostrophe inside a word joins two parts, as a hyphen does (aujourd'hui: aujourd, hui).
enum Elision {
  /// The elided words, folded (lower-case ASCII), without their apostrophe.
  static let prefixes: Set<String> = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
  ]
  /// Single-letter elisions, as bytes for the hot path.
  private static let singleLetters: Set<UInt8> = Set("ldjmnstc".utf8)

  /// True when the folded word in `bytes` is an elided prefix ("l", "qu", "jusqu", ...).
  static func isElided(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
    switch count {
    case 1:
      return singleLetters.contains(bytes[0])
    case 2...6:
      guard bytes[count - 2] == UInt8(ascii: "q"), bytes[count - 1] == UInt8(ascii: "u") else {
        return false
      }
      let word = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
      return prefixes.contains(word)
    default:
      return false
    }
  }
}

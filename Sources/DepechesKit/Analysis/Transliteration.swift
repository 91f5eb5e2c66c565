/// The transliteration skeleton of a name: what French, English and German spellings of one
/// Russian, Ukrainian, Arabic or Hebrew name have in common (Porochenko and Poroshenko,
/// Navalny and Navalnyï, Khodorkovski and Khodorkovsky, Kadhafi and Qaddafi, Netanyahou and
/// Netanyahu). Two capitalised words with one skeleton are taken as one name; the indexer
/// keeps, per skeleton, the words written as names (`Schema.nameSkeletonPrefix`), and a
/// capitalised query word matches those of its skeleton. Rules in `docs/french.md`; the
/// merges the corpus produces are listed and checked by hand in `docs/relevance.md`.
enum Transliteration {
  /// Skeletons shorter than this (in letters) join nothing: short names collide by chance
  /// (Luis and Louis, Han and Khan).
  static let minSkeleton = 5
  /// Spellings that differ by the rules only, yet name different people or places: the
  /// skeleton never joins them (Bernard Kouchner, Jared Kushner; the Syrian town of Douma,
  /// the Russian Duma; Luxembourg, Rosa Luxemburg; Qatar, Manohar Lal Khattar; Michel,
  /// Mitchell; Sidney, Sydney; Roussel, Russell; Ginés, Guinness; the Ramstein air base, the
  /// band Rammstein; Carol, Carroll). Found by checking by hand the merges of the corpora
  /// (docs/french.md).
  static let distinctNames: [[String]] = [
    ["kouchner", "kushner"], ["douma", "duma"], ["luxembourg", "luxemburg"], ["qatar", "khattar"],
    ["michel", "mitchell"], ["sidney", "sydney"], ["roussel", "russel"], ["gines", "guinness"],
    ["ramstein", "rammstein"], ["carol", "carroll"],
  ]

  /// Replacements, tried at each position in this order (longest first): the sounds the
  /// transliterations spell differently, each written one way. "C" stands for the sound of
  /// French ch / English sh (and French tch / English ch, which the press mixes).
  private static let rules: [(from: [UInt8], to: [UInt8])] = [
    ("dzh", "j"), ("tch", "C"), ("sh", "C"), ("ch", "C"), ("zh", "j"), ("dj", "j"),
    ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ou", "u"), ("q", "k"),
    ("gue", "ge"), ("gui", "gi"),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
  /// Letters after which a final y is the ending -i (Zelensky, Navalny, Alexey, Tolstoy):
  /// after other consonants a final y stays (Henry is not Henri).
  private static let finalYAsI: Set<UInt8> = Set("knaeiou".utf8)

  /// The skeleton of a folded word, or nil when it has letters outside a–z or is too short.
  static func skeleton(_ folded: String) -> String? {
    let bytes = Array(folded.utf8)
    guard bytes.count >= minSkeleton, bytes.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if let rule = rules.first(where: { matches($0.from, bytes, at: index) }) {
        out += rule.to
        index += rule.from.count
        continue
      }
      out.append(yAsI(bytes, at: index) ? UInt8(ascii: "i") : bytes[index])
      index += 1
    }
    // Doubled consonants are one (Kadhafi, Qaddafi; Hassan, Hasan), and so is the ii a y
    // becomes after an i (Navalnyï); other doubled vowels stay (armées is not armes).
    var collapsed: [UInt8] = []
    for byte in out where byte != collapsed.last || (isVowel(byte) && byte != UInt8(ascii: "i")) {
      collapsed.append(byte)
    }
    guard collapsed.count >= minSkeleton else { return nil }
    return String(decoding: collapsed, as: UTF8.self)
  }

  /// The key a name is kept under in the index: its skeleton, or the word itself when it has
  /// none (short names, other scripts), so that every word written as a name is known as one.
  static func nameKey(_ folded: String) -> String {
    skeleton(folded) ?? folded
  }

  /// True when the skeleton may join `form` to `word` (two words of one skeleton): unless
  /// they are listed as different names (`distinctNames`), or differ by doubled letters only,
  /// which tell surnames apart more often than they transliterate (Lehman and Lehmann,
  /// Forest and Forrest, Sales and Salles; Qaddafi and Kadhafi differ by more).
  static func mayJoin(_ form: String, _ word: String) -> Bool {
    guard form != word else { return true }
    guard undoubled(form) != undoubled(word) else { return false }
    return !distinctNames.contains { $0.contains(form) && $0.contains(word) }
  }

  /// The word with every run of one letter written once.
  private static func undoubled(_ word: String) -> [UInt8] {
    var out: [UInt8] = []
    for byte in word.utf8 where byte != out.last { out.append(byte) }
    return out
  }

  private static func isVowel(_ byte: UInt8) -> Bool {
    "aeiouy".utf8.contains(byte)
  }

  private static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at index: Int) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
    return true
  }

  /// True for a y read as i: inside the word, or final after a vowel, k or n.
  private static func yAsI(_ bytes: [UInt8], at index: Int) -> Bool {
    guard bytes[index] == UInt8(ascii: "y") else { return false }
    guard index == bytes.count - 1, index > 0 else { return true }
    return finalYAsI.contains(bytes[index - 1])
  }
}

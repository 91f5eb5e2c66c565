import Testing
@testable import DepechesKit

/// The transliteration skeleton (`Transliteration`): spellings of one name meet, other words
/// and short names stay apart.
@Suite struct TransliterationTests {
  /// Pairs of folded spellings of one name, with the rule that joins them.
  static let same: [(String, String)] = [
    ("porochenko", "poroshenko"),  // ch/sh
    ("navalnyi", "navalny"),  // ï/y (folded to i), final y
    ("navalni", "navalny"),  // -i/-y
    ("khodorkovski", "khodorkovsky"),  // -i/-y after k
    ("kadhafi", "qaddafi"),  // dh/dd, q/k
    ("netanyahou", "netanyahu"),  // ou/u
    ("gorbatchev", "gorbachev"),  // tch/ch
    ("djokovic", "jokovic"),  // dj/j
    ("jirinovski", "zhirinovsky"),  // zh/j
    ("serguei", "sergey"),  // gu before e, final y after a vowel
    ("iouchtchenko", "yushchenko"),  // ou/u, ch/sh, i/y
    ("khamenei", "khameney"),  // final y after a vowel
  ]
  /// Pairs the skeleton keeps apart.
  static let apart: [(String, String)] = [
    ("henri", "henry"),  // a final y after r stays
    ("armees", "armes"),  // doubled vowels stay
    ("crimee", "crime"),
    ("khan", "han"),  // too short to join anything
  ]

  @Test(arguments: same.indices) func spellingsOfOneNameMeet(_ i: Int) throws {
    let (a, b) = Self.same[i]
    let skeleton = try #require(Transliteration.skeleton(a))
    #expect(skeleton == Transliteration.skeleton(b), "\(a) → \(skeleton), \(b) → \(Transliteration.skeleton(b) ?? "nil")")
  }

  @Test(arguments: apart.indices) func otherWordsStayApart(_ i: Int) {
    let (a, b) = Self.apart[i]
    let (sa, sb) = (Transliteration.skeleton(a), Transliteration.skeleton(b))
    #expect(sa == nil || sa != sb, "\(a) and \(b) both → \(sa ?? "nil")")
  }

  @Test func listedDifferentNamesNeverJoin() {
    for pair in Transliteration.distinctNames {
      #expect(Transliteration.skeleton(pair[0]) == Transliteration.skeleton(pair[1]), "\(pair) is no rule merge")
      #expect(!Transliteration.mayJoin(pair[0], pair[1]) && !Transliteration.mayJoin(pair[1], pair[0]))
    }
    #expect(Transliteration.mayJoin("porochenko", "poroshenko") && Transliteration.mayJoin("kadhafi", "qaddafi"))
    #expect(!Transliteration.mayJoin("lehman", "lehmann") && !Transliteration.mayJoin("salles", "sales"))
  }

  @Test func nonLatinWordsHaveNoSkeleton() {
    #expect(Transliteration.skeleton("путин") == nil)
    #expect(Transliteration.skeleton("x2000") == nil)
  }

  @Test func theAnalyzerMarksNamesInsideSentencesOnly() {
    let tokens = FrenchAnalyzer().tokens(in: "Selon Porochenko, l'OTAN. Hier Kadhafi « Moscou » parle.")
    let names = tokens.filter(\.isName).map(\.term)
    #expect(names == ["porochenko", "kadhafi"], "\(names)")
  }
}

import DepechesKit
import Testing

/// A compact, golden-testable form of a query tree: words by term, phrases in quotes,
/// `AND(…)`, `OR(…)`, `NOT(positive; excluded…)`, `BOOST(required; optional)`, `ALL`.
func describe(_ node: QueryNode?) -> String {
  guard let node else { return "nil" }
  switch node {
  case .word(let word): return word.term
  case .phrase(let words): return "\"" + words.map(\.term).joined(separator: " ") + "\""
  case .wildcard(let prefix): return prefix + "*"
  case .all(let nodes): return "AND(" + nodes.map(describe).joined(separator: ", ") + ")"
  case .any(let nodes): return "OR(" + nodes.map(describe).joined(separator: ", ") + ")"
  case .exclude(let positive, let excluded):
    return "NOT(" + describe(positive) + "; " + excluded.map(describe).joined(separator: ", ") + ")"
  case .boost(let required, let optional):
    return "BOOST(" + describe(required) + "; " + describe(optional) + ")"
  case .everything: return "ALL"
  case .field(let field, let words): return field.rawValue + ":" + words.map(\.term).joined(separator: "+")
  case .fieldPhrase(let field, let words): return field.rawValue + ":\"" + words.map(\.term).joined(separator: " ") + "\""
  }
}

@Suite struct QueryParserTests {
  let parser = QueryParser()

  @Test(arguments: [
    // Plain words: all must match; elisions, folding; stop words dropped.
    ("Arménie", "armenie"),
    ("drone Arménie", "AND(drone, armenie)"),
    ("l’Azerbaïdjan", "azerbaidjan"),
    ("ÉVACUATION", "evacuation"),
    ("jusqu’à Bakou", "bakou"),
    ("aujourd'hui", "\"aujourd hui\""),
    ("Gavr’inis", "\"gavr inis\""),
    ("O.T.A.N.", "otan"),
    ("le cessez-le-feu de la guerre", "AND(\"cessez le feu\", guerre)"),
    ("le la", "AND(le, la)"),
    ("le", "le"),
    // Hyphenated compounds and codes are phrases of their parts.
    ("cessez-le-feu", "\"cessez le feu\""),
    ("Haut-Karabakh", "\"haut karabakh\""),
    ("S-300", "\"s 300\""),
    ("10/12/2020", "\"10 12 2020\""),
    // Phrases: straight quotes, guillemets, curly quotes; stop words kept; unbalanced.
    ("\"cessez le feu\"", "\"cessez le feu\""),
    ("« cessez le feu »", "\"cessez le feu\""),
    ("“cessez le feu”", "\"cessez le feu\""),
    ("«\u{A0}l’Arménie\u{A0}»", "\"armenie\""),
    ("\"cessez le feu", "\"cessez le feu\""),
    ("Bakou \"cessez le", "AND(bakou, \"cessez le\")"),
    ("\"\" Bakou", "bakou"),
    // Operators, English and French, upper-case only; precedence.
    ("Bakou OR Erevan", "OR(bakou, erevan)"),
    ("Bakou OU Erevan", "OR(bakou, erevan)"),
    ("Bakou ou Erevan", "AND(bakou, erevan)"),
    ("Bakou AND Erevan", "AND(bakou, erevan)"),
    ("Bakou ET Erevan", "AND(bakou, erevan)"),
    ("Bakou NOT Erevan", "NOT(bakou; erevan)"),
    ("Bakou SAUF Erevan", "NOT(bakou; erevan)"),
    ("Bakou not Erevan", "AND(bakou, not, erevan)"),
    ("a1 OR b1 AND c1", "OR(a1, AND(b1, c1))"),
    ("a1 AND b1 OR c1", "OR(AND(a1, b1), c1)"),
    ("a1 b1 OR c1", "OR(AND(a1, b1), c1)"),
    ("a1 NOT b1 OR c1", "OR(NOT(a1; b1), c1)"),
    ("a1 OR b1 NOT c1", "OR(a1, NOT(b1; c1))"),
    ("(a1 OR b1) c1", "AND(OR(a1, b1), c1)"),
    ("(a1 OR b1) NOT (c1 OR d1)", "NOT(OR(a1, b1); OR(c1, d1))"),
    // +/- signs, wildcards.
    ("+drone Arménie", "AND(drone, armenie)"),
    ("drone -Turquie", "NOT(drone; turquie)"),
    ("-Turquie", "NOT(ALL; turquie)"),
    ("-drone", "NOT(ALL; drone)"),
    ("drone -\"cessez le feu\"", "NOT(drone; \"cessez le feu\")"),
    ("+\"cessez le feu\" Bakou", "AND(\"cessez le feu\", bakou)"),
    ("drone* Bakou", "AND(drone*, bakou)"),
    ("l’Arm*", "arm*"),
    ("d*", "d"),
    ("ÉVAC*", "evac*"),
    // Tolerance: nothing searchable, dangling operators, unbalanced parentheses.
    ("", "nil"),
    ("   « » !! ", "nil"),
    ("AND", "nil"),
    ("NOT", "nil"),
    ("Bakou OR", "bakou"),
    ("OR Bakou", "bakou"),
    ("AND Bakou AND", "bakou"),
    ("Bakou NOT", "bakou"),
    ("(Bakou OR Erevan", "OR(bakou, erevan)"),
    ("Bakou) Erevan)", "AND(bakou, erevan)"),
    ("((()))", "nil"),
    ("- + -- ++", "nil"),
    ("-(Bakou OR Erevan)", "NOT(ALL; OR(bakou, erevan))"),
  ])
  func parsesWithDefaultAnd(query: String, expected: String) throws {
    #expect(describe(try parser.parse(query)) == expected)
  }

  @Test(arguments: [
    ("drone Arménie", "OR(drone, armenie)"),
    ("+drone Arménie Bakou", "BOOST(drone; OR(armenie, bakou))"),
    ("+drone +Bakou", "AND(drone, bakou)"),
    ("drone Arménie -Turquie", "NOT(OR(drone, armenie); turquie)"),
    ("-Turquie", "NOT(ALL; turquie)"),
    ("a1 b1 AND c1", "OR(a1, AND(b1, c1))"),
    ("a1 b1 NOT c1", "OR(a1, NOT(b1; c1))"),
    ("le drone", "drone"),
    ("le la", "OR(le, la)"),
    ("+le drone", "BOOST(le; drone)"),
  ])
  func parsesWithDefaultOr(query: String, expected: String) throws {
    #expect(describe(try parser.parse(query, defaultOperator: .or)) == expected)
  }

  @Test func wordsKeepTheirStemBaseAndStopWordFlag() throws {
    #expect(
      try parser.parse("l’Azerbaïdjan")
        == .word(QueryWord(term: "azerbaidjan", stemBase: "azerbaïdjan", isCapitalised: true)))
    #expect(
      try parser.parse("« à l’Est »")
        == .phrase([
          QueryWord(term: "a", stemBase: "à", isStopWord: true),
          QueryWord(term: "est", stemBase: "est", isStopWord: true),
        ]))
  }

  /// Random input never crashes, and every parse is stable.
  @Test(arguments: Array(UInt64(1)...200))
  func neverCrashes(seed: UInt64) throws {
    var generator = SeededGenerator(state: seed)
    let pieces = ["(", ")", "\"", "«", "»", " ", "AND", "OR", "NOT", "SAUF", "+", "-", "*",
      "drone", "l’", "le", "cessez-le-feu", "S-300", "é", "\u{301}", "“", "”"]
    var text = ""
    for _ in 0..<20 { text += pieces.randomElement(using: &generator)! + (Bool.random(using: &generator) ? " " : "") }
    #expect(try parser.parse(text) == parser.parse(text))
  }
}

import DepechesKit
import Testing

/// The terms of `text`, space-separated; a term joined to the next by a hyphen ends in "-".
func terms(_ text: String) -> String {
  FrenchAnalyzer().tokens(in: text).map { $0.term + ($0.joinsNext ? "-" : "") }
    .joined(separator: " ")
}

@Suite struct AnalysisTests {
  @Test(arguments: [
    // Elisions, every apostrophe, any case.
    ("l’Arménie", "armenie"),
    ("l'Arménie", "armenie"),
    ("lʼArménie", "armenie"),
    ("l‘Arménie l´Arménie", "armenie armenie"),
    ("L’OTAN", "otan"),
    ("QU'IL", "il"),
    ("jusqu’à", "a"),
    ("lorsqu'il puisqu’elle quoiqu'on", "il elle on"),
    ("d’un j’ai m’a n’est s’il t’es c’est", "un ai a est il es est"),
    // Another apostrophe between letters joins two parts, as a hyphen does.
    ("aujourd'hui", "aujourd- hui"),
    ("aujourd’hui d’aujourd’hui", "aujourd- hui aujourd- hui"),
    ("presqu'île", "presqu- ile"),
    ("Gavr’inis Gavr'inis O'Neill", "gavr- inis gavr- inis o- neill"),
    ("l’île de Gavr’inis", "ile de gavr- inis"),
    ("l' Arménie", "l armenie"),
    ("les 'mots' ici", "les mots ici"),
    // Case, accents, ligatures; NFD input.
    ("ÉVACUATION évacuation evacuation", "evacuation evacuation evacuation"),
    ("Choïgou", "choigou"),
    ("cœur Œuvre", "coeur oeuvre"),
    ("Æ", "ae"),
    ("E\u{301}vacuation Choi\u{308}gou", "evacuation choigou"),
    ("Ça garçon", "ca garcon"),
    // Other scripts are words; their accents fold too (й → и, ё → е, ά → α).
    ("Шойгу Երևան Ελλάδα", "шоигу երևան ελλαδα"),
    ("Ёлка", "елка"),
    // Hyphens.
    ("cessez-le-feu", "cessez- le- feu"),
    ("Haut-Karabakh", "haut- karabakh"),
    ("Erevan‐Goris Erevan‑Goris", "erevan- goris erevan- goris"),
    ("politico-économico-militaire", "politico- economico- militaire"),
    ("Kara\u{AD}bakh", "karabakh"),
    ("Bakou – Erevan — Goris - Tbilissi", "bakou erevan goris tbilissi"),
    ("anti- et pro-russes", "anti et pro- russes"),
    // Spaces, guillemets, punctuation.
    ("«\u{A0}cessez-le-feu\u{A0}»", "cessez- le- feu"),
    ("a\u{202F}; b\u{2009}! (c) [d] «e»", "a b c d e"),
    // Numbers.
    ("10 000", "10000"),
    ("10\u{202F}000 10\u{A0}000", "10000 10000"),
    ("1 500 000 morts", "1500000 morts"),
    ("2023 500", "2023 500"),
    ("12345\u{A0}678", "12345678"),
    ("10 00", "10 00"),
    ("10 0000", "10 0000"),
    ("3,5 %", "3,5"),
    ("3, 5", "3 5"),
    // Acronyms and codes.
    ("OTAN", "otan"),
    ("O.T.A.N.", "otan"),
    ("l’O.N.U. vote", "onu vote"),
    ("M. Macron", "m macron"),
    ("TB2", "tb2"),
    ("S-300", "s- 300"),
    // Overlong tokens are skipped.
    (String(repeating: "a", count: 65) + " fin", "fin"),
    (String(repeating: "é", count: 33) + " fin", "fin"),
    (String(repeating: "a", count: 64), String(repeating: "a", count: 64)),
    ("", ""),
    ("« — ! »", ""),
  ])
  func termsOf(text: String, expected: String) {
    #expect(terms(text) == expected)
  }

  @Test(arguments: [
    ("l’Arménie", "arménie"),
    ("ÉVACUATION", "évacuation"),
    ("E\u{301}VACUATION", "évacuation"),
    ("Choi\u{308}gou", "choïgou"),
    ("cœur", "cœur"),
    ("qu’Élise", "élise"),
    ("L’OTAN", "otan"),
  ])
  func stemBaseKeepsAccents(text: String, expected: String) {
    #expect(FrenchAnalyzer().tokens(in: text).map(\.stemBase) == [expected])
  }

  @Test func positionsRangesAndFlags() {
    let text = "Le cessez-le-feu à l’Arménie"
    let tokens = FrenchAnalyzer().tokens(in: text)
    #expect(tokens.map(\.position) == [0, 1, 2, 3, 4, 5])
    #expect(tokens.map(\.joinsNext) == [false, true, true, false, false, false])
    #expect(tokens.map(\.isStopWord) == [true, false, true, false, true, false])
    let scalars = Array(text.unicodeScalars)
    let written = tokens.map { String(String.UnicodeScalarView(scalars[$0.range])) }
    #expect(written == ["Le", "cessez", "le", "feu", "à", "Arménie"])
  }

  @Test(arguments: [
    ("O.T.A.N. et", "O.T.A.N"),
    ("10 000 km", "10 000"),
    ("Kara\u{AD}bakh", "Kara\u{AD}bakh"),
    ("E\u{301}lysée", "E\u{301}lysée"),
  ])
  func rangeCoversWordAsWritten(text: String, written: String) {
    let token = FrenchAnalyzer().tokens(in: text)[0]
    let scalars = Array(text.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[token.range])) == written)
  }

  @Test(arguments: [
    ("Choïgou", "choigou"), ("CŒUR", "coeur"), ("Æsop", "aesop"), ("aujourd’hui", "aujourd'hui"),
    ("Karabagh", "karabagh"), ("E\u{301}", "e"), ("Łódź", "lodz"), ("Straße", "strasse"),
    ("Erdoğan", "erdogan"), ("ﬁn", "fin"), ("İ", "i"), ("ĲSSEL", "ijssel"),
  ])
  func fold(word: String, expected: String) {
    #expect(FrenchAnalyzer.fold(word) == expected)
  }

  @Test(arguments: [
    ("négociations", "negociation"), ("Négociation", "négociations"), ("évacuées", "evacuation"),
  ])
  func foldedStemsMeet(first: String, second: String) throws {
    let stemmer = try Stemmer(language: "french")
    let analyzer = FrenchAnalyzer()
    let stems = [first, second].map {
      FrenchAnalyzer.foldedStem(analyzer.tokens(in: $0)[0].stemBase, stemmer: stemmer)
    }
    #expect(stems[0] == stems[1])
  }

  @Test func stopWordsMarkedNeverDropped() {
    let tokens = FrenchAnalyzer().tokens(in: "Il a été élu à la tête de l’État")
    #expect(tokens.map(\.term) == ["il", "a", "ete", "elu", "a", "la", "tete", "de", "etat"])
    #expect(tokens.filter(\.isStopWord).map(\.term) == ["il", "a", "ete", "a", "la", "de"])
  }

  @Test func forEachTokenMatchesTokens() {
    let text = "L’OTAN et l’O.N.U. : 10 000 soldats à Erevan-Goris, aujourd’hui."
    var streamed: [Token] = []
    FrenchAnalyzer().forEachToken(in: text) { streamed.append($0) }
    #expect(streamed == FrenchAnalyzer().tokens(in: text))
  }
}

import Foundation
import Testing

@testable import DepechesKit

@Test(
  "paragraphs and whitespace",
  arguments: [
    ("Un.\n\nDeux.", ["Un.", "Deux."]),
    ("ligne un\nligne deux\n\nautre", ["ligne un ligne deux", "autre"]),
    ("sans\nblanc\ndu tout", ["sans", "blanc", "du tout"]),
    ("une ligne\npar paragraphe\n", ["une ligne", "par paragraphe"]),
    ("\n \nentouré\nde blancs\n\n\n", ["entouré", "de blancs"]),
    ("a\n\nb\nc\n", ["a", "b c"]),
    ("  a \t  b  \n \n\n\n c ", ["a b", "c"]),
    ("a\u{A0}:\u{A0}b  c", ["a\u{A0}:\u{A0}b c"]),
    ("", []),
    ("\n \n", []),
  ])
func passageParagraphs(_ body: String, _ expected: [String]) {
  #expect(Passages.split(body) == expected)
}

/// A sentence of about 100 characters.
private let sentence = "Les forces azéries ont pénétré dans les hauteurs situées le long de l'autoroute Erevan-Goris."

@Test("long paragraphs are cut at sentence ends, each piece within the limit")
func longParagraphCutAtSentences() {
  let paragraph = Array(repeating: sentence, count: 20).joined(separator: " ")
  let pieces = Passages.split(paragraph)
  #expect(pieces.count > 1)
  #expect(pieces.allSatisfy { $0.count <= Passages.maxPassageCharacters })
  #expect(pieces.allSatisfy { $0.hasPrefix("Les forces") && $0.hasSuffix("Goris.") })
  #expect(pieces.joined(separator: " ") == paragraph)
}

@Test("no cut after a single-letter abbreviation or inside a number")
func noCutAfterInitial() {
  let filler = String(repeating: "mot ", count: 190)
  let text = filler + "selon M. Poutine et 3.5 millions. Fin de la phrase ici et encore du texte qui suit."
  let pieces = Passages.split(text)
  #expect(pieces.allSatisfy { $0.count <= Passages.maxPassageCharacters })
  #expect(!pieces.contains { $0.hasSuffix(" M.") })
  #expect(pieces.joined(separator: " ") == text.trimmingCharacters(in: .whitespaces))
}

@Test("sentence ends with ! ? … and closing quotes, followed by a quote or capital")
func sentenceEndForms() {
  let filler = String(repeating: "mot ", count: 190)
  let cases = [
    ("Quelle attaque !» « Oui", "!»"), ("Vraiment ? Non", "?"), ("Et puis… Rien", "…"),
    ("la fin.» Début", "fin.»"), ("la fin. «Début", "fin."),
  ]
  for (joint, end) in cases {
    let pieces = Passages.split(filler + joint + String(repeating: " suite", count: 10))
    #expect(pieces.count == 2, "\(joint)")
    #expect(pieces.first?.hasSuffix(end) == true, "\(joint)")
  }
}

@Test("without sentence ends the cut falls on a space; without spaces, hard")
func cutWithoutSentences() {
  let words = String(repeating: "mot ", count: 500)
  let pieces = Passages.split(words)
  #expect(pieces.allSatisfy { $0.count <= Passages.maxPassageCharacters && !$0.hasPrefix(" ") })
  #expect(pieces.allSatisfy { $0.split(separator: " ").allSatisfy { $0 == "mot" } })
  let solid = String(repeating: "x", count: 2_000)
  #expect(Passages.split(solid).map(\.count) == [800, 800, 400])
}

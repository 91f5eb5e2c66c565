import Foundation
import Testing
@testable import DepechesKit

/// The French search-quality table: each row is a query and the dispatch it must find (and,
/// where it matters, one it must not), run against a real index built from the fixtures below.
/// Keep it growing.
@Suite struct FrenchSearchTableTests {
  /// Small dispatches, one per French difficulty; the title names the case.
  static let fixtures: [(String, String)] = [
    ("elision-straight", "Elision droite\n2021-11-16\n\nL'offensive vise l'Arménie et d'artillerie lourde, qu'il dit."),
    ("elision-curly", "Elision typographique\n2021-11-17\n\nLe soutien de l’Azerbaïdjan et l’OTAN, jusqu’à Bakou."),
    ("elision-modifier", "Elision modificateur\n2021-11-18\n\nLe ministre lʼa confirmé à Lʼorient."),
    ("apostrophe-word", "Mot avec apostrophe\n2021-11-19\n\nAujourd'hui la presqu'île est calme."),
    ("capitals", "Capitales\n2021-10-01\n\nÉVACUATION DES CIVILS ANNONCÉE PAR CHOÏGOU."),
    ("ligature", "Ligature\n2021-10-02\n\nAu cœur du conflit, les sœurs témoignent ; un Æ rare."),
    ("hyphen-compound", "Trait d'union\n2021-10-03\n\nUn cessez-le-feu fragile au Haut-Karabakh, sur l'axe Erevan-Goris, politico-économico-militaire."),
    ("phrase-spaces", "Phrase avec espaces\n2021-10-04\n\nUn cessez le feu a été convenu entre les deux capitales."),
    ("other-tense", "Autre temps\n2021-10-05\n\nIls ont cessé le feu hier soir."),
    ("nbsp", "Espaces insécables\n2021-10-06\n\nBilan\u{00A0}: 10\u{202F}000 déplacés\u{00A0}! Selon «\u{00A0}Moscou\u{00A0}», rien\u{00A0}?"),
    ("acronyms", "Acronymes\n2021-10-07\n\nL'O.T.A.N. observe les drones TB2 et les S-300."),
    ("stemming", "Racines\n2021-10-08\n\nLes négociations reprennent ; les drones survolent la ville ; des réfugiés fuient."),
    ("variants", "Variantes\n2021-10-09\n\nÀ Yerevan, on parle du Karabagh et de Shoigu."),
    ("variants-east", "Variantes de l'Est\n2021-10-12\n\nAu Bélarus, Loukachenko reçoit ; à Beijing et à Téhéran on commente le Nagorno-Karabakh."),
    ("date-text", "Date dans le texte\n\nBakou, 1er déc. 2021 — reprise des combats à la frontière."),
    ("stems-irregular", "Pluriels en -aux\n2021-10-10\n\nLes chevaux des observateurs internationaux ; les journaux en parlent ; le négoce du bois."),
    ("stems-accented", "Participes\n2021-10-11\n\nLes réfugiées sont accueillies ; l'accord est accordé aux armées."),
  ]

  /// (query, title that must be among the results, title that must not be, or nil).
  static let rows: [(String, String, String?)] = [
    ("Arménie", "Elision droite", nil),
    ("armenie", "Elision droite", nil),
    ("artillerie", "Elision droite", nil),
    ("azerbaidjan", "Elision typographique", nil),
    ("Azerbaïdjan", "Elision typographique", nil),
    ("otan", "Elision typographique", nil),
    ("OTAN", "Acronymes", nil),
    ("confirmé", "Elision modificateur", nil),
    ("aujourd'hui", "Mot avec apostrophe", nil),
    ("presqu'île", "Mot avec apostrophe", nil),
    ("evacuation", "Capitales", nil),
    ("Évacuation", "Capitales", nil),
    ("choigou", "Capitales", nil),
    ("coeur", "Ligature", nil),
    ("cœur", "Ligature", nil),
    ("soeurs", "Ligature", nil),
    ("\"cessez le feu\"", "Trait d'union", "Autre temps"),
    ("\"cessez le feu\"", "Phrase avec espaces", "Autre temps"),
    ("cessez-le-feu", "Phrase avec espaces", "Autre temps"),
    ("karabakh", "Trait d'union", nil),
    ("Goris", "Trait d'union", nil),
    ("militaire", "Trait d'union", nil),
    ("economico", "Trait d'union", nil),
    ("10000", "Espaces insécables", nil),
    ("\"10 000\"", "Espaces insécables", nil),
    ("Moscou", "Espaces insécables", nil),
    ("O.T.A.N.", "Acronymes", nil),
    ("tb2", "Acronymes", nil),
    ("S-300", "Acronymes", nil),
    ("negociation", "Racines", nil),
    ("drone", "Racines", nil),
    ("Erevan", "Variantes", nil),
    ("Karabakh", "Variantes", nil),
    ("Choïgou", "Variantes", nil),
    ("Biélorussie", "Variantes de l'Est", nil),
    ("Lukashenko", "Variantes de l'Est", nil),
    ("Pékin", "Variantes de l'Est", nil),
    ("Tehran", "Variantes de l'Est", nil),
    ("Nagorny-Karabakh", "Variantes de l'Est", nil),
    ("\"Nagorny Karabakh\"", "Variantes de l'Est", nil),
    ("dron*", "Racines", nil),
    ("frontière", "Date dans le texte", nil),
    // Stems that are not prefixes of the indexed word ("chevaux" → "cheval").
    ("cheval", "Pluriels en -aux", nil),
    ("journal", "Pluriels en -aux", nil),
    ("international", "Pluriels en -aux", nil),
    ("INTERNATIONALE", "Pluriels en -aux", nil),
    // Stems of accented words, typed with or without the accents: unaccented "refugies"
    // stems to "refug", but the index knows the word from "réfugiés" (stem "refugi"), which
    // is how it reaches "réfugiées", written only in another dispatch.
    ("réfugié", "Participes", nil),
    ("refugies", "Participes", nil),
    ("accorder", "Participes", nil),
    ("armée", "Participes", nil),
    ("armee", "Participes", nil),
    // A stem must not pull in a word that only shares its beginning.
    ("négoce", "Pluriels en -aux", "Racines"),
  ]

  static let index: (TemporaryFolder, String) = {
    let folder = TemporaryFolder()
    for (name, text) in fixtures { folder.write("in/\(name).txt", text) }
    let (index, _) = try! buildIndex([folder.path + "/in"], in: folder)
    return (folder, index)
  }()

  @Test(arguments: rows.indices)
  func row(_ i: Int) throws {
    let (query, wanted, unwanted) = Self.rows[i]
    let response = try search(Self.index.1, query, limit: 20)
    let titles = response.hits.map(\.dispatch.title)
    #expect(titles.contains(wanted), "\(query) should find \(wanted), found \(titles)")
    #expect(!titles.contains { $0 == unwanted }, "\(query) should not find \(unwanted ?? "")")
    let hit = try #require(response.hits.first { $0.dispatch.title == wanted })
    #expect(!hit.snippet.highlights.isEmpty, "\(query): nothing highlighted in \(hit.snippet.text)")
  }

  @Test func highlightsLandOnTheOriginalText() throws {
    let cases: [(String, String, [String])] = [
      ("azerbaidjan", "Elision typographique", ["Azerbaïdjan"]),
      ("Arménie", "Elision droite", ["Arménie"]),
      ("\"cessez le feu\"", "Phrase avec espaces", ["cessez le feu"]),
      ("cessez-le-feu", "Trait d'union", ["cessez-le-feu"]),
      ("coeur", "Ligature", ["cœur"]),
      ("evacuation", "Capitales", ["ÉVACUATION"]),
      ("\"Nagorny Karabakh\"", "Variantes de l'Est", ["Nagorno-Karabakh"]),
      ("Biélorussie Lukashenko", "Variantes de l'Est", ["Bélarus", "Loukachenko"]),
    ]
    for (query, title, expected) in cases {
      let response = try search(Self.index.1, query)
      let hit = try #require(response.hits.first { $0.dispatch.title == title }, "\(query)")
      #expect(hit.snippet.highlightedTexts == expected, "\(query) → \(hit.snippet.highlightedTexts)")
    }
  }

  @Test func exactFormRanksAboveStemmedForm() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Pluriel\n\nLes drones volent.")
    folder.write("in/b.txt", "Singulier\n\nLe drone vole.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    #expect(try search(index, "drone").hits.map(\.dispatch.title) == ["Singulier", "Pluriel"])
    #expect(try search(index, "drones").hits.map(\.dispatch.title) == ["Pluriel", "Singulier"])
  }

  @Test func aWordFoundThroughItsSynonymsIsNotCorrected() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Front\n\nCombats au Haut-Karabakh, selon Erevan.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let variant = try search(index, "Karabagh")
    #expect(variant.total == 1 && variant.suggestion == nil)
    #expect(try search(index, "Yerevan").suggestion == nil)
    #expect(try search(index, "Karabkh").suggestion == "karabakh")
  }

  @Test func datesWrittenInTheTextAreUsed() throws {
    let response = try search(Self.index.1, "frontière")
    #expect(response.hits.first?.dispatch.date?.iso == "2021-12-01")
  }

  @Test func stopWordsAreDroppedFromFreeTextButKeptInPhrases() throws {
    #expect(try search(Self.index.1, "le cœur").hits.map(\.dispatch.title).contains("Ligature"))
    #expect(try search(Self.index.1, "\"du conflit\"").hits.map(\.dispatch.title) == ["Ligature"])
  }
}

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
    ("apostrophe-name", "Nom avec apostrophe\n2021-11-20\n\nLe tumulus de Gavr’inis ; O'Neill l’a visité."),
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
    ("question", "Soutien turc\n2021-10-13\n\nLa Turquie soutient Bakou ; des drones ont frappé Chouchi."),
    ("stems-accented", "Participes\n2021-10-11\n\nLes réfugiées sont accueillies ; l'accord est accordé aux armées."),
    ("name", "Noms propres\n2021-10-13\n\nMarie Curie reçoit les Américains."),
    ("month", "Mois\n2021-10-14\n\nEn mars, le mari de la voisine est parti."),
    ("verb-plural", "Pluriels verbaux\n2021-10-15\n\nLes drones frappent la ville et attaquent le port."),
    ("verb-singular", "Verbe au singulier\n2021-10-16\n\nL'aviation frappe, elle frappait hier et attaquait avant."),
    ("noun-ent", "Noms en -ent\n2021-10-17\n\nUn parent d'élève et les parents, le président."),
    ("noun-ent-more", "Réunion\n2021-10-18\n\nLes parents se réunissent."),
    ("verb-parer", "Escrime\n2021-10-19\n\nIl pare le coup ; hier, il parait le coup."),
    ("name-plural", "Noms au pluriel\n2021-10-22\n\nDes Amériques à Gênes, les Defenses Systems exposent."),
    ("common-singular", "Singuliers\n2021-10-23\n\nUne gêne en Amérique : la défense du système."),
    ("field-title", "Titre: Drones sur Goris\nSource: Agence Exemple\nAuteur: Jean Dupont\nDate: 2021-10-24\n\nLes drones reviennent au-dessus de la ville."),
    ("field-body", "Ville de Goris\n2021-10-25\n\nDes drones survolent la ville, dit Jean Dupont."),
    ("number-singular", "Un seul conflit\n2021-10-27\n\nLe conflit frontalier dure ; un soldat est devenu célèbre."),
    ("short-pair", "Une fois encore\n2021-10-28\n\nIl était une fois un village."),
    ("short-pair-other", "Croyance\n2021-10-29\n\nUne foi profonde anime le village."),
    ("field-title-order", "Goris et ses drones\n2021-10-26\n\nLes drones sur Goris sont revenus."),
    ("transliteration", "Translittérations\n2021-10-20\n\nSelon Porochenko et Navalnyï, le colonel Kadhafi et Khodorkovski ; le Qatar aussi."),
    ("transliteration-other", "Autre nom\n2021-10-21\n\nLe ministre Khattar et Bernard Kouchner ont parlé."),
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
    // An apostrophe that is no elision joins two parts, as a hyphen does: typed apart, with
    // either apostrophe, or in a phrase, they meet.
    ("Gavr inis", "Nom avec apostrophe", nil),
    ("Gavr'inis", "Nom avec apostrophe", nil),
    ("gavr’inis", "Nom avec apostrophe", nil),
    ("\"tumulus de Gavr'inis\"", "Nom avec apostrophe", nil),
    ("O’Neill", "Nom avec apostrophe", nil),
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
    // Natural questions: interrogative words and inverted pronouns (soutient-elle, s'est-il)
    // are not required, the idiom "que s'est-il passé" neither.
    ("pourquoi la Turquie soutient-elle Bakou ?", "Soutien turc", nil),
    ("que s'est-il passé à Chouchi ?", "Soutien turc", nil),
    ("comment la Turquie a-t-elle soutenu Bakou ?", "Soutien turc", nil),
    ("que sait-on de la Turquie et de Bakou ?", "Soutien turc", nil),
    ("que faut-il savoir sur Chouchi ?", "Soutien turc", nil),
    // A stem must not pull in a word that only shares its beginning.
    ("négoce", "Pluriels en -aux", "Racines"),
    // A capitalised word is a name: its plurals and feminines, not the common words of its
    // stem (Snowball stems Marie, mari and mars alike); lower-case, it is stemmed in full.
    ("Marie", "Noms propres", "Mois"),
    ("Américain", "Noms propres", nil),
    ("marie", "Mois", nil),
    // Typed in the plural, a name does not reach its singular or the common words of its
    // stem (Gênes: gêne, Defenses: défense, Systems: système).
    ("Amériques", "Noms au pluriel", "Singuliers"),
    ("Gênes", "Noms au pluriel", "Singuliers"),
    ("Defenses", "Noms au pluriel", "Singuliers"),
    ("Systems", "Noms au pluriel", "Singuliers"),
    // A common word's other number, which Snowball stems apart (conflits: conflit, conflit:
    // confl), but not for pairs of short words that are two words (fois, foi).
    ("conflits", "Un seul conflit", nil),
    ("soldats devenus", "Un seul conflit", nil),
    ("fois", "Une fois encore", "Croyance"),
    // Verb plurals in -ent, which Snowball keeps whole, meet their verb's other forms...
    ("frappent", "Verbe au singulier", nil),
    ("frappe", "Pluriels verbaux", nil),
    ("attaque", "Pluriels verbaux", nil),
    // ...but a noun in -ent that outweighs the verb forms it looks like stays apart.
    ("parent", "Noms en -ent", "Escrime"),
    ("pare", "Escrime", "Noms en -ent"),
    // Name variants by transliteration rules, beyond the table (ch/sh, -ï/-y, dh/dd, kh, -i/-y),
    // never to another person or place whose spelling the rules join (Qatar, Khattar).
    ("Poroshenko", "Translittérations", nil),
    ("Navalny", "Translittérations", nil),
    ("Qaddafi", "Translittérations", nil),
    ("Khodorkovsky", "Translittérations", nil),
    ("Qatar", "Translittérations", "Autre nom"),
    // Fields: a word in the title only, the whole source name, a word of the author's name.
    ("title:drones", "Drones sur Goris", "Ville de Goris"),
    // A quoted title phrase: its words in this order in the title (not in the body only).
    ("titre:\"drones sur Goris\"", "Drones sur Goris", "Goris et ses drones"),
    ("title:\"Goris et ses drones\"", "Goris et ses drones", "Drones sur Goris"),
    ("source:\"agence exemple\" drones", "Drones sur Goris", "Ville de Goris"),
    ("auteur:Dupont drones", "Drones sur Goris", "Ville de Goris"),
    ("drones -source:\"Agence Exemple\" Goris", "Ville de Goris", "Drones sur Goris"),
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

  @Test func aTypoFindingNothingIsCorrectedAndFlagged() throws {
    let typed = try search(Self.index.1, "observateurs internationnaux")
    #expect(typed.corrected == "observateurs internationaux")
    #expect(typed.hits.map(\.dispatch.title) == ["Pluriels en -aux"] && !typed.fellBackToAnyWord)
    let spelt = try search(Self.index.1, "observateurs internationaux")
    #expect(spelt.corrected == nil && spelt.total == 1)
    let loose = try search(Self.index.1, "chevaux drones")
    #expect(loose.corrected == nil && loose.fellBackToAnyWord)
    #expect(Set(loose.hits.map(\.dispatch.title)).isSuperset(of: ["Pluriels en -aux", "Racines"]))
    // A suggestion that would find nothing either is not offered ("Gavr'inis" got "gaz'unis").
    let hopeless = try search(Self.index.1, "internationnaux drones")
    #expect(hopeless.suggestion == nil && hopeless.corrected == nil && hopeless.fellBackToAnyWord)
  }

  @Test func sourceFilterKeepsOneSource() throws {
    let request = SearchRequest(query: "drones", limit: 20, source: "AGENCE EXEMPLE")
    let response = try SearchIndex(paths: [Self.index.1]).search(request)
    #expect(response.hits.map(\.dispatch.title) == ["Drones sur Goris"] && response.total == 1)
    let none = try SearchIndex(paths: [Self.index.1]).search(SearchRequest(query: "drones", source: "Agence"))
    #expect(none.total == 0)
  }

  @Test func passagesShowsTheBestPassagesOfEachDispatch() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Chronique\n\nLa trêve tient.\n\nRien ici.\n\nLa trêve et Chouchi.\n\nChouchi encore.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let searcher = try SearchIndex(paths: [index])
    let hit = try #require(try searcher.search(SearchRequest(query: "trêve OR Chouchi", passages: 3)).hits.first)
    #expect(hit.passages.map(\.passage) == [2, 0, 3], "\(hit.passages.map(\.passage))")
    #expect(hit.passages.first?.passage == hit.passage && hit.passages.allSatisfy { !$0.snippet.highlights.isEmpty })
    let one = try #require(try searcher.search(SearchRequest(query: "trêve OR Chouchi")).hits.first)
    #expect(one.passages.isEmpty && one.passage == 2)
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

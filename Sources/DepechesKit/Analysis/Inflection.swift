/// Spelling rules that keep words apart where Snowball French merges them, and bring together
/// forms it leaves apart. Pure string rules over folded forms (see `docs/french.md`); the
/// query builder applies them to the word sets read from the index.
enum Inflection {
  /// Plural endings a name takes ("Américains", "Maux" aside): the word plus one of these.
  static let pluralEndings = ["s", "x"]
  /// Feminine endings added to a name ("Américaine", "Américaines").
  static let feminineEndings = ["e", "es"]
  /// A feminine ending is taken off a capitalised word only when this many scalars remain:
  /// shorter bases are mostly other words (Marie is not the feminine of mari).
  static let minFeminineBase = 6
  /// The ending Snowball French keeps on present-tense plurals (frappent, attaquent).
  static let verbPlural = "ent"

  /// True when `form` is `word`, or `word` with a regular plural or feminine ending added:
  /// what a capitalised query word (a name) still matches among its stem's forms (the
  /// ending taken off would bring Amériques to Amérique, Gênes to gêne).
  static func isRegularInflection(_ form: String, of word: String) -> Bool {
    form == word || adds(form, to: word)
  }

  /// True when `longer` is `shorter` plus a plural or feminine ending (or both).
  private static func adds(_ longer: String, to shorter: String) -> Bool {
    guard longer.hasPrefix(shorter) else { return false }
    let ending = String(longer.dropFirst(shorter.count))
    if pluralEndings.contains(ending) { return true }
    guard feminineEndings.contains(ending) else { return false }
    return shorter.unicodeScalars.count >= minFeminineBase
  }

  /// A common word's other number is looked up only when the singular has this many scalars:
  /// shorter pairs are as often two words (fois and foi, mois and moi, huis and hui).
  static let minNumberBase = 4

  /// The folded word's other number by the regular -s (conflits ↔ conflit), which Snowball
  /// French often stems apart (conflits: conflit, conflit: confl; devenus: devenus, devenu:
  /// devenu; étrangers: étranger, étranger: étrang); nil for a word too short to tell or a
  /// singular in -x or -z, whose plural is itself.
  static func numberPartner(of term: String) -> String? {
    if term.hasSuffix("s") {
      let singular = String(term.dropLast())
      return singular.unicodeScalars.count >= minNumberBase ? singular : nil
    }
    guard term.unicodeScalars.count >= minNumberBase, !term.hasSuffix("x"), !term.hasSuffix("z") else { return nil }
    return term + "s"
  }

  /// The verb stem a form in -ent may belong to (`frappent` → the stem of `frappe`), given a
  /// stemmer of accented words; nil when the form does not end in -ent or the stem would be
  /// too short to mean anything.
  static func verbStem(ofPlural stemBase: String, stem: (String) -> String) -> String? {
    guard stemBase.hasSuffix(verbPlural), stemBase.unicodeScalars.count >= minVerbPlural else { return nil }
    return stem(String(stemBase.dropLast(2)))
  }

  /// A form in -ent shorter than this is no verb plural worth joining (dent, vent, cent, lent).
  static let minVerbPlural = 6
  /// Endings of the imperfect: a stem whose forms include one is a verb's.
  static let imperfectEndings = ["ait", "aient"]
  /// A form in -ent joins a verb stem only when its stem's forms hold at most this share of
  /// the verb stem's forms' dispatches: a noun in -ent (président, parent, agent) outweighs
  /// the verb forms it looks like, a verb's plural is one form among many.
  static let maxVerbPluralShare = 1.0

  /// True when `forms` (a stem's exact forms) include a form of the imperfect.
  static func hasImperfect(_ forms: [String]) -> Bool {
    forms.contains { form in imperfectEndings.contains { form.hasSuffix($0) } }
  }
}

/// What a query looks for, kept for snippets: the terms whose positions mark a hit, grouped by
/// the query part (word, phrase, wildcard) they stand for.
struct MatchPlan {
  /// A query part and the exact terms that show where it matched.
  struct Group {
    /// The terms each position of the part may be: for a phrase, one slot per word (its exact
    /// form, then its name variants); for a word or wildcard, one slot of every term it
    /// stands for.
    var slots: [[String]]
    /// True for a phrase: a hit needs one term of each slot, at consecutive positions.
    var isPhrase: Bool

    /// Every term of the part, slot after slot.
    var terms: [String] { slots.flatMap { $0 } }

    /// A part that matches wherever any of `terms` is.
    static func anyOf(_ terms: [String]) -> Group { Group(slots: [terms], isPhrase: false) }
  }

  var groups: [Group] = []
  /// Exact forms of the free words (and their synonyms), for highlighting without positions.
  var exactTerms: Set<String> = []
  /// Folded stems of the free words (and synonyms), for highlighting stemmed matches.
  var stems: Set<String> = []
  /// The free words, for spelling suggestions.
  var freeWords: [QueryWord] = []

  /// Every distinct term whose positions are needed.
  var positionTerms: [String] {
    var seen: Set<String> = []
    return groups.flatMap(\.terms).filter { seen.insert($0).inserted }
  }
}

/// Turns a `QueryNode` into a Xapian query over the schema's terms, with its `MatchPlan`.
///
/// A free word matches its stem (the SYNONYM group of the indexed exact forms that share it,
/// from the word sets metadata) or its exact form; both are OR'ed so that the exact form
/// ranks higher. Synonyms join each side as Xapian SYNONYM groups. Phrases use exact forms
/// (and name variants from the synonym table) only, so "cessez le feu" does not match "cessé
/// le feu", while "Nagorny Karabakh" matches "Nagorno-Karabagh".
///
/// `build` recurses along the node tree, whose depth the grammar bounds
/// (`QueryGrammar.maxDepth`), and the parser bounds its words (`QueryParser.maxWords`).
final class QueryBuilder {
  private let db: XapianDatabase
  private let stems: StemCache
  private let synonyms: (String) -> [String]
  private let wordSets: WordSetReader
  private(set) var plan = MatchPlan()

  /// Terms a wildcard may expand to, the most frequent first.
  static let maxWildcardExpansion = 200
  /// Exact forms of a free word whose positions are fetched for snippets, at most.
  static let maxStemVariants = 40
  /// Expansions of a wildcard whose positions are fetched for snippets, at most.
  static let maxWildcardSnippetTerms = 30

  init(db: XapianDatabase, stems: StemCache, wordSets: WordSetReader, synonyms: @escaping (String) -> [String]) {
    self.db = db
    self.stems = stems
    self.synonyms = synonyms
    self.wordSets = wordSets
  }

  /// Builds the Xapian query for node (recording its match plan).
  func build(_ node: QueryNode) throws -> XapianQuery {
    switch node {
    case .word(let word): return try withTitleField(try buildWord(word), word)
    case .phrase(let words): return try buildPhrase(words)
    case .wildcard(let prefix): return try buildWildcard(prefix)
    case .all(let nodes): return try XapianQuery.combine(.and, nodes.map(build))
    case .any(let nodes): return try XapianQuery.combine(.or, nodes.map(build))
    case .exclude(let positive, let excluded):
      let keep = try build(positive)
      let drop = try excluded.map(buildExcluded)
      return try XapianQuery.combine(.andNot, [keep, try XapianQuery.combine(.or, drop)])
    case .boost(let required, let optional):
      return try XapianQuery.combine(.andMaybe, [try build(required), try build(optional)])
    case .everything: return try XapianQuery.matchAll()
    case .field(let field, let words): return try buildField(field, words)
    case .fieldPhrase(let field, let words): return try buildFieldPhrase(field, words)
    }
  }

  /// Excluded parts must not add to the match plan (they are never highlighted).
  private func buildExcluded(_ node: QueryNode) throws -> XapianQuery {
    let saved = plan
    defer { plan = saved }
    return try build(node)
  }

  private func foldedStem(_ stemBase: String) -> String {
    stems.foldedStem(stemBase)
  }

  private func buildWord(_ word: QueryWord) throws -> XapianQuery {
    plan.freeWords.append(word)
    if word.isStopWord {
      plan.groups.append(.anyOf([word.term]))
      plan.exactTerms.insert(word.term)
      return try XapianQuery.term(word.term)
    }
    let variants = try self.variants(of: word)
    // A word's stems: its own, and those its exact form was indexed under (typed without
    // accents, "refugies" stems to "refug", but the index knows it from "réfugiés": "refugi").
    var stems = Set(variants.map { $0 == word.term ? foldedStem(word.stemBase) : foldedStem($0) })
    for variant in variants { stems.formUnion(try wordSets.stems(of: variant)) }
    plan.exactTerms.formUnion(variants)
    var formSet: Set<String> = []
    for stem in stems { formSet.formUnion(try wordSets.forms(of: stem)) }
    if word.isCapitalised {
      // A name keeps its plural and feminine forms written as names, not the common words of
      // its stem (Marie: mars, mariés), nor, typed in the plural, its singular (Amériques).
      formSet = try formSet.filter { form in
        try variants.contains(form)
          || (variants.contains { Inflection.isRegularInflection(form, of: $0) } && wordSets.isName(form))
      }
    } else {
      plan.stems.formUnion(stems)
      formSet.formUnion(try verbPlurals(word, stems: stems))
      if let partner = try numberPartner(word, forms: formSet) { formSet.insert(partner) }
    }
    let positionTerms = variants + formSet.sorted().filter { !variants.contains($0) }
    plan.groups.append(.anyOf(Array(positionTerms.prefix(QueryBuilder.maxStemVariants))))
    let exact = try XapianQuery.combine(.synonym, variants.map { try XapianQuery.term($0) })
    guard !formSet.isEmpty else { return exact }
    let stemmed = try XapianQuery.combine(.synonym, formSet.sorted().map { try XapianQuery.term($0) })
    // When every exact variant is one of the forms, the exact part matches only documents the
    // stemmed part matches: AND_MAYBE gives the same matches and scores as OR, and only
    // looks at the exact postings where the stemmed part matched.
    let op: XapianQuery.Op = variants.allSatisfy(formSet.contains) ? .andMaybe : .or
    return try XapianQuery.combine(op, [stemmed, exact])
  }

  /// The word, its synonyms, and for a capitalised word the names of its transliteration
  /// skeleton the index holds (Poroshenko: porochenko). A capitalised word the index holds,
  /// but never as a name, is a common word typed with a capital (Pourquoi, Ressources): it
  /// keeps to its own spellings.
  func variants(of word: QueryWord) throws -> [String] {
    var variants = [word.term] + synonyms(word.term).filter { $0 != word.term }
    guard word.isCapitalised, let skeleton = Transliteration.skeleton(word.term) else { return variants }
    let names = try wordSets.names(ofSkeleton: skeleton)
    let unknown = try db.termFrequency(word.term) == 0
    guard unknown || names.contains(word.term) else { return variants }
    for name in names where !variants.contains(name) && Transliteration.mayJoin(name, word.term) {
      variants.append(name)
    }
    return variants
  }

  /// The forms Snowball leaves apart from a verb's: its plural in -ent (frappent) for another
  /// form of the verb, the verb's forms for its plural.
  private func verbPlurals(_ word: QueryWord, stems: Set<String>) throws -> Set<String> {
    var joined: Set<String> = []
    if let verb = Inflection.verbStem(ofPlural: word.stemBase, stem: foldedStem), !stems.contains(verb),
      try joins(plural: word.term, verb: verb)
    {
      joined.formUnion(try wordSets.forms(of: verb))
    }
    for stem in stems where !stem.hasSuffix(Inflection.verbPlural) {
      let plural = stem + Inflection.verbPlural
      guard try db.termFrequency(plural) > 0 else { continue }
      let pluralStems = try stemsOf(plural)
      guard !pluralStems.contains(stem), try joins(plural: plural, verb: stem) else { continue }
      for pluralStem in pluralStems { joined.formUnion(try wordSets.forms(of: pluralStem)) }
    }
    return joined
  }

  /// The common word's other number (conflits: conflit) when its stems leave it out, the
  /// index holds it, and it is no stop word and no name the index knows (pari: not Paris).
  private func numberPartner(_ word: QueryWord, forms: Set<String>) throws -> String? {
    guard !word.isStopWord, let partner = Inflection.numberPartner(of: word.term), !forms.contains(partner),
      !StopWords.contains(partner), try db.termFrequency(partner) > 0, try !wordSets.isName(partner)
    else { return nil }
    return partner
  }

  /// True when the form in -ent `plural` is taken for a form of the verb stem `verb`: the stem
  /// has imperfect forms, and its forms are not outweighed by those of the plural's own stems
  /// (parent and parents against pare, parer: a noun).
  private func joins(plural: String, verb: String) throws -> Bool {
    let forms = try wordSets.forms(of: verb).filter { $0 != plural }
    guard Inflection.hasImperfect(forms) else { return false }
    var pluralForms: Set<String> = [plural]
    for stem in try stemsOf(plural) { pluralForms.formUnion(try wordSets.forms(of: stem)) }
    let pluralCount = try dispatchCount(pluralForms)
    return Double(pluralCount) <= Inflection.maxVerbPluralShare * Double(try dispatchCount(forms))
  }

  /// The stems an indexed exact form was indexed under: that of the folded form, and those of
  /// its accented spellings.
  private func stemsOf(_ form: String) throws -> Set<String> {
    Set(try wordSets.stems(of: form)).union([foldedStem(form)])
  }

  /// The dispatches holding each form, added up (an upper bound of those holding any).
  private func dispatchCount<Forms: Sequence<String>>(_ forms: Forms) throws -> Int {
    var count = 0
    for form in forms { count += try db.termFrequency(form) }
    return count
  }

  private func buildPhrase(_ words: [QueryWord]) throws -> XapianQuery {
    try phraseQuery(phraseSlots(words))
  }

  /// The terms each word of a phrase may be at its position (its exact form, and its name
  /// variants but for a stop word), recorded in the match plan; with `highlightingWords`,
  /// its words are highlighted wherever they are (a title phrase: the title is no passage).
  func phraseSlots(_ words: [QueryWord], highlightingWords: Bool = false) -> [[String]] {
    let slots = words.map { word in
      word.isStopWord ? [word.term] : [word.term] + synonyms(word.term).filter { $0 != word.term }
    }
    plan.groups.append(.init(slots: slots, isPhrase: slots.count > 1))
    if slots.count == 1 { plan.exactTerms.formUnion(slots[0]) }
    if highlightingWords {
      for (word, slot) in zip(words, slots) where !word.isStopWord { plan.exactTerms.formUnion(slot) }
    }
    return slots
  }

  /// The phrase of `slots` over the terms with `prefix` (a field's; none for the whole text).
  func phraseQuery(_ slots: [[String]], prefix: String = "") throws -> XapianQuery {
    if slots.count == 1 {
      return try XapianQuery.combine(.synonym, slots[0].map { try XapianQuery.term(prefix + $0) })
    }
    // Each word is one position of the phrase: its term, or an OR of its variants there.
    let parts = try slots.enumerated().map { index, variants in
      try XapianQuery.combine(.or, variants.map { try XapianQuery.term(prefix + $0, position: index + 1) })
    }
    return try XapianQuery.combine(.phrase, parts, parameter: slots.count)
  }

  /// A wildcard as one synonym group of its most frequent expansions, chosen on the whole
  /// index's frequencies: Xapian's own OP_WILDCARD expands and weighs per shard, so a sharded
  /// index would rank a wildcard otherwise than one database.
  private func buildWildcard(_ prefix: String) throws -> XapianQuery {
    let expansions = try db.allTerms(prefix: prefix, max: QueryBuilder.maxWildcardExpansion)
    let shown = Array(expansions.prefix(QueryBuilder.maxWildcardSnippetTerms))
    plan.groups.append(.anyOf(shown))
    plan.exactTerms.formUnion(shown)
    guard !expansions.isEmpty else {
      return try XapianQuery.wildcard(prefix: prefix, maxExpansion: QueryBuilder.maxWildcardExpansion)  // matches nothing
    }
    return try XapianQuery.combine(.synonym, expansions.map { try XapianQuery.term($0) })
  }
}

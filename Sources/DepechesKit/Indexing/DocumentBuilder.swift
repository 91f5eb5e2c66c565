/// Turns a dispatch into a packed Xapian document (see CXapian.h) in one pass of the analyzer:
/// exact terms with positions, boolean terms, values, data; plus the (stem, exact form) pairs
/// this builder has not reported yet, for the word sets metadata (see `Schema`).
/// One builder per thread (it owns its stem cache).
final class DocumentBuilder {
  private let analyzer = FrenchAnalyzer()
  /// stemBase → folded stem, so each distinct word is stemmed and folded once (and its pair
  /// reported once per builder, the writer keeps the union): a stem base not in the cache is
  /// one this builder has not reported yet.
  private let stems: StemCache
  /// Terms already reported as names (see `Token.isName`), so each is skeletonised once.
  private var names = WordTable<Bool>()
  /// Distinct words a dispatch is expected to have (the term table's first size).
  static let expectedTerms = 512

  /// Words shorter than this (in characters) are not added to the spelling dictionary.
  static let minSpellingLength = 3

  init() throws { stems = try StemCache() }

  /// A document ready for `XapianWritable.replace`, with the words to add to the spelling data.
  struct Built {
    var uniqueTerm: String
    var packed: [UInt8]
    /// Spelling words with their wdf in this dispatch (see `extraWdf`), each word once.
    var spellings: [(word: String, count: Int)]
    /// Exact forms with their folded stems, first seen by this builder in this dispatch.
    var stemForms: [StemForm]
    /// Terms written as names with their transliteration skeletons, first seen by this
    /// builder in this dispatch.
    var nameForms: [NameForm] = []
    /// The near-duplicate record, for grouping after the run (nil for a body too short).
    var version: VersionRecord?
  }

  /// Analyses and packs one dispatch read from `absolutePath`, tagged with the file's term.
  /// Throws when the stored text cannot be compressed (out of memory), or `CancellationError`
  /// when the run is stopping (`Cancellation`).
  func build(_ dispatch: Dispatch, absolutePath: String, fileTerm: String, run: IndexRun) throws -> Built {
    var postings = WordTable<TermPostings>(capacity: DocumentBuilder.expectedTerms)
    var titleTerms: Set<String> = []
    var stemForms: [StemForm] = []
    var nameForms: [NameForm] = []
    var position = Schema.titleStartPosition
    let add: (Token) -> Int = { token in
      let pos = UInt32(position + token.position)
      // One hash look-up for a word seen before in this dispatch, and none in the stem cache
      // when its stem base (the term itself, unaccented) was checked already.
      let plain = token.stemBase.utf8.count == token.term.utf8.count && token.stemBase == token.term
      let hash = WordTable<TermPostings>.hash(token.term)
      var check = true
      if let index = postings.find(token.term, hash: hash) {
        check = !plain || !postings.values[index].plainChecked
        postings.values[index].positions.append(pos)
        if plain { postings.values[index].plainChecked = true }
      } else {
        postings.insert(token.term, TermPostings(positions: [pos], plainChecked: plain, isStopWord: token.isStopWord), hash: hash)
      }
      if token.isName && !token.isStopWord { self.reportName(token.term, into: &nameForms) }
      guard check && !token.isStopWord else { return hash }
      let baseHash = plain ? hash : WordTable<String>.hash(token.stemBase)
      if !self.stems.contains(token.stemBase, hash: baseHash) {
        let stem = self.stems.add(token.stemBase, hash: baseHash)
        // Stemming the folded form itself gives another stem ("refugies" → "refug", where
        // "réfugiés" gave "refugi"): a query typed that way needs the term → stems set. Not
        // cached: the cache holds stem bases only, the words this builder has reported.
        let apart = !plain && self.stems.uncachedFoldedStem(token.term) != stem
        stemForms.append(StemForm(stem: stem, form: token.term, stemsApart: apart))
      }
      return hash
    }
    var lastPosition = position
    analyzer.forEachToken(in: dispatch.title) { token in
      _ = add(token)
      titleTerms.insert(token.term)
      lastPosition = position + token.position
    }
    var starts: [Int] = []
    var shingles = ShingleHasher()  // the body only: a version may have another headline
    for passage in dispatch.passages {
      // Ctrl-C inside a long file: the caller throws a half-built document away.
      if Cancellation.isRequested { break }
      position = lastPosition + Schema.passageGap
      starts.append(position)
      shingles.startPassage()
      analyzer.forEachToken(in: passage) { token in
        shingles.add(wordHash: add(token))
        lastPosition = position + token.position
      }
    }
    // Ctrl-C: not worth packing (and compressing) what will be thrown away.
    if Cancellation.isRequested { throw CancellationError() }
    // A word's spelling frequency grows by its wdf here (positions, plus the title boost), the
    // figure a re-index reads back cheaply from the termlist to take it out again.
    let spellings = zip(postings.keys, postings.values).compactMap { term, entry in
      !entry.isStopWord && DocumentBuilder.isSpellingCandidate(term)
        ? (term, entry.positions.count + Int(DocumentBuilder.extraWdf(term, titleTerms: titleTerms))) : nil
    }
    let stored = StoredDispatch(dispatch: dispatch, absolutePath: absolutePath, passageStarts: starts)
    let version = shingles.signature.map { VersionRecord(id: dispatch.id, date: dispatch.date, signature: $0) }
    let packed = try pack(stored, postings: postings, titleTerms: titleTerms, fileTerm: fileTerm, run: run, version: version)
    return Built(
      uniqueTerm: Schema.idTerm(dispatch.id), packed: packed, spellings: spellings, stemForms: stemForms,
      nameForms: nameForms, version: version)
  }
  /// Names a builder remembers before forgetting them all (bounded memory).
  static let maxNames = 200_000

  /// Adds `term` with its skeleton to `forms` the first time this builder meets it as a name.
  private func reportName(_ term: String, into forms: inout [NameForm]) {
    let hash = WordTable<Bool>.hash(term)
    guard names.find(term, hash: hash) == nil else { return }
    if names.count >= DocumentBuilder.maxNames { names.removeAll() }
    names.insert(term, true, hash: hash)
    forms.append(NameForm(skeleton: Transliteration.nameKey(term), form: term))
  }

  /// True for the exact terms that go into the spelling data: words of at least
  /// `minSpellingLength` characters that are not stop words (nor prefixed boolean terms).
  static func isSpellingWord(_ term: String) -> Bool {
    isSpellingCandidate(term) && !StopWords.contains(term)
  }

  /// `isSpellingWord` but for the stop-word test (which the tokenizer did already).
  private static func isSpellingCandidate(_ term: String) -> Bool {
    guard let first = term.utf8.first, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
    return term.unicodeScalars.count >= minSpellingLength
  }

  /// The wdf a term gets beyond one per position: the title boost. The document's terms and
  /// the spelling counts both use it, so that a re-index takes out exactly what was added.
  private static func extraWdf(_ term: String, titleTerms: Set<String>) -> UInt32 {
    titleTerms.contains(term) ? Schema.titleWdfBoost : 0
  }

  private func pack(
    _ stored: StoredDispatch, postings: WordTable<TermPostings>, titleTerms: Set<String>,
    fileTerm: String, run: IndexRun, version: VersionRecord?
  ) throws -> [UInt8] {
    let data = try stored.encoded()
    var p = Packer(reservingCapacity: data.count + postings.count * 24 + 256)
    p.raw([])  // no document data: the stored dispatch is a value (see `Schema.storedSlot`)
    let date = stored.dispatch.date
    var values = [(Schema.passagesSlot, String(stored.passageStarts.count))]
    values += [(Schema.runSlot, Schema.runValue(run.sequence)), (Schema.indexedSlot, run.time)]
    if let date { values += [(Schema.dateSlot, Schema.dateValue(date)), (Schema.monthSlot, date.monthKey)] }
    p.u32(values.count + 1 + (version == nil ? 0 : 1))
    for (slot, value) in values {
      p.u32(slot)
      p.string(value)
    }
    if let version {
      p.u32(Schema.signatureSlot)
      p.raw(version.encoded)
    }
    p.u32(Schema.storedSlot)
    p.raw(data)
    var booleans = [fileTerm]
    if let source = stored.dispatch.source { booleans.append(Schema.sourceTerm(source)) }
    if let author = stored.dispatch.author {
      booleans += Set(analyzer.tokens(in: author).map { Schema.authorPrefix + $0.term })
    }
    booleans += version?.signature.bandTerms ?? []
    // The title field: each title word (stop words too, for phrases) at its title positions.
    let titleEnd = UInt32(stored.passageStarts.first ?? Int(UInt32.max))
    let titleField = titleTerms.map { term in
      let entry = postings.find(term, hash: WordTable<TermPostings>.hash(term))
      return (Schema.titlePrefix + term, entry.map { postings.values[$0].positions.filter { $0 < titleEnd } } ?? [])
    }
    p.u32(postings.count + titleField.count + booleans.count)
    for (term, entry) in zip(postings.keys, postings.values) {
      p.string(term)
      p.u32(DocumentBuilder.extraWdf(term, titleTerms: titleTerms))
      p.u32(entry.positions.count)
      for position in entry.positions { p.u32(position) }
    }
    for (term, positions) in titleField {
      p.string(term)
      p.u32(0)
      p.u32(positions.count)
      for position in positions { p.u32(position) }
    }
    for term in booleans {
      p.string(term)
      p.u32(0)
      p.u32(0)
    }
    return p.bytes
  }
}

/// One exact term's positions in the dispatch being built.
struct TermPostings {
  var positions: [UInt32]
  /// True once a token whose stem base is the term itself was checked against the stem cache.
  var plainChecked: Bool
  /// The term is a stop word (the tokenizer's verdict).
  var isStopWord: Bool
}

/// An exact term written as a name and its transliteration skeleton.
struct NameForm: Hashable {
  var skeleton: String
  var form: String
}

/// An exact indexed form and the folded stem it was indexed under.
struct StemForm: Hashable {
  var stem: String
  var form: String
  /// True when stemming `form` as typed (folded) does not give `stem`.
  var stemsApart: Bool
}

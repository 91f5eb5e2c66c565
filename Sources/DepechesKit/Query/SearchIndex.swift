import Foundation

/// A read-only view of one or several indexes, searched as one.
/// Not thread-safe: use one per thread.
public final class SearchIndex {
  private(set) var db: XapianDatabase
  let paths: [String]
  private let options: OpenOptions
  private let shards: [ShardSpec]
  private var openShards: [ShardSpec] = []
  let stems: StemCache
  let analyzer = FrenchAnalyzer()
  let parser = QueryParser()
  lazy var synonymTable: SynonymTable = loadSynonyms()
  /// Things the user should know (shards left out by `partial`, features off), for stderr.
  public private(set) var warnings: [String] = []

  /// Times a search is retried after the index changed under it (a writer committed).
  static let modifiedRetries = 3

  /// Opens the index folders (sharded or not) and Xapian stub files at `paths` as one.
  public init(paths: [String], options: OpenOptions = OpenOptions()) throws {
    guard !paths.isEmpty else { throw DepechesError.invalidArgument("no index given") }
    try options.validate()
    self.paths = paths
    self.options = options
    (shards, warnings) = try IndexOpener.shards(of: paths)
    stems = try StemCache()
    db = try XapianDatabase()
    try openAll()
  }

  /// Opens every shard; with `partial`, leaves out (and warns about) those that fail.
  private func openAll() throws {
    db = try XapianDatabase()
    openShards = []
    var firstFailure: DepechesError?
    for shard in shards {
      do {
        try IndexOpener.add(shard, to: db, options: options)
        openShards.append(shard)
      } catch let error as DepechesError where options.partial {
        warnings.append("left out \(shard.name): \(error)")
        firstFailure = firstFailure ?? error
      }
    }
    if openShards.isEmpty, let firstFailure { throw firstFailure }
    try checkLayoutVersions()
    if hasRemoteShards && !warnings.contains(SearchIndex.spellingOffWarning) {
      warnings.append(SearchIndex.spellingOffWarning)
    }
  }

  /// Refuses indexes written with another layout (their terms would not match this reader's
  /// queries, silently); a database without the key (empty, or not from depeches) is let be.
  private func checkLayoutVersions() throws {
    for (shard, version) in zip(openShards, try db.metadataOfEachShard(Schema.versionKey))
    where !version.isEmpty && version != Schema.version {
      throw DepechesError.invalidArgument(
        "\(shard.name) has index layout version \(version), this depeches reads \(Schema.version): index the folder again into a new index")
    }
  }

  /// Said when remote shards are searched.
  static let spellingOffWarning =
    "spelling suggestions are off: Xapian's remote backend does not serve spelling data (synonyms still apply)"

  /// Names of the shards being searched.
  public var shardNames: [String] { openShards.map(\.name) }

  private var hasRemoteShards: Bool { openShards.contains(where: \.isRemote) }

  /// Synonym groups written by the indexer (kept in metadata, so remote shards have them too).
  private func loadSynonyms() -> SynonymTable {
    guard let text = try? db.metadata(Schema.synonymsKey), !text.isEmpty else { return SynonymTable.builtIn }
    return SynonymTable(storedText: text)
  }

  /// Runs a search: ranked page, snippets, month facets over every match, suggestion.
  public func search(_ request: SearchRequest) throws -> SearchResponse {
    try request.validate()
    return try retryingIfModified { try runSearch(request) }
  }

  /// Counts what the index holds.
  public func stats() throws -> IndexStats {
    try retryingIfModified { try IndexStatistics.compute(db: db, paths: paths) }
  }

  func retryingIfModified<T>(_ body: () throws -> T) throws -> T {
    var attempt = 0
    while true {
      do {
        return try body()
      } catch DepechesError.xapian(.modified, _) where attempt < SearchIndex.modifiedRetries {
        attempt += 1
        try db.reopen()
      } catch DepechesError.xapian(.network, let message) where options.partial && attempt < SearchIndex.modifiedRetries {
        attempt += 1
        try dropUnreachableShards(message)
      } catch DepechesError.xapian(.network, let message) {
        let names = openShards.filter(\.isRemote).map(\.name)
        throw DepechesError.shardUnavailable(shard: names.isEmpty ? paths.joined(separator: ", ") : names.joined(separator: ", "), message: message)
      }
    }
  }

  /// After a network failure mid-search: reopens, leaving out the shards that no longer answer.
  private func dropUnreachableShards(_ message: String) throws {
    warnings.append("a remote shard stopped answering (\(message)); searching the others")
    try openAll()
  }

  private func runSearch(_ request: SearchRequest) throws -> SearchResponse {
    guard let node = try parser.parse(request.query, defaultOperator: .and) else {
      throw DepechesError.invalidQuery("nothing to search for in \"\(request.query)\"")
    }
    // One reader per search: the query, its correction, its any-word fallback and the
    // suggestion share what it read of the word sets.
    let wordSets = WordSetReader(db: db)
    var outcome = try execute(node, request, wordSets: wordSets)
    var suggested = try suggestion(for: request.query, wordSets: wordSets)
    var corrected: String?
    if outcome.total == 0, let fix = suggested {
      let fixed = try parser.parse(fix, defaultOperator: .and).map { try execute($0, request, wordSets: wordSets) }
      // A suggestion that finds nothing either is no help: it is not offered.
      if let fixed, fixed.total > 0 { (outcome, corrected) = (fixed, fix) } else { suggested = nil }
    }
    var fellBack = false
    if outcome.total == 0, let anyNode = try parser.parse(request.query, defaultOperator: .or), anyNode != node {
      outcome = try execute(anyNode, request, wordSets: wordSets)
      fellBack = outcome.total > 0
    }
    return SearchResponse(
      query: request.query, total: outcome.total, totalGroups: outcome.totalGroups, hits: outcome.hits,
      months: outcome.months, suggestion: suggested, corrected: corrected,
      fellBackToAnyWord: fellBack, missingShards: shards.filter { !openShards.contains($0) }.map(\.name))
  }

  /// One execution's page, total and month counts.
  struct Outcome {
    var total: Int
    var totalGroups: Int
    var hits: [SearchHit]
    var months: [MonthCount]
  }

  /// Runs one parsed query as `request` asks (no correction, no fallback): also `watch` and `similar`'s.
  func execute(_ node: QueryNode, _ request: SearchRequest, wordSets: WordSetReader) throws -> Outcome {
    let table = synonymTable
    let builder = QueryBuilder(db: db, stems: stems, wordSets: wordSets, synonyms: { table.variants(of: $0) })
    var query = try builder.build(node)
    if request.since != nil || request.until != nil {
      let range = try XapianQuery.valueRange(
        slot: Schema.dateSlot, lower: request.since.map(Schema.dateValue), upper: request.until.map(Schema.dateValue))
      query = try XapianQuery.combine(.filter, [query, range])
    }
    query = try SearchRestriction.apply(request.restrictions, to: query)
    if let source = request.source {
      query = try XapianQuery.combine(.filter, [query, try XapianQuery.term(Schema.sourceTerm(source))])
    }
    let everything = max(1, try db.documentCount())
    // By relevance, the first `PassageScore.depth` candidates (and those tied with the last)
    // are reranked by their best passage, and every page is cut from that one list, fetched
    // from the first result, so pages neither overlap nor skip. By date, Xapian's order is final.
    let reranks = request.sort == .relevance && request.limit > 0  // limit 0: totals and months only
    let fetched = reranks ? max(PassageScore.depth + PassageScore.tieSlack, request.offset + request.limit) : request.limit
    // Past the reranked head, the tie slack is read only when it ties with the head's last
    // (Reranking.depth); a page within the head's next result asks for it only then.
    let tiesFrom = reranks && request.offset + request.limit <= PassageScore.depth + 1 ? PassageScore.depth : 0
    let mset = try XapianMSet(
      database: db, query: query, offset: reranks ? 0 : request.offset, limit: fetched,
      checkAtLeast: everything, facetSlot: Schema.monthSlot,
      sortSlot: request.sort == .date ? Schema.dateSlot : nil, collapseSlot: request.allVersions ? nil : Schema.groupSlot,
      tiesFrom: tiesFrom)
    let total = mset.uncollapsedMatches
    var ranked = try Reranking.order(
      mset, depth: reranks ? try Reranking.depth(mset) : 0, wanted: request.offset + request.limit,
      parts: builder.plan.groups.count
    ) { try matches(mset, $0, plan: builder.plan) }
    if reranks { ranked = Array(ranked.dropFirst(request.offset).prefix(request.limit)) }
    var hits = try ranked.enumerated().map { n, entry in
      try hit(
        mset, entry.index, rank: request.offset + n + 1, score: entry.score,
        hits: try entry.hits ?? matches(mset, entry.index, plan: builder.plan), plan: builder.plan,
        passages: request.passages)
    }
    if !request.allVersions {
      let groups = try ranked.map { try mset.value(at: $0.index, slot: Schema.groupSlot).utf8String }
      let versions = try CollapsedVersions.lookup(groups: groups, shownIDs: Set(hits.map(\.dispatch.id)), query: query, db: db)
      for (n, group) in groups.enumerated() where !group.isEmpty { hits[n].duplicates = versions[group] ?? [] }
    }
    return Outcome(
      total: total, totalGroups: mset.estimatedMatches, hits: hits,
      months: MonthFacets.counts(from: try mset.facetCounts(), total: total))
  }

  /// Where the query's parts matched in the dispatch at `index`: from its position lists, or
  /// with remote shards from its stored text (each position list is a round trip there, the
  /// text one for all the terms).
  private func matches(_ mset: XapianMSet, _ index: Int, plan: MatchPlan) throws -> PassageChooser.Hits {
    let terms = plan.positionTerms
    guard !terms.isEmpty else { return PassageChooser.hits(plan: plan, termPositions: [:]) }
    if hasRemoteShards {
      let stored = try mset.storedDispatch(at: index)
      return PassageChooser.hits(plan: plan, termPositions: TextPositions.of(terms, in: stored, analyzer: analyzer))
    }
    let lists = try db.positions(docid: try mset.docid(at: index), terms: terms)
    var byTerm: [String: [Int]] = [:]
    for (term, list) in zip(terms, lists) where !list.isEmpty { byTerm[term] = list.map(Int.init) }
    return PassageChooser.hits(plan: plan, termPositions: byTerm)
  }

  private func hit(
    _ mset: XapianMSet, _ index: Int, rank: Int, score: Double, hits: PassageChooser.Hits, plan: MatchPlan,
    passages wanted: Int
  ) throws -> SearchHit {
    var chosen = [0]
    let stored = try mset.storedDispatch(at: index) { starts in
      let ranked = PassageChooser.ranked(hits: hits, passageStarts: starts, limit: max(1, wanted))
      chosen = ranked.isEmpty ? [0] : ranked
      return chosen
    }
    let maker = SnippetMaker(analyzer: analyzer, stems: stems)
    let snippets = chosen.map { maker.snippet(of: stored, passage: $0, hits: hits, plan: plan) }
    var dispatch = stored.dispatch
    dispatch.passages = []
    let indexedAt = try mset.value(at: index, slot: Schema.indexedSlot).utf8String
    var hit = SearchHit(
      rank: rank, score: score, dispatch: dispatch, snippet: snippets[0], passage: chosen[0],
      indexedAt: indexedAt.isEmpty ? nil : indexedAt)
    if wanted > 1 { hit.passages = zip(chosen, snippets).map { PassageSnippet(passage: $0, snippet: $1) } }
    return hit
  }

  /// The query with each unknown word replaced by Xapian's spelling suggestion, if any.
  private func suggestion(for text: String, wordSets: WordSetReader) throws -> String? {
    guard !hasRemoteShards else { return nil }
    var replacements: [(Range<Int>, String)] = []
    let written = Array(text.unicodeScalars)
    for token in analyzer.tokens(in: text) where !token.isStopWord {
      guard try db.termFrequency(token.term) == 0 else { continue }
      let stem = stems.foldedStem(token.stemBase)
      guard try !wordSets.forms(of: stem).contains(where: { try db.termFrequency($0) > 0 }) else { continue }
      // A word found through its synonyms ("Karabagh" for "Karabakh") is not misspelt.
      guard try !synonymTable.variants(of: token.term).contains(where: { try db.termFrequency($0) > 0 }) else { continue }
      // Nor is a name found through its transliteration skeleton ("Poroshenko": porochenko).
      if QueryLexer.isTitleCase(written[token.range]), let skeleton = Transliteration.skeleton(token.term),
        try !wordSets.names(ofSkeleton: skeleton).isEmpty
      {
        continue
      }
      let fix = try db.spellingSuggestion(token.term)
      if !fix.isEmpty && fix != token.term { replacements.append((token.range, fix)) }
    }
    guard !replacements.isEmpty else { return nil }
    var scalars = Array(text.unicodeScalars)
    for (range, fix) in replacements.reversed() { scalars.replaceSubrange(range, with: fix.unicodeScalars) }
    return String(String.UnicodeScalarView(scalars))
  }
}

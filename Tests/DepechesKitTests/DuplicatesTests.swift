import Foundation
import Testing
@testable import DepechesKit

/// Seeded French-like stories and their versions, as an agency wire is republished.
struct StoryMaker {
  static let words = """
    le la les un une des du de et à au aux en dans sur sous pour par avec sans contre vers chez \
    gouvernement ministre président armée frontière accord négociations sanctions élections \
    parlement opposition manifestation police capitale région village ville pays voisin \
    Arménie Azerbaïdjan Bakou Erevan Moscou Ankara Bruxelles Genève Kiev Paris Berlin \
    annonce déclare affirme dément confirme rapporte signe rejette propose menace attaque \
    défend soutient négocie observe accuse reconnaît exige promet refuse craint espère \
    hier matin soir semaine mois année dernier prochain nouveau ancien premier grand petit \
    militaire civil politique économique humanitaire diplomatique officiel local national \
    drones chars soldats réfugiés civils blessés morts otages prisonniers observateurs \
    gaz pétrole blé prix marché banque dette budget impôt salaire emploi usine port \
    cessez-le-feu trêve offensive retrait corridor pipeline couvre-feu référendum \
    selon alors encore toujours déjà aussi très plus moins depuis pendant après avant
    """.split(separator: " ").map(String.init)

  private var state: UInt64

  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

  /// The next number in 0..<n (a 64-bit LCG: the same texts on every machine).
  mutating func next(_ n: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(n))
  }

  mutating func paragraph(words count: Int = 40) -> String {
    (0..<count).map { _ in Self.words[next(Self.words.count)] }.joined(separator: " ") + "."
  }

  mutating func story(paragraphs: Int = 6) -> [String] { (0..<paragraphs).map { _ in paragraph() } }

  /// A dispatch file's text: title, date, body.
  static func file(_ title: String, _ date: String, _ paragraphs: [String]) -> String {
    title + "\n" + date + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
  }

  /// One version of `story` of the named kind (the kinds of issue 17).
  mutating func version(_ kind: String, of story: [String]) -> [String] {
    switch kind {
    case "truncated":  // cut to 60 %: the first three and a half paragraphs
      return Array(story.prefix(3)) + [story[3].split(separator: " ").prefix(20).joined(separator: " ")]
    case "paragraph added": return [paragraph(words: 45)] + story
    case "words changed":
      var words = story.joined(separator: "\n").split(separator: " ").map(String.init)
      for _ in 0..<5 { words[next(words.count)] = "modifié" }
      return words.joined(separator: " ").components(separatedBy: "\n")
    case "reordered": return [story[3], story[0], story[5], story[1], story[4], story[2]]
    default: return story  // re-headlined: the title changes, not the body
    }
  }
}

/// The group value of each dispatch id in an index (nil: no group), read with the writer.
func groups(of index: String) throws -> [String: String] {
  var out: [String: String] = [:]
  for path in try IndexOpener.shards(of: index).map(\.name) {
    let db = try XapianWritable(path: path, create: false)
    for (_, value) in try db.metadataEntries(prefix: Schema.fileStatePrefix, max: Int(UInt32.max)) {
      guard let state = FileState(decoding: value) else { continue }
      for posting in try db.postings(of: FileState.term(forPath: state.absolutePath), slots: [Schema.signatureSlot, Schema.groupSlot]) {
        guard let record = VersionRecord(decoding: posting.values[0]) else { continue }
        out[record.id] = posting.values[1].isEmpty ? nil : posting.values[1].utf8String
      }
    }
  }
  return out
}

/// Runs an indexing, polling (for at most 10 s) while the previous run's lane threads have
/// not released the index's write lock yet: they end just after `Indexer.run` returns.
func indexWhenUnlocked(_ options: IndexOptions) throws {
  let deadline = ContinuousClock.now + .seconds(10)
  while true {
    do {
      _ = try Indexer(options: options).run()
      return
    } catch let error as DepechesError where "\(error)".contains("is locked") && ContinuousClock.now < deadline {
      Thread.sleep(forTimeInterval: 0.02)  // the poll's interval
    }
  }
}

@Suite struct DuplicatesTests {
  static let kinds = ["re-headlined", "truncated", "paragraph added", "words changed", "reordered"]

  @Test(arguments: kinds)
  func eachKindOfVersionJoinsItsOriginalAndDistractorsStayApart(kind: String) throws {
    let folder = TemporaryFolder()
    var maker = StoryMaker(seed: UInt64(kind.utf8.count))
    let story = maker.story()
    // Same subject, same title, one paragraph in common: another post, not a version.
    let distractor = [story[2]] + maker.story(paragraphs: 5)
    folder.write("in/a.txt", StoryMaker.file("Offensive près de la frontière", "2021-03-01", story))
    folder.write("in/b.txt", StoryMaker.file(kind == "re-headlined" ? "Bakou répond" : "Offensive près de la frontière", "2021-03-02", maker.version(kind, of: story)))
    folder.write("in/c.txt", StoryMaker.file("Offensive près de la frontière", "2021-03-01", distractor))
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let group = try groups(of: index)
    let a = Dispatch.makeID(absolutePath: folder.path + "/in/a.txt")
    let b = Dispatch.makeID(absolutePath: folder.path + "/in/b.txt")
    let c = Dispatch.makeID(absolutePath: folder.path + "/in/c.txt")
    #expect(group[a] == a && group[b] == a, "\(kind): the version joins the earlier original's group")
    #expect(group[c] == nil, "\(kind): the distractor has no group")
  }

  @Test func searchCollapsesVersionsAndListsTheOthers() throws {
    let folder = TemporaryFolder()
    var maker = StoryMaker(seed: 7)
    let story = maker.story()
    for (n, kind) in Self.kinds.prefix(3).enumerated() {
      folder.write("in/v\(n).txt", StoryMaker.file("Trêve \(n)", "2021-05-0\(n + 1)", maker.version(kind, of: story)))
    }
    folder.write("in/other.txt", StoryMaker.file("Autre", "2021-06-01", maker.story()))
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let reader = try SearchIndex(paths: [index])
    let collapsed = try reader.search(SearchRequest(query: "le OR la"))
    #expect(collapsed.total == 4 && collapsed.totalGroups == 2 && collapsed.hits.count == 2)
    #expect(collapsed.months.reduce(0) { $0 + $1.count } == 4, "month counts stay counts of dispatches")
    let grouped = try #require(collapsed.hits.first { !$0.duplicates.isEmpty })
    #expect(grouped.duplicates.count == 2)
    let shown = Set([grouped.dispatch.path] + grouped.duplicates.map(\.path))
    #expect(shown == Set((0..<3).map { folder.path + "/in/v\($0).txt" }.map { FileWalker.display($0, workingDirectory: FileManager.default.currentDirectoryPath) }))
    #expect(grouped.duplicates.map(\.date?.iso) == grouped.duplicates.map(\.date?.iso).sorted { ($0 ?? "") < ($1 ?? "") })
    var all = SearchRequest(query: "le OR la")
    all.allVersions = true
    let every = try reader.search(all)
    #expect(every.total == 4 && every.totalGroups == 4 && every.hits.count == 4)
    #expect(every.hits.allSatisfy { $0.duplicates.isEmpty })
  }

  @Test func pagesOfCollapsedResultsNeitherOverlapNorSkip() throws {
    let folder = TemporaryFolder()
    var maker = StoryMaker(seed: 11)
    for s in 0..<5 {
      let story = maker.story()
      for v in 0..<(s % 3 + 1) {
        folder.write("in/s\(s)-\(v).txt", StoryMaker.file("Histoire \(s)", "2021-0\(s + 1)-1\(v)", maker.version(Self.kinds[v], of: story)))
      }
    }
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let reader = try SearchIndex(paths: [index])
    for sort in SearchSort.allCases {
      var whole = SearchRequest(query: "le OR la", limit: 100, sort: sort)
      let all = try reader.search(whole)
      #expect(all.totalGroups == 5 && all.hits.count == 5)
      var paged: [String] = []
      for offset in stride(from: 0, to: 6, by: 2) {
        whole.limit = 2
        whole.offset = offset
        paged += try reader.search(whole).hits.map(\.dispatch.id)
      }
      #expect(paged == all.hits.map(\.dispatch.id), "\(sort)")
    }
  }

  @Test func removingTheEarliestVersionLetsTheNextTakeItsPlace() throws {
    let folder = TemporaryFolder()
    var maker = StoryMaker(seed: 23)
    let story = maker.story()
    for (n, kind) in ["re-headlined", "reordered", "words changed"].enumerated() {
      folder.write("in/v\(n).txt", StoryMaker.file("Corridor", "2021-07-0\(n + 1)", maker.version(kind, of: story)))
    }
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let id = { (n: Int) in Dispatch.makeID(absolutePath: folder.path + "/in/v\(n).txt") }
    #expect(try groups(of: index) == [id(0): id(0), id(1): id(0), id(2): id(0)])
    try FileManager.default.removeItem(atPath: folder.path + "/in/v0.txt")
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    #expect(try groups(of: index) == [id(1): id(1), id(2): id(1)])
    try FileManager.default.removeItem(atPath: folder.path + "/in/v1.txt")
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    #expect(try groups(of: index) == [:], "a lone dispatch has no group")
  }

  @Test func aBandHeldByMoreDispatchesThanTheCapIsLeftOutOfTheCandidates() throws {
    let folder = TemporaryFolder()
    var maker = StoryMaker(seed: 29)
    let story = maker.story()
    for n in 0..<4 { folder.write("in/copy\(n).txt", StoryMaker.file("Copie", "2021-07-0\(n + 1)", story)) }
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let id = { (n: Int) in Dispatch.makeID(absolutePath: folder.path + "/in/copy\(n).txt") }
    let grouped = Dictionary(uniqueKeysWithValues: (0..<4).map { (id($0), id(0)) })
    #expect(try groups(of: index) == grouped)
    // Regroup the four as if just written: with a cap of 4 holders they stay one story; with
    // a cap of 3 every band (held by all four) is boilerplate and they fall apart.
    func regroup(cap: Int) throws {
      let db = try XapianWritable(path: index, create: false)
      for docid in UInt32(1)...4 { try db.setValue(docid: docid, slot: Schema.groupSlot, value: []) }  // as written
      try VersionGrouper(databases: [db], maxBandHolders: cap).run(written: [Array(1...4)], removed: [])
      try db.commit()
    }
    for (cap, expected) in [(4, grouped), (3, [:])] {
      try regroup(cap: cap)
      #expect(try groups(of: index) == expected, "cap \(cap)")
    }
  }

  @Test func editingADispatchRegroupsIt() throws {
    let folder = TemporaryFolder()
    var maker = StoryMaker(seed: 31)
    let story = maker.story(), other = maker.story()
    folder.write("in/a.txt", StoryMaker.file("A", "2021-08-01", story))
    folder.write("in/b.txt", StoryMaker.file("B", "2021-08-02", maker.version("reordered", of: story)))
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let a = Dispatch.makeID(absolutePath: folder.path + "/in/a.txt")
    let b = Dispatch.makeID(absolutePath: folder.path + "/in/b.txt")
    #expect(try groups(of: index) == [a: a, b: a])
    folder.write("in/b.txt", StoryMaker.file("B", "2021-08-02", other))
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index, force: true)).run()
    #expect(try groups(of: index) == [:])
    folder.write("in/a.txt", StoryMaker.file("A", "2021-08-03", maker.version("truncated", of: other)))
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index, force: true)).run()
    #expect(try groups(of: index) == [a: b, b: b], "the earlier by date leads the group")
  }

  @Test func partsShardsAndRunsFileByFileGiveTheSameGroups() throws {
    let folder = TemporaryFolder()
    var maker = StoryMaker(seed: 43)
    var names: [String] = []
    for s in 0..<4 {
      let story = maker.story()
      folder.write("in/s\(s).txt", StoryMaker.file("Histoire \(s)", "2021-09-0\(s + 1)", story))
      folder.write("in/d\(s).txt", StoryMaker.file("Histoire \(s)", "2021-09-0\(s + 1)", [story[1]] + maker.story(paragraphs: 4)))
      names += ["s\(s)", "d\(s)"]
      for (v, kind) in Self.kinds.enumerated() where (v + s) % 2 == 0 {
        folder.write("in/s\(s)v\(v).txt", StoryMaker.file("Version \(v)", "2021-09-1\(v)", maker.version(kind, of: story)))
        names.append("s\(s)v\(v)")
      }
    }
    let paths = [folder.path + "/in"]
    let parts = IndexOptions(paths: paths, indexPath: folder.path + "/Parts", workers: 2, parallelMinBytes: 1)
    #expect(try Indexer(options: parts).run().compacted)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/Parts/shard-00"))
    _ = try Indexer(options: IndexOptions(paths: paths, indexPath: folder.path + "/Shards", shards: 3)).run()
    let oneByOne = folder.path + "/OneByOne"
    for name in names.reversed() {
      try indexWhenUnlocked(IndexOptions(paths: [folder.path + "/in/\(name).txt"], indexPath: oneByOne, keepMissing: true))
    }
    let expected = try groups(of: folder.path + "/Parts")
    #expect(Set(expected.values).count == 4, "four stories with versions, distractors apart")
    let distractors = names.filter { $0.hasPrefix("d") }.map { Dispatch.makeID(absolutePath: folder.path + "/in/\($0).txt") }
    #expect(distractors.allSatisfy { expected[$0] == nil })
    #expect(try groups(of: folder.path + "/Shards") == expected)
    #expect(try groups(of: oneByOne) == expected)
  }

  @Test func recordsSurviveTheirEncodingAndClosenessIsSymmetric() throws {
    var maker = StoryMaker(seed: 5)
    let story = maker.story()
    let signature = { (paragraphs: [String]) -> VersionSignature in
      var hasher = ShingleHasher()
      for p in paragraphs {
        hasher.startPassage()
        FrenchAnalyzer().forEachToken(in: p) { hasher.add(wordHash: WordTable<Int>.hash($0.term)) }
      }
      return hasher.signature!
    }
    let a = signature(story), b = signature(maker.version("truncated", of: story))
    let record = VersionRecord(id: "00ff", date: DispatchDate(iso: "2021-01-02"), signature: a)
    #expect(VersionRecord(decoding: record.encoded) == record)
    #expect(VersionRule.closeness(a, b) == VersionRule.closeness(b, a))
    #expect(VersionRule.closeness(a, b) >= VersionRule.minContainment)
    #expect(VersionRule.closeness(a, signature(maker.story())) == 0)
    var short = ShingleHasher()
    FrenchAnalyzer().forEachToken(in: "Trois mots seulement ici") { short.add(wordHash: WordTable<Int>.hash($0.term)) }
    #expect(short.signature == nil, "too short to judge")
  }
}

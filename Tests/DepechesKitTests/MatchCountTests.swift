import Foundation
import Testing
@testable import DepechesKit

/// The exact counts of a search (total, months, groups of versions) for queries the shim counts
/// from the posting lists (words, AND, OR, NOT, title and source fields, date ranges) and for
/// those it leaves to Xapian's matcher (phrases), in one database and in 3 shards: each equal to
/// counts made from what was written into the files and from each dispatch's group value.
/// (A phrase is the matcher's part of a query counted from the posting lists otherwise.)
@Suite struct MatchCountTests {
  /// What one file holds: its story (versions share it), its words, month and source.
  struct Written: Sendable {
    var name: String
    var story: Int
    var month: String?
    var source: String
    var talks: Bool      // "pourparlers de paix" in the body
    var secret: Bool     // "pourparlers secrets" in the body
    var harvest: Bool    // "moissons" in the body
    var summit: Bool     // "Sommet" in the title
    var rare: Bool       // "Ouzbékistan" in the body (two stories)
  }

  static let sources = ["Agence Alpha", "Agence Beta", "Agence Gamma"]

  /// Seeded stories, a third of them republished once (a re-headlined version, a month later).
  static func files(stories: Int, seed: UInt64) -> [Written] {
    var rng = SeededGenerator(seed: seed)
    var out: [Written] = []
    for story in 0..<stories {
      let month: String? = Int.random(in: 0..<8, using: &rng) == 0
        ? nil : String(format: "20%02d-%02d", Int.random(in: 18...22, using: &rng), Int.random(in: 1...11, using: &rng))
      var written = Written(
        name: "s\(story).md", story: story, month: month, source: sources[Int.random(in: 0..<3, using: &rng)],
        talks: Bool.random(using: &rng), secret: Int.random(in: 0..<4, using: &rng) == 0,
        harvest: Int.random(in: 0..<3, using: &rng) == 0, summit: Bool.random(using: &rng), rare: story == 7 || story == 8)
      // The rare word beside the frequent one in one story, without it in the other: an AND of
      // both is a few candidates checked in a long posting list (Counting.cpp's check_each).
      if story == 7 { written.talks = true }
      if story == 8 { (written.talks, written.secret) = (false, false) }
      out.append(written)
      if story % 3 == 0 {
        var version = written
        version.name = "s\(story)-v.md"
        version.month = month.map { m in String(m.prefix(5)) + String(format: "%02d", Int(m.suffix(2))! + 1) }
        version.summit = !written.summit
        out.append(version)
      }
    }
    return out
  }

  static func write(_ all: [Written], in folder: TemporaryFolder) {
    var bodies: [Int: String] = [:]
    for w in all {
      let body = bodies[w.story] ?? {
        var maker = StoryMaker(seed: UInt64(w.story + 1))
        var paragraphs = maker.story(paragraphs: 4)
        if w.talks { paragraphs.append("Les pourparlers de paix reprennent à Genève.") }
        if w.secret { paragraphs.append("Des pourparlers secrets ont eu lieu.") }
        if w.harvest { paragraphs.append("Les moissons commencent dans la plaine.") }
        if w.rare { paragraphs.append("Une délégation de l'Ouzbékistan est arrivée.") }
        return paragraphs.joined(separator: "\n\n")
      }()
      bodies[w.story] = body
      let date = w.month.map { "date: \($0)-15\n" } ?? ""
      let title = (w.summit ? "Sommet régional " : "Réunion régionale ") + "numéro \(w.story)"
      folder.write("in/" + w.name, "---\ntitle: \"\(title)\"\n\(date)source: \(w.source)\n---\n\n\(body)\n")
    }
  }

  /// `all` written into `folder` and indexed into `folder/Index` (in `shards` shards, or one
  /// database); returns the index's path.
  static func indexed(_ all: [Written], in folder: TemporaryFolder, shards: Int? = nil) throws -> String {
    write(all, in: folder)
    let index = folder.path + "/Index"
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index, shards: shards)).run()
    return index
  }

  /// The index at `index` opened shard by shard, as `SearchIndex` opens it (the shim's view).
  static func opened(_ index: String) throws -> XapianDatabase {
    let db = try XapianDatabase()
    for shard in try IndexOpener.shards(of: index) { try IndexOpener.add(shard, to: db, options: OpenOptions()) }
    return db
  }

  /// A query, the files it must match, and the request's date range and source.
  struct Case: CustomStringConvertible, Sendable {
    var query: String
    var since: String? = nil
    var until: String? = nil
    var source: String? = nil
    var matches: @Sendable (Written) -> Bool
    var description: String { query + (since.map { " since \($0)" } ?? "") + (until.map { " until \($0)" } ?? "") + (source.map { " source \($0)" } ?? "") }
  }

  static let cases: [Case] = [
    // Counted from the posting lists.
    Case(query: "pourparlers") { $0.talks || $0.secret },
    Case(query: "pourparlers moissons") { ($0.talks || $0.secret) && $0.harvest },
    Case(query: "pourparlers OR moissons") { $0.talks || $0.secret || $0.harvest },
    Case(query: "pourparlers NOT moissons") { ($0.talks || $0.secret) && !$0.harvest },
    Case(query: "pourparlers Ouzbékistan") { ($0.talks || $0.secret) && $0.rare },
    Case(query: "moissons NOT Ouzbékistan") { $0.harvest && !$0.rare },
    Case(query: "Ouzbékistan NOT pourparlers") { $0.rare && !($0.talks || $0.secret) },
    Case(query: "title:sommet") { $0.summit },
    Case(query: "title:sommet pourparlers") { $0.summit && ($0.talks || $0.secret) },
    Case(query: "pourparlers", since: "2019-01-01", until: "2020-12-31") { w in
      (w.talks || w.secret) && w.month.map { $0 >= "2019-01" && $0 <= "2020-12" } == true
    },
    Case(query: "moissons", until: "2019-06-30") { w in w.harvest && w.month.map { $0 <= "2019-06" } == true },
    Case(query: "pourparlers", source: "agence beta") { ($0.talks || $0.secret) && $0.source == "Agence Beta" },
    Case(query: "source:\"Agence Alpha\"") { $0.source == "Agence Alpha" },
    // A phrase, matched by Xapian's matcher: alone, and inside an OR, an AND, an AND_NOT.
    Case(query: "\"pourparlers de paix\"") { $0.talks },
    Case(query: "\"pourparlers secrets\" OR moissons") { $0.secret || $0.harvest },
    Case(query: "\"pourparlers de paix\" title:sommet") { $0.talks && $0.summit },
    Case(query: "pourparlers NOT \"pourparlers secrets\"") { $0.talks && !$0.secret },
    Case(query: "\"moissons commencent\"", since: "2020-01-01") { w in w.harvest && w.month.map { $0 >= "2020-01" } == true },
  ]

  /// Months of the matching files (undated last), their number, and their groups: one per
  /// group value (read from the index's documents), one per dispatch without one.
  static func expected(_ all: [Written], _ test: Case, groupOf: [String: String], folder: String)
    -> (total: Int, groups: Int, months: [MonthCount])
  {
    let matching = all.filter(test.matches)
    var byMonth: [String: Int] = [:]
    var undated = 0
    var groups: Set<String> = []
    var alone = 0
    for w in matching {
      if let m = w.month { byMonth[m, default: 0] += 1 } else { undated += 1 }
      if let group = groupOf[Dispatch.makeID(absolutePath: folder + "/in/" + w.name)] { groups.insert(group) } else { alone += 1 }
    }
    var months = byMonth.sorted { $0.key < $1.key }.map { MonthCount(month: $0.key, count: $0.value) }
    if undated > 0 { months.append(MonthCount(month: nil, count: undated)) }
    return (matching.count, groups.count + alone, months)
  }

  @Test(arguments: [nil, 3])
  func countsEqualTheFilesForEveryKindOfQuery(shards: Int?) throws {
    let folder = TemporaryFolder()
    let all = Self.files(stories: 180, seed: 18)
    let index = try Self.indexed(all, in: folder, shards: shards)
    let groupOf = try groups(of: index)
    // The versions were grouped (else the group counts below would test nothing).
    #expect(Set(groupOf.values).count == all.filter { $0.name.hasSuffix("-v.md") }.count)
    let reader = try SearchIndex(paths: [index])
    for test in Self.cases {
      let want = Self.expected(all, test, groupOf: groupOf, folder: folder.path)
      #expect(want.total > 0, "\(test): the case matches something")
      var request = SearchRequest(
        query: test.query, limit: 3, since: test.since.flatMap(DispatchDate.init(iso:)),
        until: test.until.flatMap(DispatchDate.init(iso:)), source: test.source)
      let got = try reader.search(request)
      #expect(got.total == want.total, "\(test): total")
      #expect(got.totalGroups == want.groups, "\(test): groups")
      #expect(got.months == want.months, "\(test): months")
      request.allVersions = true
      let every = try reader.search(request)
      #expect(every.total == want.total && every.totalGroups == want.total && every.months == want.months, "\(test): every version")
    }
  }
}

import Foundation
import Testing
@testable import DepechesKit

@Suite struct EngineTests {
  @Test func seedDispatchIsFoundWithTitleDateAndExactHighlight() throws {
    let folder = TemporaryFolder()
    let (index, summary) = try buildIndex([packageRoot + "/seeds/000_fe0702cd3db7fe5e.txt"], in: folder)
    #expect(summary.added == 1 && summary.dispatches == 1)
    let response = try search(index, "Bayraktar")
    #expect(response.total == 1)
    let hit = try #require(response.hits.first)
    #expect(hit.dispatch.title == "Flash ! Offensive de Bakou contre l'Arménie !")
    #expect(hit.dispatch.date?.iso == "2021-11-16")
    #expect(hit.snippet.highlightedTexts == ["Bayraktar"])
    #expect(response.months == [MonthCount(month: "2021-11", count: 1)])
  }

  @Test func reindexingIsIdempotent() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Premier titre\n\nLe drone a survolé Erevan le 3 mars 2021.")
    folder.write("in/b.txt", "Second titre\n\nBakou et Erevan discutent.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let again = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    #expect(again.unchanged == 2 && again.added == 0)
    let forced = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index, force: true)).run()
    #expect(forced.updated == 2)
    let stats = try SearchIndex(paths: [index]).stats()
    #expect(stats.dispatches == 2)
    #expect(try search(index, "Erevan").total == 2)
  }

  @Test func changedRemovedAndAddedFilesAreApplied() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Alpha\n\nLes blindés avancent.")
    folder.write("in/b.txt", "Bravo\n\nLes négociations reprennent.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    folder.write("in/a.txt", "Alpha\n\nLes drones attaquent désormais, et plus longuement.")
    try FileManager.default.removeItem(atPath: folder.path + "/in/b.txt")
    folder.write("in/c.txt", "Charlie\n\nUn cessez-le-feu est signé.")
    let summary = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    #expect(summary.updated == 1 && summary.removed == 1 && summary.added == 1)
    #expect(try search(index, "blindés").total == 0)
    #expect(try search(index, "drones").total == 1)
    #expect(try search(index, "négociations").total == 0)
    #expect(try search(index, "cessez-le-feu").total == 1)
  }

  @Test(arguments: [1, 3])
  func stemsMatchFormsWrittenInLaterRunsAndOtherShards(shards: Int) throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Alpha\n\nLes négociations reprennent à Genève.")
    let index = folder.path + "/Index"
    let first = IndexOptions(paths: [folder.path + "/in"], indexPath: index, shards: shards)
    _ = try Indexer(options: first).run()
    folder.write("in/b.txt", "Bravo\n\nIls négocieront encore à Vienne.")
    folder.write("in/c.txt", "Charlie\n\nLe négoce du vin reprend.")
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    // "négocier", "négociations", "négocieront" share the stem "negoci"; "négoce" does not.
    for query in ["négocier", "negociation", "négocieront"] {
      let titles = Set(try search(index, query).hits.map(\.dispatch.title))
      #expect(titles == ["Alpha", "Bravo"], "\(query)")
    }
    let hit = try #require(try search(index, "négocier").hits.first { $0.dispatch.title == "Bravo" })
    #expect(hit.snippet.highlightedTexts == ["négocieront"])
    #expect(try search(index, "\"négocieront encore\"").total == 1)
    #expect(try search(index, "\"négocier encore\"").total == 0)
  }

  @Test func anIndexOfAnotherLayoutIsRefusedByReadersAndWriters() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Alpha\n\nLes négociations reprennent.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    do {
      let db = try IndexLocation.openForWriting(index)
      try db.setMetadata(key: Schema.versionKey, value: "1")
      try db.commit()
    }
    #expect {
      try SearchIndex(paths: [index])
    } throws: { error in
      guard case DepechesError.invalidArgument(let message) = error else { return false }
      return message.contains("layout version 1") && message.contains("index the folder again")
    }
    #expect(throws: DepechesError.self) {
      try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index, force: true)).run()
    }
  }

  @Test func badFilesAreSkippedWithReasonsAndTheRestIsIndexed() throws {
    let folder = TemporaryFolder()
    folder.write("in/good.txt", "Bon titre\n\nTexte correct sur Bakou.")
    folder.write("in/binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0, 0])
    folder.write("in/empty.txt", "")
    folder.write("in/image.png", bytes: [0x89, 0x50, 0x4E, 0x47])
    let (_, summary) = try buildIndex([folder.path + "/in"], in: folder)
    #expect(summary.added == 1)
    #expect(summary.skipped.count == 3)
    #expect(summary.skipped.allSatisfy { if case .skipped(let r) = $0.outcome { return !r.isEmpty } else { return false } })
  }

  @Test func facetsCountDispatchesOverAllMatchesAndAddUpToTotal() throws {
    let folder = TemporaryFolder()
    for i in 1...15 {
      let month = i % 3 + 1
      folder.write("in/\(i).txt", "Dépêche \(i)\n2021-0\(month)-1\(month)\n\nTirs d'artillerie près de Stepanakert.")
    }
    folder.write("in/undated.txt", "Sans date\n\nArtillerie sans date.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let response = try search(index, "artillerie", limit: 2)
    #expect(response.hits.count == 2)
    #expect(response.total == 16)
    #expect(response.months.reduce(0) { $0 + $1.count } == response.total)
    #expect(response.months.last == MonthCount(month: nil, count: 1))
  }

  @Test func dateFiltersKeepOnlyTheRange() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "A\n2021-11-16\n\nOffensive à Syunik.")
    folder.write("in/b.txt", "B\n2020-10-01\n\nOffensive au Karabakh.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    #expect(try search(index, "offensive").total == 2)
    #expect(try search(index, "offensive", since: "2021-01-01").hits.map(\.dispatch.title) == ["A"])
    #expect(try search(index, "offensive", until: "2020-12-31").hits.map(\.dispatch.title) == ["B"])
  }

  @Test func allWordsFirstThenAnyWordWithNotice() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "A\n\nBakou annonce une offensive.")
    folder.write("in/b.txt", "B\n\nErevan dément.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let both = try search(index, "Bakou Erevan")
    #expect(both.fellBackToAnyWord && both.total == 2)
    let one = try search(index, "Bakou offensive")
    #expect(!one.fellBackToAnyWord && one.total == 1)
  }

  @Test func spellingSuggestionUsesAnalysedForms() throws {
    let folder = TemporaryFolder()
    let (index, _) = try buildIndex([packageRoot + "/seeds/000_fe0702cd3db7fe5e.txt"], in: folder)
    #expect(try search(index, "Bayraktr").suggestion == "bayraktar")
    #expect(try search(index, "Bayraktar").suggestion == nil)
  }

  /// Title words weigh more (a wdf boost): what a removed file takes out of the spelling data
  /// must be what it put in, no more (the word would vanish while another file holds it) and
  /// no less (it would stay when no file holds it).
  @Test func titleWordsLeaveTheSuggestionsExactlyWhenTheirLastFileGoes() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Bayraktar au-dessus de Stepanakert\n\nLe Bayraktar tourne ; un Bayraktar encore.")
    folder.write("in/b.txt", "Bravo\n\nUn Bayraktar vu une fois.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    #expect(try search(index, "Bayraktr").suggestion == "bayraktar")
    try FileManager.default.removeItem(atPath: folder.path + "/in/a.txt")
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    #expect(try search(index, "Bayraktr").suggestion == "bayraktar")
    #expect(try search(index, "Stepanakrt").suggestion == nil)
    try FileManager.default.removeItem(atPath: folder.path + "/in/b.txt")
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    #expect(try search(index, "Bayraktr").suggestion == nil)
  }

  @Test func wordsOfChangedAndRemovedFilesLeaveTheSuggestions() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Alpha\n\nLes drones Bayraktar survolent Stepanakert.")
    folder.write("in/b.txt", "Bravo\n\nStepanakert attend ; Bayraktar encore.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    #expect(try search(index, "Bayraktr").suggestion == "bayraktar")
    #expect(try search(index, "Stepanakrt").suggestion == "stepanakert")
    folder.write("in/a.txt", "Alpha\n\nLes drones survolent la ville, longuement.")
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    // b.txt still holds both words: still suggested.
    #expect(try search(index, "Bayraktr").suggestion == "bayraktar")
    try FileManager.default.removeItem(atPath: folder.path + "/in/b.txt")
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    #expect(try search(index, "Bayraktr").suggestion == nil)
    #expect(try search(index, "Stepanakrt").suggestion == nil)
    #expect(try search(index, "longuemnt").suggestion == "longuement")
  }

  @Test func missingIndexSaysWhereItLooked() throws {
    let folder = TemporaryFolder()
    #expect(throws: DepechesError.indexNotFound(path: folder.path + "/nope")) {
      try SearchIndex(paths: [folder.path + "/nope"])
    }
  }

  @Test func refusesToWriteAnIndexIntoAFolderOfOtherFiles() throws {
    let folder = TemporaryFolder()
    folder.write("docs/a.txt", "A\n\nTexte.")
    #expect(throws: DepechesError.self) {
      try Indexer(options: IndexOptions(paths: [folder.path + "/docs"], indexPath: folder.path + "/docs")).run()
    }
  }
}

@Suite struct FileWalkerTests {
  @Test func depechesignoreLeavesOutMatchingNamesBelowItsFolder() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "A")
    folder.write("in/SOURCE.md", "notes")
    folder.write("in/sub/b.tsv", "x")
    folder.write("in/sub/c.txt", "C")
    folder.write("in/.depechesignore", "# comment\nSOURCE.md\n*.tsv\n")
    let names = try FileWalker.files(under: [folder.path + "/in"]).map { ($0.absolutePath as NSString).lastPathComponent }
    #expect(names == ["a.txt", "c.txt"])
  }

  @Test func walksNestedFoldersSkipsHiddenNamesAndDoesNotFollowLinks() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "A")
    folder.write("in/sub/deeper/b.md", "B")
    folder.write("in/sub/c d é.txt", "C")
    folder.write("in/.cache.txt", "caché")
    folder.write("in/.git/d.txt", "caché")
    folder.write("in/sub/.hidden/e.txt", "caché")
    folder.write("out/x.txt", "dehors")
    folder.write("out/dir/y.txt", "dehors")
    let fm = FileManager.default
    try fm.createSymbolicLink(atPath: folder.path + "/in/link.txt", withDestinationPath: folder.path + "/out/x.txt")
    try fm.createSymbolicLink(atPath: folder.path + "/in/linkdir", withDestinationPath: folder.path + "/out/dir")
    try fm.createSymbolicLink(atPath: folder.path + "/in/loop", withDestinationPath: folder.path + "/in")
    let root = FileWalker.absolute(folder.path + "/in", from: "/")
    let found = try FileWalker.files(under: [folder.path + "/in/"])
    #expect(found.map(\.absolutePath) == ["a.txt", "sub/c d é.txt", "sub/deeper/b.md"].map { root + "/" + $0 })
    #expect(found.map(\.size) == [1, 1, 1])
    #expect(found.allSatisfy { $0.modificationTime > 0 })
    // A file named on the command line is taken as it is, even through a link.
    #expect(try FileWalker.files(under: [folder.path + "/in/link.txt"]).count == 1)
    #expect(throws: DepechesError.self) { try FileWalker.files(under: [folder.path + "/in/missing"]) }
  }
}

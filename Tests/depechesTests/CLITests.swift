import Foundation
import Testing

@Suite(.serialized) struct CLITests {
  @Test func indexThenSearchSeedsAsJSON() throws {
    let ws = Workspace()
    let indexed = try ws.run("index")
    #expect(indexed.status == 0)
    #expect(indexed.stdout.isEmpty)
    #expect(indexed.stderr.contains("indexed") && indexed.stderr.contains("skipped 0"))

    let run = try ws.run("search", "Bayraktar", "--json")
    #expect(run.status == 0)
    let json = try jsonObject(run.stdout)
    #expect(json["version"] as? Int == 1)
    #expect(json["query"] as? String == "Bayraktar")
    let results = try #require(json["results"] as? [[String: Any]])
    let seed = try #require(results.first { ($0["path"] as? String) == "seeds/000_fe0702cd3db7fe5e.txt" })
    #expect(seed["title"] as? String == "Flash ! Offensive de Bakou contre l'Arménie !")
    #expect(seed["date"] as? String == "2021-11-16")
    let snippet = Array((seed["snippet"] as? String ?? "").unicodeScalars)
    let highlights = try #require(seed["highlights"] as? [[Int]])
    #expect(!highlights.isEmpty)
    for h in highlights {
      #expect(String(String.UnicodeScalarView(snippet[h[0]..<h[1]])) == "Bayraktar")
    }
    for key in ["rank", "score", "id", "passage", "source", "author", "url"] { #expect(seed.keys.contains(key)) }
    let facets = try #require((json["facets"] as? [String: Any])?["month"] as? [[String: Any]])
    #expect(facets.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == json["total"] as? Int)
    #expect(json.keys.contains("suggestion"))
  }

  /// With `--quiet`, a clean first run, a run with nothing to do, one that removes a file, and
  /// a search print nothing on stderr: no stray line from the engine, the runtime or the
  /// dynamic linker.
  @Test func quietRunsAndASearchPrintNothingOnStderr() throws {
    let ws = Workspace()
    let first = try ws.run("index", "--quiet")
    #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
    let again = try ws.run("index", "--quiet")
    #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
    let seed = try #require(try FileManager.default.contentsOfDirectory(atPath: ws.path + "/seeds").first { $0.hasSuffix(".txt") })
    try FileManager.default.removeItem(atPath: ws.path + "/seeds/" + seed)
    let removing = try ws.run("index", "--quiet")
    #expect(removing.status == 0 && removing.stderr.isEmpty, "\(removing.stderr)")
    let search = try ws.run("search", "Arménie")
    #expect(search.status == 0 && search.stderr.isEmpty && !search.stdout.isEmpty, "\(search.stderr)")
  }

  @Test func laterPagesContinueTheRanking() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "--quiet").status == 0)
    let ids = { (args: [String]) throws -> [String] in
      let run = try ws.run(["search", "Bayraktar", "--json"] + args)
      #expect(run.status == 0, "\(args): \(run.stderr)")
      return try #require(try jsonObject(run.stdout)["results"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    }
    let all = try ids(["--limit", "5"])
    #expect(all.count >= 3)
    #expect(try ids(["--limit", "2", "--offset", "1"]) == Array(all[1...2]))
    #expect(try ids(["--offset", String(all.count + 10)]).isEmpty)
  }

  @Test func sortByDateListsNewestFirstAndPagesExactly() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "--quiet").status == 0)
    let page = { (args: [String]) throws -> [[String: Any]] in
      let run = try ws.run(["search", "Arménie", "--sort", "date", "--json"] + args)
      #expect(run.status == 0, "\(args): \(run.stderr)")
      return try #require(try jsonObject(run.stdout)["results"] as? [[String: Any]])
    }
    let all = try page(["--limit", "40"])
    let dates = all.compactMap { $0["date"] as? String }
    try #require(dates.count >= 6)
    #expect(dates == dates.sorted(by: >), "newest first: \(dates)")
    let relevance = try jsonObject(try ws.run("search", "Arménie", "--json", "--limit", "40").stdout)["results"] as? [[String: Any]]
    #expect(relevance?.compactMap { $0["date"] as? String } != dates, "the seeds' relevance order is not by date")
    let pages = try page(["--limit", "3"]) + page(["--limit", "3", "--offset", "3"])
    #expect(pages.compactMap { $0["id"] as? String } == all.prefix(6).compactMap { $0["id"] as? String })
    let bad = try ws.run("search", "Arménie", "--sort", "dat")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--sort must be one of: relevance, date"))
  }

  @Test func unquotedWordsAreOneQueryAndPhrasesAreHighlightedWhole() throws {
    let ws = Workspace()
    _ = try ws.run("index", "--quiet")
    let words = try ws.run("search", "cessez", "le", "feu")
    #expect(words.status == 0)
    #expect(words.stdout.contains("match \"cessez le feu\""))
    let phrase = try ws.run("search", "\"cessez le feu\"", "--json")
    let results = try #require(try jsonObject(phrase.stdout)["results"] as? [[String: Any]])
    #expect(!results.isEmpty)
    let first = results[0]
    let snippet = Array((first["snippet"] as? String ?? "").unicodeScalars)
    let h = try #require((first["highlights"] as? [[Int]])?.first)
    #expect(String(String.UnicodeScalarView(snippet[h[0]..<h[1]])).lowercased().hasPrefix("cessez"))
  }

  @Test func textOutputMarksMatchesWithBracketsWithoutATerminal() throws {
    let ws = Workspace()
    _ = try ws.run("index", "--quiet")
    let run = try ws.run("search", "Bayraktar")
    #expect(run.stdout.contains("[Bayraktar]"))
    #expect(run.stdout.contains("By month:"))
    #expect(!run.stdout.contains("\u{1B}["))
  }

  @Test func exitCodes() throws {
    let ws = Workspace()
    #expect(try ws.run("search", "--bogus-flag", "x").status == 64)
    #expect(try ws.run("search", "x", "--since", "2021-02-31").status == 64)
    #expect(try ws.run("search", "x", "--limit=-1").status == 64)
    let noFolder = try ws.run("index", "no-such-folder")
    #expect(noFolder.status == 64 && noFolder.stderr.contains("no such file or folder: no-such-folder"))
    let typo = try ws.run("index", "--idnex", "Elsewhere")
    #expect(typo.status == 64 && typo.stderr.contains("Unknown option '--idnex'"), "\(typo.stderr)")
    #expect(!FileManager.default.fileExists(atPath: ws.path + "/Elsewhere"))
    let missing = try ws.run("search", "Bayraktar", "--index", "Nowhere")
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("Nowhere") && missing.stderr.contains("depeches index"))
    #expect(missing.stdout.isEmpty)
    _ = try ws.run("index", "--quiet")
    let none = try ws.run("search", "zzzyyyxxx")
    #expect(none.status == 0)
    #expect(none.stdout.contains("0 dispatches"))
  }

  /// The JSON contract prints every key, null when there is no value (JSONOutput's
  /// `encodeIfPresent` override does it for every optional text field).
  @Test func absentValuesArePrintedAsNull() throws {
    let ws = Workspace(withSeeds: false)
    ws.write("in/a.txt", bytes: Array("Sans date\n\nTexte sur Bakou.".utf8))
    #expect(try ws.run("index", "in", "--quiet").status == 0)
    let search = try jsonObject(try ws.run("search", "Bakou", "--json").stdout)
    let hit = try #require((search["results"] as? [[String: Any]])?.first)
    for key in ["date", "source", "author", "url"] { #expect(hit[key] is NSNull, "\(key): \(hit[key] ?? "absent")") }
    #expect(search["suggestion"] is NSNull)
    #expect(search["corrected"] is NSNull && search["fallback"] is NSNull)
    let month = try #require(((search["facets"] as? [String: Any])?["month"] as? [[String: Any]])?.first)
    #expect(month["value"] is NSNull && month["count"] as? Int == 1)
    let stats = try jsonObject(try ws.run("stats", "--json").stdout)
    #expect(stats["first_date"] is NSNull && stats["last_date"] is NSNull, "\(stats)")
  }

  /// A typo that finds nothing is searched corrected, said on stderr and in JSON; a widening
  /// to any word is flagged in JSON.
  @Test func correctionsAndFallbacksAreSaid() throws {
    let ws = Workspace(withSeeds: false)
    ws.write("in/a.txt", bytes: Array("Front\n\nLes combats reprennent autour de Stepanakert.".utf8))
    ws.write("in/b.txt", bytes: Array("Arrière\n\nLa diplomatie attend.".utf8))
    #expect(try ws.run("index", "in", "--quiet").status == 0)
    let typo = try ws.run("search", "combats", "Stepanakrt", "--json")
    #expect(typo.stderr.contains("Résultats pour « combats stepanakert »"), "\(typo.stderr)")
    let fixed = try jsonObject(typo.stdout)
    #expect(fixed["corrected"] as? String == "combats stepanakert" && fixed["fallback"] is NSNull)
    #expect(fixed["total"] as? Int == 1)
    let widened = try jsonObject(try ws.run("search", "combats", "diplomatie", "--json").stdout)
    #expect(widened["fallback"] as? String == "any" && widened["corrected"] is NSNull)
    #expect(widened["total"] as? Int == 2)
  }

  @Test func reindexingTheSameFolderAddsNothing() throws {
    let ws = Workspace()
    _ = try ws.run("index", "--quiet")
    let first = try jsonObject(try ws.run("stats", "--json").stdout)
    let again = try ws.run("index")
    #expect(again.stderr.contains("added 0, updated 0, removed 0"))
    let second = try jsonObject(try ws.run("stats", "--json").stdout)
    #expect(first["dispatches"] as? Int == second["dispatches"] as? Int)
    #expect((first["dispatches"] as? Int ?? 0) > 0)
  }

  @Test func aBinaryFileIsSkippedWithAWarningNamingIt() throws {
    let ws = Workspace()
    ws.write("seeds/broken.txt", bytes: [0x00, 0x01, 0x02, 0xFF, 0x00])
    let run = try ws.run("index")
    #expect(run.status == 0)
    #expect(run.stderr.contains("broken.txt"))
    #expect(run.stderr.contains("skipped 1"))
  }

  @Test func theSummaryCountsInTheSingularForOne() throws {
    let ws = Workspace()
    ws.write("one/a.txt", bytes: Array("Titre\n\nUn texte sur la guerre.\n".utf8))
    let run = try ws.run("index", "one", "--index", "One")
    #expect(run.status == 0)
    #expect(run.stderr.contains("indexed 1 dispatch from 1 file:"), "\(run.stderr)")
  }
}

@Suite struct CommandTypoTests {
  @Test func aMistypedCommandIsNamedWithTheOneMeant() throws {
    let ws = Workspace()
    for (typed, meant) in [("serch", "search"), ("idnex", "index"), ("stat", "stats"), ("Search", "search")] {
      let run = try ws.run(typed, "cessez", "le", "feu")
      #expect(run.status == 64, "\(typed)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.contains("unknown command '\(typed)'. Did you mean '\(meant)'?"), "\(run.stderr)")
    }
    let far = try ws.run("bonjour")
    #expect(far.status == 64 && far.stderr.contains("unknown command 'bonjour' (commands: index, search"))
    #expect(!far.stderr.contains("Did you mean"))
    #expect(try ws.run("help").status == 0)
    #expect(try ws.run("--version").status == 0)
  }
}

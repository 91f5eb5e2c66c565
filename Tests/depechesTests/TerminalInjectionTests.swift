import Foundation
import Testing

/// Control characters a terminal takes as commands, found in a run's raw output bytes: ESC,
/// BEL, any other C0 but tab and newline, DEL, and C1 (U+0080–U+009F, 0xC2 0x80–0x9F in UTF-8).
func terminalControls(_ text: String) -> [String] {
  text.unicodeScalars.filter { scalar in
    let v = scalar.value
    return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
  }.map { String(format: "U+%04X", $0.value) }
}

/// Dispatches and file names holding escape sequences (window title, clear screen, hidden
/// text) through every format's way of writing them: HTML entities (decoded after the binary
/// check), raw bytes in front matter, JSON `\u001b`, RSS entities, and the file name itself.
/// None of them may reach the terminal raw, on stdout or stderr.
@Suite(.serialized) struct TerminalInjectionTests {
  /// A sentence long enough that a few control characters stay under the binary threshold.
  static let filler = String(repeating: "Les négociations reprennent à Genève sur le cessez-le-feu. ", count: 10)
  /// A file name with ESC and a newline in it.
  static let hostileName = "docs/e\u{1B}[2Jsc\nape.txt"
  /// A binary file whose name sets the window title: it is skipped with a warning naming it.
  static let hostileSkippedName = "docs/bin\u{1B}]0;titre\u{7}.txt"

  static func workspace() -> Workspace {
    let ws = Workspace(withSeeds: false)
    ws.write("docs/a.html", bytes: Array("""
      <html><head><title>Titre &#27;]0;pwned&#7; et &#27;[2J fin</title></head>
      <body><p>Kaboul &#27;[8m texte caché &#x1b;[0m \u{9B}31m. \(filler)</p></body></html>
      """.utf8))
    ws.write("docs/b.md", bytes: Array("""
      ---
      title: "Kaboul \u{1B}[2J front matter"
      source: "Agence \u{1B}]0;x\u{7}"
      ---
      Kaboul \u{1B}]0;corps\u{7} et \u{9B}1m. \(filler)

      """.utf8))
    ws.write("docs/c.jsonl", bytes: Array("""
      {"title": "Kaboul \\u001b[2J JSONL \\u009b1m", "body": "Kaboul \\u001b]0;t\\u0007 \(filler)", "author": "A\\u001b[8m", "source": "S\\u007f"}

      """.utf8))
    ws.write("docs/d.rss", bytes: Array("""
      <rss><channel><title>Fil &#27;]0;x&#7;</title><item><title>Kaboul &#x1B;[2J RSS</title>
      <description>Kaboul &amp;#27;[8m \(filler)</description></item></channel></rss>
      """.utf8))
    ws.write(hostileName, bytes: Array("Kaboul dans le nom de fichier\n\n\(filler)\n".utf8))
    ws.write(hostileSkippedName, bytes: [0x78, 0x00, 0x01])
    return ws
  }

  static func expectClean(_ run: Run, _ label: String) {
    #expect(terminalControls(run.stdout).isEmpty, "\(label) stdout: \(terminalControls(run.stdout))")
    #expect(terminalControls(run.stderr).isEmpty, "\(label) stderr: \(terminalControls(run.stderr))")
  }

  @Test func indexingShowsFileNamesEscaped() throws {
    let ws = Self.workspace()
    let indexed = try ws.run("index", "docs", "--verbose")
    #expect(indexed.status == 0, "\(indexed.stderr)")
    Self.expectClean(indexed, "index")
    #expect(indexed.stderr.contains("docs/e\\x1B[2Jsc\\nape.txt"))
    #expect(indexed.stderr.contains("docs/bin\\x1B]0;titre\\x07.txt: binary file"))
    // One line per file: the newline of the name does not start a line of its own.
    #expect(!indexed.stderr.split(separator: "\n").contains { $0.hasPrefix("ape.txt") })
  }

  @Test func searchResultsStatsAndErrorsCarryNoControlCharacter() throws {
    let ws = Self.workspace()
    #expect(try ws.run("index", "docs", "--quiet").status == 0)
    // The fixtures share one body under several names (versions of one text): list each.
    let text = try ws.run("search", "Kaboul", "--limit", "20", "--all-versions")
    #expect(text.status == 0, "\(text.stderr)")
    Self.expectClean(text, "search")
    #expect(text.stdout.contains("5 dispatches match"))
    let pathLine = try #require(text.stdout.split(separator: "\n").first { $0.contains("ape.txt") })
    #expect(pathLine.contains("docs/e\\x1B[2Jsc\\nape.txt"))

    for arguments in [
      ["search", "Kaboul", "--json", "--limit", "20"], ["stats"], ["stats", "--json"],
      ["search", "Kaboul\u{1B}[2J", "\u{9B}1m"], ["search", "x", "--since", "\u{1B}[2J"],
      ["search", "x", "--index", "absent\u{1B}]0;t\u{7}"], ["\u{1B}[2Jsearch", "x"],
    ] {
      Self.expectClean(try ws.run(arguments), arguments.joined(separator: " "))
    }
  }

  @Test func controlsAreRemovedAtReadTimeAndJSONKeepsTheRealPath() throws {
    let ws = Self.workspace()
    #expect(try ws.run("index", "docs", "--quiet").status == 0)
    let run = try ws.run("search", "Kaboul", "--json", "--limit", "20", "--all-versions")
    let results = try #require(try jsonObject(run.stdout)["results"] as? [[String: Any]])
    #expect(results.count == 5)
    for result in results {
      for key in ["title", "snippet", "source", "author"] {
        let value = result[key] as? String ?? ""
        #expect(terminalControls(value).isEmpty, "\(key): \(value.debugDescription)")
      }
    }
    #expect(results.contains { $0["path"] as? String == Self.hostileName })
  }
}

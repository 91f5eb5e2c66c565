import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `depeches watch feed`: an Atom 1.0 document with the required elements, well-formed
/// whatever the dispatches hold.
@Suite struct WatchFeedTests {
  /// The elements of an Atom document: each feed- and entry-level child's text, in order.
  final class AtomReader: NSObject, XMLParserDelegate {
    var feed: [String: String] = [:]
    var entries: [[String: String]] = []
    var links: [String] = []
    var rootName = ""
    private var path: [String] = []
    private var text = ""

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      if path.isEmpty { rootName = name }
      if name == "entry" { entries.append([:]) }
      if name == "link", path.last == "entry" { links.append(attributes["href"] ?? "") }
      path.append(name)
      text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      path.removeLast()
      if path == ["feed"] { feed[name] = text }
      if path == ["feed", "entry"] { entries[entries.count - 1][name] = text }
    }
  }

  private func parse(_ xml: String) throws -> AtomReader {
    let reader = AtomReader()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.shouldProcessNamespaces = false
    parser.delegate = reader
    #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
    return reader
  }

  @Test func theFeedHasTheRequiredAtomElements() throws {
    let ws = Workspace()
    ws.write("seeds/zz-hostile.md", bytes: Array(
      "---\ntitle: Drones <b>&</b> \u{1B}[31m\nurl: https://exemple.fr/a?b=1&c=2\ndate: 2022-01-02\n---\n\nDes drones \u{0007}\u{009B} « ici ». \(TerminalInjectionTests.filler)\n".utf8))
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    #expect(try ws.run("watch", "add", "drones", "drones", "--since", "2000-01-01").status == 0)
    let run = try ws.run("watch", "feed", "drones", "-o", "drones.atom")
    #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
    let xml = try String(contentsOfFile: ws.path + "/drones.atom", encoding: .utf8)
    #expect(try ws.run("watch", "feed", "drones").stdout == xml, "stdout and -o write the same feed")
    let atom = try parse(xml)
    #expect(atom.rootName == "feed" && xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
    for element in ["id", "title", "updated"] { #expect(!(atom.feed[element] ?? "").isEmpty, "feed \(element)") }
    let found = try jsonObject(try ws.run("search", "drones", "--limit", "100", "--json").stdout)
    let total = found["total"] as? Int ?? 0
    #expect(atom.entries.count == min(50, total) && total > 0)
    for entry in atom.entries {
      for element in ["id", "title", "updated", "summary"] { #expect(entry[element] != nil, "entry \(element)") }
      #expect(entry["id"]?.hasPrefix("tag:depeches,2026:dispatch:") == true)
      #expect(entry["updated"]?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
    }
    #expect(atom.links.count == atom.entries.count && atom.links.allSatisfy { !$0.isEmpty })
    #expect(atom.links.contains("https://exemple.fr/a?b=1&c=2"), "the source URL when known")
    #expect(atom.links.contains { $0.hasPrefix("file://") && $0.hasSuffix("/seeds/000_fe0702cd3db7fe5e.txt") }, "else the path")
    let hostile = try #require(atom.entries.first { $0["title"]?.hasPrefix("Drones <b>&</b>") == true })
    #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character")
    #expect(hostile["summary"]?.contains("ici") == true)
    let lint = Process()
    lint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    lint.arguments = ["--noout", ws.path + "/drones.atom"]
    try lint.run()
    lint.waitUntilExit()
    #expect(lint.terminationStatus == 0, "xmllint finds the feed well-formed")
  }

  @Test func entryIdsAreStableAcrossRuns() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    #expect(try ws.run("watch", "add", "drones", "drones").status == 0)
    let first = try parse(try ws.run("watch", "feed", "drones").stdout).entries.compactMap { $0["id"] }
    #expect(try ws.run("index", "seeds", "--force", "--quiet").status == 0)
    let second = try parse(try ws.run("watch", "feed", "drones").stdout).entries.compactMap { $0["id"] }
    #expect(!first.isEmpty && first == second)
  }
}

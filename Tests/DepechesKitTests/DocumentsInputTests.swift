import Foundation
import Testing

@testable import DepechesKit

private typealias Support = DocumentsTestSupport

/// Issue 15, class 4: what a reader used to lose without a word.
@Suite struct DocumentsInputTests {
  private func report(_ bytes: [UInt8], as name: String) -> ReadReport {
    DocumentReader().report(bytes: bytes, absolutePath: "/corpus/" + name, displayPath: name)
  }

  private let french = "Titre de la dépêche\n\nLes négociations ont repris à Erevan, où l’été fut très chaud. "
    + "Le ministre a déclaré qu’il espérait un accord général.\n"

  @Test func oneInvalidByteInAUTF8FileIsReplacedAndWarnedOf() throws {
    var bytes = Array(french.utf8)
    bytes.insert(0xE9, at: bytes.count - 10)
    let read = report(bytes, as: "d.txt")
    let dispatch = try #require(Support.single(read.result))
    let text = dispatch.passages.joined(separator: " ")
    #expect(text.contains("négociations") && text.contains("l’été") && text.contains("\u{FFFD}"), "\(text)")
    #expect(read.warnings.contains { $0.contains("1 invalid UTF-8 sequence replaced") }, "\(read.warnings)")
  }

  @Test func windows1252StaysWindows1252() throws {
    let bytes: [UInt8] = Array("Titre\n\nLes n".utf8) + [0xE9] + Array("gociations ont repris ".utf8) + [0xE0]
      + Array(" Erevan, l".utf8) + [0x92, 0xE9, 0x74, 0xE9] + Array(" fut chaud.".utf8)
    let read = report(bytes, as: "d.txt")
    let text = try #require(Support.single(read.result)).passages.joined()
    #expect(text == "Les négociations ont repris à Erevan, l’été fut chaud.")
    #expect(read.warnings.isEmpty)
  }

  @Test func aFileOfUTF8AndWindows1252LinesKeepsBothReadable() throws {
    let bytes: [UInt8] = Array("Titre\n\nL’été à Erevan.\n\nLe d".utf8) + [0xE9] + Array("put".utf8) + [0xE9] + Array(" parle.\n".utf8)
    let read = report(bytes, as: "d.txt")
    let text = try #require(Support.single(read.result)).passages.joined(separator: "|")
    #expect(text == "L’été à Erevan.|Le député parle.")
    #expect(read.warnings.contains { $0.hasPrefix("mixed encodings") })
  }

  @Test(arguments: [true, false])
  func utf16WithoutAByteOrderMarkIsRead(littleEndian: Bool) throws {
    let bytes = Array(Support.utf16(french, littleEndian: littleEndian).dropFirst(2))
    let read = report(bytes, as: "d.txt")
    let dispatch = try #require(Support.single(read.result), "\(read.result)")
    #expect(dispatch.title == "Titre de la dépêche")
    #expect(read.warnings.contains { $0.contains("UTF-16 \(littleEndian ? "LE" : "BE") without a byte order mark") })
    // Binary data with NULs is still binary.
    #expect(Support.reason(Support.read(bytes: [0x89, 0x50, 0, 0, 0x0D, 0, 0x1A, 0, 0, 7, 0, 0], as: "x.txt")) == "binary file")
  }

  @Test func tomlFrontMatterFillsTheFields() throws {
    let text = """
      +++
      title = "L’accord de \\"Bakou\\""
      date = 2021-09-10T08:00:00+02:00
      tags = ["caucase",
        'diplomatie']
      draft = false
      [params]
      author = "Marie Durand"
      source = 'AFP'
      +++
      Le texte de la note.
      """
    let dispatch = try #require(Support.single(Support.read(text, as: "note.md")))
    #expect(dispatch.title == "L’accord de \"Bakou\"")
    #expect(dispatch.date?.iso == "2021-09-10")
    #expect(dispatch.author == "Marie Durand" && dispatch.source == "AFP")
    #expect(dispatch.tags == ["caucase", "diplomatie"])
    #expect(dispatch.passages == ["Le texte de la note."])
  }

  @Test(arguments: [
    ("PARIS, 10 septembre 2021 (AFP) – Vingt ans après le 11 septembre 2001, la ville se souvient.", "2021-09-10"),
    ("Bruxelles, le 3 mars 2022 - Le sommet s’ouvre.", "2022-03-03"),
    ("SAINT-DENIS (La Réunion), 5 janvier 2020 à 14h30 (AFP) — Le cyclone approche.", "2020-01-05"),
  ])
  func theDatelineWinsOverAnEarlierDate(body: String, iso: String) throws {
    let text = "Le 11 septembre 2001, vingt ans après\n\n" + body
    #expect(Support.single(Support.read(text, as: "d.txt"))?.date?.iso == iso)
  }

  @Test func aTextWithoutADatelineKeepsItsFirstDate() throws {
    let text = "Souvenirs\n\nLe 11 septembre 2001, PARIS, 10 septembre 2021 (AFP) – rien.\n"
    #expect(Support.single(Support.read(text, as: "d.txt"))?.date?.iso == "2001-09-11")
    let noDash = "Souvenirs\n\nParis, 10 septembre 2021 est une date.\n\nLe 11 septembre 2001."
    #expect(Support.single(Support.read(noDash, as: "d.txt"))?.date?.iso == "2021-09-10")
  }

  @Test func jsonLinesReadsTheKeysOfFeedsAndExports() throws {
    let lines = [
      #"{"headline": "Un", "description": "Chapô.", "content": "Corps du texte.", "date_published": "2021-09-10T08:00:00Z", "authors": [{"name": "A. B."}], "link": "https://x.fr/1", "source": {"name": "AFP"}}"#,
      #"{"title": "Deux", "content_html": "<p>Corps <b>gras</b>.</p>", "publishedAt": 1631260800, "keywords": "a, b"}"#,
    ]
    let list = Support.dispatches(Support.read(lines.joined(separator: "\n"), as: "l.jsonl"))
    try #require(list.count == 2)
    #expect(list[0].title == "Un" && list[0].passages == ["Chapô.", "Corps du texte."])
    #expect(list[0].date?.iso == "2021-09-10" && list[0].author == "A. B." && list[0].url == "https://x.fr/1" && list[0].source == "AFP")
    #expect(list[1].passages == ["Corps gras."] && list[1].date?.iso == "2021-09-10" && list[1].tags == ["a", "b"])
  }

  @Test func jsonLinesRepeatedIdsKeepTheLastAndSayWhichLines() throws {
    let text = #"{"id": "x", "title": "Ancien"}"# + "\n" + #"{"id": "x", "title": "Nouveau"}"# + "\n{oops\n"
      + #"{"id": "y", "title": "Autre"}"#
    let read = report(Array(text.utf8), as: "l.jsonl")
    #expect(Support.dispatches(read.result).map(\.title) == ["Nouveau", "Autre"])
    #expect(read.warnings == [
      "1 line left out (not a JSON object with a title or text): line 3",
      "1 line repeats the id of an earlier line (the last of each id is kept): line 2",
    ])
  }

  @Test func feedItemsWithoutTextAreNamed() throws {
    let feed = "<rss><channel><item><title>Un</title></item><item><link>https://x.fr</link></item></channel></rss>"
    let read = report(Array(feed.utf8), as: "f.rss")
    #expect(Support.dispatches(read.result).count == 1)
    #expect(read.warnings == ["1 item without a title or text left out: item 2"])
  }
}

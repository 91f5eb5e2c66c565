import Foundation
import Testing

@testable import DepechesKit

/// Helpers shared by the Documents tests.
enum DocumentsTestSupport {
  /// Reads `text` as a file named `name`.
  static func read(_ text: String, as name: String, maxFileSize: Int = DocumentReader.defaultMaxFileSize)
    -> ReadResult
  {
    read(bytes: Array(text.utf8), as: name, maxFileSize: maxFileSize)
  }

  /// Reads `bytes` as a file named `name`.
  static func read(bytes: [UInt8], as name: String, maxFileSize: Int = DocumentReader.defaultMaxFileSize)
    -> ReadResult
  {
    DocumentReader(maxFileSize: maxFileSize)
      .read(bytes: bytes, absolutePath: "/corpus/" + name, displayPath: name)
  }

  /// The dispatches of a result (empty when skipped).
  static func dispatches(_ result: ReadResult) -> [Dispatch] {
    if case .dispatches(let list) = result { return list }
    return []
  }

  /// The only dispatch of a result, or nil.
  static func single(_ result: ReadResult) -> Dispatch? {
    let list = dispatches(result)
    return list.count == 1 ? list[0] : nil
  }

  /// The reason of a skipped result, or nil.
  static func reason(_ result: ReadResult) -> String? {
    if case .skipped(let reason) = result { return reason }
    return nil
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("depeches-documents-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// UTF-16 bytes with a BOM.
  static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in text.utf16 {
      let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
      bytes += littleEndian ? [low, high] : [high, low]
    }
    return bytes
  }

  /// Sample files of every format, by name (used by the format and fuzz tests).
  static let samples: [(name: String, text: String)] = [
    ("depeche.txt", "Titre de la dépêche\n16 novembre 2021\n\nPremier paragraphe.\n\nSecond."),
    (
      "note.md",
      "---\ntitle: \"Note Markdown\"\ndate: 2021-11-16\ntags: [guerre, caucase]\n---\n"
        + "# Titre interne\n\nTexte *important* avec [un lien](https://x.fr).\n"
    ),
    (
      "page.html",
      "<html><head><meta charset=\"utf-8\"><title>Page</title></head><body><nav>Menu</nav>"
        + "<article><h1>Le titre</h1><p>Un &eacute;t&eacute; &laquo;chaud&raquo;.</p>"
        + "<p>Le 16 novembre 2021.</p></article></body></html>"
    ),
    (
      "lignes.jsonl",
      "{\"id\": \"a1\", \"title\": \"Un\", \"body\": \"Texte un.\", \"date\": \"2021-11-16\"}\n"
        + "{\"title\": \"Deux\", \"text\": \"Texte deux.\"}\n"
    ),
    (
      "flux.rss",
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Agence</title>"
        + "<item><title>Dépêche RSS</title><link>https://x.fr/a</link>"
        + "<description><![CDATA[<p>Corps <b>gras</b>.</p>]]></description>"
        + "<pubDate>Tue, 16 Nov 2021 20:30:00 +0000</pubDate></item></channel></rss>"
    ),
    (
      "flux.atom",
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Fil</title><entry>"
        + "<title>Entrée Atom</title><id>urn:1</id><link rel=\"alternate\" href=\"https://x.fr/b\"/>"
        + "<updated>2021-11-16T10:00:00Z</updated><author><name>Marie</name></author>"
        + "<summary type=\"html\">&lt;p&gt;R&amp;eacute;sum&amp;eacute;&lt;/p&gt;</summary>"
        + "</entry></feed>"
    ),
  ]
}

import Foundation
import Testing

@testable import DepechesKit

/// One hostile input for a reader: a file name (its extension picks the reader) and the text
/// for a size `n`, chosen so that the size-n read takes a few hundredths of a second.
struct HostileFile: CustomStringConvertible, Sendable {
  let label: String
  let name: String
  let n: Int
  let text: @Sendable (Int) -> String

  var description: String { label }

  static func repeated(_ label: String, _ name: String, n: Int, head: String = "", _ piece: String, tail: String = "")
    -> HostileFile
  {
    HostileFile(label: label, name: name, n: n) { head + String(repeating: piece, count: $0) + tail }
  }
}

/// Inputs that made a reader's time grow with the square of the file (issue 15), and the
/// neighbours of each: every reader must stay linear.
let hostileFiles: [HostileFile] = [
  // MarkdownReader: searches for the `]`, `)` or `>` closing a link or a tag.
  .repeated("markdown: unclosed [", "a.md", n: 20_000, "["),
  .repeated("markdown: unclosed ![", "a.md", n: 10_000, "!["),
  .repeated("markdown: unclosed <a", "a.md", n: 10_000, "<a"),
  .repeated("markdown: links without target", "a.md", n: 10_000, "[a]("),
  .repeated("markdown: heading closed by many #", "a.md", n: 20_000, head: "# Titre ", "#"),
  .repeated("markdown: many comments", "a.md", n: 6_000, head: "Texte ", "<!-- c -->mot "),
  // FrontMatter.
  .repeated("front matter: many keys", "a.md", n: 5_000, head: "---\n", "clé: valeur\n", tail: "---\nTexte"),
  .repeated("front matter: long list", "a.md", n: 5_000, head: "---\ntags:\n", "- étiquette\n", tail: "---\nTexte"),
  .repeated("toml front matter: many keys", "a.md", n: 5_000, head: "+++\n", "clé = \"valeur\"\n", tail: "+++\nTexte"),
  .repeated("toml front matter: long array", "a.md", n: 5_000, head: "+++\ntags = [\n", "\"étiquette\",\n", tail: "]\n+++\nTexte"),
  .repeated("toml front matter: unclosed array", "a.md", n: 5_000, head: "+++\ntags = [\n", "[\"a\",\n", tail: "+++\nTexte"),
  // MarkupScanner + HTMLReader: end tags against a deep stack of open elements.
  HostileFile(label: "html: unclosed skipped elements, stray end tags", name: "a.html", n: 5_000) {
    "<body><p>Texte</p>" + String(repeating: "<nav>", count: $0) + String(repeating: "</x>", count: $0)
  },
  .repeated("html: unclosed tags and attributes", "a.html", n: 10_000, head: "<p>Texte ", "<a href=\"x\" b c=d "),
  .repeated("html: entities", "a.html", n: 3_000, head: "<p>", "&#233;&amp;&eacute;&#x80;&zz &"),
  .repeated("html: long title", "a.html", n: 10_000, head: "<title>", "mot &amp; ", tail: "</title><p>Texte</p>"),
  // FeedReader.
  HostileFile(label: "rss: unclosed elements, stray end tags", name: "a.rss", n: 5_000) {
    "<rss><channel><item><title>T</title>" + String(repeating: "<a>", count: $0) + String(repeating: "</b>", count: $0)
      + "</item></channel></rss>"
  },
  HostileFile(label: "rss: long channel title, many items", name: "a.rss", n: 2_000) {
    "<rss><channel><title>" + String(repeating: "Agence ", count: $0) + "</title>"
      + String(repeating: "<item><title>Dépêche</title><description>Texte</description></item>", count: $0 / 4)
  },
  .repeated("rss: many categories", "a.rss", n: 5_000, head: "<rss><channel><item><title>T</title>", "<category>c</category>", tail: "</item>"),
  // JSONLinesReader.
  .repeated("jsonl: many lines", "a.jsonl", n: 2_000, head: "", "{\"title\":\"Titre\",\"body\":\"Un texte.\",\"id\":\"x\"}\n"),
  .repeated("jsonl: deep nesting", "a.jsonl", n: 200_000, head: "{\"title\":\"T\",\"x\":", "["),
  .repeated("jsonl: repeated ids", "a.jsonl", n: 2_000, head: "", "{\"title\":\"Titre\",\"id\":1}\nnon\n"),
  .repeated("jsonl: many keys", "a.jsonl", n: 2_000, head: "{\"headline\":\"T\"", ",\"summary_x\":\"Un texte.\"", tail: "}"),
  .repeated("rss: repeated guids", "a.rss", n: 2_000, head: "<rss><channel>", "<item><title>T</title><guid>g</guid></item>"),
  // PlainTextReader.
  .repeated("text: many header lines", "a.txt", n: 10_000, head: "", "Titre: un titre\n", tail: "Texte"),
  .repeated("text: blank lines", "a.txt", n: 20_000, head: "Titre\n", " \n", tail: "Texte"),
  // DateScanner: candidate dates inside one long URL.
  .repeated("dates: many inside one URL", "a.txt", n: 2_000, head: "Titre\n\nhttp://x.fr/", "16/11/2021~"),
  .repeated("dates: digits and spaces", "a.txt", n: 3_000, head: "Titre\n\n", "16 nov 1 "),
  // Dateline: a long first line after the title.
  .repeated("dates: a long first line", "a.txt", n: 10_000, head: "Titre\n\nPARIS, ", "mot ", tail: "10 septembre 2021 (AFP) –"),
  // TextDecoding: canonical reordering of one long run of combining marks.
  .repeated("nfc: alternating combining marks", "a.txt", n: 10_000, head: "Titre\n\na", "\u{301}\u{323}"),
  // DispatchDraft: control characters, a long title line.
  .repeated("draft: control characters", "a.txt", n: 1_000, head: "Titre\n\n", "un texte ordinaire de la dépêche \u{1B}[2J, puis la suite \u{9B}1m. "),
  .repeated("draft: one long title line", "a.txt", n: 10_000, head: "", "mot "),
  .repeated("draft: one long title line, not Latin", "a.txt", n: 5_000, head: "", "слово 言葉 "),
  // Passages: a paragraph of closing marks after a full stop.
  .repeated("passages: closing marks", "a.txt", n: 10_000, head: "Titre\n\nFin.", "»", tail: " Suite"),
]

@Suite(.serialized) struct DocumentsLinearityTests {
  @Test("every reader is linear in its input: doubling the input doubles the time", arguments: hostileFiles)
  func doublingTheInputDoublesTheTime(_ file: HostileFile) {
    let reader = DocumentReader()
    let ratio = DoublingCheck.ratio(n: file.n, input: { Array(file.text($0).utf8) }) { bytes in
      _ = reader.read(bytes: bytes, absolutePath: "/corpus/" + file.name, displayPath: file.name)
    }
    #expect(ratio < DoublingCheck.maxRatio, "\(file.label): time × \(ratio) when the input doubles")
  }

  @Test("the hostile inputs are read, not skipped")
  func hostileInputsAreRead() {
    for file in hostileFiles where !file.label.hasPrefix("jsonl: deep") {
      let result = DocumentsTestSupport.read(file.text(file.n), as: file.name)
      #expect(!DocumentsTestSupport.dispatches(result).isEmpty, "\(file.label): \(result)")
    }
  }
}

/// The linear forms give the answers the readers gave before on ordinary input.
@Suite struct DocumentsLinearFormsTests {
  @Test func monthNameBoundIsTheLongestMonthName() {
    #expect(MonthNames.table.keys.map(\.count).max() == DateScanner.maxMonthNameLength)
    #expect(FrenchDates.firstDate(in: "le 1er septembre 2021") == DispatchDate(year: 2021, month: 9, day: 1))
    #expect(FrenchDates.firstDate(in: "le 16 novembres 2021") == nil)
  }

  @Test func aDateInsideAURLIsSkippedAndTheNextWordStillCounts() {
    let text = "https://x.fr/16/11/2021/a~01/02/2020 puis le 3 mars 2022"
    #expect(FrenchDates.firstDate(in: text) == DispatchDate(year: 2022, month: 3, day: 3))
  }

  @Test func streamSafeTextBreaksOnlyRunsLongerThanTheBound() {
    let ordinary = "e\u{301}\u{323} café Ελλάδα"
    #expect(TextDecoding.streamSafe(ordinary) == ordinary)
    let run = String(repeating: "\u{301}", count: TextDecoding.maxCombiningRun)
    #expect(TextDecoding.streamSafe("a" + run) == "a" + run)
    let long = TextDecoding.streamSafe("a" + run + "\u{323}")
    #expect(long.unicodeScalars.filter { $0 == TextDecoding.combiningGraphemeJoiner }.count == 1)
    #expect(TextDecoding.nfc("e\u{301}") == "é")
  }

  @Test func markdownHeadingsCommentsAndLinksReadAsBefore() throws {
    let text = "# Titre du jour ###\n\nAvant <!-- caché --> après [un lien](https://x.fr) et <b>gras</b>.\n<!-- ouvert"
    let dispatch = try #require(DocumentsTestSupport.single(DocumentsTestSupport.read(text, as: "a.md")))
    #expect(dispatch.title == "Titre du jour")
    #expect(dispatch.passages == ["Avant après un lien et gras."])
    #expect(MarkdownReader.stripInline("[a](b) [c] <d") == "a [c] <d")
    #expect(MarkdownReader.stripInline("[a](b [c] <d") == "[a](b [c] <d")
  }

  @Test func feedCategoriesAndSourceReadAsBefore() throws {
    let feed = "<rss><channel><title>Agence\nFrance</title><item><title>T</title><description>Texte</description>"
      + "<category>guerre</category><category>caucase\narménie</category><category/></item></channel></rss>"
    let dispatch = try #require(DocumentsTestSupport.single(DocumentsTestSupport.read(feed, as: "a.rss")))
    #expect(dispatch.tags == ["guerre", "caucase", "arménie"])
    #expect(dispatch.source == "Agence France")
  }
}

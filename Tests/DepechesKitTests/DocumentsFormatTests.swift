import Foundation
import Testing

@testable import DepechesKit

private typealias Support = DocumentsTestSupport

/// One file of one format and what must come out of it.
struct FormatCase: CustomStringConvertible, Sendable {
  let name: String
  let text: String
  let title: String
  let date: String?
  let passages: [String]
  var source: String? = nil
  var author: String? = nil
  var url: String? = nil
  var tags: [String] = []
  var description: String { name + ": " + title }
}

private let formatCases: [FormatCase] = [
  FormatCase(
    name: "a.txt", text: "  Titre simple  \n2021-11-16\n\nPremier.\n\nSecond  paragraphe.\n",
    title: "Titre simple", date: "2021-11-16", passages: ["Premier.", "Second paragraphe."]),
  FormatCase(
    name: "b.txt",
    text: "Titre: Attaque à Jermuk\nDate: 16/11/2021\nSource: AFP\nAuteur: Jean Dupont\n"
      + "URL: https://x.fr/a\n\nLe corps du texte, daté du 3 mars 2020.\n",
    title: "Attaque à Jermuk", date: "2021-11-16",
    passages: ["Le corps du texte, daté du 3 mars 2020."], source: "AFP", author: "Jean Dupont",
    url: "https://x.fr/a"),
  FormatCase(
    name: "c.TXT", text: "Sans date\nligne un\nligne deux", title: "Sans date", date: nil,
    passages: ["ligne un", "ligne deux"]),
  FormatCase(
    name: "d.md",
    text: "---\ntitle: 'Front'\ndate: \"2021-11-16T08:00:00+01:00\"\nsource: Reuters\n"
      + "author: Anne\nurl: https://r.fr/x\ntags:\n  - guerre\n  - \"Caucase\"\n---\n"
      + "# Front\n\nUn **texte** avec `code` et [lien](https://l.fr) ![img](i.png).\n\n"
      + "> cité\n\n- point un\n1. point deux\n\n<!-- caché -->\n[ref]: https://ref.fr\n",
    title: "Front", date: "2021-11-16",
    passages: ["Un texte avec code et lien .", "cité", "point un point deux"],
    source: "Reuters", author: "Anne", url: "https://r.fr/x", tags: ["guerre", "Caucase"]),
  FormatCase(
    name: "e.markdown", text: "Intro sans titre\n\n## Section _deux_\n\nTexte le 1er déc. 2021.",
    title: "Section deux", date: "2021-12-01",
    passages: ["Intro sans titre", "Section deux", "Texte le 1er déc. 2021."]),
  FormatCase(
    name: "f.html",
    text: "<!DOCTYPE html><html><head><title>Titre onglet</title>"
      + "<meta property=\"og:title\" content=\"Titre OG\">"
      + "<meta property=\"og:site_name\" content=\"Le Site\">"
      + "<meta name=\"author\" content=\"Paul\"><link rel=\"canonical\" href=\"https://s.fr/c\">"
      + "<meta property=\"article:published_time\" content=\"2021-11-16T20:30:00Z\">"
      + "<script>var x = '<p>non</p>';</script><style>p{}</style></head><body>"
      + "<header>Entête</header><nav>Menu</nav><main><article><h1>Titre OG</h1>"
      + "<p>L&rsquo;été&nbsp;!<br>Deux&#233; &#xE9; &oelig;uvre &hellip;</p><aside>Pub</aside>"
      + "<div>Fin &mdash; &amp; &lt;ok&gt;</div></article></main><footer>Pied</footer>"
      + "</body></html>",
    title: "Titre OG", date: "2021-11-16",
    passages: ["L’été\u{A0}!", "Deuxé é œuvre …", "Fin — & <ok>"], source: "Le Site",
    author: "Paul", url: "https://s.fr/c"),
  FormatCase(
    name: "g.htm",
    text: "<html><body><h1>Premier titre</h1><main><p>Texte <time datetime=\"2020-05-04\">"
      + "lundi</time>.</p></main></body></html>",
    title: "Premier titre", date: "2020-05-04", passages: ["Texte lundi."]),
  FormatCase(
    name: "h.jsonl", text: "{\"title\": \"Ligne\", \"content\": \"Corps.\\n\\nSuite.\", "
      + "\"source\": \"AP\", \"author\": \"Zoé\", \"url\": \"https://u\", \"tags\": [\"a\"]}\n",
    title: "Ligne", date: nil, passages: ["Corps.", "Suite."], source: "AP", author: "Zoé",
    url: "https://u", tags: ["a"]),
  FormatCase(
    name: "i.atom", text: Support.samples[5].text, title: "Entrée Atom", date: "2021-11-16",
    passages: ["Résumé"], source: "Fil", author: "Marie", url: "https://x.fr/b"),
  FormatCase(
    name: "j.xml", text: Support.samples[4].text, title: "Dépêche RSS", date: "2021-11-16",
    passages: ["Corps gras."], source: "Agence", url: "https://x.fr/a"),
]

@Test("each format gives its title, date, metadata and passages", arguments: formatCases)
func formatReadsFields(_ row: FormatCase) throws {
  let result = Support.read(row.text, as: row.name)
  let dispatch = try #require(Support.single(result), "\(result)")
  #expect(dispatch.title == row.title)
  #expect(dispatch.date?.iso == row.date)
  #expect(dispatch.passages == row.passages)
  #expect(dispatch.source == row.source)
  #expect(dispatch.author == row.author)
  #expect(dispatch.url == row.url)
  #expect(dispatch.tags == row.tags)
  #expect(dispatch.path == row.name)
}

@Test("ids: one-dispatch files use the path alone, multi-dispatch files the item key")
func dispatchIDs() {
  let txt = Support.single(Support.read("Titre\ntexte", as: "a.txt"))
  #expect(txt?.id == Dispatch.makeID(absolutePath: "/corpus/a.txt"))
  let lines = Support.dispatches(Support.read(Support.samples[3].text, as: "l.jsonl"))
  #expect(lines.map(\.id) == [
    Dispatch.makeID(absolutePath: "/corpus/l.jsonl", item: "a1"),
    Dispatch.makeID(absolutePath: "/corpus/l.jsonl", item: "line 2"),
  ])
  let rss = Support.single(Support.read(Support.samples[4].text, as: "f.rss"))
  #expect(rss?.id == Dispatch.makeID(absolutePath: "/corpus/f.rss", item: "https://x.fr/a"))
  let atom = Support.single(Support.read(Support.samples[5].text, as: "f.atom"))
  #expect(atom?.id == Dispatch.makeID(absolutePath: "/corpus/f.atom", item: "urn:1"))
  let bare = "<rss><channel><item><title>T</title></item><item><title>U</title></item></channel></rss>"
  #expect(Support.dispatches(Support.read(bare, as: "b.rss")).map(\.id) == [
    Dispatch.makeID(absolutePath: "/corpus/b.rss", item: "item 1"),
    Dispatch.makeID(absolutePath: "/corpus/b.rss", item: "item 2"),
  ])
}

@Test("JSON Lines: bad lines are skipped, a file of only bad lines is skipped")
func jsonLinesBadLines() {
  let mixed = "{\"title\": \"Bon\", \"body\": \"x\"}\n{pas du json\n[1, 2]\n\n{\"id\": 7, \"text\": \"Sans titre\"}\n"
  let list = Support.dispatches(Support.read(mixed, as: "m.jsonl"))
  #expect(list.map(\.title) == ["Bon", "Sans titre"])
  #expect(list.last?.id == Dispatch.makeID(absolutePath: "/corpus/m.jsonl", item: "7"))
  #expect(Support.reason(Support.read("{oops\n{\"x\": 1}\n", as: "n.jsonl")) == "no valid JSON line (2 bad)")
}

@Test("XML that is neither RSS nor Atom is skipped")
func xmlNotAFeed() {
  let reason = Support.reason(Support.read("<?xml version=\"1.0\"?><svg><g/></svg>", as: "x.xml"))
  #expect(reason == "unsupported XML (not RSS or Atom)")
  #expect(Support.reason(Support.read("<rss><channel><title>Vide</title></channel></rss>", as: "v.rss")) == "feed without items")
}

@Test("RSS content:encoded wins over description; dc:creator and categories are read")
func rssFields() throws {
  let xml = "<rss><channel><title>A</title><item><title>T</title><description>Court</description>"
    + "<content:encoded><![CDATA[<p>Long texte.</p><p>Deux.</p>]]></content:encoded>"
    + "<dc:creator>Luc</dc:creator><dc:date>2021-11-16</dc:date><guid>g-1</guid>"
    + "<category>Monde</category><category>Caucase</category></item></channel></rss>"
  let dispatch = try #require(Support.single(Support.read(xml, as: "c.xml")))
  #expect(dispatch.passages == ["Long texte.", "Deux."])
  #expect(dispatch.author == "Luc")
  #expect(dispatch.date?.iso == "2021-11-16")
  #expect(dispatch.tags == ["Monde", "Caucase"])
  #expect(dispatch.id == Dispatch.makeID(absolutePath: "/corpus/c.xml", item: "g-1"))
}

@Test("HTML falls back from article to main to body, and title from <title> to <h1>")
func htmlFallbacks() throws {
  let bodyOnly = "<html><head><title>Onglet</title></head><body><p>Texte seul.</p></body></html>"
  let a = try #require(Support.single(Support.read(bodyOnly, as: "a.html")))
  #expect(a.title == "Onglet")
  #expect(a.passages == ["Texte seul."])
  let noTitle = "<body><h1>Grand titre</h1><p>Le 16/11/2021 à Erevan.</p></body>"
  let b = try #require(Support.single(Support.read(noTitle, as: "b.html")))
  #expect(b.title == "Grand titre")
  #expect(b.date?.iso == "2021-11-16")
  #expect(b.passages == ["Le 16/11/2021 à Erevan."])
}

import DepechesKit

/// The page of one dispatch (`/d/ID?q=…`): title, date, source, the full text with the query's
/// words marked, each passage an anchor (`#p-N`). Results link to the passage their snippet
/// came from, so the browser scrolls there without any script; the page also links to the best
/// passage itself.
enum DispatchPage {
  /// Anchor of a passage.
  static func anchor(_ passage: Int) -> String { "p-\(passage)" }

  static func page(_ reading: DispatchReading, search: SearchParameters) -> HTML {
    let dispatch = reading.dispatch
    let title = dispatch.title.isEmpty ? "(sans titre)" : dispatch.title
    var jump: HTML = .empty
    if let best = reading.bestPassage, reading.dispatch.passages.count > 1 {
      jump = "<p class=\"jump\"><a href=\"#\(anchor(best))\">Aller au passage le plus pertinent</a></p>"
    }
    let passages: [HTML] = dispatch.passages.enumerated().map { number, text in
      let best = number == reading.bestPassage
      let highlights = reading.highlights.indices.contains(number) ? reading.highlights[number] : []
      return "<p id=\"\(anchor(number))\"\(best ? " class=\"best\" data-best=\"true\"" : HTML.empty)>\(HTML.marked(text, highlights))</p>"
    }
    let back: HTML = search.isBlank ? "<a href=\"/\">Nouvelle recherche</a>" : "<a href=\"\(SearchPage.link(search, offset: 0))\">← Retour aux résultats</a>"
    return Layout.page(
      title: "\(title) — Dépêches", search: search,
      main: """
        <article class="dispatch">
        <h1>\(dispatch.title.isEmpty ? "(sans titre)" : HTML.marked(dispatch.title, reading.titleHighlights))</h1>
        <p class="meta">\(Layout.meta(dispatch))\(webLink(dispatch.url)) · \(WatchPages.similarLink(dispatch.id))</p>
        \(jump)
        <div class="text">\(passages)</div>
        <p class="back">\(back)</p>
        </article>
        """)
  }

  /// The dispatch's own address, as a link only for http(s) (a `javascript:` or `data:` URL
  /// from a file must not become a link), else as text.
  static func webLink(_ url: String?) -> HTML {
    guard let url, !url.isEmpty else { return .empty }
    let lower = url.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return " · <span class=\"url\">\(url)</span>" }
    return " · <a class=\"url\" href=\"\(url)\" rel=\"noreferrer noopener\">source en ligne</a>"
  }
}

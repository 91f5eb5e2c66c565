import DepechesKit

/// The page at `/`: the form, then (for a query) the total, notices, the month histogram, the
/// results with their highlighted snippets, and the links to other pages.
enum SearchPage {
  /// The first visit: what the index holds.
  static func home(stats: IndexStats, warnings: [String], saved: [SavedSearch] = []) -> HTML {
    var range: HTML = .empty
    if let first = stats.firstDate, let last = stats.lastDate {
      range = ", du \(FrenchText.date(first)) au \(FrenchText.date(last))"
    }
    return Layout.page(
      title: "Dépêches — recherche", search: nil,
      main: """
        <h1>Rechercher dans les dépêches</h1>
        \(Layout.warnings(warnings))
        <p class="intro">L’index contient \(FrenchText.dispatches(stats.dispatches))\(range).</p>
        \(WatchPages.savedSearches(saved))
        """)
  }

  /// The answer to a search.
  static func results(_ response: SearchResponse, for search: SearchParameters, warnings: [String]) -> HTML {
    var notices = Layout.warnings(warnings)
    if response.fellBackToAnyWord {
      notices.append(Layout.notice("Aucune dépêche ne contient tous les mots : voici celles qui en contiennent au moins un."))
    }
    if let suggestion = response.suggestion {
      var fixed = search
      fixed.query = suggestion
      notices.append(
        "<p class=\"suggestion\">Essayez : <a href=\"\(link(fixed, offset: 0))\">\(suggestion)</a></p>")
    }
    let histogram = Histogram(response.months)
    return Layout.page(
      title: "\(search.query) — Dépêches", search: search,
      main: """
        <h1 class="total" role="status">\(summary(response, search))</h1>
        \(notices)
        \(histogramSection(histogram, search))
        \(resultList(response, search))
        \(pager(response, search))
        """)
  }

  private static func summary(_ response: SearchResponse, _ search: SearchParameters) -> HTML {
    let total = FrenchText.dispatches(response.total)
    guard let first = response.hits.first, let last = response.hits.last else {
      return "\(total.prefix(1).uppercased() + total.dropFirst()) pour « \(search.query) »"
    }
    return "\(total) pour « \(search.query) » <span class=\"range\">(résultats \(first.rank) à \(last.rank))</span>"
  }

  /// The link to this search with another page, period or query.
  static func link(_ search: SearchParameters, offset: Int, since: DispatchDate?? = nil, until: DispatchDate?? = nil) -> URLQuery {
    var items = [("q", search.query)]
    items.append(("since", (since ?? search.since)?.iso ?? ""))
    items.append(("until", (until ?? search.until)?.iso ?? ""))
    if search.sort != .relevance { items.append(("sort", search.sort.rawValue)) }
    if search.limit != SearchRequest.defaultLimit { items.append(("limit", String(search.limit))) }
    if offset > 0 { items.append(("offset", String(offset))) }
    return URLQuery(path: "/", items: items)
  }

  private static func resultList(_ response: SearchResponse, _ search: SearchParameters) -> HTML {
    guard !response.hits.isEmpty else {
      return response.total > 0 ? "<p>Il n’y a pas de résultats sur cette page.</p>" : .empty
    }
    let items: [HTML] = response.hits.map { hit in
      let page = URLQuery(path: "/d/\(hit.dispatch.id)", items: [("q", search.query)])
      return """
        <li class="result">
        <h2><a href="\(page.string)#p-\(hit.passage)">\(hit.dispatch.title.isEmpty ? "(sans titre)" : hit.dispatch.title)</a></h2>
        <p class="meta">\(Layout.meta(hit.dispatch)) · \(WatchPages.similarLink(hit.dispatch.id))</p>
        <p class="snippet">\(HTML.marked(hit.snippet.text, hit.snippet.highlights))</p>\(versions(hit.duplicates, search))
        </li>
        """
    }
    return "<ol class=\"results\" start=\"\(response.hits[0].rank)\" aria-label=\"Résultats\">\(items)</ol>"
  }

  /// "2 autres versions : Le Monde, 17 novembre 2021 · …", each a link to that version.
  private static func versions(_ versions: [DispatchVersion], _ search: SearchParameters) -> HTML {
    guard !versions.isEmpty else { return .empty }
    let links: [HTML] = versions.map { version in
      let page = URLQuery(path: "/d/\(version.id)", items: [("q", search.query)])
      let label = [version.source, version.date.map(FrenchText.date)].compactMap { $0 }.joined(separator: ", ")
      return "<a href=\"\(page.string)\">\(label.isEmpty ? version.path : label)</a>"
    }
    let count = versions.count == 1 ? "1 autre version" : "\(versions.count) autres versions"
    return "\n<p class=\"versions\">\(count) : \(HTML.joined(links, separator: " · "))</p>"
  }

  private static func histogramSection(_ histogram: Histogram, _ search: SearchParameters) -> HTML {
    guard !histogram.bars.isEmpty || histogram.undated > 0 else { return .empty }
    let dense = histogram.bars.count > denseBars
    var bars: [HTML] = histogram.bars.enumerated().map { number, bar in
      let label = "\(bar.name) : \(FrenchText.dispatches(bar.count))"
      let classes = "bar" + (bar.landmark ? " landmark" : "") + (bar.count == 0 ? " empty" : "")
      let showsYear = histogram.unit == .month && (number == 0 || bar.landmark)
      let year: HTML = "<span class=\"year\">\(showsYear ? String(bar.year) : "")</span>"
      let content: HTML = "\(svgBar(bar.count, top: histogram.top))<span class=\"label\">\(bar.label)</span>\(histogram.unit == .month ? year : .empty)<span class=\"count\">\(bar.count)</span>"
      guard bar.count > 0 else { return "<li class=\"\(classes)\" title=\"\(label)\"><span class=\"period\" aria-label=\"\(label)\">\(content)</span></li>" }
      let filtered = link(search, offset: 0, since: .some(bar.since), until: .some(bar.until))
      return "<li class=\"\(classes)\"><a href=\"\(filtered)\" title=\"\(label)\" aria-label=\"\(label)\">\(content)</a></li>"
    }
    if histogram.undated > 0 {
      let label = "sans date : \(FrenchText.dispatches(histogram.undated))"
      bars.append(
        "<li class=\"bar undated\" title=\"\(label)\"><span class=\"period\" aria-label=\"\(label)\">\(svgBar(histogram.undated, top: histogram.top))<span class=\"label\">sans date</span>\(histogram.unit == .month ? "<span class=\"year\"></span>" : HTML.empty)<span class=\"count\">\(histogram.undated)</span></span></li>")
    }
    let heading = histogram.unit == .month ? "Par mois" : "Par année"
    let hint = histogram.unit == .month ? "un mois" : "une année"
    return """
      <section class="histogram" aria-labelledby="titre-histogramme">
      <h2 id="titre-histogramme">\(heading)</h2>
      <p class="help">Choisissez \(hint) pour n’en garder que les dépêches.</p>
      <ol class="bars\(dense ? " dense" : "")">\(bars)</ol>
      </section>
      """
  }

  /// Bars beyond which only the years are labelled (the months' labels would overlap).
  static let denseBars = 24
  /// Heights in the bar's drawing, which CSS stretches to the row's height.
  static let barScale = 100

  private static func svgBar(_ count: Int, top: Int) -> HTML {
    let height = count == 0 ? 0 : max(2, count * barScale / max(1, top))
    return "<svg class=\"shape\" viewBox=\"0 0 10 \(barScale)\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"0\" y=\"\(barScale - height)\" width=\"10\" height=\"\(height)\"></rect></svg>"
  }

  private static func pager(_ response: SearchResponse, _ search: SearchParameters) -> HTML {
    let pages = (min(response.totalGroups, SearchParameters.maxOffset + search.limit) + search.limit - 1) / search.limit
    guard pages > 1 else { return .empty }
    let current = search.offset / search.limit + 1
    var parts: [HTML] = []
    if search.offset > 0 {
      parts.append("<a rel=\"prev\" href=\"\(link(search, offset: max(0, search.offset - search.limit)))\">← Précédents</a>")
    }
    parts.append("<span>Page \(current) sur \(pages)</span>")
    let next = search.offset + search.limit
    if next < response.totalGroups && next <= SearchParameters.maxOffset {
      parts.append("<a rel=\"next\" href=\"\(link(search, offset: next))\">Suivants →</a>")
    }
    return "<nav class=\"pages\" aria-label=\"Pages de résultats\">\(HTML.joined(parts, separator: " "))</nav>"
  }
}

import DepechesKit

/// The parts of the page for saved searches and related dispatches: the list of saved
/// searches on the first page, and the page of a dispatch's related dispatches.
enum WatchPages {
  /// The saved searches, each a link to its search and to its Atom feed.
  static func savedSearches(_ searches: [SavedSearch]) -> HTML {
    guard !searches.isEmpty else { return .empty }
    let items: [HTML] = searches.map { saved in
      let search = URLQuery(path: "/", items: [("q", saved.query), ("since", saved.since ?? ""), ("sort", "date")])
      let feed = URLQuery(path: "/feeds/\(saved.name).atom", items: [])
      return """
        <li><a href="\(search)">\(saved.name)</a> <span class="meta">« \(saved.query) »</span> · <a class="feed" href="\(feed)" type="application/atom+xml">flux Atom</a></li>
        """
    }
    return """
      <section class="saved" aria-labelledby="titre-veilles">
      <h2 id="titre-veilles">Recherches enregistrées</h2>
      <ul>\(items)</ul>
      </section>
      """
  }

  /// The link to a dispatch's related dispatches.
  static func similarLink(_ id: String) -> HTML {
    "<a class=\"similar\" href=\"\(URLQuery(path: "/similar", items: [("id", id)]))\">Dépêches proches</a>"
  }

  /// The page of the dispatches related to one.
  static func similar(_ answer: SimilarResponse, search: SearchParameters, warnings: [String]) -> HTML {
    let d = answer.dispatch
    let title = d.title.isEmpty ? "(sans titre)" : d.title
    let items: [HTML] = answer.response.hits.map { hit in
      """
      <li class="result">
      <h2><a href="\(URLQuery(path: "/d/\(hit.dispatch.id)", items: []))#p-\(hit.passage)">\(hit.dispatch.title.isEmpty ? "(sans titre)" : hit.dispatch.title)</a></h2>
      <p class="meta">\(Layout.meta(hit.dispatch)) · \(similarLink(hit.dispatch.id))</p>
      <p class="snippet">\(HTML.marked(hit.snippet.text, hit.snippet.highlights))</p>
      </li>
      """
    }
    let list: HTML = items.isEmpty
      ? "<p>Aucune dépêche proche.</p>"
      : "<ol class=\"results\" aria-label=\"Dépêches proches\">\(items)</ol>"
    return Layout.page(
      title: "Dépêches proches de \(title) — Dépêches", search: nil,
      main: """
        <h1>Dépêches proches de « <a href="\(URLQuery(path: "/d/\(d.id)", items: []))">\(title)</a> »</h1>
        \(Layout.warnings(warnings))
        <p class="help">Mots cherchés : \(answer.terms.joined(separator: " "))</p>
        \(list)
        """)
  }
}

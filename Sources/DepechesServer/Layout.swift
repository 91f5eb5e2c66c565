import DepechesKit

/// The frame of every page: the search form (a plain GET form, so the page works without
/// JavaScript), the main content, and the links to the API.
enum Layout {
  /// A whole page. `search` fills the form (nil: empty form).
  static func page(title: String, search: SearchParameters?, main: HTML) -> HTML {
    """
    <!doctype html>
    <html lang="fr">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(title)</title>
    <link rel="stylesheet" href="\(Assets.stylesheetPath)">
    <script src="\(Assets.scriptPath)" defer></script>
    </head>
    <body>
    <a class="skip" href="#contenu">Aller au contenu</a>
    <header>
    <p class="brand"><a href="/">Dépêches</a></p>
    \(form(search))
    </header>
    <main id="contenu" tabindex="-1">
    \(main)
    </main>
    <footer>
    <p>API : <a href="/api/stats">/api/stats</a> · <code>/api/search?q=…</code> · <code>/api/dispatch/ID</code> — les mêmes documents JSON que <code>depeches search --json</code>.</p>
    </footer>
    </body>
    </html>

    """
  }

  /// The search form: query, date range, order. A new search starts at the first page.
  static func form(_ search: SearchParameters?) -> HTML {
    let sort = search?.sort ?? .relevance
    let limit = search.map(\.limit) ?? SearchRequest.defaultLimit
    let keepLimit: HTML = limit == SearchRequest.defaultLimit ? .empty : "<input type=\"hidden\" name=\"limit\" value=\"\(limit)\">"
    return """
      <form class="search" role="search" method="get" action="/">
      <div class="query">
      <label for="q">Rechercher dans les dépêches</label>
      <input id="q" name="q" type="search" value="\(search?.query ?? "")" maxlength="\(SearchParameters.maxQueryLength)" aria-describedby="aide" autocomplete="off">
      <button type="submit">Rechercher</button>
      </div>
      <p id="aide" class="help">Tous les mots sont cherchés (accents et pluriels compris) ; « expression exacte » entre guillemets, <kbd>OU</kbd>, <kbd>SAUF</kbd>, <kbd>-mot</kbd> pour exclure, <kbd>préfixe*</kbd>.</p>
      <fieldset class="filters">
      <legend>Affiner</legend>
      <label for="since">Du</label> <input id="since" name="since" type="date" value="\(search?.since?.iso ?? "")">
      <label for="until">au</label> <input id="until" name="until" type="date" value="\(search?.until?.iso ?? "")">
      <label for="sort">Trier par</label>
      <select id="sort" name="sort">
      <option value="relevance"\(selected(sort == .relevance))>pertinence</option>
      <option value="date"\(selected(sort == .date))>date (les plus récentes d’abord)</option>
      </select>
      \(keepLimit)
      </fieldset>
      </form>
      """
  }

  private static func selected(_ yes: Bool) -> HTML { yes ? " selected" : .empty }

  /// The page shown for a failure (400, 404, 503...).
  static func errorPage(_ failure: Failure, search: SearchParameters? = nil) -> HTML {
    page(
      title: "\(failure.status.code) — Dépêches", search: search,
      main: """
        <h1>\(failure.status == .notFound ? "Page introuvable" : "La recherche n’a pas abouti")</h1>
        <p class="notice error" role="alert">\(failure.french)</p>
        <p><a href="/">Nouvelle recherche</a></p>
        """)
  }

  /// A notice (results widened, shard missing, spelling off).
  static func notice(_ text: HTML, kind: String = "info") -> HTML {
    "<p class=\"notice \(kind)\" role=\"status\">\(text)</p>"
  }

  /// The engine's warnings, in French.
  static func warnings(_ warnings: [String]) -> [HTML] {
    warnings.map { warning in
      notice("Une partie de l’index manque ou est limitée : <span lang=\"en\">\(warning)</span>", kind: "warning")
    }
  }

  /// "date · source · path" of a dispatch.
  static func meta(_ dispatch: Dispatch) -> HTML {
    var parts: [HTML] = []
    if let date = dispatch.date {
      parts.append("<time datetime=\"\(date.iso)\">\(FrenchText.date(date))</time>")
    } else {
      parts.append("sans date")
    }
    if let source = dispatch.source { parts.append("<span class=\"source\">\(source)</span>") }
    if let author = dispatch.author { parts.append("<span class=\"author\">\(author)</span>") }
    parts.append("<span class=\"path\">\(dispatch.path)</span>")
    return HTML.joined(parts, separator: " · ")
  }
}

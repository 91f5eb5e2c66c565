import DepechesKit

/// The text output of `watch` and `similar`: the results as `search` prints them, under a
/// heading. Everything from the index or the user goes through `TerminalText`.
enum WatchText {
  /// One saved search in `watch list`.
  static func line(_ s: SavedSearch) -> TerminalText {
    var filters = ""
    if let since = s.since { filters += " since \(since)" }
    if let source = s.source { filters += " source \(source)" }
    return "\(Terminal.bold(s.name))  \"\(s.query)\"\(filters)  \(Terminal.dim(lastRun(s)))\n"
  }

  /// `watch show`.
  static func details(_ s: SavedSearch) -> TerminalText {
    """
    name:     \(s.name)
    query:    \(s.query)
    since:    \(s.since ?? "-")
    source:   \(s.source ?? "-")
    created:  \(s.created)
    last run: \(s.lastRun.map { "\($0) (\(s.lastNew ?? 0) new)" } ?? "never")
    shown up to index run \(s.recorded)

    """
  }

  private static func lastRun(_ s: SavedSearch) -> String {
    guard let time = s.lastRun else { return "never run" }
    return "last run \(time) (\(s.lastNew ?? 0) new)"
  }

  /// One search of `watch run`: a heading, then its new dispatches.
  static func outcome(_ o: WatchOutcome) -> TerminalText {
    let n = o.response.total
    var out: TerminalText = "\(Terminal.bold(o.search.name)) \"\(o.search.query)\": \(n) new dispatch\(n == 1 ? "" : "es")\n\n"
    for hit in o.response.hits { out += TextOutput.hit(hit) }
    return out
  }

  /// `similar`: the dispatch, the words searched for, the related dispatches.
  static func similar(_ s: SimilarResponse) -> TerminalText {
    var out: TerminalText = "Dépêches proches de « \(s.dispatch.title) » (\(s.dispatch.path))\n"
    out += "\(Terminal.dim("words: " + s.terms.joined(separator: " ")))\n\n"
    for hit in s.response.hits { out += TextOutput.hit(hit) }
    if s.response.hits.isEmpty { out += "no related dispatch\n" }
    return out
  }
}

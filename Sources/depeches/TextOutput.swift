import DepechesKit
import Foundation

/// Human-readable results: ranked dispatches with highlighted snippets, then the total and a
/// histogram of matches per month. Everything taken from the index or the query is
/// interpolated into `TerminalText`, so its control characters are shown escaped.
enum TextOutput {
  /// Width of the longest bar of the month histogram.
  static let histogramWidth = 30

  static func search(_ r: SearchResponse) -> TerminalText {
    var out: TerminalText = ""
    for hit in r.hits { out += self.hit(hit) }
    let shown = r.hits.isEmpty ? "" : " (showing \(r.hits.first!.rank)–\(r.hits.last!.rank))"
    let grouped = r.totalGroups == r.total ? "" : ", \(r.totalGroups) once versions are grouped"
    out += "\(r.total) dispatch\(r.total == 1 ? "" : "es") match \"\(r.query)\"\(grouped)\(shown)\n"
    if let corrected = r.corrected {
      out += "Résultats pour « \(corrected) » (no dispatch has all the typed words)\n"
    } else if let suggestion = r.suggestion {
      out += "Did you mean: \(suggestion)\n"
    }
    if r.fellBackToAnyWord { out += "No dispatch has all the words: showing those with any of them\n" }
    out += histogram(r.months)
    return out
  }

  /// One result: rank and title, date, source and path, the marked snippet (also `watch run`'s
  /// and `similar`'s).
  static func hit(_ hit: SearchHit) -> TerminalText {
    let d = hit.dispatch
    let meta = [d.date?.iso ?? "undated", d.source, d.path].compactMap { $0 }.joined(separator: " · ")
    var out: TerminalText = "\(hit.rank). \(Terminal.bold(d.title))\n   \(Terminal.dim(meta))\n"
    if hit.passages.isEmpty {
      out += "   \(marked(hit.snippet))\n"
    } else {
      for shown in hit.passages { out += "   ¶ \(shown.passage + 1): \(marked(shown.snippet))\n" }
    }
    if !hit.duplicates.isEmpty { out += "   \(Terminal.dim(versionsLine(hit.duplicates.count)))\n" }
    return out + "\n"
  }

  /// "1 autre version", "3 autres versions": the versions collapsed into a result.
  static func versionsLine(_ count: Int) -> String {
    count == 1 ? "1 autre version" : "\(count) autres versions"
  }

  /// The snippet with its matches in bold yellow on a styled stdout, else `[like this]`.
  static func marked(_ snippet: Snippet) -> TerminalText {
    let scalars = Array(snippet.text.unicodeScalars)
    let piece = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])) }
    var out: TerminalText = ""
    var cursor = 0
    for range in snippet.highlights {
      out += "\(piece(cursor..<range.lowerBound))"
      out += Terminal.styledStdout
        ? Terminal.style("1;33", piece(range), on: true) : "[\(piece(range))]"
      cursor = range.upperBound
    }
    out += "\(piece(cursor..<scalars.count))"
    return out
  }

  static func histogram(_ months: [MonthCount]) -> TerminalText {
    guard let top = months.map(\.count).max(), top > 0 else { return "" }
    var out: TerminalText = "\nBy month:\n"
    for m in months {
      let bar = String(repeating: "█", count: max(1, m.count * histogramWidth / top))
      out += "  \(m.month ?? "undated")  \(bar) \(m.count)\n"
    }
    return out
  }

  static func stats(_ s: IndexStats) -> TerminalText {
    let range = s.firstDate.map { "\($0.iso) … \(s.lastDate?.iso ?? "?")" } ?? "no dated dispatch"
    let size = String(format: "%.1f", Double(s.sizeBytes) / 1e6)
    return """
      dispatches: \(s.dispatches)
      passages:   \(s.passages)
      dates:      \(range)
      size:       \(size) MB
      shards:     \(s.shards)

      """
  }
}

import DepechesKit
import Foundation

/// Human-readable results: ranked dispatches with highlighted snippets, then the total and a
/// histogram of matches per month.
enum TextOutput {
  /// Width of the longest bar of the month histogram.
  static let histogramWidth = 30

  static func search(_ r: SearchResponse) -> String {
    var out = ""
    for hit in r.hits {
      let d = hit.dispatch
      out += "\(hit.rank). \(Terminal.bold(d.title))\n"
      let meta = [d.date?.iso ?? "undated", d.source, d.path].compactMap { $0 }.joined(separator: " · ")
      out += "   " + Terminal.dim(meta) + "\n"
      let marked = Terminal.styledStdout
        ? hit.snippet.marked(open: "\u{1B}[1;33m", close: "\u{1B}[0m")
        : hit.snippet.marked(open: "[", close: "]")
      out += "   \(marked)\n\n"
    }
    let shown = r.hits.isEmpty ? "" : " (showing \(r.hits.first!.rank)–\(r.hits.last!.rank))"
    out += "\(r.total) dispatch\(r.total == 1 ? "" : "es") match \"\(r.query)\"\(shown)\n"
    if let suggestion = r.suggestion { out += "Did you mean: \(suggestion)\n" }
    out += histogram(r.months)
    return out
  }

  static func histogram(_ months: [MonthCount]) -> String {
    guard let top = months.map(\.count).max(), top > 0 else { return "" }
    var out = "\nBy month:\n"
    for m in months {
      let bar = String(repeating: "█", count: max(1, m.count * histogramWidth / top))
      out += "  \(m.month ?? "undated")  \(bar) \(m.count)\n"
    }
    return out
  }

  static func stats(_ s: IndexStats) -> String {
    let range = s.firstDate.map { "\($0.iso) … \(s.lastDate?.iso ?? "?")" } ?? "no dated dispatch"
    return """
      dispatches: \(s.dispatches)
      passages:   \(s.passages)
      dates:      \(range)
      size:       \(String(format: "%.1f", Double(s.sizeBytes) / 1e6)) MB
      shards:     \(s.shards)

      """
  }
}

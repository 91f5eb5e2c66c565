import Testing

@testable import DepechesKit

@Suite("Snippet marking")
struct SnippetMarkingTests {
  /// The marked text built scalar by scalar, as the definition says.
  private func reference(_ snippet: Snippet, _ open: String, _ close: String) -> String {
    let scalars = Array(snippet.text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var cursor = 0
    for range in snippet.highlights {
      for s in scalars[cursor..<range.lowerBound] { out.append(s) }
      for s in open.unicodeScalars { out.append(s) }
      for s in scalars[range] { out.append(s) }
      for s in close.unicodeScalars { out.append(s) }
      cursor = range.upperBound
    }
    for s in scalars[cursor...] { out.append(s) }
    return String(out)
  }

  @Test(
    "highlights wrap exactly their scalars, also inside characters (combining marks, emoji)",
    arguments: [
      Snippet(text: "L’Arménie et l’Azerbaïdjan", highlights: [2..<9, 15..<26]),
      Snippet(text: "e\u{301}tat d’urgence", highlights: [1..<2, 5..<6]),
      Snippet(text: "👍🏽 cessez-le-feu 🇫🇷", highlights: [0..<1, 3..<15, 16..<18]),
      Snippet(text: "", highlights: []),
      Snippet(text: "tout", highlights: [0..<4]),
    ])
  func marking(_ snippet: Snippet) {
    #expect(snippet.marked(open: "[", close: "]") == reference(snippet, "[", "]"))
    #expect(snippet.marked(open: "\u{1B}[1m", close: "\u{1B}[0m") == reference(snippet, "\u{1B}[1m", "\u{1B}[0m"))
  }
}

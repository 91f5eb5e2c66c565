/// A passage of a dispatch, trimmed around its matches, with the matched words marked.
public struct Snippet: Equatable, Sendable {
  /// Plain text (may start or end with "…" where it was trimmed).
  public var text: String
  /// Half-open ranges in Unicode scalar offsets into `text`, one per matched word or phrase,
  /// in order and never overlapping.
  public var highlights: [Range<Int>]

  /// Makes a snippet.
  public init(text: String, highlights: [Range<Int>]) {
    self.text = text
    self.highlights = highlights
  }

  /// The text with each highlight wrapped in `open` and `close`.
  public func marked(open: String, close: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var cursor = 0
    for range in highlights {
      out.append(contentsOf: scalars[cursor..<range.lowerBound])
      out.append(contentsOf: open.unicodeScalars)
      out.append(contentsOf: scalars[range])
      out.append(contentsOf: close.unicodeScalars)
      cursor = range.upperBound
    }
    out.append(contentsOf: scalars[cursor...])
    return String(out)
  }
}

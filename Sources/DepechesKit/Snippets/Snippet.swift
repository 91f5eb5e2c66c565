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
    // Substring appends: the generic scalar-sequence append is unspecialised and slow. The
    // pieces are cut on the scalar view (a String subscript would round to characters).
    let bounds = Array(text.unicodeScalars.indices) + [text.endIndex]
    let piece = { (from: Int, to: Int) in Substring(text.unicodeScalars[bounds[from]..<bounds[to]]) }
    var out = ""
    out.reserveCapacity(text.utf8.count + highlights.count * (open.utf8.count + close.utf8.count))
    var cursor = 0
    for range in highlights {
      out += piece(cursor, range.lowerBound)
      out += open
      out += piece(range.lowerBound, range.upperBound)
      out += close
      cursor = range.upperBound
    }
    out += piece(cursor, bounds.count - 1)
    return out
  }
}

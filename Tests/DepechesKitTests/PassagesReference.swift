@testable import DepechesKit

// The implementation of `Passages.split` before it worked on UTF-8 bytes, kept verbatim (only
// the enum's name and `PassagesReference.lines` changed, and the paragraph-break rule shared
// with `Passages.separatesParagraphs`) so that tests can prove the rewrite gives the same
// passages for every input.
/// Cuts a dispatch's body into passages: the units snippets and passage search work on.
///
/// Paragraphs are blocks separated by blank lines; a text with no blank line at all has one
/// paragraph per line. Whitespace inside a passage is collapsed to one space (NBSP kept).
/// Short lines (captions) are not merged: each paragraph stays its own passage, so a passage
/// always matches a place in the source. Paragraphs longer than `maxPassageCharacters` are cut
/// at the last sentence end that fits, else at the last space, else hard.
enum PassagesReference {
  /// The longest passage, in characters (Unicode scalars of NFC text).
  public static let maxPassageCharacters = 800

  /// The passages of `body`, in order, none empty.
  public static func split(_ body: String) -> [String] {
    let lines = PassagesReference.lines(body)
    // The one rule changed since: only a blank line between lines of text separates paragraphs.
    let hasBlankLine = Passages.separatesParagraphs(lines.map { isBlank($0) })
    var paragraphs = [[Unicode.Scalar]]()
    var current = [Unicode.Scalar]()
    for line in lines {
      if isBlank(line) || !hasBlankLine {
        if !isBlank(line) { appendCollapsed(line, to: &current) }
        if !current.isEmpty { paragraphs.append(current) }
        current = []
      } else {
        appendCollapsed(line, to: &current)
      }
    }
    if !current.isEmpty { paragraphs.append(current) }
    return paragraphs.flatMap(cut).map(string)
  }

  /// The lines of `text` (split on LF without grapheme breaking: fast on whole dispatches).
  static func lines(_ text: String) -> [Substring] {
    text.utf8.split(separator: 10, omittingEmptySubsequences: false).map {
      text[$0.startIndex..<$0.endIndex]
    }
  }

  /// Whitespace that collapses; NBSP and narrow NBSP are kept as written.
  /// (A hand-written test: Unicode property look-ups are slow on whole dispatches.)
  static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return v == 32 || (9...13).contains(v) }
    return v == 0x85 || v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x2028
      || v == 0x2029 || v == 0x205F || v == 0x3000
  }

  private static func isBlank(_ line: Substring) -> Bool {
    line.unicodeScalars.allSatisfy { isCollapsible($0) || $0 == "\u{A0}" || $0 == "\u{202F}" }
  }

  /// Appends `line` with runs of whitespace as one space, never leading or trailing.
  private static func appendCollapsed(_ line: Substring, to out: inout [Unicode.Scalar]) {
    var pendingSpace = !out.isEmpty
    for scalar in line.unicodeScalars {
      if isCollapsible(scalar) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace { out.append(" ") }
      pendingSpace = false
      out.append(scalar)
    }
  }

  /// A paragraph cut into pieces of at most `maxPassageCharacters`.
  private static func cut(_ paragraph: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
    var pieces = [[Unicode.Scalar]]()
    var start = 0
    while paragraph.count - start > maxPassageCharacters {
      let limit = start + maxPassageCharacters
      let end = lastSentenceEnd(paragraph, from: start, to: limit)
        ?? lastSpace(paragraph, from: start, to: limit) ?? limit
      pieces.append(trimmed(paragraph[start..<end]))
      start = end
    }
    pieces.append(trimmed(paragraph[start...]))
    return pieces.filter { !$0.isEmpty }
  }

  /// The index just after the last sentence-ending punctuation in `start..<limit` that is
  /// followed by a space and an upper-case letter or a quote.
  private static func lastSentenceEnd(_ p: [Unicode.Scalar], from start: Int, to limit: Int) -> Int? {
    var i = limit - 1
    while i > start {
      if endsSentence(p, at: i) { return i + 1 }
      i -= 1
    }
    return nil
  }

  private static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "…"]
  private static let closers: Set<Unicode.Scalar> = ["»", "\"", "”", ")", "’"]
  private static let openers: Set<Unicode.Scalar> = ["«", "\"", "“", "'", "‘", "—", "–"]

  /// `p[i]` ends a sentence (closing quotes after the punctuation belong to it).
  private static func endsSentence(_ p: [Unicode.Scalar], at i: Int) -> Bool {
    var k = i
    while k > 0, closers.contains(p[k]) { k -= 1 }
    guard terminators.contains(p[k]), i + 2 < p.count, p[i + 1] == " " || p[i + 1] == "\u{A0}"
    else { return false }
    let next = p[i + 2]
    guard next.properties.isUppercase || openers.contains(next) else { return false }
    if p[k] == "." && k >= 1 {
      let previous = p[k - 1]
      let singleLetter = previous.properties.isAlphabetic
        && (k < 2 || !p[k - 2].properties.isAlphabetic)
      if singleLetter { return false }
    }
    return true
  }

  private static func lastSpace(_ p: [Unicode.Scalar], from start: Int, to limit: Int) -> Int? {
    var i = limit
    while i > start + 1 {
      if p[i] == " " { return i }
      i -= 1
    }
    return nil
  }

  /// Scalars to String through UTF-8 (faster than appending to a scalar view).
  static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
    var bytes = [UInt8]()
    bytes.reserveCapacity(scalars.underestimatedCount)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func trimmed(_ piece: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
    var slice = piece
    while let first = slice.first, first == " " { slice = slice.dropFirst() }
    while let last = slice.last, last == " " { slice = slice.dropLast() }
    return Array(slice)
  }
}

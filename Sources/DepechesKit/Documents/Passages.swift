/// Cuts a dispatch's body into passages: the units snippets and passage search work on.
///
/// Paragraphs are blocks separated by blank lines; a text with no blank line between two lines
/// of text (blank lines at its start or end do not count) has one paragraph per line. Whitespace inside a passage is collapsed to one space (NBSP kept).
/// Short lines (captions) are not merged: each paragraph stays its own passage, so a passage
/// always matches a place in the source. Paragraphs longer than `maxPassageCharacters` are cut
/// at the last sentence end that fits, else at the last space, else hard.
///
/// The work is done on the body's UTF-8 bytes: a character is a Unicode scalar (one byte that
/// is not a continuation byte), and scalars are decoded only where a test needs their value.
/// Linear in the body: a long paragraph is cut in windows of `maxPassageCharacters`, each
/// looked at a bounded number of times (at most `maxClosingMarks` behind a sentence end).
public enum Passages {
  /// The longest passage, in characters (Unicode scalars of NFC text).
  public static let maxPassageCharacters = 800

  /// The passages of `body`, in order, none empty.
  public static func split(_ body: String) -> [String] {
    var body = body
    return body.withUTF8 { text in
      let hasBlankLine = separatesParagraphs(ByteLines(text).lazy.map { isBlank(text[$0]) })
      var passages = [String]()
      var paragraph = [UInt8]()
      for (number, line) in ByteLines(text).enumerated() {
        if Cancellation.isRequested(after: number + 1) { break }
        let blank = isBlank(text[line])
        if blank || !hasBlankLine {
          if !blank { appendCollapsed(text[line], to: &paragraph) }
          flush(&paragraph, into: &passages)
        } else {
          appendCollapsed(text[line], to: &paragraph)
        }
      }
      flush(&paragraph, into: &passages)
      return passages
    }
  }

  /// True when a blank line stands between two lines of text (given each line's blankness).
  static func separatesParagraphs<S: Sequence<Bool>>(_ blankLines: S) -> Bool {
    var seenText = false
    var blankAfterText = false
    for blank in blankLines {
      if blank {
        blankAfterText = seenText
      } else if blankAfterText {
        return true
      } else {
        seenText = true
      }
    }
    return false
  }

  /// The lines of `text` (split on LF without grapheme breaking: fast on whole dispatches).
  static func lines(_ text: String) -> [Substring] {
    text.utf8.split(separator: lineFeed, omittingEmptySubsequences: false).map {
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

  /// Scalars to String through UTF-8 (faster than appending to a scalar view).
  static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
    var bytes = [UInt8]()
    bytes.reserveCapacity(scalars.underestimatedCount)
    for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: - Paragraphs

  private typealias Bytes = UnsafeBufferPointer<UInt8>
  private typealias ByteSlice = Slice<UnsafeBufferPointer<UInt8>>

  private static let lineFeed: UInt8 = 0x0A
  private static let space: UInt8 = 0x20
  private static let noBreakSpace: Unicode.Scalar = "\u{A0}"
  private static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"

  /// The ranges of the lines of a UTF-8 text, as `lines(_:)` cuts them (a final LF ends with
  /// an empty line; an empty text is one empty line).
  private struct ByteLines: Sequence, IteratorProtocol {
    let text: Bytes
    var start: Int? = 0

    init(_ text: Bytes) { self.text = text }

    mutating func next() -> Range<Int>? {
      guard let lineStart = start else { return nil }
      let end = text[lineStart...].firstIndex(of: lineFeed) ?? text.endIndex
      start = end < text.endIndex ? end + 1 : nil
      return lineStart..<end
    }
  }

  /// A line with nothing but whitespace, NBSP included.
  private static func isBlank(_ line: ByteSlice) -> Bool {
    var i = line.startIndex
    while i < line.endIndex {
      let scalar = UTF8Text.scalar(line.base, at: i)
      guard isCollapsible(scalar) || scalar == noBreakSpace || scalar == narrowNoBreakSpace
      else { return false }
      i += UTF8Text.length(ofScalarLeadBy: line.base[i])
    }
    return true
  }

  /// Appends the words of `line` (runs of non-collapsible scalars), each after one space
  /// unless `out` is empty: whitespace collapsed, never leading or trailing. Words already
  /// joined by one plain space are copied together, as one chunk.
  private static func appendCollapsed(_ line: ByteSlice, to out: inout [UInt8]) {
    let (text, end) = (line.base, line.endIndex)
    var i = runEnd(text, from: line.startIndex, to: end, collapsible: true)
    while i < end {
      var chunkEnd = runEnd(text, from: i, to: end, collapsible: false)
      while chunkEnd + 1 < end, text[chunkEnd] == space, !isCollapsible(text, at: chunkEnd + 1) {
        chunkEnd = runEnd(text, from: chunkEnd + 1, to: end, collapsible: false)
      }
      if !out.isEmpty { out.append(space) }
      out.append(contentsOf: Bytes(rebasing: text[i..<chunkEnd]))
      i = runEnd(text, from: chunkEnd, to: end, collapsible: true)
    }
  }

  /// The offset of the first scalar from `i` (or `end`) whose `isCollapsible` differs from
  /// `collapsible`.
  private static func runEnd(_ text: Bytes, from i: Int, to end: Int, collapsible: Bool) -> Int {
    var i = i
    while i < end, isCollapsible(text, at: i) == collapsible {
      i += UTF8Text.length(ofScalarLeadBy: text[i])
    }
    return i
  }

  /// `isCollapsible` for the scalar starting at byte `i`, decoding only non-ASCII scalars.
  private static func isCollapsible(_ text: Bytes, at i: Int) -> Bool {
    let byte = text[i]
    if byte < 0x80 { return byte == space || (0x09...0x0D).contains(byte) }  // Tab to CR.
    // Past ASCII, collapsible scalars (U+0085, U+1680, U+2000–U+3000) start with these bytes.
    guard byte == 0xC2 || (0xE1...0xE3).contains(byte) else { return false }
    return isCollapsible(UTF8Text.scalar(text, at: i))
  }

  /// Appends the passages of `paragraph`, if any, and empties it.
  private static func flush(_ paragraph: inout [UInt8], into passages: inout [String]) {
    guard !paragraph.isEmpty else { return }
    paragraph.withUnsafeBufferPointer { cut($0, into: &passages) }
    paragraph.removeAll(keepingCapacity: true)
  }

  // MARK: - Cutting long paragraphs

  /// Appends `paragraph` cut into pieces of at most `maxPassageCharacters`.
  private static func cut(_ p: Bytes, into passages: inout [String]) {
    var start = 0
    while let limit = UTF8Text.offset(p, from: start, advancedBy: maxPassageCharacters) {
      let end = lastSentenceEnd(p, from: start, to: limit)
        ?? lastSpace(p, from: start, to: limit) ?? limit
      appendTrimmed(p[start..<end], to: &passages)
      start = end
    }
    appendTrimmed(p[start...], to: &passages)
  }

  /// The offset just after the last sentence-ending punctuation in `start..<limit` (not at
  /// `start`) that is followed by a space and an upper-case letter or a quote.
  private static func lastSentenceEnd(_ p: Bytes, from start: Int, to limit: Int) -> Int? {
    var i = UTF8Text.offset(p, before: limit)
    while i > start {
      if endsSentence(p, at: i) { return UTF8Text.offset(p, after: i) }
      i = UTF8Text.offset(p, before: i)
    }
    return nil
  }

  /// Closing marks looked at behind a sentence end, at most: more than any sentence ends with,
  /// and a bound that keeps cutting a paragraph of nothing but closers linear.
  static let maxClosingMarks = 16

  /// The scalar at `i` ends a sentence (closing quotes after the punctuation belong to it).
  private static func endsSentence(_ p: Bytes, at i: Int) -> Bool {
    var k = i
    var closers = 0
    while k > 0, closers < maxClosingMarks, isCloser(UTF8Text.scalar(p, at: k)) {
      k = UTF8Text.offset(p, before: k)
      closers += 1
    }
    let punctuation = UTF8Text.scalar(p, at: k)
    guard isTerminator(punctuation) else { return false }
    let gap = UTF8Text.offset(p, after: i)
    guard gap < p.count else { return false }
    let nextStart = UTF8Text.offset(p, after: gap)
    let gapScalar = UTF8Text.scalar(p, at: gap)
    guard nextStart < p.count, gapScalar == " " || gapScalar == noBreakSpace else { return false }
    let next = UTF8Text.scalar(p, at: nextStart)
    guard next.properties.isUppercase || isOpener(next) else { return false }
    return punctuation != "." || k == 0 || !followsSingleLetter(p, at: k)
  }

  /// The punctuation at `k > 0` follows a lone letter: one that starts the paragraph or
  /// comes after a non-letter ("M." of "M. Poutine").
  private static func followsSingleLetter(_ p: Bytes, at k: Int) -> Bool {
    let previous = UTF8Text.offset(p, before: k)
    guard UTF8Text.scalar(p, at: previous).properties.isAlphabetic else { return false }
    guard previous > 0 else { return true }
    let beforeThat = UTF8Text.offset(p, before: previous)
    return !UTF8Text.scalar(p, at: beforeThat).properties.isAlphabetic
  }

  private static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ".", "!", "?", "…": return true
    default: return false
    }
  }

  private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "»", "\"", "”", ")", "’": return true
    default: return false
    }
  }

  private static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "«", "\"", "“", "'", "‘", "—", "–": return true
    default: return false
    }
  }

  /// The offset of the last space at or before `limit`, at least two scalars after `start`.
  private static func lastSpace(_ p: Bytes, from start: Int, to limit: Int) -> Int? {
    let floor = UTF8Text.offset(p, after: UTF8Text.offset(p, after: start))
    // A space byte is never part of a longer scalar: bytes can be searched directly.
    return p[floor...limit].lastIndex(of: space)
  }

  /// Appends the bytes as a passage, without leading or trailing spaces, unless empty.
  private static func appendTrimmed(_ piece: ByteSlice, to passages: inout [String]) {
    guard let first = piece.firstIndex(where: { $0 != space }),
      let last = piece.lastIndex(where: { $0 != space })
    else { return }
    passages.append(String(decoding: Bytes(rebasing: piece.base[first...last]), as: UTF8.self))
  }
}

import Foundation

/// Reads Markdown: front matter for metadata, then the text with its markup stripped (heading
/// `#`, emphasis, inline code ticks, link targets, images, HTML comments and tags, reference
/// definitions, list and blockquote markers). Code inside fences stays as text.
///
/// Linear in the file: each line is stripped in one pass, and the searches for the `]`, `)`
/// or `>` that would close a link or a tag remember their answer (`ScalarFinder`), so a line
/// of unclosed `[` or `<` does not search the rest of the line again from each one.
enum MarkdownReader {
  /// Levels of `#` a heading may have.
  static let maxHeadingLevel = 6

  /// The file as a draft dispatch.
  static func read(_ text: String) -> DispatchDraft {
    let (matter, rest) = FrontMatter.split(text)
    let (body, firstHeading) = strip(removingComments(rest))
    var draft = DispatchDraft()
    draft.title = matter.values["title"] ?? firstHeading
    draft.dateValue = matter.values["date"] ?? matter.values["publishdate"] ?? matter.values["published"]
    draft.source = matter.values["source"]
    draft.author = matter.values["author"] ?? matter.values["auteur"] ?? matter.lists["authors"]?.joined(separator: ", ")
    draft.url = matter.values["url"]
    draft.tags = matter.lists["tags"] ?? matter.lists["keywords"] ?? []
    draft.body = body
    draft.dateLineAfterTitle = true
    return draft
  }

  /// The text without `<!-- … -->` (an unclosed comment runs to the end).
  /// One pass over the UTF-8 bytes (the markers are ASCII, so every cut is between scalars).
  static func removingComments(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard var open = find(commentOpen, in: bytes, from: 0) else { return text }
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var start = 0
    while true {
      out += bytes[start..<open]
      guard let close = find(commentClose, in: bytes, from: open + commentOpen.count) else { break }
      start = close + commentClose.count
      guard let next = find(commentOpen, in: bytes, from: start) else {
        out += bytes[start...]
        break
      }
      open = next
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static let commentOpen = Array("<!--".utf8)
  private static let commentClose = Array("-->".utf8)

  /// The offset of the first `needle` at or after `start` (a short needle: linear).
  private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    var i = start
    while i + needle.count <= bytes.count {
      if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
      if Cancellation.isRequested(after: i) { return nil }
    }
    return nil
  }

  /// Stripped text and the first heading's text.
  private static func strip(_ text: String) -> (String, String?) {
    var firstHeading: String?
    var inFence = false
    var out = [String]()
    for (number, rawLine) in Passages.lines(text).enumerated() {
      if Cancellation.isRequested(after: number + 1) { break }
      let trimmed = rawLine.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        out.append("")
        continue
      }
      if inFence {
        out.append(String(rawLine))
        continue
      }
      if isReferenceDefinition(trimmed) || isRule(trimmed) {
        out.append("")
        continue
      }
      var line = dropQuoteMarkers(trimmed)
      if let heading = headingText(line) {
        line = heading
        if firstHeading == nil { firstHeading = stripInline(heading) }
      }
      out.append(stripInline(dropListMarker(line)))
    }
    return (out.joined(separator: "\n"), firstHeading)
  }

  /// `[label]: target`.
  private static func isReferenceDefinition(_ line: String) -> Bool {
    guard line.hasPrefix("["), let close = line.range(of: "]:") else { return false }
    return !line[close.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty
  }

  /// A setext underline or a horizontal rule: `===`, `---`, `***`, `___`.
  private static func isRule(_ line: String) -> Bool {
    let marks = line.filter { $0 != " " }
    guard marks.count >= 3, let first = marks.first, "=-*_".contains(first) else { return false }
    return marks.allSatisfy { $0 == first }
  }

  private static func dropQuoteMarkers(_ line: String) -> String {
    var rest = line[...]
    while rest.first == ">" { rest = rest.dropFirst().drop { $0 == " " } }
    return String(rest)
  }

  /// The text of an ATX heading (`## Titre ##`), or nil.
  private static func headingText(_ line: String) -> String? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...maxHeadingLevel).contains(hashes) else { return nil }
    let rest = line.dropFirst(hashes)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    let text = rest.trimmingCharacters(in: .whitespaces)
    // The closing run of `#` goes in one cut (removing them one by one was quadratic).
    guard let last = text.lastIndex(where: { $0 != "#" }) else { return "" }
    return text[...last].trimmingCharacters(in: .whitespaces)
  }

  /// Drops `- `, `* `, `+ `, `1. `, `1) ` at the start.
  private static func dropListMarker(_ line: String) -> String {
    if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
      return String(line.dropFirst(2))
    }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    let after = line.dropFirst(digits.count)
    if !digits.isEmpty, digits.count <= 9, let mark = after.first, mark == "." || mark == ")",
      after.dropFirst().first == " "
    {
      return String(after.dropFirst(2))
    }
    return line
  }

  /// Characters that may start inline markup.
  private static let inlineMarks = Set("![<`~*_".utf8)

  /// Inline markup out: images, link targets, tags, code ticks, emphasis marks.
  static func stripInline(_ line: String) -> String {
    guard line.utf8.contains(where: inlineMarks.contains) else { return line }
    let chars = Array(line.unicodeScalars)
    var finder = ScalarFinder(chars)
    var out = [Unicode.Scalar]()
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "!", i + 1 < chars.count, chars[i + 1] == "[", let end = linkEnd(&finder, i + 1) {
        i = end.after
      } else if c == "[", let end = linkEnd(&finder, i) {
        // The link text ends before the link: recursing on it keeps the whole pass linear.
        out += stripInline(Passages.string(chars[(i + 1)..<end.textEnd])).unicodeScalars
        i = end.after
      } else if c == "<", isTag(chars, i), let close = finder.next(">", from: i) {
        let inner = Passages.string(chars[(i + 1)..<close])
        if inner.hasPrefix("http") || inner.contains("@") { out += inner.unicodeScalars }
        i = close + 1
      } else if c == "`" || c == "~" && i + 1 < chars.count && chars[i + 1] == "~" {
        i += c == "`" ? 1 : 2
      } else if (c == "*" || c == "_") && !isInsideWord(chars, i) {
        i += 1
      } else {
        out.append(c)
        i += 1
      }
    }
    return Passages.string(out)
  }

  /// For `[text](target)` or `[text][ref]` starting at `open`: where the text ends and where
  /// the whole link ends.
  private static func linkEnd(_ finder: inout ScalarFinder, _ open: Int) -> (textEnd: Int, after: Int)? {
    let chars = finder.chars
    guard let close = finder.next("]", from: open + 1), close + 1 < chars.count else {
      return nil
    }
    let closer: Unicode.Scalar
    switch chars[close + 1] {
    case "(": closer = ")"
    case "[": closer = "]"
    default: return nil
    }
    guard let end = finder.next(closer, from: close + 2) else { return nil }
    return (close, end + 1)
  }

  private static func isTag(_ chars: [Unicode.Scalar], _ i: Int) -> Bool {
    guard i + 1 < chars.count else { return false }
    return chars[i + 1].properties.isAlphabetic || chars[i + 1] == "/"
  }

  private static func isInsideWord(_ chars: [Unicode.Scalar], _ i: Int) -> Bool {
    i > 0 && i + 1 < chars.count && chars[i - 1].properties.isAlphabetic
      && chars[i + 1].properties.isAlphabetic
  }
}

/// Finds the next `]`, `)` or `>` of a line from a position, remembering each answer: the
/// searches of one pass start at positions that only move forward, so every scalar is looked
/// at once per kind, however many searches find nothing.
struct ScalarFinder {
  /// The line's scalars.
  let chars: [Unicode.Scalar]
  /// Per kind: the position of the last search and what it found (`chars.count`: nothing).
  private var memo: [(target: Unicode.Scalar, from: Int, found: Int)] = []

  init(_ chars: [Unicode.Scalar]) { self.chars = chars }

  /// The first `target` at or after `start`, or nil.
  mutating func next(_ target: Unicode.Scalar, from start: Int) -> Int? {
    let slot = memo.firstIndex { $0.target == target }
    // No `target` lies in `from..<found`: an answer found from before `start` still holds.
    if let slot, memo[slot].from <= start, start <= memo[slot].found {
      return memo[slot].found < chars.count ? memo[slot].found : nil
    }
    var j = max(start, 0)
    while j < chars.count, chars[j] != target { j += 1 }
    if let slot { memo[slot] = (target, start, j) } else { memo.append((target, start, j)) }
    return j < chars.count ? j : nil
  }
}

import Foundation

/// What a format reader found, before the shared rules for title, date and passages.
///
/// The rules are linear in the text: one pass per rule over the lines. Control characters
/// (C0 but whitespace, DEL, C1 but NEL), which a terminal would take as commands and which
/// entity references or JSON escapes can produce after the binary check, become spaces in
/// every field here, whatever the format.
struct DispatchDraft {
  /// The title from metadata, if any.
  var title: String?
  /// The date as written in metadata, if any.
  var dateValue: String?
  var source: String?
  var author: String?
  var url: String?
  var tags: [String] = []
  /// Plain text, paragraphs separated by blank lines (or one per line).
  var body: String = ""
  /// The item key inside a multi-dispatch file (nil for one-dispatch files).
  var item: String?
  /// Its line (JSON Lines) or position (feeds) in a multi-dispatch file, for warnings.
  var number: Int?
  /// True for plain text and Markdown: a date-only line after the title is metadata.
  var dateLineAfterTitle = false
  /// True when the body may not be NFC yet (text made from HTML entities).
  var needsNormalization = false

  /// Titles longer than this are cut at a word boundary and end with "…".
  static let maxTitleCharacters = 200

  /// The dispatch, or nil when there is neither a title nor any text.
  func finish(absolutePath: String, displayPath: String) -> Dispatch? {
    let text = DispatchDraft.withoutControls(needsNormalization ? TextDecoding.nfc(body) : body)
    let lines = Passages.lines(text)
    var (title, titleLine, removed) = resolveTitle(lines)
    guard !title.isEmpty else { return nil }
    var date = dateValue.flatMap(FrenchDates.parse)
    if dateLineAfterTitle, let dateLine = lineAfterTitle(lines, from: titleLine),
      FrenchDates.isDateLine(String(lines[dateLine]))
    {
      date = date ?? FrenchDates.parse(String(lines[dateLine]))
      removed.insert(dateLine)
    }
    // Lines are dropped, not blanked: a blank line would change how paragraphs are cut.
    let kept = removed.isEmpty ? text : lines.indices.filter { !removed.contains($0) }
      .map { lines[$0] }.joined(separator: "\n")
    title = DispatchDraft.shorten(title)
    return Dispatch(
      id: Dispatch.makeID(absolutePath: absolutePath, item: item), path: displayPath,
      title: title, date: date ?? FrenchDates.dateline(in: kept) ?? FrenchDates.firstDate(in: title + "\n" + kept),
      source: DispatchDraft.nonEmpty(source), author: DispatchDraft.nonEmpty(author),
      url: DispatchDraft.nonEmpty(url),
      tags: tags.map { DispatchDraft.collapse(DispatchDraft.withoutControls($0)) }.filter { !$0.isEmpty },
      passages: Passages.split(kept))
  }

  /// The title (metadata, else the first non-empty line), the index of the line it came from
  /// or matched, and the lines to drop from the body (that line, unless too long for a title).
  private func resolveTitle(_ lines: [Substring]) -> (String, Int?, Set<Int>) {
    var title = title.map { DispatchDraft.collapse(DispatchDraft.withoutControls(TextDecoding.nfc($0))) } ?? ""
    guard let first = lines.firstIndex(where: { !DispatchDraft.collapse($0).isEmpty }) else {
      return (title, nil, [])
    }
    let firstLine = DispatchDraft.collapse(lines[first])
    guard title.isEmpty || firstLine == title else { return (title, nil, []) }
    if title.isEmpty { title = firstLine }
    let removed: Set<Int> = firstLine.count <= DispatchDraft.maxTitleCharacters ? [first] : []
    return (title, first, removed)
  }

  /// The first non-empty line after the title line (from the top when the title is metadata).
  private func lineAfterTitle(_ lines: [Substring], from titleIndex: Int?) -> Int? {
    let start = (titleIndex ?? -1) + 1
    guard start < lines.count else { return nil }
    return lines[start...].firstIndex { !DispatchDraft.collapse($0).isEmpty }
  }

  /// Whitespace runs to one space (NBSP kept), trimmed.
  static func collapse<S: StringProtocol>(_ text: S) -> String {
    let words = text.unicodeScalars.split(whereSeparator: Passages.isCollapsible)
    return words.map(Passages.string).joined(separator: " ")
  }

  /// `text` with each control character that is not whitespace (C0 but tab to CR, DEL, C1
  /// but NEL) replaced by a space: a space, not nothing, so that words stay apart as the
  /// analyzer saw them. Text without any is returned as it is, after one pass over its bytes.
  static func withoutControls(_ text: String) -> String {
    func isControl(_ v: UInt32) -> Bool {
      (v < 0x20 && !(0x09...0x0D).contains(v)) || ((0x7F...0x9F).contains(v) && v != 0x85)
    }
    guard hasControl(text), !Cancellation.isRequested else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append(isControl(scalar.value) ? " " : scalar) }
    return String(scalars)
  }

  /// Whether `text` holds a control character `withoutControls` replaces, or the run is
  /// stopping (the caller then throws the text away). It runs on every body, so it reads the
  /// UTF-8 bytes in place, a block of `Cancellation.checkInterval` between looks at the flag
  /// (C1 is 0xC2 then 0x80–0x9F in UTF-8).
  static func hasControl(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var previous: UInt8 = 0
      var start = 0
      while start < bytes.count {
        if Cancellation.isRequested { return true }
        let end = min(start + Cancellation.checkInterval, bytes.count)
        for byte in bytes[start..<end] {
          defer { previous = byte }
          if byte &- 0x20 < 0x5F { continue }  // printable ASCII, most bytes: one test
          if byte < 0x20 { if byte < 0x09 || byte > 0x0D { return true } else { continue } }
          if byte == 0x7F || (previous == 0xC2 && byte <= 0x9F && byte != 0x85) { return true }
        }
        start = end
      }
      return false
    }
  }

  /// A title cut at a word boundary with "…" when longer than `maxTitleCharacters`.
  static func shorten(_ title: String) -> String {
    guard title.count > maxTitleCharacters else { return title }
    let head = title.prefix(maxTitleCharacters)
    let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
    return cut.trimmingCharacters(in: .whitespaces) + "…"
  }

  private static func nonEmpty(_ value: String?) -> String? {
    guard let value else { return nil }
    let collapsed = collapse(withoutControls(TextDecoding.nfc(value)))
    return collapsed.isEmpty ? nil : collapsed
  }
}

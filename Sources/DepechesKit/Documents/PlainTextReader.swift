import Foundation

/// Reads plain text: an optional header block of `Key: value` lines at the top, then the body
/// (title = `Titre:` header, else the first non-empty line).
///
/// Linear in the file: the lines are cut once and each header line is looked at once.
enum PlainTextReader {
  /// Header keys (lower-case) and the field each one fills.
  static let headerKeys: [String: Field] = [
    "titre": .title, "title": .title, "date": .date, "source": .source, "auteur": .author,
    "author": .author, "url": .url, "lien": .url, "tags": .tags, "mots-clés": .tags,
  ]

  /// The fields a header line can fill.
  enum Field { case title, date, source, author, url, tags }

  /// The file as a draft dispatch.
  static func read(_ text: String) -> DispatchDraft {
    var draft = DispatchDraft()
    draft.dateLineAfterTitle = true
    var lines = Passages.lines(text)
    guard let top = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
      return draft
    }
    var end = top
    while end < lines.count, let (field, value) = headerLine(lines[end]) {
      apply(field, value, to: &draft)
      end += 1
    }
    if end > top { lines.removeSubrange(top..<end) }
    draft.body = lines.joined(separator: "\n")
    return draft
  }

  /// `Key: value` with a known key, or nil.
  static func headerLine(_ line: Substring) -> (Field, String)? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    guard let field = headerKeys[key] else { return nil }
    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    return (field, value)
  }

  private static func apply(_ field: Field, _ value: String, to draft: inout DispatchDraft) {
    guard !value.isEmpty else { return }
    switch field {
    case .title: draft.title = value
    case .date: draft.dateValue = value
    case .source: draft.source = value
    case .author: draft.author = value
    case .url: draft.url = value
    case .tags: draft.tags = value.split(separator: ",").map { String($0) }
    }
  }
}

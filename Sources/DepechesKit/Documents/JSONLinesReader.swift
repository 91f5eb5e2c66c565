import Foundation

/// Reads JSON Lines: one dispatch per non-empty line holding a JSON object, under the names
/// that feeds, news APIs and exports give their fields (`JSONLinesReader.fields`): a title
/// (`title`, `headline`), a body (`body`, `text`, `content`… with a lead such as `description`
/// or `summary` before it), a date (`date`, `published`, `pubDate`, `publishedAt`, a Unix
/// time…), an author (`author`, `byline`, `authors`…), a link (`url`, `link`), a source, tags
/// and an `id`. Names are matched ignoring case, `_` and `-` (`date_published` is
/// `datePublished`); a value may be a string, a number, a list, or an object with a `name`.
///
/// Linear in the file: each line is parsed once by Foundation's JSON parser (which refuses
/// nesting past its depth limit rather than recursing without end).
enum JSONLinesReader {
  /// The field names read (normalised: lower-case, without `_` or `-`), best first.
  static let fields: [Field: [String]] = [
    .title: ["title", "headline", "titre"],
    .body: ["body", "text", "contenttext", "content", "articlebody", "article", "texte", "contenu", "contenthtml", "html"],
    .lead: ["description", "summary", "lead", "chapo", "abstract", "excerpt", "resume"],
    .date: ["date", "published", "pubdate", "datepublished", "publishedat", "publicationdate", "issued", "created", "createdat", "updated", "datemodified", "modified", "timestamp", "time"],
    .author: ["author", "byline", "authors", "creator", "auteur", "writer"],
    .url: ["url", "link", "permalink", "canonicalurl", "href", "lien"],
    .source: ["source", "sourcename", "publisher", "site", "sitename", "agency", "agence", "feed"],
    .tags: ["tags", "keywords", "categories", "category", "subjects", "motscles"],
    .id: ["id", "guid", "uuid", "uid", "identifier"],
  ]

  /// What a field fills.
  enum Field { case title, body, lead, date, author, url, source, tags, id }

  /// Unix times above this are taken for milliseconds (it is the year 2286 in seconds).
  static let millisecondsAbove = 10_000_000_000.0

  /// The drafts of the good lines and the numbers of the bad ones (not an object, or neither
  /// a title nor a body).
  static func read(_ text: String) -> (drafts: [DispatchDraft], badLines: [Int]) {
    var drafts = [DispatchDraft]()
    var bad: [Int] = []
    for (index, line) in Passages.lines(text).enumerated() {
      if Cancellation.isRequested(after: index + 1) { break }
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      if let draft = draft(from: line, number: index + 1) {
        drafts.append(draft)
      } else {
        bad.append(index + 1)
      }
    }
    return (drafts, bad)
  }

  private static func draft(from line: Substring, number: Int) -> DispatchDraft? {
    guard let data = line.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
      let raw = object as? [String: Any]
    else { return nil }
    var byName: [String: Any] = [:]
    for (key, value) in raw {
      let name = String(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" })
      if byName[name] == nil || key == name { byName[name] = value }
    }
    func first(_ field: Field) -> (name: String, value: Any)? {
      fields[field]!.lazy.compactMap { name in byName[name].map { (name, $0) } }
        .first { text($0.value).map { !$0.isEmpty } ?? false }
    }
    var draft = DispatchDraft()
    draft.number = number
    draft.title = first(.title).flatMap { text($0.value) }
    draft.dateValue = first(.date).flatMap { date($0.value) }
    draft.source = first(.source).flatMap { text($0.value) }
    draft.author = first(.author).flatMap { text($0.value) }
    draft.url = first(.url).flatMap { text($0.value) }
    draft.tags = first(.tags).map { list($0.value) } ?? []
    draft.body = body(first(.body), lead: first(.lead).flatMap { plain(text($0.value), name: $0.name) })
    draft.item = first(.id).flatMap { text($0.value) } ?? "line \(number)"
    let hasText = [draft.title ?? "", draft.body].contains { !DispatchDraft.collapse($0).isEmpty }
    return hasText ? draft : nil
  }

  /// The body, after the lead when there is one that the body does not already start with.
  private static func body(_ field: (name: String, value: Any)?, lead: String?) -> String {
    let main = field.flatMap { plain(text($0.value), name: $0.name) } ?? ""
    guard let lead, !DispatchDraft.collapse(lead).isEmpty else { return main }
    let head = DispatchDraft.collapse(lead)
    return DispatchDraft.collapse(main.prefix(head.count * 2)).hasPrefix(head) ? main : lead + "\n\n" + main
  }

  /// A value written in HTML (a `content_html` field, or markup in any text field) as plain text.
  private static func plain(_ value: String?, name: String) -> String? {
    guard let value else { return nil }
    let looksHTML = name.hasSuffix("html") || (value.contains("</") && value.contains(">"))
    return looksHTML ? HTMLReader.plainText(value) : value
  }

  /// A string, a number written out (ids are often numbers), the items of a list joined by
  /// ", ", or an object's `name` (`{"name": "AFP"}`) or `url`.
  private static func text(_ value: Any?) -> String? {
    switch value {
    case let text as String: return text
    case let number as NSNumber: return number.stringValue
    case let items as [Any]:
      let parts = items.compactMap { text($0) }.filter { !$0.isEmpty }
      return parts.isEmpty ? nil : parts.joined(separator: ", ")
    case let object as [String: Any]:
      return ["name", "title", "label", "url", "href", "value"].lazy.compactMap { text(object[$0]) }.first
    default: return nil
    }
  }

  /// Tags: a list of strings or objects, or one comma-separated string.
  private static func list(_ value: Any) -> [String] {
    if let items = value as? [Any] { return items.compactMap { text($0) } }
    return text(value)?.split(separator: ",").map(String.init) ?? []
  }

  /// A date as written, or a Unix time (seconds or milliseconds) as an ISO date.
  private static func date(_ value: Any) -> String? {
    if let number = value as? NSNumber, !(value is Bool) {
      var seconds = number.doubleValue
      if abs(seconds) > millisecondsAbove { seconds /= 1000 }
      guard seconds.isFinite, abs(seconds) < millisecondsAbove else { return nil }
      let day = Date(timeIntervalSince1970: seconds)
      let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: day)
      return DispatchDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)?.iso
    }
    return text(value)
  }
}

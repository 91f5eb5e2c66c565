import Foundation

/// Reads JSON Lines: one dispatch per non-empty line holding a JSON object with `title`,
/// `date`, `body` (or `text`, `content`), `url`, `source`, `author`, `tags` and `id`.
///
/// Linear in the file: each line is parsed once by Foundation's JSON parser (which refuses
/// nesting past its depth limit rather than recursing without end).
enum JSONLinesReader {
  /// The drafts of the good lines and how many lines were bad (not an object, or neither a
  /// title nor a body).
  static func read(_ text: String) -> (drafts: [DispatchDraft], badLines: Int) {
    var drafts = [DispatchDraft]()
    var bad = 0
    for (index, line) in Passages.lines(text).enumerated() {
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      if let draft = draft(from: line, number: index + 1) {
        drafts.append(draft)
      } else {
        bad += 1
      }
    }
    return (drafts, bad)
  }

  private static func draft(from line: Substring, number: Int) -> DispatchDraft? {
    guard let data = line.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
      let fields = object as? [String: Any]
    else { return nil }
    var draft = DispatchDraft()
    draft.title = string(fields["title"])
    draft.dateValue = string(fields["date"])
    draft.source = string(fields["source"])
    draft.author = string(fields["author"])
    draft.url = string(fields["url"])
    draft.tags = (fields["tags"] as? [Any])?.compactMap(string) ?? []
    draft.body = ["body", "text", "content"].lazy.compactMap { string(fields[$0]) }.first ?? ""
    draft.item = string(fields["id"]).flatMap { $0.isEmpty ? nil : $0 } ?? "line \(number)"
    let hasText = [draft.title ?? "", draft.body].contains {
      !DispatchDraft.collapse($0).isEmpty
    }
    return hasText ? draft : nil
  }

  /// A string, or a number written out (ids are often numbers).
  private static func string(_ value: Any?) -> String? {
    switch value {
    case let text as String: return text
    case let number as NSNumber: return number.stringValue
    default: return nil
    }
  }
}

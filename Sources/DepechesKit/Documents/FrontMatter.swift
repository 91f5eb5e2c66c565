import Foundation

/// A small, tolerant reader of the front matter at the top of Markdown files: YAML between
/// `---` lines (flat `key: value` pairs, quoted or not, and lists written `[a, b]` or as `- a`
/// lines), or TOML between `+++` lines as Hugo writes it (see `FrontMatter.init(toml:)`).
///
/// Linear in the text: the lines are cut once, each is read once, list items are appended
/// in place.
struct FrontMatter {
  /// Scalar values by lower-cased key.
  var values = [String: String]()
  /// List values by lower-cased key (a scalar value is also a one-item list).
  var lists = [String: [String]]()

  /// Splits `text` into its front matter and the rest; no front matter (or an unclosed one)
  /// gives an empty `FrontMatter` and the whole text.
  static func split(_ text: String) -> (FrontMatter, String) {
    var lines = Passages.lines(text)
    guard let first = lines.first?.trimmingCharacters(in: .whitespaces), first == "---" || first == "+++" else {
      return (FrontMatter(), text)
    }
    let toml = first == "+++"
    guard let close = lines.dropFirst().firstIndex(where: toml ? isTOMLClosingLine : isClosingLine) else {
      return (FrontMatter(), text)
    }
    let matter = toml ? FrontMatter(toml: lines[1..<close]) : FrontMatter(lines: lines[1..<close])
    lines.removeSubrange(0...close)
    return (matter, lines.joined(separator: "\n"))
  }

  private static func isTOMLClosingLine(_ line: Substring) -> Bool {
    line.trimmingCharacters(in: .whitespaces) == "+++"
  }

  private static func isClosingLine(_ line: Substring) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    return trimmed == "---" || trimmed == "..."
  }

  init() {}

  private init(lines: ArraySlice<Substring>) {
    var listKey: String?
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("- "), let key = listKey {
        lists[key, default: []].append(FrontMatter.unquote(String(trimmed.dropFirst(2))))
        continue
      }
      guard let colon = trimmed.firstIndex(of: ":"), !trimmed.hasPrefix("#") else { continue }
      let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      listKey = value.isEmpty ? key : nil
      if value.hasPrefix("[") && value.hasSuffix("]") {
        lists[key] = value.dropFirst().dropLast().split(separator: ",")
          .map { FrontMatter.unquote(String($0)) }.filter { !$0.isEmpty }
      } else if !value.isEmpty {
        values[key] = FrontMatter.unquote(value)
        lists[key] = [FrontMatter.unquote(value)]
      }
    }
  }

  /// Strips surrounding whitespace and one pair of matching quotes.
  static func unquote(_ value: String) -> String {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    guard trimmed.count >= 2, let first = trimmed.first, first == trimmed.last,
      first == "\"" || first == "'"
    else { return trimmed }
    return String(trimmed.dropFirst().dropLast())
  }
}

/// A tolerant tag scanner for HTML and XML (not a DOM): it cuts markup into text, start tags
/// and end tags, never fails, and skips the content of `script` and `style`.
///
/// Linear in the text: the position only moves forward, and every search for a closing
/// marker (`>`, `-->`, `]]>`, `</script`) that fails runs to the end and stops there.
struct MarkupScanner {
  /// One piece of markup.
  enum Token: Equatable {
    /// Text between tags, entities not yet decoded.
    case text(String)
    /// CDATA content, taken literally.
    case cdata(String)
    /// `<name attr="value">`; the name and attribute names lower-cased.
    case start(name: String, attributes: [String: String], selfClosing: Bool)
    /// `</name>`, lower-cased.
    case end(name: String)
  }

  /// Elements whose content is never markup and never shown.
  static let rawTextElements: Set<String> = ["script", "style"]

  private let bytes: [UInt8]
  private var i = 0

  /// Scans `text`.
  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  /// All the tokens, in order (comments, doctypes and processing instructions dropped).
  static func tokens(_ text: String) -> [Token] {
    var scanner = MarkupScanner(text)
    var tokens = [Token]()
    while let token = scanner.next() {
      tokens.append(token)
      // Ctrl-C inside a long page: the caller throws a part read away.
      if Cancellation.isRequested(after: tokens.count) { break }
    }
    return tokens
  }

  /// The next token, or nil at the end.
  mutating func next() -> Token? {
    while i < bytes.count {
      if bytes[i] != lt { return .text(takeText()) }
      if let token = takeMarkup() { return token }
    }
    return nil
  }

  // MARK: - Pieces

  private let lt = UInt8(ascii: "<")
  private let gt = UInt8(ascii: ">")

  private mutating func takeText() -> String {
    let start = i
    while i < bytes.count, bytes[i] != lt { i += 1 }
    return string(start, i)
  }

  /// At `<`: a tag, CDATA, or something skipped (nil); a `<` that opens nothing is text.
  private mutating func takeMarkup() -> Token? {
    if hasPrefix("<!--") { return skip(past: "-->") }
    if hasPrefix("<![CDATA[") {
      let start = i + 9
      let end = find("]]>", from: start) ?? bytes.count
      i = min(bytes.count, end + 3)
      return .cdata(string(start, end))
    }
    if hasPrefix("<!") || hasPrefix("<?") { return skip(past: ">") }
    let next = i + 1 < bytes.count ? bytes[i + 1] : 0
    if next == UInt8(ascii: "/") { return takeEndTag() }
    guard isNameStart(next) else {
      i += 1
      return .text("<")
    }
    return takeStartTag()
  }

  private mutating func takeEndTag() -> Token? {
    i += 2
    let name = takeName()
    i = find(">", from: i).map { $0 + 1 } ?? bytes.count
    return name.isEmpty ? nil : .end(name: name)
  }

  private mutating func takeStartTag() -> Token {
    i += 1
    let name = takeName()
    var attributes = [String: String]()
    var selfClosing = false
    while i < bytes.count, bytes[i] != gt {
      if bytes[i] == UInt8(ascii: "/") {
        selfClosing = true
        i += 1
        continue
      }
      if isSpace(bytes[i]) {
        i += 1
        continue
      }
      selfClosing = false
      let key = takeAttributeName()
      if key.isEmpty {
        i += 1
        continue
      }
      if attributes[key] == nil { attributes[key] = takeAttributeValue() } else {
        _ = takeAttributeValue()
      }
    }
    i = min(bytes.count, i + 1)
    if MarkupScanner.rawTextElements.contains(name) && !selfClosing {
      let end = findCaseInsensitive("</" + name, from: i) ?? bytes.count
      i = end
    }
    return .start(name: name, attributes: attributes, selfClosing: selfClosing)
  }

  private mutating func takeName() -> String {
    let start = i
    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != gt, bytes[i] != UInt8(ascii: "/") {
      i += 1
    }
    return string(start, i).lowercased()
  }

  private mutating func takeAttributeName() -> String {
    let start = i
    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != gt, bytes[i] != UInt8(ascii: "="),
      bytes[i] != UInt8(ascii: "/")
    {
      i += 1
    }
    return string(start, i).lowercased()
  }

  /// `="v"`, `='v'`, `=v` or nothing (an attribute without value is "").
  private mutating func takeAttributeValue() -> String {
    var j = i
    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
    guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { return "" }
    i = j + 1
    while i < bytes.count, isSpace(bytes[i]) { i += 1 }
    guard i < bytes.count else { return "" }
    let quote = bytes[i]
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      let start = i + 1
      var end = start
      while end < bytes.count, bytes[end] != quote { end += 1 }
      i = min(bytes.count, end + 1)
      return HTMLEntities.decode(string(start, end))
    }
    let start = i
    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != gt { i += 1 }
    return HTMLEntities.decode(string(start, i))
  }

  private mutating func skip(past marker: String) -> Token? {
    i = find(marker, from: i + 1).map { $0 + marker.utf8.count } ?? bytes.count
    return nil
  }

  private func hasPrefix(_ prefix: String) -> Bool {
    var j = i
    for byte in prefix.utf8 {
      guard j < bytes.count, bytes[j] == byte else { return false }
      j += 1
    }
    return true
  }

  private func find(_ marker: String, from start: Int) -> Int? {
    findCaseInsensitive(marker, from: start, foldCase: false)
  }

  private func findCaseInsensitive(_ marker: String, from start: Int, foldCase: Bool = true) -> Int? {
    let needle = Array(marker.utf8)
    guard let first = needle.first, start < bytes.count else { return nil }
    var j = start
    while j + needle.count <= bytes.count {
      if lower(bytes[j], foldCase) == first {
        var k = 1
        while k < needle.count, lower(bytes[j + k], foldCase) == needle[k] { k += 1 }
        if k == needle.count { return j }
      }
      j += 1
    }
    return nil
  }

  private func lower(_ byte: UInt8, _ fold: Bool) -> UInt8 {
    fold && byte >= 65 && byte <= 90 ? byte + 32 : byte
  }

  private func isSpace(_ byte: UInt8) -> Bool {
    byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
  }

  private func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
  }

  private func string(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }
}

/// TOML front matter (Hugo's `+++` blocks): `key = value` pairs with basic ("…", escapes
/// read) or literal ('…') strings, bare dates, numbers and booleans, and arrays, on one line
/// or over several. Keys under a `[table]` count too when the top level does not have them
/// (Hugo puts `author` under `[params]`). Anything else is passed over, never an error.
///
/// Linear in the lines: each is read once, an array's lines are gathered once.
extension FrontMatter {
  init(toml lines: ArraySlice<Substring>) {
    self.init()
    // An array over several lines: its text so far and its bracket depth (each line is
    // scanned once, so a long array stays linear).
    var pending: (key: String, text: String, depth: Int)?
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if pending != nil {
        // In place: a copy of the text so far at each line would be quadratic.
        pending!.text += " " + trimmed
        pending!.depth += FrontMatter.bracketDepth(trimmed)
        if pending!.depth <= 0 {
          setTOML(pending!.key, pending!.text)
          pending = nil
        }
        continue
      }
      if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("[") { continue }
      guard let equals = trimmed.firstIndex(of: "=") else { continue }
      let key = FrontMatter.unquote(String(trimmed[..<equals])).lowercased()
      let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      let depth = FrontMatter.bracketDepth(value)
      if value.hasPrefix("[") && depth > 0 {
        pending = (key, value, depth)
      } else {
        setTOML(key, value)
      }
    }
    if let open = pending { setTOML(open.key, open.text + "]") }
  }

  /// Records one value, unless an earlier key of the same name (the top level comes first) has.
  private mutating func setTOML(_ key: String, _ value: String) {
    guard !key.isEmpty, values[key] == nil, lists[key] == nil else { return }
    if value.hasPrefix("[") {
      let items = FrontMatter.tomlArray(value)
      if !items.isEmpty { lists[key] = items }
    } else if let scalar = FrontMatter.tomlScalar(value), !scalar.isEmpty {
      values[key] = scalar
      lists[key] = [scalar]
    }
  }

  /// Brackets `text` opens and does not close (outside strings and comments; negative when
  /// it closes more than it opens).
  static func bracketDepth(_ text: String) -> Int {
    var depth = 0
    var quote: Character?
    var escaped = false
    for c in text {
      if let q = quote {
        if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "[" {
        depth += 1
      } else if c == "]" {
        depth -= 1
      } else if c == "#" {
        break
      }
    }
    return depth
  }

  /// The strings (or bare values) of a one-level array.
  static func tomlArray(_ text: String) -> [String] {
    var items: [String] = []
    var current = ""
    var quote: Character?
    var escaped = false
    for c in text.dropFirst() {
      if let q = quote {
        current.append(c)
        if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
        current.append(c)
      } else if c == "," || c == "]" {
        if let item = tomlScalar(current), !item.isEmpty { items.append(item) }
        current = ""
        if c == "]" { break }
      } else if c != "[" {
        current.append(c)
      }
    }
    return items
  }

  /// A string without its quotes (escapes of basic strings read), or a bare value as written
  /// without a trailing comment; nil for an inline table.
  static func tomlScalar(_ raw: String) -> String? {
    let value = raw.trimmingCharacters(in: .whitespaces)
    if value.hasPrefix("{") { return nil }
    for quote in ["\"\"\"", "'''", "\"", "'"] where value.hasPrefix(quote) {
      let body = value.dropFirst(quote.count)
      let basic = quote.hasPrefix("\"")
      let end = basic ? closingQuote(of: body, quote) : body.range(of: quote)?.lowerBound
      let text = String(body[..<(end ?? body.endIndex)])
      return basic ? unescapeBasic(text) : text
    }
    let bare = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    return bare.trimmingCharacters(in: .whitespaces)
  }

  /// Where a basic string's closing `quote` starts (not an escaped one), if it is closed.
  private static func closingQuote(of body: Substring, _ quote: String) -> Substring.Index? {
    var i = body.startIndex
    while i < body.endIndex {
      if body[i] == "\\" {
        i = body.index(after: i)
        if i < body.endIndex { i = body.index(after: i) }
        continue
      }
      if body[i...].hasPrefix(quote) { return i }
      i = body.index(after: i)
    }
    return nil
  }

  /// A basic string's escapes: `\"`, `\\`, `\n`, `\t`, `\uXXXX`, `\UXXXXXXXX`.
  private static func unescapeBasic(_ text: String) -> String {
    guard text.contains("\\") else { return text }
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let s = scalars.next() {
      guard s == "\\", let e = scalars.next() else {
        out.append(s)
        continue
      }
      switch e {
      case "n": out.append("\n")
      case "t": out.append("\t")
      case "u", "U":
        var hex = ""
        for _ in 0..<(e == "u" ? 4 : 8) { if let h = scalars.next() { hex.unicodeScalars.append(h) } }
        out.append(UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}")
      default: out.append(e)
      }
    }
    return String(out)
  }
}

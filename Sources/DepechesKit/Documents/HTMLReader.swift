/// Reads an HTML page: its readable text (the `<article>`, else `<main>`, else `<body>`) and
/// its metadata (Open Graph, `<title>`, `<time datetime>`, `<meta name="date">`, canonical link).
///
/// Linear in the page: one pass of `MarkupScanner`, and end tags find their open element in
/// constant time (`OpenElements`), however many elements are left unclosed.
enum HTMLReader {
  /// Elements whose text is never part of the dispatch (their metadata still counts).
  static let skippedElements: Set<String> = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg",
  ]
  /// Elements that start and end a paragraph.
  static let blockElements: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "section",
    "article", "main", "ul", "ol", "table", "dl", "dt", "dd", "figure", "figcaption", "pre", "hr",
  ]
  /// Elements that never have content or an end tag.
  static let voidElements: Set<String> = [
    "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr",
  ]

  /// The page as a draft dispatch.
  static func read(_ html: String) -> DispatchDraft {
    var walker = HTMLWalker()
    for token in MarkupScanner.tokens(html) { walker.take(token) }
    let meta = walker.meta
    var draft = DispatchDraft()
    draft.title = [meta["og:title"], walker.titleText, walker.firstH1].compactMap { $0 }
      .first { !DispatchDraft.collapse($0).isEmpty }
    draft.dateValue = [
      meta["article:published_time"], walker.timeDatetime, meta["date"], meta["dc.date"],
      meta["dc.date.issued"], meta["pubdate"], meta["datepublished"],
    ].compactMap { $0 }.first { FrenchDates.parse($0) != nil }
    draft.source = meta["og:site_name"]
    draft.author = meta["author"] ?? meta["dc.creator"]
    draft.url = meta["og:url"] ?? walker.canonical
    draft.body = walker.content
    draft.needsNormalization = true
    return draft
  }

  /// The readable text of an HTML fragment or page (feed descriptions), paragraphs separated
  /// by blank lines.
  static func plainText(_ html: String) -> String {
    var walker = HTMLWalker()
    for token in MarkupScanner.tokens(html) { walker.take(token) }
    return walker.content
  }
}

/// The state of one pass over an HTML page's tokens.
struct HTMLWalker {
  /// `<meta>` values by lower-cased `property`, `name` or `itemprop`.
  var meta = [String: String]()
  var titleText: String?
  var firstH1: String?
  var timeDatetime: String?
  var canonical: String?

  private var skipped = OpenElements()
  private var depth = [String: Int]()
  private var buffers = [String: String]()
  private var capture: (name: String, text: String)?

  /// The regions text is kept for, best first; "" is the whole page.
  private static let regions = ["article", "main", "body", ""]

  /// The text of the best region that has any.
  var content: String {
    for region in HTMLWalker.regions {
      if let text = buffers[region], !DispatchDraft.collapse(text).isEmpty { return text }
    }
    return ""
  }

  /// Takes the next token.
  mutating func take(_ token: MarkupScanner.Token) {
    switch token {
    case .text(let raw):
      appendText(HTMLEntities.decode(raw))
    case .cdata(let raw):
      appendText(raw)
    case .start(let name, let attributes, let selfClosing):
      start(name, attributes, closed: selfClosing || HTMLReader.voidElements.contains(name))
    case .end(let name):
      end(name)
    }
  }

  private mutating func start(_ name: String, _ attributes: [String: String], closed: Bool) {
    readMetadata(name, attributes)
    if HTMLReader.blockElements.contains(name) { appendBreak() }
    if closed { return }
    if HTMLReader.skippedElements.contains(name) { skipped.push(name) }
    if HTMLWalker.regions.contains(name) { depth[name, default: 0] += 1 }
    if (name == "title" && titleText == nil) || (name == "h1" && firstH1 == nil) {
      capture = (name, "")
    }
  }

  private mutating func end(_ name: String) {
    if let index = skipped.lastIndex(of: name) { skipped.close(from: index) }
    if let count = depth[name], count > 0 { depth[name] = count - 1 }
    if let captured = capture, captured.name == name {
      if name == "title" { titleText = captured.text } else { firstH1 = captured.text }
      capture = nil
    }
    if HTMLReader.blockElements.contains(name) { appendBreak() }
  }

  private mutating func readMetadata(_ name: String, _ attributes: [String: String]) {
    switch name {
    case "meta":
      guard let content = attributes["content"] else { return }
      for key in ["property", "name", "itemprop"] {
        if let value = attributes[key]?.lowercased(), meta[value] == nil { meta[value] = content }
      }
    case "time":
      if timeDatetime == nil { timeDatetime = attributes["datetime"] }
    case "link":
      if canonical == nil, attributes["rel"]?.lowercased() == "canonical" {
        canonical = attributes["href"]
      }
    default:
      break
    }
  }

  /// Text: newlines inside it are spaces (only block elements break paragraphs).
  private mutating func appendText(_ text: String) {
    let hasBreaks = text.utf8.contains { $0 == 10 || $0 == 13 || $0 == 9 }
    let flat = hasBreaks ? String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }) : text
    if capture != nil { capture!.text += flat }
    guard skipped.isEmpty, capture?.name != "title" else { return }
    append(flat)
  }

  private mutating func appendBreak() {
    guard skipped.isEmpty else { return }
    append("\n\n")
  }

  private mutating func append(_ text: String) {
    for region in HTMLWalker.regions where region.isEmpty || depth[region, default: 0] > 0 {
      buffers[region, default: ""] += text
    }
  }
}

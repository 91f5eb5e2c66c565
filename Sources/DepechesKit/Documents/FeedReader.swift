/// Reads RSS 2.0 (and RSS 1.0 / RDF) and Atom feeds: one draft per `<item>` or `<entry>`.
///
/// Linear in the feed: one pass of `MarkupScanner`; end tags find their open element in
/// constant time (`OpenElements`); an item's categories are collected in a list, not by
/// concatenation; the channel's title is read once, not once per item.
enum FeedReader {
  /// What a feed file held.
  enum Outcome {
    case drafts([DispatchDraft])
    case notAFeed
  }

  /// Root elements of the feeds this reader knows.
  static let rssRoots: Set<String> = ["rss", "rdf:rdf"]
  /// Item elements (RSS, Atom).
  static let itemElements: Set<String> = ["item", "entry"]
  /// Body fields, best first.
  static let bodyFields = ["content:encoded", "content", "description", "summary"]
  /// Date fields, best first.
  static let dateFields = ["pubdate", "dc:date", "published", "updated"]

  /// The feed's items as drafts.
  static func read(_ xml: String) -> Outcome {
    var walker = FeedWalker()
    var sawRoot = false
    for token in MarkupScanner.tokens(xml) {
      if !sawRoot, case .start(let name, _, _) = token {
        guard rssRoots.contains(name) || name == "feed" else { return .notAFeed }
        sawRoot = true
      }
      walker.take(token)
    }
    guard sawRoot else { return .notAFeed }
    // Every item carries the channel's title: made once, and as short as a title, so that
    // many items under a long one stay linear.
    let source = walker.feedTitle.map {
      DispatchDraft.shorten(DispatchDraft.collapse(TextDecoding.nfc(HTMLReader.plainText($0))))
    }
    return .drafts(walker.items.enumerated().map { draft($0.element, number: $0.offset + 1, source: source) })
  }

  private static func draft(_ item: FeedWalker.Item, number: Int, source: String?) -> DispatchDraft {
    let fields = item.fields
    var draft = DispatchDraft()
    draft.number = number
    draft.title = fields["title"].map(HTMLReader.plainText)
    let html = bodyFields.lazy.compactMap { fields[$0] }.first { !$0.isEmpty } ?? ""
    draft.body = HTMLReader.plainText(html)
    draft.needsNormalization = true
    draft.dateValue = dateFields.lazy.compactMap { fields[$0] }.first {
      FrenchDates.parse($0) != nil
    }
    draft.author = fields["author"] ?? fields["dc:creator"]
    draft.url = fields["link"]
    draft.source = source
    draft.tags = item.categories.flatMap { $0.split(separator: "\n").map(String.init) }
    let key = ["guid", "id", "link"].lazy.compactMap { fields[$0] }
      .map { DispatchDraft.collapse($0) }.first { !$0.isEmpty }
    draft.item = key ?? "item \(number)"
    return draft
  }
}

/// The state of one pass over a feed's tokens.
struct FeedWalker {
  /// One item's children.
  struct Item {
    /// The text of its direct children by lower-cased name (the first of each name).
    var fields: [String: String] = [:]
    /// The text of each of its `<category>` children, in order.
    var categories: [String] = []
  }

  /// The items, in order.
  private(set) var items = [Item]()
  /// The channel's or feed's own title.
  private(set) var feedTitle: String?

  private var stack = OpenElements()
  private var itemDepth: Int?
  private var current = Item()
  private var field: (name: String, depth: Int, text: String)?

  /// Takes the next token.
  mutating func take(_ token: MarkupScanner.Token) {
    switch token {
    case .text(let raw):
      guard !isAuthorDetail else { return }
      field?.text += HTMLEntities.decode(raw)
    case .cdata(let raw):
      field?.text += raw
    case .start(let name, let attributes, let selfClosing):
      start(name, attributes)
      if selfClosing { end(name) }
    case .end(let name):
      end(name)
    }
  }

  private mutating func start(_ name: String, _ attributes: [String: String]) {
    stack.push(name)
    if itemDepth == nil, FeedReader.itemElements.contains(name) {
      itemDepth = stack.count
      current = Item()
      return
    }
    let isChild = itemDepth.map { stack.count == $0 + 1 } ?? isFeedTitle(name)
    guard isChild, field == nil else { return }
    field = (name, stack.count, "")
    if name == "link", let href = attributes["href"], linkIsAlternate(attributes) {
      field?.text = href
    }
    if name == "category", let term = attributes["term"] { field?.text = term }
  }

  private mutating func end(_ name: String) {
    guard let index = stack.lastIndex(of: name) else { return }
    if let open = field, open.depth > index { close(open) }
    if let depth = itemDepth, depth > index {
      items.append(current)
      itemDepth = nil
    }
    stack.close(from: index)
  }

  private mutating func close(_ open: (name: String, depth: Int, text: String)) {
    field = nil
    guard itemDepth != nil else {
      if feedTitle == nil { feedTitle = open.text }
      return
    }
    if open.name == "category" { current.categories.append(open.text) }
    if open.name != "link" || !open.text.isEmpty {
      current.fields[open.name] = current.fields[open.name] ?? open.text
    }
  }

  /// Inside an Atom `<author>`, only `<name>` counts (not `<uri>` or `<email>`).
  private var isAuthorDetail: Bool {
    field?.name == "author" && (stack.last == "uri" || stack.last == "email")
  }

  /// `<title>` directly under `<channel>` (RSS) or `<feed>` (Atom).
  private func isFeedTitle(_ name: String) -> Bool {
    guard name == "title", stack.count >= 2 else { return false }
    let parent = stack[stack.count - 2]
    return parent == "channel" || parent == "feed"
  }

  private func linkIsAlternate(_ attributes: [String: String]) -> Bool {
    let rel = attributes["rel"]?.lowercased() ?? "alternate"
    return rel == "alternate"
  }
}

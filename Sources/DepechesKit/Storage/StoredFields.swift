/// The text fields at the start of a stored dispatch's header (see `StoredDispatch`), each a
/// length-prefixed UTF-8 string, in the order of the properties below. An absent field is
/// stored as the empty string, so every header has the same nine fields.
struct StoredFields: Equatable {
  /// `Dispatch.id`.
  var id: String
  /// `Dispatch.path` (as shown).
  var path: String
  /// The absolute path of the file the dispatch came from.
  var absolutePath: String
  /// `Dispatch.title`.
  var title: String
  /// `Dispatch.date` as "YYYY-MM-DD", empty when there is none.
  var isoDate: String
  /// `Dispatch.source`, empty when there is none.
  var source: String
  /// `Dispatch.author`, empty when there is none.
  var author: String
  /// `Dispatch.url`, empty when there is none.
  var url: String
  /// `Dispatch.tags` joined by line feeds (tags hold no line feed), empty when there are none.
  var tags: String

  /// The fields of `dispatch`, read from the file at `absolutePath`.
  init(_ dispatch: Dispatch, absolutePath: String) {
    id = dispatch.id
    path = dispatch.path
    self.absolutePath = absolutePath
    title = dispatch.title
    isoDate = dispatch.date?.iso ?? ""
    source = dispatch.source ?? ""
    author = dispatch.author ?? ""
    url = dispatch.url ?? ""
    tags = dispatch.tags.joined(separator: String(StoredFields.tagSeparator))
  }

  /// Reads the fields in stored order; nil when the bytes end before the last one.
  init?(reading r: inout Unpacker) {
    guard let id = r.string(), let path = r.string(), let absolutePath = r.string(),
      let title = r.string(), let isoDate = r.string(), let source = r.string(),
      let author = r.string(), let url = r.string(), let tags = r.string()
    else { return nil }
    self.id = id
    self.path = path
    self.absolutePath = absolutePath
    self.title = title
    self.isoDate = isoDate
    self.source = source
    self.author = author
    self.url = url
    self.tags = tags
  }

  /// Writes the fields in stored order (the order `init(reading:)` reads them).
  func write(to p: inout Packer) {
    for field in [id, path, absolutePath, title, isoDate, source, author, url, tags] { p.string(field) }
  }

  /// The dispatch the fields describe, with `passages` as its body.
  func dispatch(passages: [String]) -> Dispatch {
    let optional: (String) -> String? = { $0.isEmpty ? nil : $0 }
    return Dispatch(
      id: id, path: path, title: title, date: DispatchDate(iso: isoDate),
      source: optional(source), author: optional(author), url: optional(url),
      tags: tags.isEmpty ? [] : tags.split(separator: StoredFields.tagSeparator).map(String.init),
      passages: passages)
  }

  /// Joins the tags in `tags`.
  private static let tagSeparator: Character = "\n"
}

/// What the index keeps of a dispatch in the value `Schema.storedSlot` (compressed by
/// `StoredCompression`): everything a result shows,
/// and the passages with the term position each one starts at (for best-passage snippets).
public struct StoredDispatch: Equatable, Sendable {
  /// The dispatch as read.
  public var dispatch: Dispatch
  /// The absolute path of the file it came from.
  public var absolutePath: String
  /// Term position of the first word of each passage (same count as `dispatch.passages`).
  public var passageStarts: [Int]

  /// Format tag of the encoding; bumped when the layout changes.
  static let formatVersion: UInt32 = 1

  /// Encodes to the bytes stored (before compression).
  func encoded() -> [UInt8] {
    var p = Packer(reservingCapacity: dispatch.passages.reduce(256) { $0 + $1.utf8.count + 8 })
    p.u32(StoredDispatch.formatVersion)
    for field in [
      dispatch.id, dispatch.path, absolutePath, dispatch.title, dispatch.date?.iso ?? "",
      dispatch.source ?? "", dispatch.author ?? "", dispatch.url ?? "",
      dispatch.tags.joined(separator: "\n"),
    ] {
      p.string(field)
    }
    p.u32(dispatch.passages.count)
    for (text, start) in zip(dispatch.passages, passageStarts) {
      p.u32(start)
      p.string(text)
    }
    return p.bytes
  }

  /// Decodes stored bytes (after decompression); nil when they are not in this format.
  /// With `onlyPassage`, which picks a passage from the start positions, only that passage's
  /// text is decoded (the others are left empty): a search shows one passage per result.
  init?(decoding bytes: [UInt8], onlyPassage: (([Int]) -> Int)? = nil) {
    var r = Unpacker(bytes)
    guard r.u32() == StoredDispatch.formatVersion else { return nil }
    var fields: [String] = []
    for _ in 0..<9 {
      guard let field = r.string() else { return nil }
      fields.append(field)
    }
    guard let count = r.u32() else { return nil }
    var ranges: [Range<Int>] = []
    var starts: [Int] = []
    for _ in 0..<count {
      guard let start = r.u32(), let range = r.stringRange() else { return nil }
      starts.append(Int(start))
      ranges.append(range)
    }
    let wanted = onlyPassage?(starts)
    let passages = ranges.indices.map { wanted == nil || wanted == $0 ? r.string(in: ranges[$0]) : "" }
    let optional: (String) -> String? = { $0.isEmpty ? nil : $0 }
    dispatch = Dispatch(
      id: fields[0], path: fields[1], title: fields[3], date: DispatchDate(iso: fields[4]),
      source: optional(fields[5]), author: optional(fields[6]), url: optional(fields[7]),
      tags: fields[8].isEmpty ? [] : fields[8].split(separator: "\n").map(String.init),
      passages: passages)
    absolutePath = fields[2]
    passageStarts = starts
  }

  /// Wraps a dispatch and its passage start positions.
  init(dispatch: Dispatch, absolutePath: String, passageStarts: [Int]) {
    self.dispatch = dispatch
    self.absolutePath = absolutePath
    self.passageStarts = passageStarts
  }
}

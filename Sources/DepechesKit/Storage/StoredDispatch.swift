/// What the index keeps of a dispatch in the value `Schema.storedSlot`: everything a result
/// shows, and the passages with the term position each one starts at (for best-passage
/// snippets).
///
/// Stored layout (see `encoded()`): a format tag, then a compressed header (`StoredFields`, the
/// passage starts and where each block of passages begins), then the passages in blocks of
/// about `blockBytes`, each compressed on its own. A search shows one passage per result, so
/// it inflates the header and one block: a long text (a novel of 600 KB) costs no more to show
/// than a short dispatch.
public struct StoredDispatch: Equatable, Sendable {
  /// The dispatch as read.
  public var dispatch: Dispatch
  /// The absolute path of the file it came from.
  public var absolutePath: String
  /// Term position of the first word of each passage (same count as `dispatch.passages`).
  public var passageStarts: [Int]

  /// Format tag of the encoding; bumped when the layout changes.
  static let formatVersion: UInt32 = 2
  /// Passages are grouped into blocks of at least this many bytes of packed text (the last
  /// block may be shorter), each compressed alone. zlib's window is 32 KB, so blocks of this
  /// size compress about as well as one stream, and inflating one costs a fraction of a ms.
  static let blockBytes = 32_768

  /// Wraps a dispatch and its passage start positions.
  init(dispatch: Dispatch, absolutePath: String, passageStarts: [Int]) {
    self.dispatch = dispatch
    self.absolutePath = absolutePath
    self.passageStarts = passageStarts
  }

  /// The bytes stored: format tag, compressed header, compressed blocks of passages.
  func encoded() throws -> [UInt8] {
    let (blocks, firstPassages) = StoredDispatch.packBlocks(dispatch.passages)
    var header = Packer(reservingCapacity: 256 + passageStarts.count * 4)
    StoredFields(dispatch, absolutePath: absolutePath).write(to: &header)
    header.u32(passageStarts.count)
    for start in passageStarts { header.u32(start) }
    header.u32(firstPassages.count)
    for first in firstPassages { header.u32(first) }
    var out = Packer(reservingCapacity: blocks.reduce(64) { $0 + $1.count / 2 })
    out.u32(StoredDispatch.formatVersion)
    out.raw(try StoredCompression.compress(header.bytes))
    for block in blocks { out.raw(try StoredCompression.compress(block)) }
    return out.bytes
  }

  /// Decodes stored bytes; nil when they are not in this format, a `.corrupt` failure when a
  /// compressed part is damaged. With `onlyPassage`, which picks a passage from the start
  /// positions, only the block holding that passage is inflated and only its text is decoded
  /// (the other passages are left empty): a search shows one passage per result.
  init?(decoding bytes: [UInt8], onlyPassage: (([Int]) -> Int)? = nil) throws {
    try self.init(decoding: bytes, onlyPassages: onlyPassage.map { pick in { [pick($0)] } })
  }

  /// `init(decoding:onlyPassage:)` with several passages picked (`search --passages`).
  init?(decoding bytes: [UInt8], onlyPassages: (([Int]) -> [Int])?) throws {
    var r = Unpacker(bytes)
    guard r.u32() == StoredDispatch.formatVersion, let headerRange = r.stringRange() else { return nil }
    guard let header = StoredHeader(try StoredCompression.decompress(r.bytes(in: headerRange))) else { return nil }
    var blockRanges: [Range<Int>] = []
    for _ in header.firstPassages {
      guard let range = r.stringRange() else { return nil }
      blockRanges.append(range)
    }
    guard r.isAtEnd else { return nil }
    let wanted = onlyPassages.map { Set($0(header.starts)) }
    var passages = [String](repeating: "", count: header.starts.count)
    for (block, range) in blockRanges.enumerated() {
      let passagesOfBlock = header.passages(ofBlock: block)
      if let wanted, !passagesOfBlock.contains(where: wanted.contains) { continue }
      var b = Unpacker(try StoredCompression.decompress(r.bytes(in: range)))
      for index in passagesOfBlock {
        guard let text = b.stringRange() else { return nil }
        if wanted?.contains(index) ?? true { passages[index] = b.string(in: text) }
      }
      guard b.isAtEnd else { return nil }
    }
    self.init(header: header, passages: passages)
  }

  private init(header: StoredHeader, passages: [String]) {
    dispatch = header.fields.dispatch(passages: passages)
    absolutePath = header.fields.absolutePath
    passageStarts = header.starts
  }

  /// Packs the passages into blocks of about `blockBytes`; returns the blocks and the index
  /// of each block's first passage. No passages: no blocks.
  static func packBlocks(_ passages: [String]) -> (blocks: [[UInt8]], firstPassages: [Int]) {
    var blocks: [[UInt8]] = []
    var firsts: [Int] = []
    var current = Packer()
    for (index, text) in passages.enumerated() {
      if index == 0 || current.bytes.count >= blockBytes {
        if index > 0 { blocks.append(current.bytes) }
        current = Packer(reservingCapacity: min(blockBytes * 2, text.utf8.count + blockBytes))
        firsts.append(index)
      }
      current.string(text)
    }
    if !passages.isEmpty { blocks.append(current.bytes) }
    return (blocks, firsts)
  }

  /// The decoded header: text fields, passage starts and the first passage of each block.
  private struct StoredHeader {
    var fields: StoredFields
    var starts: [Int]
    var firstPassages: [Int]

    /// Parses a header; nil when it is malformed (blocks out of order or not covering the
    /// passages from the first one).
    init?(_ bytes: [UInt8]) {
      var r = Unpacker(bytes)
      guard let fields = StoredFields(reading: &r) else { return nil }
      self.fields = fields
      guard let starts = StoredHeader.list(&r), let firsts = StoredHeader.list(&r), r.isAtEnd else { return nil }
      guard firsts.first == (starts.isEmpty ? nil : 0), zip(firsts, firsts.dropFirst()).allSatisfy({ $0 < $1 }),
        firsts.last.map({ $0 < starts.count }) ?? true
      else { return nil }
      self.starts = starts
      firstPassages = firsts
    }

    /// The passages of block `block`.
    func passages(ofBlock block: Int) -> Range<Int> {
      firstPassages[block]..<(block + 1 < firstPassages.count ? firstPassages[block + 1] : starts.count)
    }

    private static func list(_ r: inout Unpacker) -> [Int]? {
      guard let count = r.u32(), Int(count) <= r.remaining / 4 else { return nil }
      var values: [Int] = []
      values.reserveCapacity(Int(count))
      for _ in 0..<count {
        guard let value = r.u32() else { return nil }
        values.append(Int(value))
      }
      return values
    }
  }
}

extension XapianMSet {
  /// The stored dispatch of the match at `index`, with only the passages `onlyPassages` picks
  /// from their starts when it is given. A document without one was not written by depeches:
  /// the index is corrupt, and says which document.
  func storedDispatch(at index: Int, onlyPassages: (([Int]) -> [Int])? = nil) throws -> StoredDispatch {
    guard let stored = try StoredDispatch(decoding: try value(at: index, slot: Schema.storedSlot), onlyPassages: onlyPassages) else {
      throw DepechesError.xapian(kind: .corrupt, message: "document \(try docid(at: index)) was not written by depeches")
    }
    return stored
  }
}

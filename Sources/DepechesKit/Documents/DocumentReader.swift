import Foundation

/// What reading one file gave: its dispatches, or why it was left out.
public enum ReadResult: Equatable, Sendable {
  /// One or more dispatches (several for JSON Lines and feeds).
  case dispatches([Dispatch])
  /// The file was left out; `reason` is short and lower-case ("binary file", "empty file").
  case skipped(reason: String)
}

/// Reads any supported file into `Dispatch`es: plain text, Markdown, HTML, JSON Lines, RSS and
/// Atom, in UTF-8, UTF-16 (with BOM), Windows-1252 or ISO-8859-15. It never crashes and never
/// waits on a pipe or device: anything it cannot read is `.skipped` with a reason.
public struct DocumentReader: Sendable {
  /// Files above this size (bytes) are skipped: 20 MB.
  public static let defaultMaxFileSize = 20_000_000
  /// The extensions read (lower-case, no dot); any other is skipped, never guessed at.
  public static let supportedExtensions: Set<String> = [
    "txt", "md", "markdown", "html", "htm", "jsonl", "xml", "rss", "atom",
  ]

  /// The size limit of this reader, in bytes.
  public let maxFileSize: Int

  /// A reader that skips files larger than `maxFileSize` bytes.
  public init(maxFileSize: Int = DocumentReader.defaultMaxFileSize) {
    self.maxFileSize = maxFileSize
  }

  /// What reading a file from disk gave: its bytes, or why it is left out.
  enum Loaded {
    case bytes([UInt8])
    case skipped(reason: String)
  }

  /// Reads the file at `absolutePath`; `displayPath` becomes each dispatch's `path`.
  public func read(absolutePath: String, displayPath: String) -> ReadResult {
    switch load(absolutePath: absolutePath) {
    case .bytes(let bytes):
      return parse(bytes: bytes, absolutePath: absolutePath, displayPath: displayPath)
    case .skipped(let reason):
      return .skipped(reason: reason)
    }
  }

  /// The bytes of a file this reader would parse, read once (`FileBytes`: the size is checked
  /// before reading, pipes and devices are refused without blocking), or why it is skipped.
  /// The indexer hashes these bytes and then hands them to `parse`.
  func load(absolutePath: String) -> Loaded {
    if let reason = unsupportedReason(absolutePath) { return .skipped(reason: reason) }
    switch FileBytes.read(path: absolutePath, limit: maxFileSize) {
    case .bytes(let bytes):
      return .bytes(bytes)
    case .tooLarge(let size):
      return .skipped(reason: sizeReason(size))
    case .failed(let reason):
      return .skipped(reason: "unreadable: " + reason)
    }
  }

  /// Reads a file's bytes from memory (tests, fuzzing); the format comes from the extension of
  /// `absolutePath`.
  public func read(bytes: [UInt8], absolutePath: String, displayPath: String) -> ReadResult {
    if let reason = unsupportedReason(absolutePath) { return .skipped(reason: reason) }
    if bytes.count > maxFileSize { return .skipped(reason: sizeReason(bytes.count)) }
    return parse(bytes: bytes, absolutePath: absolutePath, displayPath: displayPath)
  }

  /// Decodes and parses bytes that `load` (or `read(bytes:)`) accepted.
  func parse(bytes: [UInt8], absolutePath: String, displayPath: String) -> ReadResult {
    let format = DocumentReader.fileExtension(absolutePath)
    let isMarkup = ["html", "htm", "xml", "rss", "atom"].contains(format)
    let charset = isMarkup ? TextDecoding.sniffCharset(bytes) : nil
    switch TextDecoding.decode(bytes, declaredCharset: charset) {
    case .skipped(let reason):
      return .skipped(reason: reason)
    case .text(let text):
      return read(text: text, format: format, absolutePath: absolutePath, displayPath: displayPath)
    }
  }

  private func read(text: String, format: String, absolutePath: String, displayPath: String)
    -> ReadResult
  {
    let drafts: [DispatchDraft]
    var emptyReason = "no text"
    switch format {
    case "txt": drafts = [PlainTextReader.read(text)]
    case "md", "markdown": drafts = [MarkdownReader.read(text)]
    case "html", "htm": drafts = [HTMLReader.read(text)]
    case "jsonl":
      let (good, bad) = JSONLinesReader.read(text)
      drafts = good
      emptyReason = "no valid JSON line (\(bad) bad)"
    default:
      guard case .drafts(let items) = FeedReader.read(text) else {
        return .skipped(reason: "unsupported XML (not RSS or Atom)")
      }
      drafts = items
      emptyReason = "feed without items"
    }
    let dispatches = drafts.compactMap {
      $0.finish(absolutePath: absolutePath, displayPath: displayPath)
    }
    return dispatches.isEmpty ? .skipped(reason: emptyReason) : .dispatches(dispatches)
  }

  /// The lower-cased extension of `path` ("" when none).
  static func fileExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  private func unsupportedReason(_ path: String) -> String? {
    let ext = DocumentReader.fileExtension(path)
    if DocumentReader.supportedExtensions.contains(ext) { return nil }
    return ext.isEmpty ? "unsupported format (no extension)" : "unsupported format .\(ext)"
  }

  private func sizeReason(_ size: Int) -> String {
    "larger than \(DocumentReader.describe(bytes: maxFileSize)) (--max-file-size): "
      + DocumentReader.describe(bytes: size)
  }

  /// "20 MB", "1.5 MB", "12 kB", "300 bytes".
  static func describe(bytes: Int) -> String {
    func scaled(_ unit: Int, _ name: String) -> String {
      let tenths = (bytes * 10 + unit / 2) / unit
      let text = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
      return "\(text) \(name)"
    }
    if bytes >= 1_000_000 { return scaled(1_000_000, "MB") }
    if bytes >= 1_000 { return scaled(1_000, "kB") }
    return "\(bytes) bytes"
  }
}

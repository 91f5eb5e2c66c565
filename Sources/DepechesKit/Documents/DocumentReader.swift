import Foundation

/// What reading one file gave: its dispatches, or why it was left out.
public enum ReadResult: Equatable, Sendable {
  /// One or more dispatches (several for JSON Lines and feeds).
  case dispatches([Dispatch])
  /// The file was left out; `reason` is short and lower-case ("binary file", "empty file").
  case skipped(reason: String)
}

/// A read's result with what the reader noticed and repaired on the way (lines left out, ids
/// given twice, invalid UTF-8 replaced): each warning a short lower-case sentence.
public struct ReadReport: Equatable, Sendable {
  /// The dispatches, or why the file was left out.
  public var result: ReadResult
  /// What the user should know about the file although it was read.
  public var warnings: [String] = []
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

  /// What reading a file from disk gave: its bytes, why it is left out, or why it could not
  /// be read (a permission or I/O failure, which may pass: what the index holds is kept).
  enum Loaded {
    case bytes([UInt8])
    case skipped(reason: String)
    case unreadable(reason: String)
  }

  /// Reads the file at `absolutePath`; `displayPath` becomes each dispatch's `path`.
  public func read(absolutePath: String, displayPath: String) -> ReadResult {
    switch load(absolutePath: absolutePath) {
    case .bytes(let bytes):
      return parse(bytes: bytes, absolutePath: absolutePath, displayPath: displayPath).result
    case .skipped(let reason), .unreadable(let reason):
      return .skipped(reason: reason)
    }
  }

  /// The bytes of a file this reader would parse, read once (`FileBytes`: the size is checked
  /// before reading, pipes and devices are refused without blocking), or why it is skipped.
  /// `pathBytes` opens a file whose name is not UTF-8 (`absolutePath` is then its escaped form).
  /// The indexer hashes these bytes and then hands them to `parse`.
  func load(absolutePath: String, pathBytes: [UInt8]? = nil) -> Loaded {
    if let reason = unsupportedReason(absolutePath) { return .skipped(reason: reason) }
    switch FileBytes.read(pathBytes: pathBytes ?? Array(absolutePath.utf8), limit: maxFileSize) {
    case .bytes(let bytes):
      return .bytes(bytes)
    case .tooLarge(let size):
      return .skipped(reason: sizeReason(size))
    case .failed(let reason):
      return .unreadable(reason: "unreadable: " + reason)
    }
  }

  /// Reads a file's bytes from memory (tests, fuzzing); the format comes from the extension of
  /// `absolutePath`.
  public func read(bytes: [UInt8], absolutePath: String, displayPath: String) -> ReadResult {
    report(bytes: bytes, absolutePath: absolutePath, displayPath: displayPath).result
  }

  /// Like `read(bytes:absolutePath:displayPath:)`, with the warnings of the read.
  public func report(bytes: [UInt8], absolutePath: String, displayPath: String) -> ReadReport {
    if let reason = unsupportedReason(absolutePath) { return ReadReport(result: .skipped(reason: reason)) }
    if bytes.count > maxFileSize { return ReadReport(result: .skipped(reason: sizeReason(bytes.count))) }
    return parse(bytes: bytes, absolutePath: absolutePath, displayPath: displayPath)
  }

  /// Decodes and parses bytes that `load` (or `read(bytes:)`) accepted.
  func parse(bytes: [UInt8], absolutePath: String, displayPath: String) -> ReadReport {
    let format = DocumentReader.fileExtension(absolutePath)
    let isMarkup = ["html", "htm", "xml", "rss", "atom"].contains(format)
    let charset = isMarkup ? TextDecoding.sniffCharset(bytes) : nil
    var warnings: [String] = []
    switch TextDecoding.decode(bytes, declaredCharset: charset, warnings: &warnings) {
    case .skipped(let reason):
      return ReadReport(result: .skipped(reason: reason), warnings: warnings)
    case .text(let text):
      var report = read(text: text, format: format, absolutePath: absolutePath, displayPath: displayPath)
      report.warnings = warnings + report.warnings
      return report
    }
  }

  private func read(text: String, format: String, absolutePath: String, displayPath: String) -> ReadReport {
    let drafts: [DispatchDraft]
    var warnings: [String] = []
    var emptyReason = "no text"
    var unit = "item"
    var lastWins = false
    switch format {
    case "txt": drafts = [PlainTextReader.read(text)]
    case "md", "markdown": drafts = [MarkdownReader.read(text)]
    case "html", "htm": drafts = [HTMLReader.read(text)]
    case "jsonl":
      let (good, bad) = JSONLinesReader.read(text)
      drafts = good
      (unit, lastWins) = ("line", true)
      emptyReason = "no valid JSON line (\(bad.count) bad)"
      if !bad.isEmpty, !good.isEmpty {
        warnings.append("\(ItemList.count(bad.count, "line")) left out (not a JSON object with a title or text): \(ItemList.numbers(bad))")
      }
    default:
      guard case .drafts(let items) = FeedReader.read(text) else {
        return ReadReport(result: .skipped(reason: "unsupported XML (not RSS or Atom)"))
      }
      drafts = items
      emptyReason = "feed without items"
    }
    if Cancellation.isRequested { return ReadReport(result: .skipped(reason: Cancellation.reason)) }
    var list = ItemList(unit: unit, lastWins: lastWins)
    for draft in drafts {
      if let dispatch = draft.finish(absolutePath: absolutePath, displayPath: displayPath) {
        list.add(dispatch, number: draft.number)
      } else if format != "jsonl" && drafts.count > 1 {
        list.empty.append(draft.number ?? 0)
      }
      if Cancellation.isRequested { return ReadReport(result: .skipped(reason: Cancellation.reason)) }
    }
    warnings += list.warnings
    let dispatches = list.dispatches
    return ReadReport(result: dispatches.isEmpty ? .skipped(reason: emptyReason) : .dispatches(dispatches), warnings: warnings)
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

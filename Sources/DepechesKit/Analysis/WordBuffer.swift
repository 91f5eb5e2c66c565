/// The word being scanned, built in two forms at once: the folded `term` and the
/// lower-case accented `stemBase`. Fixed-size buffers: a word longer than
/// `maxTokenBytes` is marked `overflowed` and later skipped, never stored.
struct WordBuffer {
  /// Words longer than this (UTF-8 bytes, in either form) are not tokens.
  static let maxTokenBytes = 64
  /// Room for the longest token plus the widest single append (a folded ligature).
  static let capacity = maxTokenBytes + 16

  private let table: ScalarTable
  let term: UnsafeMutablePointer<UInt8>
  let stem: UnsafeMutablePointer<UInt8>
  private(set) var termCount = 0
  private(set) var stemCount = 0
  /// Letters and digits appended (not marks or separators).
  private(set) var wordScalars = 0
  /// True once a letter has been appended.
  private(set) var hasLetter = false
  /// True while the word is digits only (no letter, comma or dot yet).
  private(set) var isNumber = true
  /// True when `stem` may differ from `term` (something non-ASCII was appended).
  private(set) var differs = false
  private(set) var overflowed = false
  /// The last scalar of `stem` and its UTF-8 length, to compose an NFD accent with it.
  private var lastStemScalar: UInt32 = 0
  private var lastStemBytes = 0

  /// Allocates the buffers; call `deallocate()` when done.
  init(table: ScalarTable) {
    self.table = table
    term = .allocate(capacity: WordBuffer.capacity)
    stem = .allocate(capacity: WordBuffer.capacity)
  }

  /// Frees the buffers.
  func deallocate() {
    term.deallocate()
    stem.deallocate()
  }

  /// Empties the word.
  @inline(__always)
  mutating func reset() {
    termCount = 0
    stemCount = 0
    wordScalars = 0
    hasLetter = false
    isNumber = true
    differs = false
    overflowed = false
    lastStemBytes = 0
  }

  /// Appends a letter or digit.
  @inline(__always)
  mutating func appendWordScalar(_ value: UInt32, kind: ScalarKind) {
    wordScalars += 1
    if kind == .letter {
      hasLetter = true
      isNumber = false
    }
    if value < 0x80 {
      let byte = UInt8(truncatingIfNeeded: value)
      appendASCII(byte &- 0x41 < 26 ? byte | 0x20 : byte)
    } else {
      appendNonASCII(value)
    }
  }

  /// Appends an ASCII byte, already lower-case, to both forms.
  @inline(__always)
  mutating func appendASCII(_ byte: UInt8) {
    guard termCount < WordBuffer.maxTokenBytes, stemCount < WordBuffer.maxTokenBytes else {
      overflowed = true
      return
    }
    term[termCount] = byte
    stem[stemCount] = byte
    termCount += 1
    stemCount += 1
    lastStemScalar = UInt32(byte)
    lastStemBytes = 1
  }

  /// Appends a separator kept inside the word (decimal comma or dot).
  mutating func appendSeparator(_ byte: UInt8) {
    isNumber = false
    appendASCII(byte)
  }

  /// Appends a combining mark: dropped from the term, composed into the stem base.
  mutating func appendMark(_ value: UInt32) {
    differs = true
    if lastStemBytes > 0, let composed = table.compose(lastStemScalar, value) {
      stemCount -= lastStemBytes
      appendStemScalar(composed)
      return
    }
    if !isCombiningDiacritic(value) { appendTerm(value) }
    appendStemScalar(value)
  }

  private mutating func appendNonASCII(_ value: UInt32) {
    differs = true
    appendTerm(value)
    guard value < ScalarTable.limit else {
      for scalar in Folding.lower(value).unicodeScalars { appendStemScalar(scalar.value) }
      return
    }
    let span = table.lowerSpans[Int(value)]
    let length = Int(span & 0xFF)
    if length > 0 { appendStemBytes(table.bytes + Int(span >> 8), length) }
  }

  private mutating func appendTerm(_ value: UInt32) {
    table.withFoldedBytes(value) { appendTermBytes($0) }
  }

  private mutating func appendTermBytes(_ source: UnsafeBufferPointer<UInt8>) {
    let length = source.count
    guard length > 0, let start = source.baseAddress else { return }
    guard termCount + length <= WordBuffer.maxTokenBytes else {
      overflowed = true
      return
    }
    (term + termCount).update(from: start, count: length)
    termCount += length
  }

  private mutating func appendStemBytes(_ source: UnsafePointer<UInt8>, _ length: Int) {
    guard stemCount + length <= WordBuffer.maxTokenBytes else {
      overflowed = true
      return
    }
    (stem + stemCount).update(from: source, count: length)
    stemCount += length
    let start = UTF8Text.offset(UnsafeBufferPointer(start: source, count: length), before: length)
    lastStemBytes = length - start
    lastStemScalar = UTF8Text.value(at: source + start)
  }

  private mutating func appendStemScalar(_ value: UInt32) {
    guard let scalar = Unicode.Scalar(value) else { return }
    var utf8: [UInt8] = []
    UTF8.encode(scalar) { utf8.append($0) }
    utf8.withUnsafeBufferPointer { appendStemBytes($0.baseAddress!, $0.count) }
  }

  /// The two forms as Strings (the stem base shares the term's storage when equal).
  func strings() -> (term: String, stemBase: String) {
    let termString = String(decoding: UnsafeBufferPointer(start: term, count: termCount), as: UTF8.self)
    guard differs else { return (termString, termString) }
    let stemString = String(decoding: UnsafeBufferPointer(start: stem, count: stemCount), as: UTF8.self)
    return (termString, stemString)
  }
}

/// Little-endian packing of the buffers described in CXapian.h.
struct Packer {
  private(set) var bytes: [UInt8] = []

  init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  mutating func u32(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func u32(_ value: Int) { u32(UInt32(truncatingIfNeeded: value)) }

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      u32(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func raw(_ value: [UInt8]) {
    u32(value.count)
    bytes.append(contentsOf: value)
  }
}

/// Reads little-endian packed buffers; every read is bounds-checked and returns nil past the end.
struct Unpacker {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { offset >= bytes.count }

  /// Bytes left to read.
  var remaining: Int { bytes.count - offset }

  mutating func u32() -> UInt32? {
    guard bytes.count - offset >= 4 else { return nil }
    var value: UInt32 = 0
    for i in 0..<4 { value |= UInt32(bytes[offset + i]) << (8 * UInt32(i)) }
    offset += 4
    return value
  }

  mutating func string() -> String? {
    stringRange().map { string(in: $0) }
  }

  /// Skips a string, returning where its bytes lie (for `string(in:)` later).
  mutating func stringRange() -> Range<Int>? {
    guard let count = u32().map(Int.init), bytes.count - offset >= count else { return nil }
    defer { offset += count }
    return offset..<offset + count
  }

  /// The string whose bytes lie at `range` (from `stringRange()`).
  func string(in range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// The raw bytes at `range` (from `stringRange()`, for a length-prefixed byte run).
  func bytes(in range: Range<Int>) -> [UInt8] { Array(bytes[range]) }
}

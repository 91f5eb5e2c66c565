/// Steps and decoding in valid UTF-8 (a String's bytes, the scalar table's forms): offsets are
/// those of a scalar's first byte. The one UTF-8 decoder of the engine, for code that walks
/// bytes rather than a String's views (passage cutting, the tokenizer's word buffer).
enum UTF8Text {
  /// The number of bytes of the scalar whose first byte is `lead`.
  @inline(__always)
  static func length(ofScalarLeadBy lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// The value of the scalar whose bytes start at `bytes`.
  @inline(__always)
  static func value(at bytes: UnsafePointer<UInt8>) -> UInt32 {
    let lead = bytes[0]
    guard lead >= 0x80 else { return UInt32(lead) }
    let count = length(ofScalarLeadBy: lead)
    var value = UInt32(lead) & (0xFF >> UInt32(count + 1))
    for j in 1..<count { value = value << 6 | UInt32(bytes[j] & 0x3F) }
    return value
  }

  /// The scalar starting at byte `i`.
  static func scalar(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar {
    Unicode.Scalar(value(at: text.baseAddress! + i)) ?? "\u{FFFD}"
  }

  /// The offset of the next scalar (the end offset after the last).
  static func offset(_ text: UnsafeBufferPointer<UInt8>, after i: Int) -> Int {
    i + length(ofScalarLeadBy: text[i])
  }

  /// The offset of the previous scalar: `i > 0`.
  static func offset(_ text: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
    var j = i - 1
    while text[j] & 0xC0 == 0x80 { j -= 1 }
    return j
  }

  /// The offset of the scalar `n` scalars after the one at `i`, or nil past the end.
  static func offset(_ text: UnsafeBufferPointer<UInt8>, from i: Int, advancedBy n: Int) -> Int? {
    guard text.count - i > n else { return nil }  // Fewer bytes than scalars asked for.
    var j = i
    for _ in 0..<n where j < text.count { j = offset(text, after: j) }
    return j < text.count ? j : nil
  }
}

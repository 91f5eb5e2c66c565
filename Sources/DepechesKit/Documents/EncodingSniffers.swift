/// The one walk over bytes that should be UTF-8 and may not be: each valid scalar with its
/// length, each invalid sequence with its offset and length (Unicode's maximal subparts, as
/// decoding with replacement counts them). The census below and a path's shown form use it.
enum UTF8Walk {
  /// What the walk finds next.
  enum Piece {
    case scalar(Unicode.Scalar, length: Int)
    case invalid(offset: Int, length: Int)
  }

  /// Calls `body` with each piece of `bytes` in order (offsets from the first byte).
  static func forEach<Bytes: Sequence>(in bytes: Bytes, _ body: (Piece) -> Void) where Bytes.Element == UInt8 {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        body(.scalar(Unicode.UTF8.decode(encoded), length: encoded.count))
        offset += encoded.count
      case .error(let length):
        body(.invalid(offset: offset, length: length))
        offset += length
      case .emptyInput:
        return
      }
    }
  }
}

/// How much of a byte string that is not valid UTF-8 is: valid multi-byte sequences against
/// invalid ones, in one pass.
///
/// French text in UTF-8 has a multi-byte sequence at every accented letter; Windows-1252 French
/// has an invalid one there instead and almost never a valid one (it would take an accented
/// capital followed by a symbol such as « or €). So a file with many more valid sequences than
/// invalid ones is UTF-8 with a few damaged bytes (a truncated copy, one pasted character).
struct UTF8Census {
  /// Valid sequences of two bytes or more.
  private(set) var multibyte = 0
  /// Invalid sequences (each replaced by one U+FFFD when decoded).
  private(set) var invalid = 0
  /// Byte offset of the first invalid sequence.
  private(set) var firstInvalid = 0

  /// Valid multi-byte sequences per invalid one from which the bytes are taken for damaged
  /// UTF-8 rather than another encoding: far above what Windows-1252 text ever reaches.
  static let validPerInvalid = 8

  init(_ bytes: ArraySlice<UInt8>) {
    var multibyte = 0, invalid = 0, firstInvalid = 0
    UTF8Walk.forEach(in: bytes) { piece in
      switch piece {
      case .scalar(_, let length):
        if length > 1 { multibyte += 1 }
      case .invalid(let offset, _):
        if invalid == 0 { firstInvalid = offset }
        invalid += 1
      }
    }
    (self.multibyte, self.invalid, self.firstInvalid) = (multibyte, invalid, firstInvalid)
  }

  /// True when the bytes are UTF-8 but for a few invalid sequences.
  var isMostlyUTF8: Bool { invalid > 0 && multibyte >= invalid * UTF8Census.validPerInvalid }

  /// What decoding with replacement did, for a warning.
  var warning: String {
    let what = invalid == 1 ? "1 invalid UTF-8 sequence" : "\(invalid) invalid UTF-8 sequences"
    return "\(what) replaced by U+FFFD (the first at byte \(firstInvalid)); the rest is valid UTF-8"
  }
}

/// UTF-16 without a byte order mark: text in the Latin scripts has a NUL as the high byte of
/// nearly every unit and almost never as the low one, a pattern no other text has (and binary
/// data has NULs everywhere or nowhere in particular).
enum UTF16Sniffer {
  /// Bytes at the top of the file looked at.
  static let sampleLength = 4096
  /// Share of units whose high byte is NUL, at least (French accents are below U+0100 too;
  /// ’ « » and other punctuation are not).
  static let minHighZeroShare = 0.6
  /// Share of units whose low byte is NUL, at most (U+0100, U+0200… are rare).
  static let maxLowZeroShare = 0.02
  /// Units needed to tell: a few bytes with a NUL are binary, not a word of UTF-16.
  static let minUnits = 8

  /// True for little-endian, false for big-endian, nil when the bytes do not look like UTF-16.
  static func byteOrder(_ bytes: [UInt8]) -> Bool? {
    let units = min(bytes.count, sampleLength) / 2
    guard units >= minUnits else { return nil }
    var zeroEven = 0
    var zeroOdd = 0
    for i in 0..<units {
      if bytes[2 * i] == 0 { zeroEven += 1 }
      if bytes[2 * i + 1] == 0 { zeroOdd += 1 }
    }
    let (even, odd) = (Double(zeroEven) / Double(units), Double(zeroOdd) / Double(units))
    if odd >= minHighZeroShare && even <= maxLowZeroShare { return true }
    if even >= minHighZeroShare && odd <= maxLowZeroShare { return false }
    return nil
  }

  /// The units of `bytes` in that order, a trailing odd byte dropped, unpaired surrogates
  /// replaced by U+FFFD.
  static func decode(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
    var units = [UInt16]()
    units.reserveCapacity(bytes.count / 2)
    var i = bytes.startIndex
    while i + 1 < bytes.endIndex {
      let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
      units.append(littleEndian ? a | b << 8 : a << 8 | b)
      i += 2
    }
    return String(decoding: units, as: UTF16.self)
  }
}

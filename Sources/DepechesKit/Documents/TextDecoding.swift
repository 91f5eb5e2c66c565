import Foundation

/// Turns a file's bytes into NFC text with LF line ends, or says why it is not text.
///
/// Order: UTF-16 with a BOM, or without one when the NUL bytes fall in every other place as in
/// ASCII-heavy UTF-16 (`UTF16Sniffer`); valid UTF-8 (BOM stripped); UTF-8 with a few invalid
/// sequences replaced by U+FFFD when nearly all of it is valid (`UTF8Census`); else line by
/// line, UTF-8 lines kept and the others a declared ISO-8859-15, else Windows-1252 (a declared
/// charset outside the Latin family is refused). NUL bytes or too many control characters mean
/// a binary file.
///
/// Linear in the bytes: every step is one pass, and NFC goes through `nfc(_:)`, which first
/// breaks runs of combining marks longer than Unicode's stream-safe bound (canonical
/// reordering of one unbroken run is quadratic in its length).
enum TextDecoding {
  /// The decoded text, or the reason it could not be decoded.
  enum Outcome: Equatable {
    case text(String)
    case skipped(String)
  }

  /// Share of control characters above which a file is taken for binary.
  static let maxControlShare = 0.05
  /// How many bytes at the top of a file are searched for a declared charset.
  static let charsetSniffLength = 2048

  /// Decodes `bytes`; `declaredCharset` (lower-case, from `<meta charset>` or the XML prolog)
  /// is honoured for the Latin family.
  static func decode(_ bytes: [UInt8], declaredCharset: String? = nil) -> Outcome {
    var warnings: [String] = []
    return decode(bytes, declaredCharset: declaredCharset, warnings: &warnings)
  }

  /// Decodes `bytes`, adding to `warnings` what was repaired or guessed: invalid UTF-8
  /// replaced in a file that is UTF-8 all but a few bytes, lines of another encoding, UTF-16
  /// found without a BOM.
  static func decode(_ bytes: [UInt8], declaredCharset: String?, warnings: inout [String]) -> Outcome {
    if bytes.isEmpty { return .skipped("empty file") }
    if let text = decodeUTF16(bytes) { return finish(text) }
    if let littleEndian = UTF16Sniffer.byteOrder(bytes) {
      warnings.append("read as UTF-16 \(littleEndian ? "LE" : "BE") without a byte order mark")
      return finish(UTF16Sniffer.decode(bytes[...], littleEndian: littleEndian))
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if body.contains(0) { return .skipped("binary file") }
    // Valid UTF-8 wins over a declaration: Latin-1 text is almost never valid UTF-8.
    if let text = String(validating: body, as: UTF8.self) { return finish(text) }
    let census = UTF8Census(body)
    if census.isMostlyUTF8 {
      warnings.append(census.warning)
      return finish(String(decoding: body, as: UTF8.self))
    }
    let charset = declaredCharset.map(canonicalCharset)
    if charset == .unknown { return .skipped("invalid UTF-8 / unknown encoding") }
    return finish(decodeByLine(body, latin9: charset == .latin9, warnings: &warnings))
  }

  /// A file that is not UTF-8 as a whole, line by line: a line that is valid UTF-8 stays so
  /// (a file made of two exports keeps both readable), any other is Windows-1252 (or
  /// ISO-8859-15). A Windows-1252 line with an accent is never valid UTF-8 in practice, so a
  /// file that is really Windows-1252 is read as before.
  private static func decodeByLine(_ body: ArraySlice<UInt8>, latin9: Bool, warnings: inout [String]) -> String {
    var out = ""
    out.reserveCapacity(body.count)
    var utf8Lines = 0
    var singleByteLines = 0
    var start = body.startIndex
    while start < body.endIndex {
      let end = body[start...].firstIndex(of: 10).map { $0 + 1 } ?? body.endIndex
      let line = body[start..<end]
      if let text = String(validating: line, as: UTF8.self) {
        out += text
        if line.contains(where: { $0 >= 0x80 }) { utf8Lines += 1 }
      } else {
        out += decodeSingleByte(line, latin9: latin9)
        singleByteLines += 1
      }
      start = end
    }
    if utf8Lines > 0 {
      let name = latin9 ? "ISO-8859-15" : "Windows-1252"
      warnings.append("mixed encodings: \(singleByteLines) line\(singleByteLines == 1 ? "" : "s") read as \(name), \(utf8Lines) as UTF-8")
    }
    return out
  }

  /// Finds `charset=…` (HTML meta) or `encoding="…"` (XML prolog) near the top of the bytes.
  static func sniffCharset(_ bytes: [UInt8]) -> String? {
    let head = String(decoding: bytes.prefix(charsetSniffLength), as: UTF8.self).lowercased()
    for key in ["charset", "encoding"] {
      guard let keyRange = head.range(of: key) else { continue }
      var rest = head[keyRange.upperBound...].drop { $0 == " " }
      guard rest.first == "=" else { continue }
      rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
      let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
      if !name.isEmpty { return String(name) }
    }
    return nil
  }

  /// Line ends to LF, NFC, then the binary and empty checks.
  private static func finish(_ raw: String) -> Outcome {
    if looksBinary(raw) { return .skipped("binary file") }
    let lineEnds = normalizeLineEnds(raw)
    let text = nfc(lineEnds)
    if text.allSatisfy({ $0.isWhitespace }) { return .skipped("empty file") }
    return .text(text)
  }

  /// Combining marks in a row kept as they are, at most: Unicode's stream-safe format
  /// (UAX #15, section 13) puts a combining grapheme joiner after 30, which no real text has.
  static let maxCombiningRun = 30
  /// What the stream-safe format inserts into longer runs: it blocks reordering across it.
  static let combiningGraphemeJoiner: Unicode.Scalar = "\u{034F}"

  /// `text` in NFC, in time linear in its length: text that NFC cannot change is returned
  /// as it is; runs of more than `maxCombiningRun` combining marks are first cut by a
  /// combining grapheme joiner, as the stream-safe format does.
  static func nfc(_ text: String) -> String {
    // A run that is stopping throws the text away: no need to normalise it.
    if isCertainlyNFC(text) || Cancellation.isRequested { return text }
    return streamSafe(text).precomposedStringWithCanonicalMapping
  }

  /// `text` with a combining grapheme joiner after every `maxCombiningRun` combining marks
  /// in a row (the same text when no run is that long).
  static func streamSafe(_ text: String) -> String {
    func isCombining(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value >= 0x300 && scalar.properties.canonicalCombiningClass != .notReordered
    }
    var run = 0
    let needsJoiner = text.unicodeScalars.contains { scalar in
      run = isCombining(scalar) ? run + 1 : 0
      return run > maxCombiningRun
    }
    guard needsJoiner else { return text }
    var out = String.UnicodeScalarView()
    run = 0
    for scalar in text.unicodeScalars {
      if isCombining(scalar) {
        if run == maxCombiningRun {
          out.append(combiningGraphemeJoiner)
          run = 0
        }
        run += 1
      } else {
        run = 0
      }
      out.append(scalar)
    }
    return String(out)
  }

  /// True when NFC normalisation cannot change the text, checked cheaply: every scalar is
  /// below U+0300 (no character there decomposes or combines), or is in the punctuation and
  /// currency blocks French typography uses (U+2010–U+205F, U+20A0–U+20CF: ’ « » – … €, the
  /// narrow no-break space), none of which has a canonical decomposition. Anything else (an
  /// accent typed as a combining mark, other scripts) goes through Foundation's normalisation.
  static func isCertainlyNFC(_ text: String) -> Bool {
    var count = 0
    return text.unicodeScalars.allSatisfy { scalar in
      count += 1
      // Stopping: "no" ends the scan, and `nfc` then returns the text as it is.
      if Cancellation.isRequested(after: count) { return false }
      let v = scalar.value
      return v < 0x0300 || (0x2010...0x205F).contains(v) || (0x20A0...0x20CF).contains(v)
    }
  }

  /// CRLF and lone CR become LF.
  static func normalizeLineEnds(_ text: String) -> String {
    guard text.utf8.contains(13) else { return text }
    var out = [UInt8]()
    out.reserveCapacity(text.utf8.count)
    var previousCR = false
    for byte in text.utf8 {
      if byte == 10 && previousCR {
        previousCR = false
        continue
      }
      previousCR = byte == 13
      out.append(byte == 13 ? 10 : byte)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// True when the text holds NUL or more than `maxControlShare` control characters (false
  /// when the run stops part way: the text is thrown away).
  private static func looksBinary(_ text: String) -> Bool {
    var controls = 0
    var total = 0
    for scalar in text.unicodeScalars {
      total += 1
      if Cancellation.isRequested(after: total) { return false }
      let v = scalar.value
      if v == 0 { return true }
      let isC0 = v < 0x20 && v != 9 && v != 10 && v != 12 && v != 13
      if isC0 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFFFD { controls += 1 }
    }
    return total > 0 && Double(controls) / Double(total) > maxControlShare
  }

  /// UTF-16 LE or BE when the bytes start with a BOM; nil otherwise.
  private static func decodeUTF16(_ bytes: [UInt8]) -> String? {
    guard bytes.count >= 2 else { return nil }
    switch (bytes[0], bytes[1]) {
    case (0xFF, 0xFE): return UTF16Sniffer.decode(bytes.dropFirst(2), littleEndian: true)
    case (0xFE, 0xFF): return UTF16Sniffer.decode(bytes.dropFirst(2), littleEndian: false)
    default: return nil
    }
  }

  private enum Charset { case utf8, cp1252, latin9, unknown }

  private static func canonicalCharset(_ name: String) -> Charset {
    switch name {
    case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf-16le", "utf-16be": return .utf8
    case "windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1", "iso8859-1", "l1":
      return .cp1252
    case "iso-8859-15", "latin-9", "latin9", "iso8859-15": return .latin9
    default: return .unknown
    }
  }

  /// Windows-1252 (or ISO-8859-15 when `latin9`) to String.
  private static func decodeSingleByte(_ bytes: ArraySlice<UInt8>, latin9: Bool) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      let value: UInt32
      if byte >= 0x80 && byte <= 0x9F && !latin9 {
        value = UInt32(cp1252High[Int(byte) - 0x80])
      } else if latin9, let mapped = latin9Differences[byte] {
        value = mapped
      } else {
        value = UInt32(byte)
      }
      scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return String(scalars)
  }

  /// Windows-1252 0x80–0x9F; undefined bytes keep their C1 value (counted as control).
  private static let cp1252High: [UInt16] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// Where ISO-8859-15 differs from ISO-8859-1.
  private static let latin9Differences: [UInt8: UInt32] = [
    0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D,
    0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
  ]
}

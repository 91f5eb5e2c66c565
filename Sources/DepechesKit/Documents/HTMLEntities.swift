/// Decodes HTML and XML character references: named (the common ones in French text) and
/// numeric (`&#233;`, `&#xE9;`). Unknown or malformed references stay as written.
///
/// Linear in the text: one pass, and a reference is looked for at most `maxNameLength`
/// bytes after its `&`.
enum HTMLEntities {
  /// The longest entity name looked up.
  static let maxNameLength = 10

  /// `text` with its references decoded.
  static func decode(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    let bytes = Array(text.utf8)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "&"), let (scalar, length) = reference(bytes, at: i) {
        UTF8.encode(scalar) { out.append($0) }
        i += length
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The reference at `i` (which holds `&`): its scalar and its length including `;`.
  private static func reference(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
    var j = i + 1
    while j < bytes.count, j - i <= maxNameLength + 1, isNameByte(bytes[j]) { j += 1 }
    guard j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
    let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
    let length = j - i + 1
    if name.hasPrefix("#") { return numeric(name.dropFirst()).map { ($0, length) } }
    return named[name].map { ($0, length) }
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 35
  }

  private static func numeric(_ digits: Substring) -> Unicode.Scalar? {
    let value: UInt32?
    if digits.first == "x" || digits.first == "X" {
      value = UInt32(digits.dropFirst(), radix: 16)
    } else {
      value = UInt32(digits, radix: 10)
    }
    guard let value, value != 0 else { return nil }
    // Pages written in Windows-1252 put its 0x80–0x9F code points in numeric references.
    if (0x80...0x9F).contains(value), let mapped = cp1252Scalar(UInt8(value)) { return mapped }
    return Unicode.Scalar(value)
  }

  private static func cp1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
    guard case .text(let text) = TextDecoding.decode([0x41, byte]) else { return nil }
    return text.unicodeScalars.dropFirst().first
  }

  private static let named: [String: Unicode.Scalar] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "Eacute": "É", "Egrave": "È",
    "Ecirc": "Ê", "agrave": "à", "acirc": "â", "auml": "ä", "Agrave": "À", "Acirc": "Â",
    "ccedil": "ç", "Ccedil": "Ç", "icirc": "î", "iuml": "ï", "Icirc": "Î", "ocirc": "ô",
    "ouml": "ö", "Ocirc": "Ô", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "Ugrave": "Ù",
    "Ucirc": "Û", "yuml": "ÿ", "oelig": "œ", "OElig": "Œ", "aelig": "æ", "AElig": "Æ",
    "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    "sbquo": "‚", "bdquo": "„", "hellip": "…", "mdash": "—", "ndash": "–", "euro": "€",
    "copy": "©", "reg": "®", "trade": "™", "deg": "°", "middot": "·", "bull": "•",
    "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "shy": "\u{AD}",
    "times": "×", "divide": "÷", "sect": "§", "para": "¶", "ordf": "ª", "ordm": "º",
    "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "iexcl": "¡",
    "iquest": "¿", "ntilde": "ñ", "aacute": "á", "iacute": "í", "oacute": "ó", "uacute": "ú",
    "szlig": "ß", "pound": "£", "yen": "¥", "cent": "¢", "dagger": "†", "prime": "′",
  ]
}

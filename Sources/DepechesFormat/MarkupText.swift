/// The one escape of text put into markup: the Atom feed's XML and the web page's HTML.
public enum MarkupText {
  /// Text for XML or HTML content and attribute values: markup characters as entities; tab, carriage
  /// return, DEL and the C1 controls as character references (the same text, and none of them
  /// raw on a terminal); the characters XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF)
  /// replaced by U+FFFD, so that the document stays well-formed whatever a dispatch holds.
  public static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "\n"
      case "\t", "\r", "\u{7F}"..."\u{9F}": out += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

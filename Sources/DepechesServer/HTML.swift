import DepechesFormat

/// A piece of HTML that is safe to send: its literal parts were written here, and everything
/// interpolated into it as a `String` is escaped (`&`, `<`, `>`, `"`, `'`). Every attribute
/// in the templates is double-quoted, so the same escaping serves text and attribute values;
/// URLs are built by `URLQuery`, which percent-encodes each value, then escaped as text.
/// Text from a dispatch or a query can therefore not open a tag, close an attribute or start
/// a `javascript:` URL.
struct HTML: ExpressibleByStringInterpolation, Sendable {
  /// The markup.
  private(set) var markup: String

  init(stringLiteral value: String) { markup = value }
  init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }
  private init(markup: String) { self.markup = markup }

  /// Nothing.
  static let empty = HTML(markup: "")

  /// Markup built by templates.
  struct Interpolation: StringInterpolationProtocol {
    var markup = ""
    init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }
    mutating func appendLiteral(_ literal: String) { markup += literal }
    /// Text, escaped.
    mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
    /// A number.
    mutating func appendInterpolation(_ number: Int) { markup += String(number) }
    /// Markup made by another template, as it is.
    mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
    /// Several pieces of markup, one after the other.
    mutating func appendInterpolation(_ pieces: [HTML]) { for piece in pieces { markup += piece.markup } }
  }

  /// `text` with the characters that mean something in HTML written as references, and the
  /// controls no page should show made harmless (`MarkupText.escaped`, the feed's escape too).
  static func escape(_ text: String) -> String { MarkupText.escaped(text) }

  /// `text` escaped, with each of `highlights` (half-open Unicode scalar ranges, in order, not
  /// overlapping, as the engine gives them) inside `<mark>`.
  static func marked(_ text: String, _ highlights: [Range<Int>]) -> HTML {
    let scalars = Array(text.unicodeScalars)
    let piece = { (range: Range<Int>) in
      escape(String(String.UnicodeScalarView(scalars[range.clamped(to: 0..<scalars.count)])))
    }
    var out = ""
    var cursor = 0
    for range in highlights where range.lowerBound >= cursor && range.upperBound <= scalars.count {
      out += piece(cursor..<range.lowerBound) + "<mark>" + piece(range) + "</mark>"
      cursor = range.upperBound
    }
    out += piece(cursor..<scalars.count)
    return HTML(markup: out)
  }

  /// The pieces with `separator` between them.
  static func joined(_ pieces: [HTML], separator: HTML) -> HTML {
    var out = ""
    for (index, piece) in pieces.enumerated() {
      if index > 0 { out += separator.markup }
      out += piece.markup
    }
    return HTML(markup: out)
  }
}

/// A link to one of the server's own pages: a path and query parameters, each percent-encoded
/// (everything but unreserved ASCII), so no value can end the URL or change its scheme.
struct URLQuery: Equatable, Sendable {
  /// The path, written by the server (never taken from a request).
  var path: String
  /// Parameters in order; empty values are left out.
  var items: [(String, String)]

  static func == (a: URLQuery, b: URLQuery) -> Bool {
    a.path == b.path && a.items.map(\.0) == b.items.map(\.0) && a.items.map(\.1) == b.items.map(\.1)
  }

  /// The URL, as text (escape it as usual when it goes into HTML).
  var string: String {
    let query = items.filter { !$0.1.isEmpty }.map { "\(URLQuery.encode($0.0))=\(URLQuery.encode($0.1))" }
    return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
  }

  /// Percent-encodes every byte but A–Z a–z 0–9 - . _ ~.
  static func encode(_ value: String) -> String {
    var out = ""
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}

extension HTML.Interpolation {
  /// A URL of the server's own, percent-encoded then escaped.
  mutating func appendInterpolation(_ url: URLQuery) { appendInterpolation(url.string) }
}

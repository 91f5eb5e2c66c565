import DepechesKit

/// A parameter the client got wrong: a 400, with the message in English for the API (like the
/// CLI's) and in French for the page.
struct ParameterError: Error, Equatable {
  /// For `{"error": "…"}`.
  var message: String
  /// For the page's notice.
  var french: String
}

/// The parameters of a URL's query string (`application/x-www-form-urlencoded`, as a GET form
/// sends them): `+` is a space, `%XX` a byte; the first value of a key wins.
struct FormQuery: Equatable {
  private(set) var values: [String: String] = [:]

  /// Reads `raw` (the part after "?"); throws when it is not valid percent-encoded UTF-8.
  init(_ raw: String?) throws {
    for pair in (raw ?? "").split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let key = FormQuery.decode(parts[0]), let value = FormQuery.decode(parts.count > 1 ? parts[1] : "") else {
        throw ParameterError(
          message: "the query string is not valid percent-encoded UTF-8",
          french: "l’adresse contient des caractères mal encodés")
      }
      if values[key] == nil { values[key] = value }
    }
  }

  /// The value of `key`, nil when absent.
  subscript(key: String) -> String? { values[key] }

  /// `+` as space, `%XX` as bytes, then UTF-8; nil for a bad escape or invalid UTF-8.
  static func decode(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      switch byte {
      case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
      case UInt8(ascii: "%"):
        guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
        bytes.append(high << 4 | low)
      default: bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

/// A search as asked by `/api/search` or the page: `q`, `limit`, `offset`, `since`, `until`,
/// `sort`, checked and bounded.
struct SearchParameters: Equatable {
  /// The query as typed (not trimmed: the API's `query` key is the CLI's, word for word); blank
  /// on the page's first visit.
  var query: String
  var limit: Int
  var offset: Int
  /// `since` and `until` as typed (YYYY-MM-DD) and parsed.
  var since: DispatchDate?
  var until: DispatchDate?
  var sort: SearchSort

  /// Longest query accepted, in Unicode scalars: far above any typed search, and it bounds
  /// the work one request can ask for.
  static let maxQueryLength = 500
  /// Largest page: one result's snippet costs a position lookup and a decompression, and a
  /// server answers many clients (the CLI's bound is the engine's, `SearchRequest.limitRange`).
  /// 0 asks for the total and the month counts only, as on the command line.
  static let maxLimit = 100
  /// Deepest result reachable: Xapian ranks `offset + limit` documents to return a page.
  static let maxOffset = 10_000

  /// Reads and checks the parameters; `requireQuery` (the API) makes a missing `q` an error.
  init(_ form: FormQuery, requireQuery: Bool) throws {
    let query = form["q"] ?? ""
    self.query = query
    if requireQuery && query.allSatisfy(\.isWhitespace) {
      throw ParameterError(message: "the query is empty: give it as q=…", french: "la recherche est vide")
    }
    guard query.unicodeScalars.count <= Self.maxQueryLength else {
      throw ParameterError(
        message: "the query is longer than \(Self.maxQueryLength) characters",
        french: "la recherche dépasse \(Self.maxQueryLength) caractères")
    }
    limit = try Self.number(form["limit"], name: "limit", default: SearchRequest.defaultLimit, range: SearchRequest.limitRange.lowerBound...Self.maxLimit)
    offset = try Self.number(form["offset"], name: "offset", default: 0, range: 0...Self.maxOffset)
    since = try Self.day(form["since"], name: "since")
    until = try Self.day(form["until"], name: "until")
    if let since, let until, since > until {
      throw ParameterError(
        message: "since \(since.iso) is after until \(until.iso)",
        french: "la date de début (\(since.iso)) est après la date de fin (\(until.iso))")
    }
    let sortText = form["sort"] ?? ""
    guard let sort = sortText.isEmpty ? .relevance : SearchSort(rawValue: sortText) else {
      throw ParameterError(
        message: "sort must be relevance or date, got \"\(sortText)\"", french: "tri inconnu : « \(sortText) »")
    }
    self.sort = sort
  }

  /// True when there is nothing to search for (the CLI refuses such a query too).
  var isBlank: Bool { query.allSatisfy(\.isWhitespace) }

  /// The engine's request.
  var request: SearchRequest {
    SearchRequest(query: query, limit: limit, offset: offset, since: since, until: until, sort: sort)
  }

  private static func number(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
    guard let text, !text.isEmpty else { return value }
    guard let number = Int(text), range.contains(number) else {
      throw ParameterError(
        message: "\(name) must be a whole number between \(range.lowerBound) and \(range.upperBound), got \"\(text)\"",
        french: "« \(name) » doit être un nombre entre \(range.lowerBound) et \(range.upperBound)")
    }
    return number
  }

  private static func day(_ text: String?, name: String) throws -> DispatchDate? {
    guard let text, !text.isEmpty else { return nil }
    guard let date = DispatchDate(iso: text) else {
      throw ParameterError(
        message: "\(name) expects a date as YYYY-MM-DD, got \"\(text)\"",
        french: "« \(name) » attend une date AAAA-MM-JJ")
    }
    return date
  }
}

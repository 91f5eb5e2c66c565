/// One dispatch, whatever file it came from: everything after `Documents/` sees only this.
public struct Dispatch: Equatable, Sendable {
  /// Stable unique id (see `Dispatch.makeID`): the same file (and item) always gets the same id.
  public var id: String
  /// The file's path as it should be shown (relative to the working directory when inside it).
  public var path: String
  /// The title (front matter / metadata, else the first non-empty line).
  public var title: String
  /// The dispatch's date (metadata, else its dateline's, else the first complete date in the text), if any.
  public var date: DispatchDate?
  /// Where it was published (agency, site), if known.
  public var source: String?
  /// Who wrote it, if known.
  public var author: String?
  /// Its address on the web, if known.
  public var url: String?
  /// Free tags from front matter.
  public var tags: [String]
  /// The body cut into passages (paragraphs; long ones cut at sentence ends), title excluded,
  /// NFC-normalised plain text without markup.
  public var passages: [String]

  /// Makes a dispatch; `passages` must not contain the title line itself.
  public init(
    id: String, path: String, title: String, date: DispatchDate? = nil, source: String? = nil,
    author: String? = nil, url: String? = nil, tags: [String] = [], passages: [String]
  ) {
    self.id = id
    self.path = path
    self.title = title
    self.date = date
    self.source = source
    self.author = author
    self.url = url
    self.tags = tags
    self.passages = passages
  }

  /// The id of the dispatch read from the file at `absolutePath` (and, for files that hold
  /// several dispatches, the item's own key such as a JSON Lines line number or feed guid):
  /// 16 hex digits of a 64-bit FNV-1a hash, stable across runs and machines.
  public static func makeID(absolutePath: String, item: String? = nil) -> String {
    let key = item.map { absolutePath + "#" + $0 } ?? absolutePath
    let hex = String(fnv1a64(key.utf8), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The number whose 16 hex digits `makeID(absolutePath:)` spells (so ids sort as these do).
  static func idNumber(absolutePath: String) -> UInt64 { fnv1a64(absolutePath.utf8) }
}

/// A calendar date (proleptic Gregorian), always valid.
public struct DispatchDate: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// Four-digit year.
  public let year: Int
  /// 1...12.
  public let month: Int
  /// 1...31, valid for the month and year.
  public let day: Int

  /// Nil for impossible dates (31/02/2021, month 13, year outside 1000...9999).
  public init?(year: Int, month: Int, day: Int) {
    guard (1000...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= DispatchDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses "YYYY-MM-DD" exactly; nil otherwise.
  public init?(iso: String) {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// "YYYY-MM-DD".
  public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
  /// "YYYY-MM", the month facet's value.
  public var monthKey: String { "\(pad(year, 4))-\(pad(month, 2))" }
  /// Same as `iso`.
  public var description: String { iso }

  /// Orders by year, then month, then day.
  public static func < (a: DispatchDate, b: DispatchDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
  }
}

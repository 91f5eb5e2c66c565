import Foundation

/// Finds dates written the French way (and the ISO 8601 / RFC 822 forms of feed metadata).
///
/// Numeric forms are day first (`16/11/2021`, `16-11-21`, `16.11.2021`) or ISO (`2021-11-16`);
/// written forms take a day (`1er` too), a month name or abbreviation with or without accents,
/// and a four-digit year. A date inside a longer number, a URL, a version or a phone number is
/// never taken.
public enum FrenchDates {
  /// The first complete date written in running text, if any.
  public static func firstDate(in text: String) -> DispatchDate? {
    DateScanner(text).firstMatch()?.date
  }

  /// A metadata value: ISO 8601 (with time and zone: the written day is kept), RFC 822
  /// (`Tue, 16 Nov 2021 20:30:00 +0000`), or any French form `firstDate` knows.
  public static func parse(_ value: String) -> DispatchDate? {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return nil }
    return DateScanner(trimmed).firstMatch()?.date
  }

  /// True when `line` holds a date and nothing else but a weekday, "le" and a time
  /// (`mardi 16 novembre 2021`, `2021-11-16`, `16/11/2021 à 20h30`).
  static func isDateLine(_ line: String) -> Bool {
    let scanner = DateScanner(line)
    guard let match = scanner.firstMatch() else { return false }
    let before = String(String.UnicodeScalarView(scanner.scalars[..<match.start]))
    let after = String(String.UnicodeScalarView(scanner.scalars[match.end...]))
    let words = before.lowercased().split { !$0.isLetter }
    guard words.allSatisfy({ prefixWords.contains(String($0)) }) else { return false }
    return after.unicodeScalars.allSatisfy { timeCharacters.contains($0) }
  }

  /// The date of the dateline a dispatch's body opens with, if any: a place (no digits, a
  /// capital first), a comma, the date (`le` allowed before it, a time after it), then an
  /// agency in parentheses or a dash: `PARIS, 10 septembre 2021 (AFP) –`,
  /// `Bruxelles, le 3 mars 2022 -`. It is the day the dispatch was filed, so it wins over any
  /// date the text mentions before (a title recalling an anniversary, a kicker).
  static func dateline(in body: String) -> DispatchDate? {
    let head = body.unicodeScalars.drop { Passages.isCollapsible($0) }
      .prefix { $0 != "\n" }.prefix(maxDatelineLength)
    let scanner = DateScanner(String(String.UnicodeScalarView(head)))
    guard let match = scanner.firstMatch() else { return nil }
    var before = String(String.UnicodeScalarView(scanner.scalars[..<match.start])).trimmingCharacters(in: .whitespaces)
    if before.lowercased().hasSuffix(" le") { before = String(before.dropLast(3)).trimmingCharacters(in: .whitespaces) }
    guard before.hasSuffix(",") else { return nil }
    let place = before.dropLast().trimmingCharacters(in: .whitespaces)
    guard let first = place.first, first.isUppercase, place.count <= maxPlaceLength,
      !place.contains(where: \.isNumber)
    else { return nil }
    let after = scanner.scalars[match.end...].drop { datelineTimeCharacters.contains($0) }
    guard let next = after.first, next == "(" || datelineDashes.contains(next) else { return nil }
    return match.date
  }

  /// Scalars of a body's first line searched for a dateline.
  static let maxDatelineLength = 160
  /// Characters of a dateline's place, at most ("SAINT-DENIS DE LA RÉUNION (France)").
  static let maxPlaceLength = 60
  /// What may stand between a dateline's date and its agency or dash (a time, spaces).
  private static let datelineTimeCharacters = Set(" \u{A0}\u{202F}0123456789:hHà".unicodeScalars)
  /// The dashes that end a dateline.
  private static let datelineDashes = Set("-–—‒―:".unicodeScalars)

  /// Two-digit years up to this value are 20YY, above it 19YY (this year's last two + 1).
  static let twoDigitYearPivot: Int = {
    let year = Calendar(identifier: .gregorian).component(.year, from: Date())
    return year % 100 + 1
  }()

  /// Words allowed before the date on a date-only line.
  private static let prefixWords: Set<String> = [
    "le", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "date",
    "publié", "publie", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
  ]
  /// Characters allowed after the date on a date-only line (a time, a zone).
  private static let timeCharacters = Set("0123456789 :hHàaT+-Z.,()/\u{A0}\u{202F}".unicodeScalars)
}

/// Month names and abbreviations (accents folded, lower-case), French then English.
enum MonthNames {
  /// Folded word (`FrenchAnalyzer.fold`, as index terms are) → month number.
  static let table: [String: Int] = {
    let names: [(Int, [String])] = [
      (1, ["janvier", "janv", "jan", "january"]),
      (2, ["fevrier", "fevr", "fev", "feb", "february"]),
      (3, ["mars", "mar", "march"]),
      (4, ["avril", "avr", "apr", "april"]),
      (5, ["mai", "may"]),
      (6, ["juin", "jun", "june"]),
      (7, ["juillet", "juil", "jul", "july"]),
      (8, ["aout", "aug", "august"]),
      (9, ["septembre", "sept", "sep", "september"]),
      (10, ["octobre", "oct", "october"]),
      (11, ["novembre", "nov", "november"]),
      (12, ["decembre", "dec", "december"]),
    ]
    var table = [String: Int]()
    for (month, words) in names { for word in words { table[word] = month } }
    return table
  }()
}

/// A hand-written scanner for the date forms of `FrenchDates` (no regular expressions: it runs
/// over whole dispatches).
///
/// Linear in the text: a number is read once where it starts, a month name at most
/// `maxMonthNameLength` letters, and the word around a candidate date is examined once for
/// a URL however many candidates it holds.
struct DateScanner {
  /// A date found at scalars `start..<end`.
  struct Match {
    let date: DispatchDate
    let start: Int
    let end: Int
  }

  /// The text's Unicode scalars (NFC text: one scalar per accented letter).
  let scalars: [Unicode.Scalar]

  /// Scans `text`.
  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  /// Separators of numeric dates.
  private static let separators: Set<Unicode.Scalar> = ["/", "-", "."]
  /// Characters that, before a digit, glue a number to a longer one (`1.16/11/2021`).
  private static let numberGlue: Set<Unicode.Scalar> = ["/", "-", ".", ":", ","]
  /// The longest month name of `MonthNames` ("septembre"): a longer word is none of them.
  static let maxMonthNameLength = 9
  /// Spaces allowed between the parts of a written date (NBSP and narrow NBSP too).
  private static let spaces: Set<Unicode.Scalar> = [" ", "\t", "\u{A0}", "\u{202F}"]

  /// The first acceptable date, left to right.
  func firstMatch() -> Match? {
    var i = 0
    var lastWord: (range: Range<Int>, isURL: Bool)?
    while i < scalars.count {
      guard isDigit(i), startsNumber(i) else {
        i += 1
        if Cancellation.isRequested(after: i) { return nil }
        continue
      }
      if let match = numericDate(at: i) ?? writtenDate(at: i) {
        if lastWord.map({ !$0.range.contains(match.start) }) ?? true {
          lastWord = word(around: match.start)
        }
        if !lastWord!.isURL { return match }
      }
      while isDigit(i) { i += 1 }
    }
    return nil
  }

  // MARK: - Forms

  /// `2021-11-16`, `16/11/2021`, `16-11-21`, `16.11.2021`.
  private func numericDate(at start: Int) -> Match? {
    let (first, afterFirst) = number(at: start)
    guard afterFirst < scalars.count, DateScanner.separators.contains(scalars[afterFirst])
    else { return nil }
    let separator = scalars[afterFirst]
    let (second, afterSecond) = number(at: afterFirst + 1)
    guard (1...2).contains(afterSecond - afterFirst - 1), afterSecond < scalars.count,
      scalars[afterSecond] == separator
    else { return nil }
    let (third, end) = number(at: afterSecond + 1)
    let firstLength = afterFirst - start
    let thirdLength = end - afterSecond - 1
    guard endsNumber(end) else { return nil }
    let date: DispatchDate?
    if firstLength == 4 && (1...2).contains(thirdLength) && separator != "." {
      date = DispatchDate(year: first, month: second, day: third)
    } else if (1...2).contains(firstLength), thirdLength == 4 || (thirdLength == 2 && separator != ".") {
      date = DispatchDate(year: fullYear(third, digits: thirdLength), month: second, day: first)
    } else {
      date = nil
    }
    return date.map { Match(date: $0, start: start, end: end) }
  }

  /// `16 novembre 2021`, `1er déc. 2021`, `23 NOV 2021`, `16 Nov 2021` (RFC 822).
  private func writtenDate(at start: Int) -> Match? {
    let (day, afterDay) = number(at: start)
    guard (1...2).contains(afterDay - start) else { return nil }
    var i = afterDay
    if i + 1 < scalars.count, scalars[i] == "e", scalars[i + 1] == "r" { i += 2 }
    let afterSpace = skipSpaces(i)
    guard afterSpace > i else { return nil }
    i = afterSpace
    while i < scalars.count, scalars[i].properties.isAlphabetic {
      guard i - afterSpace < DateScanner.maxMonthNameLength else { return nil }
      i += 1
    }
    let word = FrenchAnalyzer.fold(String(String.UnicodeScalarView(scalars[afterSpace..<i])))
    guard let month = MonthNames.table[word] else { return nil }
    if i < scalars.count, scalars[i] == "." { i += 1 }
    let yearStart = skipSpaces(i)
    guard yearStart > i || scalars[i - 1] == "." else { return nil }
    let (year, end) = number(at: yearStart)
    guard end - yearStart == 4, endsNumber(end) else { return nil }
    return DispatchDate(year: year, month: month, day: day).map {
      Match(date: $0, start: start, end: end)
    }
  }

  // MARK: - Pieces

  private func isDigit(_ i: Int) -> Bool {
    i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i])
  }

  private func isLetterOrDigit(_ i: Int) -> Bool {
    i >= 0 && i < scalars.count && (isDigit(i) || scalars[i].properties.isAlphabetic)
  }

  /// The digits at `i` (at most 9 of them count) and the index after them.
  private func number(at i: Int) -> (value: Int, end: Int) {
    var value = 0
    var j = i
    while isDigit(j) {
      if j - i < 9 { value = value * 10 + Int(scalars[j].value - 48) }
      j += 1
    }
    return (value, j)
  }

  /// A number starts at `i`: nothing word-like or number-like right before it.
  private func startsNumber(_ i: Int) -> Bool {
    if isLetterOrDigit(i - 1) { return false }
    if i >= 1, scalars[i - 1] == "/" { return false }
    if i >= 2, DateScanner.numberGlue.contains(scalars[i - 1]), isDigit(i - 2) { return false }
    return true
  }

  /// The date ends at `i`: no digit, and no separator followed by a digit.
  private func endsNumber(_ i: Int) -> Bool {
    if isDigit(i) { return false }
    if i < scalars.count, DateScanner.numberGlue.contains(scalars[i]), isDigit(i + 1) {
      return false
    }
    return true
  }

  private func skipSpaces(_ i: Int) -> Int {
    var j = i
    while j < scalars.count, DateScanner.spaces.contains(scalars[j]) { j += 1 }
    return j
  }

  /// Two-digit years: 20YY up to `twoDigitYearPivot`, else 19YY.
  private func fullYear(_ year: Int, digits: Int) -> Int {
    guard digits == 2 else { return year }
    return year <= FrenchDates.twoDigitYearPivot ? 2000 + year : 1900 + year
  }

  /// The whitespace-delimited word holding `i`, and whether it looks like a URL.
  private func word(around i: Int) -> (range: Range<Int>, isURL: Bool) {
    var start = i
    while start > 0, !scalars[start - 1].properties.isWhitespace { start -= 1 }
    var end = i
    while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
    let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
    return (start..<end, word.contains("://") || word.contains("www."))
  }
}

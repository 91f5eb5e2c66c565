import DepechesKit

/// The month counts of a search as bars: one per month from the first to the last matching
/// month, months without a match included (as empty bars), so the gaps show. A range too long
/// for a readable row of months is shown by year instead (empty years included), and one too
/// long even for years keeps only the years with matches.
struct Histogram: Equatable {
  /// One bar: a month or a year, and the days a link to it filters to.
  struct Bar: Equatable {
    /// Short visible label ("nov.", or the year of a year's bar).
    var label: String
    /// The bar's year.
    var year: Int
    /// Spoken label ("novembre 2021").
    var name: String
    var count: Int
    /// The first and last day of the bar's period.
    var since: DispatchDate
    var until: DispatchDate
    /// True for a January, or a year ending in 0: dense rows label only these.
    var landmark: Bool
  }

  /// Months or years.
  enum Unit: Equatable { case month, year }

  var bars: [Bar]
  var unit: Unit
  /// Matching dispatches without a date (not a bar of the row: no date filter reaches them).
  var undated: Int
  /// The highest count, for the bars' heights (at least 1).
  var top: Int { max(1, bars.map(\.count).max() ?? 0, undated) }

  /// Most bars in a row: beyond this, months become years.
  static let maxBars = 120

  init(_ months: [MonthCount]) {
    undated = months.filter { $0.month == nil }.reduce(0) { $0 + $1.count }
    var counts: [Int: Int] = [:]  // months since year 0 → count
    for month in months {
      guard let key = month.month, let date = DispatchDate(iso: key + "-01") else { continue }
      counts[date.year * 12 + date.month - 1, default: 0] += month.count
    }
    guard let first = counts.keys.min(), let last = counts.keys.max() else {
      bars = []
      unit = .month
      return
    }
    if last - first < Self.maxBars {
      unit = .month
      bars = (first...last).compactMap { Self.monthBar($0, count: counts[$0] ?? 0) }
      return
    }
    unit = .year
    var years: [Int: Int] = [:]
    for (key, count) in counts { years[key / 12, default: 0] += count }
    let span = first / 12...last / 12
    let shown = span.count <= Self.maxBars ? Array(span) : years.keys.sorted()
    bars = shown.compactMap { Self.yearBar($0, count: years[$0] ?? 0) }
  }

  private static func monthBar(_ key: Int, count: Int) -> Bar? {
    let year = key / 12
    let month = key % 12 + 1
    guard let since = DispatchDate(year: year, month: month, day: 1),
      let until = DispatchDate(year: year, month: month, day: DispatchDate.daysIn(month: month, year: year))
    else { return nil }
    return Bar(
      label: FrenchText.shortMonths[month - 1], year: year, name: FrenchText.month(year: year, month: month),
      count: count, since: since, until: until, landmark: month == 1)
  }

  private static func yearBar(_ year: Int, count: Int) -> Bar? {
    guard let since = DispatchDate(year: year, month: 1, day: 1), let until = DispatchDate(year: year, month: 12, day: 31)
    else { return nil }
    return Bar(label: String(year), year: year, name: String(year), count: count, since: since, until: until, landmark: year % 10 == 0)
  }
}

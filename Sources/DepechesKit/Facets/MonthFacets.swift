/// A count of matching dispatches for one month ("YYYY-MM"), or for undated ones (nil).
public struct MonthCount: Equatable, Sendable {
  /// "YYYY-MM", or nil for dispatches without a date.
  public var month: String?
  /// Matching dispatches in that month.
  public var count: Int

  /// Makes a count.
  public init(month: String?, count: Int) {
    self.month = month
    self.count = count
  }
}

/// Month facets from the value counts of the month slot over every match.
enum MonthFacets {
  /// Months in calendar order, then the undated ones, so the counts add up to `total`.
  static func counts(from values: [(value: String, count: Int)], total: Int) -> [MonthCount] {
    var months = values.filter { !$0.value.isEmpty }.sorted { $0.value < $1.value }
      .map { MonthCount(month: $0.value, count: $0.count) }
    let undated = total - months.reduce(0) { $0 + $1.count }
    if undated > 0 { months.append(MonthCount(month: nil, count: undated)) }
    return months
  }
}

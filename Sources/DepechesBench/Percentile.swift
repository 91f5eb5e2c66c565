/// Percentiles of a sample, the way the benchmark reports them.
public enum Percentile {
  /// The `percent`-th percentile (0...100) of `values`, by linear interpolation between the two
  /// closest ranks (NumPy's default, "type 7"): 50 is the median, 100 the maximum. Returns nil
  /// for an empty sample; `percent` outside 0...100 is clamped. `scripts/xapian_snippet_baseline.py`
  /// computes the same, so both sides of a comparison use one definition.
  public static func of(_ values: [Double], _ percent: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let fraction = min(max(percent, 0), 100) / 100
    let rank = fraction * Double(sorted.count - 1)
    let below = Int(rank.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    let weight = rank - Double(below)
    return sorted[below] + (sorted[above] - sorted[below]) * weight
  }
}

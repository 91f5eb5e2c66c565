/// The dispatches of a file that holds several (JSON Lines, feeds), one per id, and what the
/// user should be told about the items on the way.
///
/// Two items with the same id (a JSON Lines `id`, a feed's `guid` or `id`) would overwrite each
/// other in the index, so only one is kept and the others are named in a warning: in JSON
/// Lines the last (an export or log appends corrections), in a feed the first (feeds list the
/// newest first). Linear: one dictionary look-up per item.
struct ItemList {
  /// What an item is called in warnings: "line" or "item".
  let unit: String
  /// True when a later item replaces an earlier one with the same id.
  let lastWins: Bool
  /// The dispatches kept, in the order of their first appearance.
  private(set) var dispatches: [Dispatch] = []
  private var indexByID: [String: Int] = [:]
  /// Numbers of the items that repeated an earlier item's id.
  private(set) var repeated: [Int] = []
  /// Numbers of the items left out for having neither a title nor any text.
  var empty: [Int] = []

  /// Item numbers listed in a warning at most (the count says how many there were).
  static let maxListed = 10

  init(unit: String, lastWins: Bool) {
    self.unit = unit
    self.lastWins = lastWins
  }

  /// Adds item `number` (its line or position in the file).
  mutating func add(_ dispatch: Dispatch, number: Int?) {
    if let index = indexByID[dispatch.id] {
      repeated.append(number ?? 0)
      if lastWins { dispatches[index] = dispatch }
    } else {
      indexByID[dispatch.id] = dispatches.count
      dispatches.append(dispatch)
    }
  }

  /// One warning per kind of problem met, with the items' numbers.
  var warnings: [String] {
    var out: [String] = []
    if !repeated.isEmpty {
      let kept = lastWins ? "the last of each id is kept" : "the first of each is kept, feeds list the newest first"
      let verb = repeated.count == 1 ? "repeats" : "repeat"
      out.append("\(Self.count(repeated.count, unit)) \(verb) the id of an earlier \(unit) (\(kept)): \(Self.numbers(repeated, unit))")
    }
    if !empty.isEmpty {
      out.append("\(Self.count(empty.count, unit)) without a title or text left out: \(Self.numbers(empty, unit))")
    }
    return out
  }

  /// "1 line", "3 items".
  static func count(_ n: Int, _ unit: String) -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }

  /// "line 4", "lines 4, 9, 12", "lines 1, 2, … (and 30 more)".
  static func numbers(_ list: [Int], _ unit: String = "line") -> String {
    let shown = list.prefix(maxListed).map(String.init).joined(separator: ", ")
    let more = list.count > maxListed ? ", … (and \(list.count - maxListed) more)" : ""
    return (list.count == 1 ? unit : unit + "s") + " " + shown + more
  }
}

import DepechesKit

/// The French words of the pages: dates, months, counts.
enum FrenchText {
  /// Month names, January first.
  static let months = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
  ]
  /// Short month names for the histogram's labels.
  static let shortMonths = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
  ]

  /// "16 novembre 2021" ("1er" for the first of the month).
  static func date(_ date: DispatchDate) -> String {
    "\(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1]) \(date.year)"
  }

  /// "novembre 2021".
  static func month(year: Int, month: Int) -> String { "\(months[month - 1]) \(year)" }

  /// "3 dépêches", "1 dépêche", "aucune dépêche".
  static func dispatches(_ count: Int) -> String {
    switch count {
    case 0: return "aucune dépêche"
    case 1: return "1 dépêche"
    default: return "\(grouped(count)) dépêches"
    }
  }

  /// A number with thin no-break spaces between groups of three digits ("12 345").
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number.magnitude))
    var out = number < 0 ? "-" : ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out += "\u{202F}" }
      out.append(digit)
    }
    return out
  }
}

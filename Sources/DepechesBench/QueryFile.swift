import DepechesKit
import Foundation

/// A file of benchmark queries. One query per line, in the search syntax; blank lines and lines
/// starting with `#` are ignored; an optional tab-separated suffix holds date filters:
///
///     cessez le feu
///     Haut-Karabakh drones<TAB>since=2020-09-27 until=2020-11-10
public enum QueryFile {
  /// The separator between a query and its filters.
  static let filterSeparator: Character = "\t"
  /// The character that starts a comment line.
  static let commentMarker: Character = "#"

  /// Reads and parses the file at `path`.
  public static func load(path: String) throws -> [SearchRequest] {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw DepechesError.unreadableFile(path: path, reason: "not a readable UTF-8 text file")
    }
    return try parse(text, name: path)
  }

  /// Parses query-file text into requests with the default page size; `name` is used in errors.
  /// Throws `DepechesError.invalidArgument` naming the line of a bad filter or date.
  public static func parse(_ text: String, name: String = "queries") throws -> [SearchRequest] {
    var requests: [SearchRequest] = []
    // `isNewline` also splits at "\r\n", which Swift treats as one character.
    for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, trimmed.first != commentMarker else { continue }
      let parts = line.split(separator: filterSeparator, maxSplits: 1, omittingEmptySubsequences: false)
      let query = parts[0].trimmingCharacters(in: .whitespaces)
      let place = "\(name) line \(number + 1)"
      guard !query.isEmpty else { throw DepechesError.invalidArgument("\(place): filters without a query") }
      var request = SearchRequest(query: query)
      if parts.count > 1 { try applyFilters(parts[1], to: &request, place: place) }
      requests.append(request)
    }
    return requests
  }

  /// Applies `since=YYYY-MM-DD` and `until=YYYY-MM-DD` (space-separated, either or both).
  private static func applyFilters(_ text: Substring, to request: inout SearchRequest, place: String) throws {
    for filter in text.split(whereSeparator: \.isWhitespace) {
      let pair = filter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2 else {
        throw DepechesError.invalidArgument("\(place): expected since=YYYY-MM-DD or until=YYYY-MM-DD, got \"\(filter)\"")
      }
      guard let day = DispatchDate(iso: String(pair[1])) else {
        throw DepechesError.invalidArgument("\(place): \(pair[0]) expects a date as YYYY-MM-DD, got \"\(pair[1])\"")
      }
      switch pair[0] {
      case "since": request.since = day
      case "until": request.until = day
      default: throw DepechesError.invalidArgument("\(place): unknown filter \"\(pair[0])\" (use since= or until=)")
      }
    }
    if let since = request.since, let until = request.until, since > until {
      throw DepechesError.invalidArgument("\(place): since=\(since.iso) is after until=\(until.iso)")
    }
  }
}

import ArgumentParser
import DepechesFormat
import DepechesKit

/// `depeches similar`: dispatches about the same thing as one dispatch.
struct SimilarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "similar",
    abstract: "Show the dispatches related to one (by its id or its file).",
    discussion: """
      The dispatch's most telling words (Xapian's expand terms for it) are searched for, any \
      of them matching; the dispatch itself is left out. Ids are in `search --json`.
      """)

  @Argument(help: "The dispatch's id (16 hex digits), or the path of the file it was read from.")
  var dispatch: String

  @OptionGroup var index: ReadIndexOptions

  @Option(help: "Results to show.")
  var limit = SearchRequest.defaultLimit

  @Option(help: "Only dispatches dated on or after this day (YYYY-MM-DD).")
  var since: String?

  @Option(help: "Only dispatches dated on or before this day (YYYY-MM-DD).")
  var until: String?

  @Flag(help: "Print as JSON (versioned, stable; see README).")
  var json = false

  func validate() throws {
    try checkRange(limit, 1...SearchRequest.limitRange.upperBound, option: "--limit")
    if let from = try parseDay(since, option: "--since"), let to = try parseDay(until, option: "--until"), from > to {
      throw ValidationError("--since \(since!) is after --until \(until!)")
    }
    guard !dispatch.isEmpty else { throw ValidationError("give a dispatch id or a file path") }
  }

  func run() throws {
    try runReportingFailures {
      let opened = try index.open()
      let id = try resolve(dispatch, in: opened)
      let request = SimilarRequest(
        id: id, limit: limit, since: try parseDay(since, option: "--since"), until: try parseDay(until, option: "--until"))
      guard let answer = try opened.similar(request) else { throw DepechesError.invalidArgument("no dispatch with id \(id)") }
      if json { Terminal.outputJSON(try JSONOutput.similar(answer)) } else { Terminal.output(WatchText.similar(answer)) }
    }
  }

  /// The id named: `text` itself when it is an id, else the one dispatch of the file at `text`.
  private func resolve(_ text: String, in index: SearchIndex) throws -> String {
    let isID = text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    let ids = try index.dispatchIDs(inFile: text)
    if ids.count == 1 { return ids[0] }
    if isID { return text }
    guard !ids.isEmpty else {
      throw DepechesError.invalidArgument("\(text) is neither a dispatch id nor an indexed file")
    }
    let shown = ids.prefix(5).joined(separator: ", ")
    throw DepechesError.invalidArgument(
      "\(text) holds \(ids.count) dispatches: give one of their ids (\(shown)\(ids.count > 5 ? ", …" : ""))")
  }
}

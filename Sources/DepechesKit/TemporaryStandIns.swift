// TEMPORARY: minimal stand-ins for the analyzer and readers being written on other branches.
// Deleted when those branches are merged.
import Foundation

public struct Token: Equatable, Sendable {
  public var term: String
  public var stemBase: String
  public var position: Int
  public var range: Range<Int>
  public var isStopWord: Bool
  public var joinsNext: Bool
}

public struct FrenchAnalyzer: Sendable {
  public init() {}
  public func tokens(in text: String) -> [Token] {
    var out: [Token] = []
    forEachToken(in: text) { out.append($0) }
    return out
  }
  public func forEachToken(in text: String, _ body: (Token) -> Void) {
    let scalars = Array(text.unicodeScalars)
    var i = 0
    var pos = 0
    while i < scalars.count {
      guard scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil else { i += 1; continue }
      let start = i
      while i < scalars.count, scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil { i += 1 }
      var word = String(String.UnicodeScalarView(scalars[start..<i])).lowercased()
      var s = start
      if i < scalars.count, scalars[i] == "'" || scalars[i] == "’", ["l", "d", "qu", "s", "n", "j", "c"].contains(word) {
        i += 1; continue
      }
      _ = s; s = start
      let stop = ["le", "la", "les", "de", "du", "des", "et", "un", "une"].contains(word)
      let base = word
      word = FrenchAnalyzer.fold(word)
      body(Token(term: word, stemBase: base, position: pos, range: start..<i, isStopWord: stop, joinsNext: i < scalars.count && scalars[i] == "-"))
      pos += 1
    }
  }
  public static func foldedStem(_ stemBase: String, stemmer: Stemmer) -> String { fold(stemmer.stem(stemBase)) }
  public static func fold(_ word: String) -> String {
    word.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
  }
}

public struct SynonymTable: Sendable {
  public static let builtIn = SynonymTable(groups: [["karabagh", "karabakh"], ["erevan", "yerevan"]])
  public var groups: [[String]]
  init(groups: [[String]]) { self.groups = groups }
  public init(parsing text: String) throws { groups = text.split(separator: "\n").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } }
  public func variants(of term: String) -> [String] { groups.first { $0.contains(term) }?.filter { $0 != term } ?? [] }
}

public enum DefaultOperator: Sendable { case and, or }
public struct QueryParser: Sendable {
  let analyzer: FrenchAnalyzer
  public init(analyzer: FrenchAnalyzer = FrenchAnalyzer()) { self.analyzer = analyzer }
  public func parse(_ text: String, defaultOperator: DefaultOperator = .and) -> QueryNode? {
    var nodes: [QueryNode] = []
    for (i, part) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
      let words = analyzer.tokens(in: String(part)).map { QueryWord(term: $0.term, stemBase: $0.stemBase, isStopWord: $0.isStopWord) }
      if i % 2 == 1 { if !words.isEmpty { nodes.append(.phrase(words)) } } else {
        nodes += words.filter { !$0.isStopWord }.map { QueryNode.word($0) }
      }
    }
    if nodes.isEmpty { return nil }
    return nodes.count == 1 ? nodes[0] : (defaultOperator == .and ? .all(nodes) : .any(nodes))
  }
}

public enum ReadResult: Equatable, Sendable { case dispatches([Dispatch]); case skipped(reason: String) }
public struct DocumentReader: Sendable {
  public static let defaultMaxFileSize = 20_000_000
  public static let supportedExtensions: Set<String> = ["txt", "md"]
  let maxFileSize: Int
  public init(maxFileSize: Int = DocumentReader.defaultMaxFileSize) { self.maxFileSize = maxFileSize }
  public func read(absolutePath: String, displayPath: String) -> ReadResult {
    guard let data = FileManager.default.contents(atPath: absolutePath) else { return .skipped(reason: "unreadable") }
    return read(bytes: Array(data), absolutePath: absolutePath, displayPath: displayPath)
  }
  public func read(bytes: [UInt8], absolutePath: String, displayPath: String) -> ReadResult {
    if bytes.contains(0) { return .skipped(reason: "binary file") }
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard let title = lines.first else { return .skipped(reason: "empty file") }
    let d = Dispatch(id: Dispatch.makeID(absolutePath: absolutePath), path: displayPath, title: title,
      date: FrenchDates.firstDate(in: text), passages: Passages.split(lines.dropFirst().joined(separator: "\n")))
    return .dispatches([d])
  }
}
public enum FrenchDates {
  public static func firstDate(in text: String) -> DispatchDate? {
    if let r = text.range(of: #"\d{4}-\d\d-\d\d"#, options: .regularExpression) { return DispatchDate(iso: String(text[r])) }
    if let r = text.range(of: #"(\d\d)-(\d\d)-(\d\d)"#, options: .regularExpression) {
      let p = text[r].split(separator: "-").compactMap { Int($0) }
      return DispatchDate(year: 2000 + p[2], month: p[1], day: p[0])
    }
    return nil
  }
  public static func parse(_ value: String) -> DispatchDate? { firstDate(in: value) }
}
public enum Passages {
  public static let maxPassageCharacters = 800
  public static func split(_ body: String) -> [String] { body.split(separator: "\n").map(String.init) }
}

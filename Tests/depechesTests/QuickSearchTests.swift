import ArgumentParser
import Foundation
import Testing

@testable import depeches

/// `QuickSearch` must read a command line exactly as ArgumentParser does whenever it reads it
/// at all, and leave every unusual form (and every error) to ArgumentParser.
@Suite struct QuickSearchTests {
  /// What ArgumentParser makes of a command line, when it is a valid search.
  static func parsed(_ arguments: [String]) -> SearchInvocation? {
    (try? Depeches.parseAsRoot(QuickSearch.forArgumentParser(arguments)) as? SearchCommand)?.invocation
  }

  @Test(arguments: [
    ["search", "Bayraktar"],
    ["search", "cessez", "le", "feu"],
    ["search", "\"cessez le feu\""],
    ["search", "Haut-Karabakh", "drones", "--since", "2020-09-01", "--limit", "3", "--index", "Index"],
    ["search", "--index", "a", "x", "--index=b", "--json", "y"],
    ["search", "x", "--timeout", "2.5", "--partial", "--offset", "10", "--until=2021-12-31"],
    ["search", "x", "--limit", "+5", "--since=2021-01-01", "--until", "2021-01-01"],
    ["search", "a=b", "«", "guerre", "»", "OU", "paix"],
    ["search", "help"], ["search", "search", "index"],
    ["search", "x", "--limit", "0"], ["search", "guerre", "-Ukraine"], ["search", "guerre", "--json", "-Ukraine", "-\"mer Noire\"", "paix"],
    ["search", "--index", "Index", "guerre", "-Ukraine", "--limit", "3"],
  ])
  func commonFormsAreReadAsArgumentParserReadsThem(arguments: [String]) throws {
    let quick = try #require(QuickSearch.invocation(arguments))
    #expect(quick == Self.parsed(arguments))
  }

  @Test(arguments: [
    ["search"], ["search", "--help"], ["search", "-h"], ["search", "x", "--limit"],
    ["search", "x", "--limit", "-1"], ["search", "x", "--limit", "abc"], ["search", "x", "--offset", "-1"],
    ["search", "-Ukraine", "guerre"], ["search", "guerre", "-h"], ["search", "guerre", "-Ukraine", "--frobnicate"],
    ["search", "x", "--json", "--json"], ["search", "x", "--json=1"], ["search", "x", "--limit", "3", "--limit", "4"],
    ["search", "x", "--since", "2021-02-30"], ["search", "x", "--since", "2021-12-01", "--until", "2021-01-01"],
    ["search", "  "], ["search", "x", "--timeout", "0"], ["search", "x", "--", "-y"], ["search", "-x"],
    ["search", "x", "--index", "-"], ["search", "x", "--index="], ["search", "x", "--frobnicate"],
    ["index", "seeds"], ["--version"], [], ["search", "x", "--version"],
  ])
  func otherFormsAreLeftToArgumentParser(arguments: [String]) {
    #expect(QuickSearch.invocation(arguments) == nil)
  }

  /// One argument of `search`: its names, kind (positional, option, flag), whether it may be
  /// repeated, whether it may be left out, and how its value is parsed.
  struct Shape: Hashable {
    var names: [String]
    var kind: String
    var repeats: Bool
    var optional: Bool
    var strategy = "default"
  }

  /// The flags QuickSearch leaves to ArgumentParser, which answers them itself.
  static let leftToArgumentParser: Set = ["--help", "--version"]

  /// `search`'s arguments as ArgumentParser models them (its `--experimental-dump-help` JSON).
  static func argumentParserShapes() throws -> Set<Shape> {
    var dump = ""
    do {
      _ = try Depeches.parseAsRoot(["search", "--experimental-dump-help"])
    } catch {
      dump = Depeches.fullMessage(for: error)
    }
    let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any], "\(dump)")
    let command = try #require(root["command"] as? [String: Any])
    #expect(command["commandName"] as? String == "search")
    let arguments = try #require(command["arguments"] as? [[String: Any]])
    let shapes = try arguments.map { argument in
      let names = (argument["names"] as? [[String: Any]] ?? []).map { name in
        (name["kind"] as? String == "short" ? "-" : "--") + (name["name"] as? String ?? "")
      }
      return Shape(
        names: names, kind: try #require(argument["kind"] as? String), repeats: try #require(argument["isRepeating"] as? Bool),
        optional: try #require(argument["isOptional"] as? Bool), strategy: try #require(argument["parsingStrategy"] as? String))
    }
    return Set(shapes.filter { leftToArgumentParser.isDisjoint(with: $0.names) })
  }

  /// The same, as QuickSearch reads them: the words, then its option table.
  static var quickSearchShapes: Set<Shape> {
    let words = Shape(names: [], kind: "positional", repeats: true, optional: false)
    return Set([words] + QuickSearch.Option.allCases.map { option in
      Shape(names: [option.rawValue], kind: option.takesValue ? "option" : "flag", repeats: option.repeats, optional: true)
    })
  }

  /// A search option added to `SearchCommand` and not to `QuickSearch.Option` (or the other way
  /// round), or read differently by the two, fails here.
  @Test func optionTableIsArgumentParsersModelOfSearch() throws {
    let model = try Self.argumentParserShapes()
    #expect(model.count >= 2, "\(model)")
    #expect(model.subtracting(Self.quickSearchShapes).isEmpty, "only ArgumentParser has: \(model.subtracting(Self.quickSearchShapes))")
    #expect(Self.quickSearchShapes.subtracting(model).isEmpty, "only QuickSearch has: \(Self.quickSearchShapes.subtracting(model))")
  }

  /// Every option of the table, in both of its spellings, is read as ArgumentParser reads it.
  @Test(arguments: QuickSearch.Option.allCases)
  func eachOptionIsReadAsArgumentParserReadsIt(option: QuickSearch.Option) throws {
    let value = Self.sampleValues[option.rawValue]
    #expect(option.takesValue == (value != nil), "no sample value for \(option.rawValue)")
    let spellings = value.map { [[option.rawValue, $0], [option.rawValue + "=" + $0]] } ?? [[option.rawValue]]
    for spelling in spellings {
      let arguments = ["search", "Bayraktar"] + spelling
      let quick = try #require(QuickSearch.invocation(arguments), "\(arguments)")
      #expect(quick == Self.parsed(arguments), "\(arguments)")
      #expect(quick != Self.parsed(["search", "Bayraktar"]), "\(arguments) changed nothing")
    }
  }

  /// A valid value, other than the default, for each option that takes one.
  static let sampleValues = [
    "--index": "Other", "--timeout": "2.5", "--limit": "7", "--offset": "3", "--sort": "date", "--since": "2021-01-01",
    "--until": "2021-12-31", "--source": "AFP", "--passages": "3",
  ]

  /// Random command lines from pieces that mix words, options, values and mistakes.
  @Test func randomCommandLinesAgree() {
    let pieces = [
      "Bayraktar", "cessez", "le feu", "help", "a=b", "--", "-x", "-", "--json", "--partial", "--json=1",
      "--index", "--index=Idx", "--limit", "--limit=5", "--offset", "--timeout", "--since", "--until",
      "3", "0", "-1", "2.5", "2021-11-01", "2020-01-01", "", " ", "search", "--help",
    ]
    var state: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var accepted = 0
    for _ in 0..<1500 {
      let arguments = ["search"] + (0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }
      guard let quick = QuickSearch.invocation(arguments) else { continue }
      accepted += 1
      #expect(quick == Self.parsed(arguments), "\(arguments)")
    }
    #expect(accepted > 50)
  }
}

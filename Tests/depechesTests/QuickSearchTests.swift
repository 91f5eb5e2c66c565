import ArgumentParser
import Testing

@testable import depeches

/// `QuickSearch` must read a command line exactly as ArgumentParser does whenever it reads it
/// at all, and leave every unusual form (and every error) to ArgumentParser.
@Suite struct QuickSearchTests {
  /// What ArgumentParser makes of a command line, when it is a valid search.
  static func parsed(_ arguments: [String]) -> SearchInvocation? {
    (try? Depeches.parseAsRoot(arguments) as? SearchCommand)?.invocation
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
  ])
  func commonFormsAreReadAsArgumentParserReadsThem(arguments: [String]) throws {
    let quick = try #require(QuickSearch.invocation(arguments))
    #expect(quick == Self.parsed(arguments))
  }

  @Test(arguments: [
    ["search"], ["search", "--help"], ["search", "-h"], ["search", "x", "--limit"],
    ["search", "x", "--limit", "0"], ["search", "x", "--limit", "abc"], ["search", "x", "--offset", "-1"],
    ["search", "x", "--json", "--json"], ["search", "x", "--json=1"], ["search", "x", "--limit", "3", "--limit", "4"],
    ["search", "x", "--since", "2021-02-30"], ["search", "x", "--since", "2021-12-01", "--until", "2021-01-01"],
    ["search", "  "], ["search", "x", "--timeout", "0"], ["search", "x", "--", "-y"], ["search", "-x"],
    ["search", "x", "--index", "-"], ["search", "x", "--index="], ["search", "x", "--frobnicate"],
    ["index", "seeds"], ["--version"], [], ["search", "x", "--version"],
  ])
  func otherFormsAreLeftToArgumentParser(arguments: [String]) {
    #expect(QuickSearch.invocation(arguments) == nil)
  }

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

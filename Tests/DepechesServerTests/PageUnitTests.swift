import DepechesFormat
import DepechesKit
import Testing

@testable import DepechesServer

/// The pieces the pages are built from: escaping, links, query strings, the histogram, the
/// configuration handed over by `depeches serve`.
@Suite struct PageUnitTests {
  @Test func textIsEscapedForTextAndQuotedAttributes() {
    #expect(HTML.escape("<a href=\"x\" title='y'>&amp;</a>") == "&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;")
    #expect(HTML.escape("a\u{1B}[31mb\tc\u{85}") == "a\u{FFFD}[31mb&#x9;c&#x85;")
    let value = "\"><script>"
    let html: HTML = "<input value=\"\(value)\">"
    #expect(html.markup == "<input value=\"&quot;&gt;&lt;script&gt;\">")
  }

  @Test func highlightsBecomeMarksAroundEscapedPieces() {
    #expect(HTML.marked("a <b> été c", [3..<4, 6..<9]).markup == "a &lt;<mark>b</mark>&gt; <mark>été</mark> c")
    #expect(HTML.marked("x", [0..<5]).markup == "x")  // out of bounds: ignored, never a crash
    #expect(HTML.marked("", []).markup == "")
  }

  @Test func urlValuesArePercentEncoded() {
    let url = URLQuery(path: "/", items: [("q", "\"cessez le feu\" & <b> é"), ("since", ""), ("x", "a=b#c")])
    #expect(url.string == "/?q=%22cessez%20le%20feu%22%20%26%20%3Cb%3E%20%C3%A9&x=a%3Db%23c")
    #expect(URLQuery.encode("javascript:alert(1)") == "javascript%3Aalert%281%29")
  }

  @Test func formQueriesDecodeAsBrowsersSendThem() throws {
    let form = try FormQuery("q=cessez+le+feu&since=&q=second&sort=date&x=%C3%A9t%C3%A9")
    #expect(form["q"] == "cessez le feu")
    #expect(form["since"] == "" && form["sort"] == "date" && form["x"] == "été" && form["none"] == nil)
    #expect(throws: ParameterError.self) { try FormQuery("q=%E9") }
    #expect(throws: ParameterError.self) { try FormQuery("q=%4") }
    #expect(try FormQuery(nil)["q"] == nil)
  }

  @Test func histogramShowsEveryMonthFromTheFirstToTheLast() {
    let histogram = Histogram([
      MonthCount(month: "2020-11", count: 2), MonthCount(month: "2021-02", count: 5), MonthCount(month: nil, count: 1),
    ])
    #expect(histogram.unit == .month)
    #expect(histogram.bars.map(\.count) == [2, 0, 0, 5])
    #expect(histogram.bars.map(\.label) == ["nov.", "déc.", "janv.", "févr."])
    #expect(histogram.bars[3].since.iso == "2021-02-01" && histogram.bars[3].until.iso == "2021-02-28")
    #expect(histogram.bars[2].landmark && !histogram.bars[1].landmark)
    #expect(histogram.undated == 1 && histogram.top == 5)
    #expect(Histogram([]).bars.isEmpty)
  }

  @Test func longRangesAreShownByYear() {
    let years = Histogram([MonthCount(month: "1850-03", count: 1), MonthCount(month: "1900-07", count: 2)])
    #expect(years.unit == .year && years.bars.count == 51)
    #expect(years.bars.first?.since.iso == "1850-01-01" && years.bars.last?.until.iso == "1900-12-31")
    #expect(years.bars.reduce(0) { $0 + $1.count } == 3)
    let centuries = Histogram([MonthCount(month: "1500-01", count: 1), MonthCount(month: "2000-01", count: 1)])
    #expect(centuries.bars.map(\.label) == ["1500", "2000"])
  }

  @Test func frenchDatesAndCounts() throws {
    #expect(FrenchText.date(try #require(DispatchDate(iso: "2021-11-01"))) == "1er novembre 2021")
    #expect(FrenchText.date(try #require(DispatchDate(iso: "2021-08-16"))) == "16 août 2021")
    #expect(FrenchText.dispatches(0) == "aucune dépêche" && FrenchText.dispatches(1) == "1 dépêche")
    #expect(FrenchText.dispatches(12345) == "12\u{202F}345 dépêches")
  }

  @Test func theServeCommandLineRoundTrips() {
    let configuration = ServeConfiguration(
      indexes: ["A", "b c"], timeout: 2.5, partial: true, host: "::1", port: 0, cacheMegabytes: 7)
    #expect(ServeConfiguration.parse(configuration.arguments) == .success(configuration))
    #expect(ServeConfiguration.parse([]) == .success(ServeConfiguration()))
    #expect(configuration.isLoopback && ServeConfiguration().isLoopback)
    #expect(!ServeConfiguration(host: "0.0.0.0").isLoopback && !ServeConfiguration(host: "192.0.2.1").isLoopback)
    for (arguments, message) in [
      (["--port", "70000"], "--port must be between"), (["--port", "x"], "--port expects a number"),
      (["--timeout", "0"], "--timeout must be"), (["--host", ""], "--host expects"), (["--index"], "--index needs a value"),
      (["--verbose"], "unknown option --verbose"), (["--cache-mb", "-1"], "--cache-mb must be between"),
      (["--cache-mb", "lots"], "--cache-mb expects a number"),
    ] {
      guard case .failure(let error) = ServeConfiguration.parse(arguments) else {
        Issue.record("\(arguments) parsed")
        continue
      }
      #expect(error.description.hasPrefix(message), "\(arguments)")
    }
  }

  @Test func dispatchIdsAreTheEnginesOnly() {
    #expect(Routes.isDispatchID(Dispatch.makeID(absolutePath: "/tmp/a.txt")))
    for bad in [nil, "", "../../etc/passwd", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeg"] {
      #expect(!Routes.isDispatchID(bad))
    }
  }
}

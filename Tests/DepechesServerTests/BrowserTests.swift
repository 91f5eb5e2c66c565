import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `depeches serve` as a user runs it: the built binaries, a real socket on loopback, and
/// Debian's headless Chromium reading the pages (installed by scripts/setup).
@Suite(.serialized) struct BrowserTests {
  /// Longest wait for the server to answer, or for one Chromium run.
  static let deadline: TimeInterval = 60

  @Test func serveChecksItsOptionsAndDocumentsThem() throws {
    let depeches = builtProgram("depeches")
    let help = try runProgram(depeches, ["serve", "--help"])
    #expect(help.status == 0)
    for option in ["--index", "--host", "--port", "/api/search", "Ctrl-C"] { #expect(help.stdout.contains(option), "\(option)") }
    let badPort = try runProgram(depeches, ["serve", "--port", "70000"])
    #expect(badPort.status == 64 && badPort.stderr.contains("--port must be between 0 and 65535"))
    let badHost = try runProgram(depeches, ["serve", "--host", "a b"])
    #expect(badHost.status == 64 && badHost.stderr.contains("--host expects"))
    let direct = try runProgram(builtProgram("depeches-server"), ["--bogus"])
    #expect(direct.status == 64 && direct.stderr.contains("unknown option --bogus"))
  }

  @Test func anotherHostIsWarnedAboutAndAFailedListenIsAnError() throws {
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: the bind fails, nothing is sent.
    let run = try runWithDeadline(builtProgram("depeches"), ["serve", "--host", "192.0.2.1", "--port", "0"], deadline: Self.deadline)
    #expect(run.stderr.contains("warning: listening on 192.0.2.1: other machines can reach this server"))
    #expect(run.status == 1 && run.stderr.contains("Error: cannot serve on 192.0.2.1:0"))
    #expect(run.stdout.isEmpty)
  }

  @Test func serveSaysWhenTheServerProgramIsMissing() throws {
    let folder = TemporaryFolder()
    let alone = folder.path + "/depeches"
    try FileManager.default.copyItem(atPath: builtProgram("depeches"), toPath: alone)
    let run = try runProgram(alone, ["serve"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("the server program depeches-server is not beside depeches"))
  }

  @Test func aBrowserSeesResultsBarsMonthLinksAndTheDispatch() async throws {
    let folder = TemporaryFolder()
    try FileManager.default.copyItem(atPath: packageRoot + "/seeds", toPath: folder.path + "/seeds")
    let indexed = try runProgram(builtProgram("depeches"), ["index", "seeds", "--index", "Index", "--quiet"], in: folder.path)
    #expect(indexed.status == 0, "\(indexed.stderr)")
    let server = try ServerProcess(arguments: ["serve", "--index", "Index", "--port", "0"], in: folder.path)
    defer { server.stop() }
    let base = try #require(server.address(within: Self.deadline))
    try await waitUntilAnswering(base + "api/stats")

    let results = try chromium(["--dump-dom", base + "?q=Bayraktar"], folder)
    #expect(results.contains("<mark>Bayraktar</mark>"))
    #expect(results.contains("<li class=\"result\">"))
    #expect(results.contains("<ol class=\"bars\">") && results.contains("<rect "))
    let bar = try #require(groups(
      #"<li class="bar[^"]*"><a href="/(\?q=Bayraktar&amp;since=([0-9-]+)&amp;until=[0-9-]+)" title="[^"]*" aria-label="[^:"]*: ([^"]*)""#,
      in: results))
    let (month, since, count) = (bar[0].replacingOccurrences(of: "&amp;", with: "&"), bar[1], bar[2])
    let filtered = try chromium(["--dump-dom", base + month], folder)
    #expect(filtered.contains("\(count) pour « Bayraktar »"))
    #expect(filtered.contains("value=\"\(since)\""))
    #expect(filtered.contains("<mark>Bayraktar</mark>"))

    let dispatch = try #require(groups(#"<h2><a href="/(d/[0-9a-f]{16}\?q=Bayraktar#p-[0-9]+)""#, in: results))
    let page = try chromium(["--dump-dom", base + dispatch[0]], folder)
    #expect(page.contains("<article class=\"dispatch\">"))
    #expect(page.contains("class=\"best\" data-best=\"true\"") && page.contains("<mark>Bayraktar</mark>"))

    let shot = folder.path + "/page.png"
    _ = try chromium(["--window-size=1100,900", "--screenshot=" + shot, base + "?q=drones"], folder)
    let png = try #require(FileManager.default.contents(atPath: shot))
    #expect(png.count > 10_000 && png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))

    #expect(server.interrupt(within: Self.deadline) == 0)  // Ctrl-C stops it cleanly
  }

  /// Polls `url` until it answers 200, failing after the deadline.
  private func waitUntilAnswering(_ url: String) async throws {
    let end = Date().addingTimeInterval(Self.deadline)
    while Date() < end {
      if let (_, response) = try? await URLSession.shared.data(from: URL(string: url)!),
        (response as? HTTPURLResponse)?.statusCode == 200
      {
        return
      }
      try await Task.sleep(for: .milliseconds(50))  // between polls, not for synchronisation
    }
    Issue.record("no answer from \(url) within \(Self.deadline) s")
  }

  /// Runs headless Chromium (as root it needs --no-sandbox) and returns its stdout.
  private func chromium(_ arguments: [String], _ folder: TemporaryFolder) throws -> String {
    let profile = folder.path + "/chromium-profile"
    let run = try runWithDeadline(
      "/usr/bin/chromium",
      ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--lang=fr-FR", "--user-data-dir=" + profile] + arguments,
      deadline: Self.deadline)
    #expect(run.status == 0, "chromium: \(run.stderr)")
    return run.stdout
  }

  /// The groups of the first match of `pattern`, nil when nothing matches.
  private func groups(_ pattern: String, in text: String) -> [String]? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
      let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    return (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
  }
}

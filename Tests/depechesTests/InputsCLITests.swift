import Foundation
import Testing

/// Issue 15, class 4: every entry of a dispatch folder is indexed or named with a reason, and
/// the summary's counts agree with `stats`.
enum InputsSupport {
  /// The dispatches the summary line says were indexed ("indexed 3 dispatches from …").
  static func summaryDispatches(_ stderr: String) -> Int? {
    guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("indexed ") }) else { return nil }
    return Int(line.split(separator: " ")[1])
  }

  /// The summary's skipped count ("skipped 4").
  static func summarySkipped(_ stderr: String) -> Int? {
    guard let range = stderr.range(of: "skipped ", options: .backwards) else { return nil }
    return Int(stderr[range.upperBound...].prefix { $0.isNumber })
  }

  /// `setpriv` running a command as root without the capabilities that let root read any
  /// folder (tests run as root, for whom `chmod 000` changes nothing).
  static let withoutReadOverride = ["/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", depechesBinary]

  /// Runs `arguments` (a command line, not only depeches') in `directory`.
  static func run(_ arguments: [String], in directory: String) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    process.environment = env
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(stdout: "", stderr: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
  }
}

@Suite struct InputsCLITests {
  @Test func aNameThatIsNotUTF8IsIndexedAndShownEscaped() throws {
    let ws = Workspace(withSeeds: false)
    try FileManager.default.createDirectory(atPath: ws.path + "/in", withIntermediateDirectories: true)
    let name = Array("in/caf".utf8) + [0xE9] + Array(".txt".utf8)
    let text = "Terrasse introuvable\n\nLe zygopétale fleurit."
    let cPath = (Array((ws.path + "/").utf8) + name).map { CChar(bitPattern: $0) } + [0]
    let created = open(cPath, O_WRONLY | O_CREAT, 0o644)
    try #require(created >= 0)
    _ = Array(text.utf8).withUnsafeBytes { write(created, $0.baseAddress, $0.count) }
    close(created)
    let run = try ws.run("index", "in", "--index", "Idx", "--verbose")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("in/caf\\xE9.txt"), "\(run.stderr)")
    #expect(run.stderr.contains("not valid UTF-8"), "\(run.stderr)")
    #expect(InputsSupport.summaryDispatches(run.stderr) == 1)
    #expect(committedDispatches(ws, "Idx") == 1)
    let search = try ws.run("search", "zygopétale", "--index", "Idx")
    #expect(search.stdout.contains("caf\\xE9.txt"), "\(search.stdout)")
    // A second run finds the same file (same key), and so removes nothing.
    let again = try ws.run("index", "in", "--index", "Idx")
    #expect(again.stderr.contains("removed 0, unchanged 1"), "\(again.stderr)")
    #expect(committedDispatches(ws, "Idx") == 1)
  }

  @Test func aFolderThatCannotBeReadKeepsItsDispatchesAndIsNamed() throws {
    let ws = Workspace(withSeeds: false)
    ws.write("in/ouvert.txt", bytes: Array("Ouvert\n\nTexte lisible.".utf8))
    ws.write("in/ferme/a.txt", bytes: Array("Fermé A\n\nTexte du dossier.".utf8))
    ws.write("in/ferme/b.txt", bytes: Array("Fermé B\n\nAutre texte.".utf8))
    let first = try InputsSupport.run(InputsSupport.withoutReadOverride + ["index", "in", "--index", "Idx"], in: ws.path)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(committedDispatches(ws, "Idx") == 3)
    chmod(ws.path + "/in/ferme", 0)
    defer { chmod(ws.path + "/in/ferme", 0o755) }
    let second = try InputsSupport.run(InputsSupport.withoutReadOverride + ["index", "in", "--index", "Idx"], in: ws.path)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stderr.contains("in/ferme/: folder not read: permission denied"), "\(second.stderr)")
    #expect(second.stderr.contains("removed 0"), "\(second.stderr)")
    #expect(InputsSupport.summarySkipped(second.stderr) == 1, "\(second.stderr)")
    #expect(committedDispatches(ws, "Idx") == 3)
    // A file that cannot be opened keeps its dispatches too.
    chmod(ws.path + "/in/ferme", 0o755)
    chmod(ws.path + "/in/ferme/a.txt", 0)
    ws.write("in/ouvert.txt", bytes: Array("Ouvert\n\nTexte lisible, changé.".utf8))
    utimes(ws.path + "/in/ferme/a.txt", nil)
    let third = try InputsSupport.run(InputsSupport.withoutReadOverride + ["index", "in", "--index", "Idx"], in: ws.path)
    #expect(third.stderr.contains("in/ferme/a.txt: unreadable: permission denied; what the index holds from it is kept"), "\(third.stderr)")
    #expect(committedDispatches(ws, "Idx") == 3)
  }

  @Test func pipesAndLinksThatGoNowhereAreNamedAndCountedAsSkipped() throws {
    let ws = Workspace(withSeeds: false)
    ws.write("in/bon.txt", bytes: Array("Bon\n\nTexte.".utf8))
    let fm = FileManager.default
    #expect(mkfifo(ws.path + "/in/tube.txt", 0o644) == 0)
    try fm.createSymbolicLink(atPath: ws.path + "/in/perdu.txt", withDestinationPath: ws.path + "/in/absent.txt")
    try fm.createSymbolicLink(atPath: ws.path + "/in/boucle-a", withDestinationPath: ws.path + "/in/boucle-b")
    try fm.createSymbolicLink(atPath: ws.path + "/in/boucle-b", withDestinationPath: ws.path + "/in/boucle-a")
    try fm.createSymbolicLink(atPath: ws.path + "/in/lien.txt", withDestinationPath: ws.path + "/in/bon.txt")
    let run = try ws.run("index", "in", "--index", "Idx")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("in/tube.txt: named pipe (FIFO)"), "\(run.stderr)")
    #expect(run.stderr.contains("in/perdu.txt: dangling symbolic link"), "\(run.stderr)")
    #expect(run.stderr.contains("in/boucle-a: symbolic link loop"), "\(run.stderr)")
    #expect(run.stderr.contains("in/boucle-b: symbolic link loop"), "\(run.stderr)")
    #expect(run.stderr.contains("in/lien.txt: symbolic link: to a file, not followed"), "\(run.stderr)")
    #expect(InputsSupport.summarySkipped(run.stderr) == 5, "\(run.stderr)")
    #expect(InputsSupport.summaryDispatches(run.stderr) == committedDispatches(ws, "Idx"))
    // A pipe named on the command line is refused too, without blocking.
    let pipe = try ws.run("index", "in/tube.txt", "--index", "Idx2")
    #expect(pipe.stderr.contains("tube.txt: named pipe (FIFO)"), "\(pipe.stderr)")
  }

  @Test func jsonLinesWarnsOfBadLinesAndRepeatedIdsAndCountsWhatStatsCounts() throws {
    let ws = Workspace(withSeeds: false)
    let lines = [
      #"{"id": 7, "headline": "Premier titre", "description": "Chapô du premier.", "published": "2021-09-10"}"#,
      "pas du JSON",
      #"{"id": 7, "title": "Titre corrigé", "body": "Texte corrigé du septième."}"#,
      #"{"title": "Autre", "summary": "Résumé seul.", "pubDate": "Fri, 10 Sep 2021 08:00:00 +0200", "byline": "Marie Durand", "link": "https://x.fr/a"}"#,
      "[1, 2]",
    ]
    ws.write("in/flux.jsonl", bytes: Array(lines.joined(separator: "\n").utf8))
    let run = try ws.run("index", "in", "--index", "Idx")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("2 lines left out"), "\(run.stderr)")
    #expect(run.stderr.contains("lines 2, 5"), "\(run.stderr)")
    #expect(run.stderr.contains("line 3"), "\(run.stderr)")
    #expect(InputsSupport.summaryDispatches(run.stderr) == 2, "\(run.stderr)")
    #expect(committedDispatches(ws, "Idx") == 2)
    let search = try jsonObject(try ws.run("search", "Autre", "--json", "--index", "Idx").stdout)
    let hit = try #require((search["results"] as? [[String: Any]])?.first)
    #expect(hit["date"] as? String == "2021-09-10")
    #expect(hit["author"] as? String == "Marie Durand")
    #expect(hit["url"] as? String == "https://x.fr/a")
    #expect(try ws.run("search", "corrigé", "--index", "Idx").stdout.contains("Titre corrigé"))
  }

  @Test func feedItemsSharingAGuidAreCountedOnce() throws {
    let ws = Workspace(withSeeds: false)
    let item = { (title: String) in "<item><title>\(title)</title><guid>urn:1</guid><description>Texte \(title).</description></item>" }
    let feed = "<rss version=\"2.0\"><channel><title>Agence</title>\(item("Récent"))\(item("Ancien"))</channel></rss>"
    ws.write("in/flux.rss", bytes: Array(feed.utf8))
    let run = try ws.run("index", "in", "--index", "Idx")
    #expect(run.stderr.contains("1 item repeats the id of an earlier item"), "\(run.stderr)")
    #expect(InputsSupport.summaryDispatches(run.stderr) == 1, "\(run.stderr)")
    #expect(committedDispatches(ws, "Idx") == 1)
    #expect(try ws.run("search", "Récent", "--index", "Idx").stdout.contains("Récent"))
  }
}

/// Ctrl-C inside one long file: the run stops within the reading of that file, commits the
/// files finished before it, and says so (exit 130).
@Suite(.serialized) struct InterruptInsideAFileTests {
  /// Bytes of the long file: under the default size limit, seconds of work in any build.
  static let longFileBytes = 15_000_000

  /// The stderr of a running process, read as it comes.
  final class Collected: @unchecked Sendable {
    // Sendable: `text` is only touched with `lock` held.
    private let lock = NSLock()
    private var text = ""
    func append(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }
    var value: String { lock.withLock { text } }
  }

  @Test func ctrlCStopsInsideALongFileAndCommitsWhatWasFinished() throws {
    let ws = Workspace()
    let paragraphs = try String(contentsOfFile: ws.path + "/seeds/" + (try FileManager.default.contentsOfDirectory(atPath: ws.path + "/seeds").sorted().first { $0.hasSuffix(".txt") })!, encoding: .utf8)
      .components(separatedBy: "\n\n").filter { $0.count > 40 }
    var long = "# Un très long fichier\n\n"
    var n = 0
    while long.utf8.count < Self.longFileBytes {
      long += paragraphs[n % paragraphs.count] + " \(n)\n\n"
      n += 1
    }
    ws.write("in/zz-long.md", bytes: Array(long.utf8))
    for i in 0..<10 { ws.write("in/a\(i).txt", bytes: Array("Court \(i)\n\n\(paragraphs[i % paragraphs.count])".utf8)) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: depechesBinary)
    process.arguments = ["index", "in", "--index", "Idx", "--verbose", "--batch", "1", "--jobs", "1"]
    process.currentDirectoryURL = URL(fileURLWithPath: ws.path)
    let err = Pipe()
    let collected = Collected()
    err.fileHandleForReading.readabilityHandler = { collected.append($0.availableData) }
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Every short file is written (they come first): the run is inside the long one.
    let inside = eventually { collected.value.contains("added in/a9.txt") || !process.isRunning }
    kill(process.processIdentifier, SIGINT)
    // A generous deadline (debug builds on a loaded machine): what tells that the run
    // stopped inside the long file is that the long file is not indexed.
    let stopped = eventually(within: 120) { !process.isRunning }
    if !stopped { process.terminate() }
    process.waitUntilExit()
    err.fileHandleForReading.readabilityHandler = nil
    let message = collected.value + String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    try #require(inside, "the short files were not written before the deadline: \(message)")
    #expect(stopped, "the run did not stop within the deadline after Ctrl-C")
    #expect(process.terminationStatus == 130, "\(message)")
    #expect(message.contains("interrupted"), "\(message)")
    #expect(!message.contains("added in/zz-long.md"), "\(message)")
    // The short files are committed, the long one was abandoned, nothing is damaged.
    #expect(committedDispatches(ws, "Idx") == 10)
    // (The next run leaves the long file out by size, to stay short.)
    let finish = try ws.run("index", "in", "--index", "Idx", "--max-file-size", "1000000")
    #expect(finish.status == 0, "\(finish.stderr)")
    #expect(finish.stderr.contains("added 0, updated 0, removed 0, unchanged 10, skipped 1"), "\(finish.stderr)")
    #expect(committedDispatches(ws, "Idx") == 10)
  }
}

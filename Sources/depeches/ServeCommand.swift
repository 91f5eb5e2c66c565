import ArgumentParser
import DepechesFormat
import Foundation

/// `depeches serve`: the search page and HTTP API. The server is its own program,
/// `depeches-server`, installed beside `depeches`, so that this CLI does not link SwiftNIO (a
/// search process stays as short as it was); this command checks the options and execs it.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the search page and the HTTP API.",
    discussion: """
      Open the printed address in a browser: a search page in French (no JavaScript needed), \
      one page per dispatch (/d/ID). The API answers with the same JSON as the CLI: \
      /api/search?q=…&limit=&offset=&since=&until=&sort=relevance|date (search --json), \
      /api/stats (stats --json), /api/dispatch/ID. Errors are {"error": "…"} with status 400 \
      (bad parameters), 404 (unknown path or id) or 503 (no index yet, shard down).

      Listens on this machine only (127.0.0.1) unless --host says otherwise. Each request sees \
      the index's latest commit, also during a `depeches index` run: an answer kept by the \
      cache (--cache-mb) is served only while the index is unchanged. Ctrl-C stops the server.
      """)

  /// The server program, looked for beside this one.
  static let serverProgram = "depeches-server"

  @OptionGroup var index: ReadIndexOptions

  @Option(help: "Address to listen on; anything but loopback (127.0.0.1, ::1, localhost) is reachable from other machines.")
  var host = ServeConfiguration.defaultHost

  @Option(help: "TCP port to listen on (0: any free port).")
  var port = ServeConfiguration.defaultPort

  @Option(
    name: .customLong("cache-mb"),
    help: "Megabytes of finished search answers to keep while the index has not changed (0: none; indexes with remote shards are never cached).")
  var cacheMegabytes = ServeConfiguration.defaultCacheMegabytes

  var serveConfiguration: ServeConfiguration {
    ServeConfiguration(
      indexes: index.indexes, timeout: index.timeout, partial: index.partial, host: host, port: port,
      cacheMegabytes: cacheMegabytes)
  }

  func validate() throws {
    if let problem = serveConfiguration.problem { throw ValidationError(problem) }
  }

  func run() throws {
    let server = Self.serverPath()
    guard FileManager.default.isExecutableFile(atPath: server) else {
      Terminal.error("the server program \(Self.serverProgram) is not beside depeches (looked for \(server)); build it with `swift build --product \(Self.serverProgram)`")
      throw ExitCode.failure
    }
    let arguments = [server] + serveConfiguration.arguments
    var argv = arguments.map { strdup($0) } + [nil]
    execv(server, &argv)
    Terminal.error("cannot start \(server): \(String(cString: strerror(errno)))")
    throw ExitCode.failure
  }

  /// `depeches-server` in the folder of the running `depeches` (through /proc/self/exe, so a
  /// symbolic link or a PATH lookup still finds the real folder).
  static func serverPath() -> String {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(serverProgram).path
  }
}

import ArgumentParser
import DepechesKit
import Foundation

/// `depeches serve-shard`: serves one index (or one shard of one) with Xapian's own TCP server.
struct ServeShardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve-shard",
    abstract: "Serve an index or one shard over TCP with xapian-tcpsrv (Xapian's remote backend).",
    discussion: """
      Runs: xapian-tcpsrv --port P --interface HOST [--timeout MS] --quiet DIR
      Clients search it through a Xapian stub file holding the line `remote :HOST:P`:
        depeches search --index shards.stub Bakou
      Binds to 127.0.0.1 unless --host says otherwise. The server is read-only.
      Exit status: xapian-tcpsrv's (depeches becomes the server):
        69 when it cannot listen (the port is busy or not allowed), 1 when it cannot start.
      On SIGTERM the server stops every process of its process group. From a script,
      start it in a group of its own, so that stopping it spares the script:
        setsid depeches serve-shard --index DIR --port P &
      """)

  /// Where Debian installs the server (package xapian-tools).
  static let serverName = "xapian-tcpsrv"

  @Option(name: .customLong("index"), help: "The database folder to serve (an unsharded index or one shard-NN folder).")
  var indexPath: String

  @Option(help: "TCP port to listen on.")
  var port: Int

  @Option(help: "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
  var host = "127.0.0.1"

  @Option(help: "Milliseconds before an idle or stuck connection is dropped (xapian-tcpsrv's default when absent).")
  var timeout: Int?

  /// `--timeout`'s range in milliseconds: at least one, at most an hour (as `search --timeout`).
  static let timeoutRange = 1...3_600_000

  func validate() throws {
    try checkRange(port, 1...65535, option: "--port")
    if let timeout { try checkRange(timeout, Self.timeoutRange, option: "--timeout", unit: "milliseconds") }
    guard FileManager.default.fileExists(atPath: indexPath + "/iamglass") else {
      throw ValidationError("\(indexPath) is not a single Xapian database (serve each shard-NN folder of a sharded index on its own port)")
    }
  }

  func run() throws {
    guard let server = Self.findServer() else {
      Terminal.error("\(Self.serverName) not found: install it with `apt-get install xapian-tools`")
      throw ExitCode.failure
    }
    let scope = host == "127.0.0.1" || host == "localhost" || host == "::1" ? "loopback only" : "reachable from the network"
    Terminal.note("serving \(indexPath) on \(host):\(port) (\(scope)); stub line: remote :\(host):\(port)")
    var arguments = [server, "--port", String(port), "--interface", host, "--quiet"]
    if let timeout { arguments += ["--timeout", String(timeout)] }
    arguments.append(indexPath)
    let cArguments = arguments.map { strdup($0) } + [nil]
    // The server must get the signals its parent would send (a blocked mask survives exec).
    var none = sigset_t()
    sigemptyset(&none)
    sigprocmask(SIG_SETMASK, &none, nil)
    signal(SIGTERM, SIG_DFL)
    signal(SIGINT, SIG_DFL)
    execv(server, cArguments)
    Terminal.error("cannot start \(server): \(String(cString: strerror(errno)))")
    throw ExitCode.failure
  }

  static func findServer() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(serverName)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}

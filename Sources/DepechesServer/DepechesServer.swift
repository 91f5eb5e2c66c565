import DepechesFormat
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The search page and HTTP API of `depeches serve`, on Hummingbird.
public enum DepechesServer {
  /// The application for a configuration (routes, limits, security headers); `onRunning` is
  /// told the address it listens on. Tests run it in-process with HummingbirdTesting.
  public static func application(
    _ configuration: ServeConfiguration, onRunning: @escaping @Sendable (String) -> Void = { _ in }
  ) -> some ApplicationProtocol {
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: GuardMiddleware())  // before the routes: Hummingbird wraps each route as it is added
    let cache = ResponseCache(paths: configuration.indexes, capacityBytes: configuration.cacheMegabytes << 20)
    Routes(pool: IndexPool(configuration: configuration), cache: cache).add(to: router)
    var logger = Logger(label: "depeches-server")
    logger.logLevel = .warning
    return Application(
      router: router,
      configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
      onServerRunning: { channel in onRunning(address(configuration.host, channel.localAddress?.port)) },
      logger: logger)
  }

  /// Serves until SIGINT or SIGTERM, then stops cleanly (open requests are answered first).
  /// Prints the address to open on stdout, and a warning on stderr when it is reachable from
  /// other machines.
  public static func run(_ configuration: ServeConfiguration) async throws {
    if !configuration.isLoopback {
      note("warning: listening on \(configuration.host): other machines can reach this server, and it has no access control")
    }
    let app = application(configuration) { address in
      FileHandle.standardOutput.write(Data((address + "\n").utf8))  // unbuffered: readers wait for it
      note("depeches serve: searching \(configuration.indexes.joined(separator: ", ")); Ctrl-C stops the server")
    }
    try await app.runService()
  }

  /// "http://HOST:PORT/" (IPv6 hosts in brackets).
  static func address(_ host: String, _ port: Int?) -> String {
    let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    return "http://\(shown):\(port.map(String.init) ?? "?")/"
  }

  /// A line on stderr.
  static func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}

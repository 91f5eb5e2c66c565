/// What `depeches serve` was asked for: the indexes to search, and where to listen. The CLI
/// checks it and hands it to the server program as a command line (`arguments`), which the
/// server reads back with `parse`: one definition of the hand-off on both sides.
public struct ServeConfiguration: Equatable, Sendable {
  /// Index folders or stub files, searched together (as `depeches search --index`).
  public var indexes: [String]
  /// Seconds to wait for a remote shard.
  public var timeout: Double
  /// Search the shards that answer when some do not (the page says which are missing).
  public var partial: Bool
  /// The address to listen on: loopback unless asked otherwise.
  public var host: String
  /// The TCP port (0: any free port, printed when listening).
  public var port: Int
  /// Megabytes of finished search answers kept while the index is unchanged (0: none).
  public var cacheMegabytes: Int

  /// Listened on when no `--host` is given: this machine only.
  public static let defaultHost = "127.0.0.1"
  /// The port when no `--port` is given.
  public static let defaultPort = 8080
  /// The index read when no `--index` is given (as the CLI's).
  public static let defaultIndexes = ["Index"]
  /// Seconds to wait for a remote shard by default (as the CLI's).
  public static let defaultTimeout: Double = 10
  /// Answers kept by default: a few thousand pages of results (one is 5–30 KB).
  public static let defaultCacheMegabytes = 32
  /// The most `--cache-mb` accepts: far more than a search page's working set.
  public static let maxCacheMegabytes = 4_096

  /// A configuration; the defaults are the CLI's.
  public init(
    indexes: [String] = ServeConfiguration.defaultIndexes, timeout: Double = ServeConfiguration.defaultTimeout,
    partial: Bool = false, host: String = ServeConfiguration.defaultHost, port: Int = ServeConfiguration.defaultPort,
    cacheMegabytes: Int = ServeConfiguration.defaultCacheMegabytes
  ) {
    self.cacheMegabytes = cacheMegabytes
    self.indexes = indexes
    self.timeout = timeout
    self.partial = partial
    self.host = host
    self.port = port
  }

  /// True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost).
  public var isLoopback: Bool {
    let host = host.lowercased()
    return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// The problem with this configuration, if any, as a message for "Error: …".
  public var problem: String? {
    if indexes.isEmpty || indexes.contains(where: \.isEmpty) { return "--index needs a folder or stub file" }
    if !(timeout > 0) { return "--timeout must be more than 0 seconds" }
    if !(0...65_535).contains(port) { return "--port must be between 0 and 65535" }
    if !(0...Self.maxCacheMegabytes).contains(cacheMegabytes) {
      return "--cache-mb must be between 0 and \(Self.maxCacheMegabytes)"
    }
    if host.isEmpty || host.contains(where: { $0.isWhitespace || $0 == "/" }) {
      return "--host expects an address or host name, got \"\(host)\""
    }
    return nil
  }

  /// Reads the server program's command line (`depeches serve` passes its checked options as
  /// `--index DIR ... --timeout S [--partial] --host H --port P --cache-mb M`); nil with a message when it
  /// does not parse.
  public static func parse(_ arguments: [String]) -> Result<ServeConfiguration, ArgumentError> {
    var configuration = ServeConfiguration(indexes: [])
    var rest = arguments[...]
    while let name = rest.popFirst() {
      if name == "--partial" {
        configuration.partial = true
        continue
      }
      guard ["--index", "--timeout", "--host", "--port", "--cache-mb"].contains(name) else {
        return .failure(ArgumentError("unknown option \(name) (run the server through `depeches serve`)"))
      }
      guard let value = rest.popFirst() else { return .failure(ArgumentError("\(name) needs a value")) }
      switch name {
      case "--index": configuration.indexes.append(value)
      case "--host": configuration.host = value
      case "--timeout":
        guard let seconds = Double(value) else { return .failure(ArgumentError("--timeout expects seconds, got \"\(value)\"")) }
        configuration.timeout = seconds
      case "--cache-mb":
        guard let megabytes = Int(value) else { return .failure(ArgumentError("--cache-mb expects a number, got \"\(value)\"")) }
        configuration.cacheMegabytes = megabytes
      default:
        guard let port = Int(value) else { return .failure(ArgumentError("--port expects a number, got \"\(value)\"")) }
        configuration.port = port
      }
    }
    if configuration.indexes.isEmpty { configuration.indexes = defaultIndexes }
    if let problem = configuration.problem { return .failure(ArgumentError(problem)) }
    return .success(configuration)
  }

  /// The arguments `parse` reads back into this configuration.
  public var arguments: [String] {
    indexes.flatMap { ["--index", $0] } + ["--timeout", String(timeout)] + (partial ? ["--partial"] : [])
      + ["--host", host, "--port", String(port), "--cache-mb", String(cacheMegabytes)]
  }
}

/// A command line the server program cannot use.
public struct ArgumentError: Error, Equatable, CustomStringConvertible {
  /// What is wrong, for "Error: …".
  public var description: String

  /// An error with its message.
  public init(_ description: String) { self.description = description }
}

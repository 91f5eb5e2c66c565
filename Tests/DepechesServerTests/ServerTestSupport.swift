import DepechesFormat
import DepechesKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import DepechesServer

/// The package's root folder (for seeds/).
let packageRoot: String = {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
}()

/// A temporary folder removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {
  // Sendable: `path` is immutable; the folder is only written before the tests read it.
  let path: String

  init() {
    path = NSTemporaryDirectory() + "depeches-server-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes a file (creating folders).
  func write(_ name: String, _ text: String) {
    let full = path + "/" + name
    try! FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
  }
}

/// Dispatches that try to inject markup: every field and the text must show as text.
let hostileTitle = "<script>alert(1)</script>"
let hostileText = "\"><img src=x onerror=alert(2)>"

/// A temporary index of seeds/ plus the hostile dispatches, built once for all the tests (they
/// only read it); its folder is removed when the test process exits.
final class SeedIndex: @unchecked Sendable {
  // Sendable: everything is set in init and only read afterwards.
  let folder = TemporaryFolder()
  let index: String

  /// The one every suite reads.
  static let shared: SeedIndex = {
    let seeds = try! SeedIndex()
    atexit { try? FileManager.default.removeItem(atPath: SeedIndex.shared.folder.path) }
    return seeds
  }()

  init() throws {
    try FileManager.default.copyItem(atPath: packageRoot + "/seeds", toPath: folder.path + "/seeds")
    folder.write("seeds/zz-hostile.txt", "\(hostileTitle)\n\nLe 3 mars 2021, des drones : \(hostileText) fin.")
    folder.write(
      "seeds/zz-hostile.md",
      "---\ntitle: Titre \(hostileText)\nsource: <b>agence</b>\nurl: javascript:alert(3)\ndate: 2021-03-04\n---\n\nLes drones \(hostileText) encore.")
    index = folder.path + "/Index"
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/seeds"], indexPath: index)).run()
  }

  var configuration: ServeConfiguration { ServeConfiguration(indexes: [index]) }
}

/// Runs `test` against the application in-process (no socket), through HummingbirdTesting.
func withServer<Value: Sendable>(
  _ configuration: ServeConfiguration, _ test: @Sendable (any TestClientProtocol) async throws -> Value
) async throws -> Value {
  try await DepechesServer.application(configuration).test(.router, test)
}

extension TestClientProtocol {
  /// A GET, its status, headers and body as text.
  func get(_ uri: String, headers: HTTPFields = [:]) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
    try await execute(uri: uri, method: .get, headers: headers) { response in
      (response.status, response.headers, String(buffer: response.body))
    }
  }
}

/// The `error` of an API error document.
func errorMessage(_ body: String) throws -> String {
  let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
  return try #require(object?["error"] as? String)
}

/// What a run of a built binary printed and returned.
struct Run {
  var stdout: String
  var stderr: String
  var status: Int32
}

/// A built program of the package: beside the test bundle, else in .build/debug.
func builtProgram(_ name: String) -> String {
  let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
  if FileManager.default.isExecutableFile(atPath: beside) { return beside }
  return packageRoot + "/.build/debug/" + name
}

/// Runs a program to its end (stdin empty) and returns what it printed.
func runProgram(_ path: String, _ arguments: [String], in directory: String? = nil) throws -> Run {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  var environment = ProcessInfo.processInfo.environment
  environment["NO_COLOR"] = "1"
  process.environment = environment
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Run(
    stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
    status: process.terminationStatus)
}

/// Runs a program with its output in files, killing it if it has not ended by the deadline.
func runWithDeadline(_ path: String, _ arguments: [String], deadline: TimeInterval) throws -> Run {
  let folder = TemporaryFolder()
  let (outPath, errPath) = (folder.path + "/out", folder.path + "/err")
  _ = FileManager.default.createFile(atPath: outPath, contents: nil)
  _ = FileManager.default.createFile(atPath: errPath, contents: nil)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
  process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
  process.standardInput = FileHandle.nullDevice
  let ended = DispatchSemaphore(value: 0)
  process.terminationHandler = { _ in ended.signal() }
  try process.run()
  if ended.wait(timeout: .now() + deadline) == .timedOut {
    process.terminate()
    ended.wait()
  }
  return Run(
    stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
    stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "", status: process.terminationStatus)
}

/// `depeches serve` running in the background; `stop` ends it whatever happened.
final class ServerProcess: @unchecked Sendable {
  // Sendable: `process` and `output` are set in init; `firstLine` is written by the reading
  // thread before it signals `announced`, and read only after waiting on it.
  private let process = Process()
  private let output = Pipe()
  private let announced = DispatchSemaphore(value: 0)
  private let ended = DispatchSemaphore(value: 0)
  private var firstLine: String?

  /// Starts `depeches ARGUMENTS` in `directory`.
  init(arguments: [String], in directory: String) throws {
    process.executableURL = URL(fileURLWithPath: builtProgram("depeches"))
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardOutput = output
    process.standardError = FileHandle.standardError  // the server's messages show in the test log
    process.standardInput = FileHandle.nullDevice
    process.terminationHandler = { [ended] _ in ended.signal() }
    try process.run()
    Thread.detachNewThread { [self] in
      firstLine = Self.readLine(output.fileHandleForReading)
      announced.signal()
    }
  }

  /// The address the server printed on stdout, nil if it printed none by the deadline.
  func address(within deadline: TimeInterval) -> String? {
    guard announced.wait(timeout: .now() + deadline) == .success else { return nil }
    return firstLine
  }

  /// Sends SIGINT (Ctrl-C) and returns the exit status, nil if it did not end by the deadline.
  func interrupt(within deadline: TimeInterval) -> Int32? {
    kill(process.processIdentifier, SIGINT)
    guard ended.wait(timeout: .now() + deadline) == .success else { return nil }
    ended.signal()  // for stop()
    return process.terminationStatus
  }

  /// Ends the server if it still runs, and waits for it.
  func stop() {
    if process.isRunning { process.terminate() }
    ended.wait()
    ended.signal()
  }

  private static func readLine(_ handle: FileHandle) -> String? {
    var bytes: [UInt8] = []
    while true {
      let data = handle.readData(ofLength: 1)
      guard let byte = data.first else { return nil }
      if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
  }
}

import Foundation

/// What a run of the built `depeches` binary printed and returned.
struct Run {
  var stdout: String
  var stderr: String
  var status: Int32
  /// True when a signal ended the process (`status` is then the signal's number).
  var signalled = false
}

/// The package's root folder.
let packageRoot: String = {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
}()

/// The built binary: $DEPECHES_BIN, else beside the test bundle, else .build/debug.
let depechesBinary: String = {
  if let path = ProcessInfo.processInfo.environment["DEPECHES_BIN"] { return path }
  let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("depeches").path
  if FileManager.default.isExecutableFile(atPath: beside) { return beside }
  return packageRoot + "/.build/debug/depeches"
}()

/// Runs `depeches` with arguments in a working directory; stdin is empty.
func depeches(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Run {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: depechesBinary)
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  var env = ProcessInfo.processInfo.environment
  env["NO_COLOR"] = "1"
  env.merge(environment) { $1 }
  process.environment = env
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
    status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal)
}

/// A temporary working folder with a copy of seeds/, removed on release.
final class Workspace {
  let path: String

  init(withSeeds: Bool = true) {
    path = NSTemporaryDirectory() + "depeches-cli-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    if withSeeds { try! FileManager.default.copyItem(atPath: packageRoot + "/seeds", toPath: path + "/seeds") }
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func write(_ name: String, bytes: [UInt8]) {
    let full = path + "/" + name
    try! FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)), "cannot write \(full)")
  }

  func run(_ arguments: String...) throws -> Run { try depeches(arguments, in: path) }
  /// Runs depeches with an argument array.
  func run(_ arguments: [String]) throws -> Run { try depeches(arguments, in: path) }
}

/// Checks `condition` every `interval` seconds until it holds or `seconds` have passed; true
/// when it held. Tests wait on another process this way, never with a fixed sleep.
func eventually(within seconds: Double = 60, every interval: Double = 0.02, _ condition: () throws -> Bool) rethrows -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while true {
    if try condition() { return true }
    guard Date() < deadline else { return false }
    Thread.sleep(forTimeInterval: interval)
  }
}

/// Parses JSON output into a dictionary.
func jsonObject(_ text: String) throws -> [String: Any] {
  try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}

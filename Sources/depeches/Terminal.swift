import Foundation

/// Where output goes and how it looks: results on stdout, everything else on stderr, colour
/// only on a terminal and never when NO_COLOR is set.
enum Terminal {
  static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
  static let stderrIsTTY = isatty(STDERR_FILENO) == 1
  static let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false

  /// True when stdout may carry ANSI styles.
  static var styledStdout: Bool { stdoutIsTTY && !noColor }
  /// True when stderr may carry ANSI styles.
  static var styledStderr: Bool { stderrIsTTY && !noColor }

  /// Writes results to stdout as they are (no newline added).
  static func output(_ text: String) {
    print(text, terminator: "")
  }

  /// Writes a line to stderr.
  static func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Writes "warning: …" to stderr.
  static func warning(_ message: String) {
    note((styledStderr ? "\u{1B}[33mwarning:\u{1B}[0m " : "warning: ") + message)
  }

  /// Writes "Error: …" to stderr.
  static func error(_ message: String) {
    note((styledStderr ? "\u{1B}[31mError:\u{1B}[0m " : "Error: ") + message)
  }

  /// Bold text on a styled stdout.
  static func bold(_ text: String) -> String { styledStdout ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  /// Dim text on a styled stdout.
  static func dim(_ text: String) -> String { styledStdout ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

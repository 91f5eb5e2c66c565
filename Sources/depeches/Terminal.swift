import Foundation

/// Where output goes and how it looks: results on stdout, everything else on stderr, colour
/// only on a terminal, never when NO_COLOR is set or TERM is `dumb` (a terminal that says it
/// takes no escape sequence; the progress bar is off there too).
///
/// Nothing read from a file or typed by a user reaches the terminal raw: text output is a
/// `TerminalText`, whose interpolated strings have every control character shown escaped,
/// and messages on stderr are escaped whole. Escape sequences come only from the styles here.
enum Terminal {
  static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
  static let stderrIsTTY = isatty(STDERR_FILENO) == 1
  static let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
  /// True when TERM says the terminal takes no escape sequence.
  static let dumbTerminal = ProcessInfo.processInfo.environment["TERM"] == "dumb"

  /// True when stdout may carry ANSI styles.
  static var styledStdout: Bool { stdoutIsTTY && !noColor && !dumbTerminal }
  /// True when stderr may carry ANSI styles.
  static var styledStderr: Bool { stderrIsTTY && !noColor && !dumbTerminal }
  /// True when stderr may carry a progress line redrawn in place (escape sequences).
  static var canRedrawStderr: Bool { stderrIsTTY && !dumbTerminal }

  /// Writes text to stdout.
  static func output(_ text: TerminalText) {
    write(text.rendered, to: STDOUT_FILENO)
  }

  /// Writes JSON to stdout, with a newline. The encoder escapes C0 controls; DEL and the C1
  /// controls, which JSON allows raw, are escaped too (`\u009b`), which leaves every value
  /// as it was.
  static func outputJSON(_ json: String) {
    write(escapingJSONControls(json) + "\n", to: STDOUT_FILENO)
  }

  /// Writes a document (an Atom feed) to stdout as it is but for control characters other
  /// than newlines and tabs, shown escaped (the feed writer leaves none).
  static func outputDocument(_ text: String) {
    write(escapingControls(text, keepingLines: true), to: STDOUT_FILENO)
  }

  /// Writes a one-line message to stderr; control characters in it (newlines too) are shown
  /// escaped, so a file name cannot break the line or drive the terminal.
  static func note(_ line: String) {
    note(TerminalText(plain: line))
  }

  /// Writes "warning: …" to stderr (the message escaped like `note`'s).
  static func warning(_ message: String) {
    note(style("33", "warning:", on: styledStderr) + " " + TerminalText(plain: message))
  }

  /// Writes "Error: …" to stderr (the message escaped like `note`'s).
  static func error(_ message: String) {
    note(style("31", "Error:", on: styledStderr) + " " + TerminalText(plain: message))
  }

  /// Writes a usage or error text of several lines (ArgumentParser's) to stdout or stderr:
  /// newlines and tabs kept, every other control character escaped.
  static func report(_ text: String, toStdout: Bool) {
    write(escapingControls(text, keepingLines: true) + "\n", to: toStdout ? STDOUT_FILENO : STDERR_FILENO)
  }

  /// Redraws the progress line on stderr (a terminal's: it rewrites the line in place).
  static func progress(_ line: String) {
    write("\r\u{1B}[K" + escapingControls(line), to: STDERR_FILENO)
  }

  /// Clears the progress line.
  static func clearProgress() { write("\r\u{1B}[K", to: STDERR_FILENO) }

  /// Bold text on a styled stdout.
  static func bold(_ text: String) -> TerminalText { style("1", text, on: styledStdout) }
  /// Dim text on a styled stdout.
  static func dim(_ text: String) -> TerminalText { style("2", text, on: styledStdout) }

  /// `text` escaped, inside the ANSI style `code` when `on`.
  static func style(_ code: String, _ text: String, on: Bool) -> TerminalText {
    let inner = TerminalText(plain: text)
    guard on else { return inner }
    return TerminalText(trusted: "\u{1B}[\(code)m") + inner + TerminalText(trusted: "\u{1B}[0m")
  }

  private static func note(_ line: TerminalText) {
    write(line.rendered + "\n", to: STDERR_FILENO)
  }

  /// Writes all of `text` to the file descriptor (`write(2)` until done; one call per
  /// message, so nothing is buffered and stdout and stderr keep their order).
  private static func write(_ text: String, to fd: Int32) {
    var text = text
    text.withUTF8 { bytes in
      var done = 0
      while done < bytes.count {
        let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return }
        done += n
      }
    }
  }

  // MARK: - Escaping

  /// True for the scalars a terminal may take as commands: C0 (tab and newline included
  /// unless `keepingLines`), DEL and C1 (U+0080–U+009F).
  static func isControl(_ scalar: Unicode.Scalar, keepingLines: Bool = false) -> Bool {
    let v = scalar.value
    if keepingLines && (v == 0x0A || v == 0x09) { return false }
    return v < 0x20 || (0x7F...0x9F).contains(v)
  }

  /// `text` with every control character shown as an escape: `\n`, `\t`, `\r`, else `\xHH`
  /// (ESC is `\x1B`); text without any is returned as it is, after one pass over its bytes.
  static func escapingControls(_ text: String, keepingLines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0, keepingLines: keepingLines) }) else {
      return text
    }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      guard isControl(scalar, keepingLines: keepingLines) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default: out += "\\x" + hex(scalar.value)
      }
    }
    return out
  }

  /// JSON text with DEL and C1 controls written as `\u00XX` (they occur only inside strings).
  static func escapingJSONControls(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return json }
    var out = ""
    for scalar in json.unicodeScalars {
      if (0x7F...0x9F).contains(scalar.value) {
        out += "\\u00" + hex(scalar.value).lowercased()
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(value >> 4) & 0xF], digits[Int(value) & 0xF]])
  }
}

/// Text on its way to a terminal. String literals in it are the program's own; every string
/// interpolated into it, or given as `plain`, has its control characters shown escaped
/// (`Terminal.escapingControls`), so only `Terminal`'s styles put escape sequences in it.
struct TerminalText: ExpressibleByStringInterpolation, Equatable {
  /// The text as written to the terminal.
  private(set) var rendered: String

  /// Text read or typed: control characters escaped (newlines and tabs too).
  init(plain: String) { rendered = Terminal.escapingControls(plain) }

  /// The program's own text, styles included.
  fileprivate init(trusted: String) { rendered = trusted }

  /// A literal of the program, written as it is.
  init(stringLiteral literal: String) { rendered = literal }

  init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.rendered }

  /// Builds a `TerminalText` from literals (kept) and values (escaped).
  struct StringInterpolation: StringInterpolationProtocol {
    fileprivate var rendered = ""

    init(literalCapacity: Int, interpolationCount: Int) {
      rendered.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    mutating func appendLiteral(_ literal: String) { rendered += literal }
    /// A string from outside: escaped.
    mutating func appendInterpolation(_ text: String) { rendered += Terminal.escapingControls(text) }
    /// Text already made safe.
    mutating func appendInterpolation(_ text: TerminalText) { rendered += text.rendered }
    /// A number.
    mutating func appendInterpolation<T: BinaryInteger>(_ number: T) { rendered += String(number) }
  }

  static func + (left: TerminalText, right: TerminalText) -> TerminalText {
    TerminalText(trusted: left.rendered + right.rendered)
  }

  static func += (left: inout TerminalText, right: TerminalText) {
    left.rendered += right.rendered
  }
}

import ArgumentParser
import DepechesKit
import Foundation

/// Runs a command body: a `DepechesError` is printed as "Error: …" on stderr and becomes exit
/// 64 (bad usage) or 1 (runtime failure).
func runReportingFailures(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as DepechesError {
    Terminal.error(error.description)
    switch error {
    case .invalidQuery, .invalidArgument: throw ExitCode(64)
    case .interrupted: throw ExitCode(130)
    default: throw ExitCode.failure
    }
  }
}

/// Ends the process for an error of the command line or of a run, as ArgumentParser's
/// `exit(withError:)` does, but with its text's control characters escaped (a typed argument
/// quoted in a usage error may hold an ESC): help and version on stdout, the rest on stderr.
func exitReporting(_ error: Error) -> Never {
  let code = Depeches.exitCode(for: error)
  let text = Depeches.fullMessage(for: error)
  if !text.isEmpty { Terminal.report(text, toStdout: code.isSuccess) }
  exit(code.rawValue)
}

/// Throws a usage error (exit 64) naming `option`, its allowed range and the value given,
/// unless `range` holds `value`. Every number read from the command line goes through it, so
/// none can overflow a conversion later.
func checkRange<T: Comparable>(_ value: T, _ range: ClosedRange<T>, option: String, unit: String = "") throws {
  guard !range.contains(value) else { return }
  let suffix = unit.isEmpty ? "" : " " + unit
  throw ValidationError(
    "\(option) must be between \(number(range.lowerBound)) and \(number(range.upperBound))\(suffix), got \(number(value))")
}

/// A number as typed: integral doubles without ".0".
private func number<T>(_ value: T) -> String {
  if let double = value as? Double, double.rounded() == double, abs(double) < 1e15 { return String(Int(double)) }
  return "\(value)"
}

/// Parses a `--since`/`--until` value.
func parseDay(_ text: String?, option: String) throws -> DispatchDate? {
  guard let text else { return nil }
  guard let date = DispatchDate(iso: text) else {
    throw ValidationError("\(option) expects a date as YYYY-MM-DD, got \"\(text)\"")
  }
  return date
}

import ArgumentParser

/// Catches a mistyped subcommand (`depeches serch x`) before ArgumentParser, which would only
/// report "unexpected arguments", and names the command meant.
enum CommandSuggestion {
  /// Largest edit distance at which a word is taken for a typo of a command name.
  static let maxTypoDistance = 2

  /// The usage error for `arguments` whose first word is no command, or nil when the first
  /// word is a command, an option, or absent.
  static func error(for arguments: [String], commands: [String]) -> ValidationError? {
    guard let word = arguments.first, !word.hasPrefix("-"), word != "help", !commands.contains(word) else {
      return nil
    }
    let list = commands.joined(separator: ", ")
    let nearest = commands.map { (name: $0, distance: editDistance(word.lowercased(), $0)) }
      .min { $0.distance < $1.distance }
    if let nearest, nearest.distance <= maxTypoDistance {
      return ValidationError("unknown command '\(word)'. Did you mean '\(nearest.name)'? (commands: \(list))")
    }
    return ValidationError("unknown command '\(word)' (commands: \(list))")
  }

  /// Levenshtein distance between two words, over characters.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      previous = current
    }
    return previous[b.count]
  }
}

/// The quick reading of `depeches search`'s command line. ArgumentParser discovers options by
/// reflection and protocol-conformance look-ups at every start, a large part of a short
/// search process (figures in docs/benchmarks.md); the common forms are read here instead:
/// words, and search's own long options as `--name value` or `--name=value`.
///
/// A `-word` after the first word is query syntax (without that word), as in ArgumentParser's
/// reading (`forArgumentParser`). Anything else returns nil and goes to ArgumentParser, which
/// also reports every usage error: another word or value starting with "-" (short options,
/// `--help`, `--`), an unknown option, a single-value option or flag given twice, an empty
/// value, a number that does not parse, or values that fail validation. QuickSearchTests checks that both readers agree, and that
/// `Option` lists exactly the options ArgumentParser knows for `search`.
enum QuickSearch {
  /// Search's options, as this reader takes them. A test compares this table with
  /// ArgumentParser's own model of `SearchCommand` (names, flag or value, repeatable or not):
  /// an option added to one and not the other fails it.
  enum Option: String, CaseIterable {
    case index = "--index"
    case timeout = "--timeout"
    case partial = "--partial"
    case limit = "--limit"
    case offset = "--offset"
    case since = "--since"
    case until = "--until"
    case sort = "--sort"
    case source = "--source"
    case passages = "--passages"
    case json = "--json"
    case allVersions = "--all-versions"

    /// False for a flag, true for an option followed by its value.
    var takesValue: Bool { self != .partial && self != .json && self != .allVersions }
    /// True when the option may be given several times (each `--index` is searched).
    var repeats: Bool { self == .index }
  }

  /// The search asked for by `arguments` (the command line after the program name), or nil
  /// when ArgumentParser must read it.
  static func invocation(_ arguments: [String]) -> SearchInvocation? {
    guard arguments.first == "search" else { return nil }
    var search = SearchInvocation(words: [])
    var indexes: [String] = []
    var given: Set<String> = []
    var rest = arguments.dropFirst()
    while let argument = rest.popFirst() {
      guard argument.hasPrefix("-"), search.words.isEmpty || !isExcludedWord(argument) else {
        search.words.append(argument)
        continue
      }
      let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let option = Option(rawValue: String(parts[0])), option.repeats || given.insert(option.rawValue).inserted
      else { return nil }
      guard let value = value(of: option, inline: parts.count == 2 ? parts[1] : nil, rest: &rest),
        set(option, to: value, in: &search, indexes: &indexes)
      else { return nil }
    }
    if !indexes.isEmpty { search.indexes = indexes }
    guard !search.words.isEmpty, (try? ReadIndexOptions.validate(timeout: search.timeout)) != nil,
      (try? search.validate()) != nil
    else { return nil }
    return search
  }

  /// True for `-word` (and `-"phrase"`): after the query's first word, the query syntax's
  /// "without this word", not an option (search has no short option but `-h`). Before it, and
  /// `--anything`, stay options.
  static func isExcludedWord(_ argument: String) -> Bool {
    argument.count > 1 && argument.hasPrefix("-") && !argument.hasPrefix("--") && argument != "-h"
  }

  /// The command line as ArgumentParser must read it: a `search` with `-word` after its first
  /// word gets its words after a `--` (which ends the options), its options before it in the
  /// order given, so that ArgumentParser reads the same search as `invocation` and reports the
  /// same usage errors. Other command lines are returned as they are.
  static func forArgumentParser(_ arguments: [String]) -> [String] {
    guard arguments.first == "search", !arguments.contains("--") else { return arguments }
    var options: [String] = []
    var words: [String] = []
    var rest = arguments.dropFirst()
    while let argument = rest.popFirst() {
      guard argument.hasPrefix("-"), words.isEmpty || !isExcludedWord(argument) else {
        words.append(argument)
        continue
      }
      options.append(argument)
      if let option = Option(rawValue: argument), option.takesValue, let value = rest.popFirst() { options.append(value) }
    }
    guard words.dropFirst().contains(where: isExcludedWord) else { return arguments }
    return ["search"] + options + ["--"] + words
  }

  /// The value given to `option`: "" for a flag (which takes none), else the text after "=" or
  /// the next argument; nil when it is missing, empty or starts with "-".
  private static func value(of option: Option, inline: Substring?, rest: inout ArraySlice<String>) -> String? {
    guard option.takesValue else { return inline == nil ? "" : nil }
    guard let value = inline.map(String.init) ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else {
      return nil
    }
    return value
  }

  /// Stores one option's value (a flag's is ""); false when it does not parse.
  private static func set(
    _ option: Option, to value: String, in search: inout SearchInvocation, indexes: inout [String]
  ) -> Bool {
    switch option {
    case .json: search.json = true
    case .allVersions: search.allVersions = true
    case .partial: search.partial = true
    case .index: indexes.append(value)
    case .since: search.since = value
    case .until: search.until = value
    case .sort: search.sort = value
    case .source: search.source = value
    case .passages:
      guard let number = Int(value) else { return false }
      search.passages = number
    case .timeout:
      guard let seconds = Double(value) else { return false }
      search.timeout = seconds
    case .limit:
      guard let number = Int(value) else { return false }
      search.limit = number
    case .offset:
      guard let number = Int(value) else { return false }
      search.offset = number
    }
    return true
  }
}

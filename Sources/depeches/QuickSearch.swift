/// The quick reading of `depeches search`'s command line. ArgumentParser discovers options by
/// reflection and protocol-conformance lookups, which in a short-lived process cost more than
/// the search itself; the common forms are read here instead: words, and search's own long
/// options as `--name value` or `--name=value`.
///
/// Anything else returns nil and goes to ArgumentParser, which also reports every usage error:
/// a word or value starting with "-" (short options, `--help`, `--`), an unknown option, a
/// single-value option or flag given twice, an empty value, a number that does not parse, or
/// values that fail validation. QuickSearchTests checks that both readers agree.
enum QuickSearch {
  /// The options that take a value.
  private enum ValueOption: String {
    case index = "--index"
    case timeout = "--timeout"
    case limit = "--limit"
    case offset = "--offset"
    case since = "--since"
    case until = "--until"
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
      guard argument.hasPrefix("-") else {
        search.words.append(argument)
        continue
      }
      let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0])
      guard name == "--index" || given.insert(name).inserted else { return nil }
      if name == "--json" || name == "--partial" {
        guard parts.count == 1 else { return nil }
        if name == "--json" { search.json = true } else { search.partial = true }
        continue
      }
      guard let option = ValueOption(rawValue: name),
        let value = parts.count == 2 ? String(parts[1]) : rest.popFirst(),
        !value.isEmpty, !value.hasPrefix("-"),
        set(option, to: value, in: &search, indexes: &indexes)
      else { return nil }
    }
    if !indexes.isEmpty { search.indexes = indexes }
    guard !search.words.isEmpty, (try? ReadIndexOptions.validate(timeout: search.timeout)) != nil,
      (try? search.validate()) != nil
    else { return nil }
    return search
  }

  /// Stores one option's value; false when it does not parse.
  private static func set(
    _ option: ValueOption, to value: String, in search: inout SearchInvocation, indexes: inout [String]
  ) -> Bool {
    switch option {
    case .index: indexes.append(value)
    case .since: search.since = value
    case .until: search.until = value
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

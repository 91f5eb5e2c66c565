/// Questions typed as a reader asks them (`pourquoi la Turquie soutient-elle l'Azerbaïdjan ?`,
/// `qui a signé …`, `que s'est-il passé à Chouchi ?`): the words that make the sentence a
/// question are in no dispatch, so they must not be required.
///
/// - An inverted subject pronoun after a hyphen (`soutient-elle`, `a-t-il`, `rentrent-ils`,
///   `est-ce`) is dropped from the hyphenated group: the verb stays a free word instead of a
///   phrase no text writes.
/// - In a question (it starts with an interrogative word), the interrogative words
///   (`pourquoi`, `comment`, `quand`, `quel`…) and auxiliaries (`qui a`) become stop words,
///   and so does the verb of the idiom "what happened" (`que s'est-il passé`, `que se
///   passe-t-il`, `qu'est-il arrivé`), and that of "what is known" (`que sait-on de`, `que
///   faut-il savoir sur`).
enum NaturalQuestion {
  /// Folded interrogative words (`où` folds to `ou`, already a stop word).
  static func isInterrogative(_ term: String) -> Bool {
    switch term {
    case "pourquoi", "comment", "quand", "combien", "quel", "quelle", "quels", "quelles",
      "lequel", "laquelle", "lesquels", "lesquelles", "qui", "que", "qu", "quoi", "ou":
      return true
    default: return false
    }
  }

  /// Subject pronouns written after the verb in a French question, and the euphonic `t`.
  static func isInvertedSubject(_ term: String) -> Bool {
    switch term {
    case "il", "elle", "ils", "elles", "on", "ce", "t": return true
    default: return false
    }
  }

  /// Auxiliaries of a question's frame the stop-word list leaves out (`qui a …`, `a-t-il`).
  static func isAuxiliary(_ term: String) -> Bool {
    term == "a" || term == "va" || term == "vont"
  }

  /// The verb of "what happened" (`passé`, `passe`, `arrivé`), folded.
  static func isHappenedVerb(_ term: String) -> Bool {
    term == "passe" || term == "arrive"
  }

  /// Verbs of "what is known" written with an inverted subject (`que sait-on de …`, `que
  /// savons-nous`, `que faut-il savoir`), folded: part of the frame, in no dispatch.
  static func isKnowingVerb(_ term: String) -> Bool {
    switch term {
    case "sait", "savons", "savez", "faut": return true
    default: return false
    }
  }

  /// Infinitives that end the frame `que faut-il savoir`, `que peut-on dire`, folded.
  static func isFrameInfinitive(_ term: String) -> Bool {
    term == "savoir" || term == "dire" || term == "retenir"
  }

  /// Inverted words at most this far into a question still belong to its frame.
  static let frameReach = 4

  /// `lexemes` with inverted pronouns split off and, in a question, its frame words made stop
  /// words.
  static func relaxed(_ lexemes: [QueryLexeme]) -> [QueryLexeme] {
    var nodesSeen = 0
    var frameOpen = false
    let question = startsWithInterrogative(lexemes)
    return lexemes.map { lexeme in
      guard case .atom(let nodes) = lexeme else { return lexeme }
      var out: [QueryNode] = []
      for node in nodes {
        nodesSeen += 1
        var (kept, inverted) = withoutInvertedSubject(node)
        if question, case .word(var word) = kept {
          let frameVerb = frameOpen && (isHappenedVerb(word.term) || isFrameInfinitive(word.term))
          let knowing = inverted && nodesSeen <= frameReach && isKnowingVerb(word.term)
          if isInterrogative(word.term) || isAuxiliary(word.term) || frameVerb || knowing { word.isStopWord = true }
          kept = .word(word)
          frameOpen = frameOpen && !frameVerb
        }
        if inverted && question && nodesSeen <= frameReach { frameOpen = true }
        out.append(kept)
      }
      return .atom(out)
    }
  }

  /// True when the first word typed is an interrogative one.
  private static func startsWithInterrogative(_ lexemes: [QueryLexeme]) -> Bool {
    guard case .atom(let nodes)? = lexemes.first, let first = nodes.first else { return false }
    switch first {
    case .word(let word): return isInterrogative(word.term)
    case .phrase(let words): return words.first.map { isInterrogative($0.term) } ?? false
    default: return false
    }
  }

  /// A hyphenated group without its trailing inverted pronouns, and whether it had any.
  private static func withoutInvertedSubject(_ node: QueryNode) -> (QueryNode, Bool) {
    guard case .phrase(var words) = node, words.count > 1 else { return (node, false) }
    var dropped = false
    while words.count > 1, let last = words.last, isInvertedSubject(last.term) {
      words.removeLast()
      dropped = true
    }
    guard dropped else { return (node, false) }
    return (words.count == 1 ? .word(words[0]) : .phrase(words), true)
  }
}

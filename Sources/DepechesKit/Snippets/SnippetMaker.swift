/// Builds the snippet of one result: its best passage, analysed again (with the indexer's
/// analyzer, so token positions are the indexed ones), the matched words marked, and trimmed
/// to a window around the first match.
struct SnippetMaker {
  /// Longest snippet, in Unicode scalars (before the "…" marks).
  static let maxLength = 300
  /// Scalars of context kept before the first highlight when trimming.
  static let leadingContext = 60

  let analyzer: FrenchAnalyzer
  let stems: StemCache

  /// The snippet of `passage` (index into the stored passages) given the document's hits.
  func snippet(of stored: StoredDispatch, passage: Int, hits: PassageChooser.Hits, plan: MatchPlan) -> Snippet {
    guard stored.dispatch.passages.indices.contains(passage) else { return Snippet(text: "", highlights: []) }
    let text = stored.dispatch.passages[passage]
    return trim(text, highlights(in: text, start: stored.passageStarts[passage], hits: hits, plan: plan))
  }

  /// The matched words of `text`, an indexed text (title or passage) whose first word is at
  /// term position `start`: scalar ranges, phrase words merged into one.
  func highlights(in text: String, start: Int, hits: PassageChooser.Hits, plan: MatchPlan) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var previous: (position: Int, inPhrase: Bool)?
    analyzer.forEachToken(in: text) { token in
      let position = start + token.position
      let inPhrase = hits.phrasePositions.contains(position)
      guard hits.positions.contains(position) || matchesFreeWord(token, plan: plan) else {
        previous = nil
        return
      }
      if let last = previous, last.inPhrase, inPhrase, last.position + 1 == position,
        !hits.phraseStarts.contains(position), let open = ranges.popLast()
      {
        ranges.append(open.lowerBound..<token.range.upperBound)
      } else {
        ranges.append(token.range)
      }
      previous = (position, inPhrase)
    }
    return ranges
  }

  /// Whether a token matches a free word of the query (exact form or stem), for matches whose
  /// positions were not looked up (stem variants that are not prefixes of the stem).
  private func matchesFreeWord(_ token: Token, plan: MatchPlan) -> Bool {
    if plan.exactTerms.contains(token.term) { return true }
    guard !token.isStopWord, !plan.stems.isEmpty else { return false }
    return plan.stems.contains(stems.foldedStem(token.stemBase))
  }

  /// Cuts long text to a window starting a little before the first highlight, at word ends.
  func trim(_ text: String, _ ranges: [Range<Int>]) -> Snippet {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count > SnippetMaker.maxLength else { return Snippet(text: text, highlights: ranges) }
    var from = max(0, (ranges.first?.lowerBound ?? 0) - SnippetMaker.leadingContext)
    if from > 0 {
      while from < scalars.count && !isSpace(scalars[from - 1]) { from += 1 }
    }
    var to = min(scalars.count, from + SnippetMaker.maxLength)
    if to < scalars.count {
      var cut = to
      while cut > from && !isSpace(scalars[cut]) { cut -= 1 }
      if cut > from { to = cut }
    }
    let prefix = from > 0 ? "… " : ""
    let suffix = to < scalars.count ? " …" : ""
    let shift = prefix.unicodeScalars.count - from
    let kept = ranges.filter { $0.lowerBound >= from && $0.upperBound <= to }
      .map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
    let body = String(String.UnicodeScalarView(scalars[from..<to]))
    return Snippet(text: prefix + body + suffix, highlights: kept)
  }

  private func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
}

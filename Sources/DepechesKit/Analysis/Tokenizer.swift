/// The word splitter: one pass over the text's Unicode scalars, with a lookahead of a few
/// scalars. It applies, as it goes, the stages of the analyzer: word boundaries (letters of
/// any script and digits), elisions (`Elision`), compounds joined by a hyphen or an
/// apostrophe, digit groups (10 000), decimals (3,5), dotted acronyms (O.T.A.N.), folding
/// (`WordBuffer`, `Folding`) and stop-word marking (`StopWords`).
struct Tokenizer {
  /// Where a scanned word lies and what follows it.
  struct Segment {
    var start: Int
    var end: Int
    var next: Int
    var joinsNext: Bool
  }

  /// Digits in a group after a grouping space ("10 000").
  static let digitGroupSize = 3
  /// With an ASCII space, only a first group this short starts a grouped number
  /// ("15 000" is one number, "2023 000" is two).
  static let maxFirstGroupAfterASCIISpace = 3

  private let scalars: UnsafeBufferPointer<UInt32>
  private let table: ScalarTable
  private var word: WordBuffer

  /// A tokenizer over decoded scalars; `run` frees its buffers when done.
  init(scalars: UnsafeBufferPointer<UInt32>, table: ScalarTable) {
    self.scalars = scalars
    self.table = table
    word = WordBuffer(table: table)
  }

  /// Calls `emit` with every token, in order.
  mutating func run(_ emit: (Token) -> Void) {
    defer { word.deallocate() }
    var index = 0
    var position = 0
    var pending: Token?
    var sentenceStart = true
    while index < scalars.count {
      guard table.kind(scalars[index]).startsWord else {
        if Tokenizer.startsSentence(scalars[index]) { sentenceStart = true }
        index += 1
        continue
      }
      let segment = scanWord(from: index)
      index = segment.next
      guard !word.overflowed, word.termCount > 0 else {
        pending?.joinsNext = false
        continue
      }
      if let previous = pending { emit(previous) }
      pending = makeToken(segment, position: position)
      pending?.isName = !sentenceStart && isTitleCase(segment)
      sentenceStart = false
      position += 1
    }
    if let previous = pending { emit(previous) }
  }

  private func makeToken(_ segment: Segment, position: Int) -> Token {
    let (term, stemBase) = word.strings()
    return Token(
      term: term, stemBase: stemBase, position: position, range: segment.start..<segment.end,
      isStopWord: StopWords.contains(term), joinsNext: segment.joinsNext)
  }

  /// True for the scalars after which a capital is a sentence's (or a quotation's) first
  /// letter, not a name's: . ! ? : … and opening quotes.
  static func startsSentence(_ value: UInt32) -> Bool {
    switch value {
    case 0x2E, 0x21, 0x3F, 0x3A, 0x2026, 0x22, 0xAB, 0x201C, 0x201E: return true
    default: return false
    }
  }

  /// True when the word is written with a capital then some lower case ("Porochenko",
  /// "McCain"), not in capitals throughout (an acronym): the same test as a query's.
  private func isTitleCase(_ segment: Segment) -> Bool {
    guard Tokenizer.isUpper(scalars[segment.start]) else { return false }
    return (segment.start + 1..<segment.end).contains { Tokenizer.isLower(scalars[$0]) }
  }

  private static func isUpper(_ value: UInt32) -> Bool {
    value < 0x80 ? (0x41...0x5A).contains(value) : Unicode.Scalar(value)?.properties.isUppercase == true
  }

  private static func isLower(_ value: UInt32) -> Bool {
    value < 0x80 ? (0x61...0x7A).contains(value) : Unicode.Scalar(value)?.properties.isLowercase == true
  }

  /// The kind of the scalar at `index`, `.other` past the end.
  @inline(__always)
  private func kind(at index: Int) -> ScalarKind {
    index < scalars.count ? table.kind(scalars[index]) : .other
  }

  /// Reads one word (or one part of a compound) starting at a letter or digit.
  private mutating func scanWord(from first: Int) -> Segment {
    word.reset()
    var segment = Segment(start: first, end: first, next: first, joinsNext: false)
    var acronym = false
    var firstGroup = 0
    var index = first
    scan: while index < scalars.count {
      let value = scalars[index]
      let kind = table.kind(value)
      switch kind {
      case .letter, .digit:
        word.appendWordScalar(value, kind: kind)
        index += 1
        segment.end = index
      case .mark:
        word.appendMark(value)
        index += 1
        segment.end = index
      case .softHyphen:
        guard self.kind(at: index + 1).continuesWord else { break scan }
        index += 1
      case .apostrophe:
        guard self.kind(at: index + 1) == .letter else { break scan }
        guard Elision.isElided(word.term, count: word.termCount) else {
          // Not an elision (aujourd'hui, Gavr'inis, O'Neill): the apostrophe joins two parts,
          // as a hyphen does, so the parts typed apart or as written both match.
          segment.next = index + 1
          segment.joinsNext = true
          return segment
        }
        word.reset()
        segment.start = index + 1
        index += 1
      case .dot:
        if joinsAcronym(at: index, inAcronym: acronym) {
          acronym = true
        } else if word.isNumber && self.kind(at: index + 1) == .digit {
          word.appendSeparator(UInt8(ascii: "."))
        } else {
          break scan
        }
        index += 1
      case .comma:
        guard word.isNumber, self.kind(at: index + 1) == .digit else { break scan }
        word.appendSeparator(UInt8(ascii: ","))
        index += 1
      case .groupSpace:
        guard groupsDigits(at: index, firstGroup: &firstGroup) else { break scan }
        index += 1
      case .hyphen:
        guard self.kind(at: index + 1).startsWord else { break scan }
        segment.next = index + 1
        segment.joinsNext = true
        return segment
      case .other:
        break scan
      }
    }
    segment.next = index
    return segment
  }

  /// True when the dot at `index` continues a dotted acronym: single letters separated
  /// by dots (O.T.A.N.).
  private func joinsAcronym(at index: Int, inAcronym: Bool) -> Bool {
    guard inAcronym || (word.wordScalars == 1 && word.hasLetter) else { return false }
    return kind(at: index + 1) == .letter && !kind(at: index + 2).continuesWord
  }

  /// True when the space at `index` separates two digit groups of one number: the word so
  /// far is digits only and exactly `digitGroupSize` digits follow.
  private func groupsDigits(at index: Int, firstGroup: inout Int) -> Bool {
    guard word.isNumber else { return false }
    let first = firstGroup == 0 ? word.wordScalars : firstGroup
    if scalars[index] == 0x20 && first > Tokenizer.maxFirstGroupAfterASCIISpace { return false }
    for offset in 1...Tokenizer.digitGroupSize where kind(at: index + offset) != .digit {
      return false
    }
    guard !kind(at: index + Tokenizer.digitGroupSize + 1).continuesWord else { return false }
    firstGroup = first
    return true
  }
}

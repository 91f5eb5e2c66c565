import Foundation
import Testing

@testable import DepechesKit

private typealias Support = DocumentsTestSupport


/// Random files the reader must survive.
private let randomCases = 2_000
/// Byte flips per mutated sample.
private let mutationsPerSample = 300
/// The whole fuzz run must finish within this (it takes well under a second).
private let fuzzTimeLimit = Duration.seconds(60)

/// Checks one outcome: read with titles and ids, or skipped with a reason.
private func checkOutcome(_ result: ReadResult, _ label: String) {
  switch result {
  case .skipped(let reason):
    #expect(!reason.isEmpty, "\(label)")
  case .dispatches(let list):
    #expect(!list.isEmpty, "\(label)")
    for dispatch in list {
      #expect(!dispatch.title.isEmpty && !dispatch.id.isEmpty, "\(label)")
      #expect(dispatch.passages.allSatisfy { !$0.isEmpty && $0.count <= Passages.maxPassageCharacters }, "\(label)")
    }
  }
}

@Test("fuzz: random bytes, truncated and mutated samples are read or skipped, never crash")
func fuzzReader() {
  var rng = SeededGenerator(seed: 0xDE9E_C4E5)
  let extensions = DocumentReader.supportedExtensions.sorted() + ["bin"]
  let start = ContinuousClock.now
  var cases = 0
  for index in 0..<randomCases {
    let count = Int.random(in: 0...400, using: &rng)
    let alphabet: [UInt8] = index.isMultiple(of: 2)
      ? Array("<>/&;#:-\n \"'=[]()!*_`{}abcdeéè0123456789".utf8) : Array(0...255)
    let bytes = (0..<count).map { _ in alphabet.randomElement(using: &rng)! }
    let name = "r\(index)." + extensions.randomElement(using: &rng)!
    checkOutcome(Support.read(bytes: bytes, as: name), name)
    cases += 1
  }
  for sample in Support.samples {
    let bytes = Array(sample.text.utf8)
    for length in 0...bytes.count {
      checkOutcome(Support.read(bytes: Array(bytes.prefix(length)), as: sample.name), sample.name)
      cases += 1
    }
    for _ in 0..<mutationsPerSample {
      var mutated = bytes
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        mutated[Int.random(in: 0..<mutated.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
      }
      checkOutcome(Support.read(bytes: mutated, as: sample.name), sample.name)
      cases += 1
    }
  }
  #expect(cases > 4_000)
  #expect(ContinuousClock.now - start < fuzzTimeLimit)
}

@Test("fuzz: random text for dates and passages stays in bounds")
func fuzzDatesAndPassages() {
  var rng = SeededGenerator(seed: 42)
  let pieces = ["16", "/", "-", ".", "11", "2021", " ", "1er", "nov.", "déc", "\n", "\n\n", "M.", "!", "x", "\u{A0}", "https://", "www."]
  for _ in 0..<2_000 {
    let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    if let date = FrenchDates.firstDate(in: text) {
      #expect(DispatchDate(year: date.year, month: date.month, day: date.day) != nil)
    }
    _ = FrenchDates.parse(text)
    #expect(Passages.split(text).allSatisfy { !$0.isEmpty && $0.count <= Passages.maxPassageCharacters })
  }
}

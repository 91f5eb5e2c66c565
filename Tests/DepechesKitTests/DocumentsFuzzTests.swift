import Foundation
import Testing

@testable import DepechesKit

private typealias Support = DocumentsTestSupport


/// Random files the reader must survive.
private let randomCases = 2_000
/// Byte flips per mutated sample.
private let mutationsPerSample = 300
/// Random texts made of date pieces.
private let dateTexts = 2_000

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
}

@Test("fuzz: random text for dates and passages stays in bounds")
func fuzzDatesAndPassages() {
  var rng = SeededGenerator(seed: 42)
  let pieces = ["16", "/", "-", ".", "11", "2021", " ", "1er", "nov.", "déc", "\n", "\n\n", "M.", "!", "x", "\u{A0}", "https://", "www."]
  var found: [(year: Int, month: Int, day: Int)] = []
  for _ in 0..<dateTexts {
    let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in
      Int.random(in: 0..<datePieceOdds, using: &rng) == 0 ? randomDate(&rng) : pieces.randomElement(using: &rng)!
    }.joined()
    found += FrenchDates.firstDate(in: text).map { [($0.year, $0.month, $0.day)] } ?? []
    _ = FrenchDates.parse(text)
    #expect(Passages.split(text).allSatisfy { !$0.isEmpty && $0.count <= Passages.maxPassageCharacters })
  }
  // The texts do hold dates, often; every one found is a real day.
  #expect(found.count > dateTexts / 5, "\(found.count) dates found")
  for date in found { #expect(DispatchDate(year: date.year, month: date.month, day: date.day) != nil, "\(date)") }
}

/// One piece in this many is a whole date, valid or not.
private let datePieceOdds = 8

/// A date written in one of the French forms, with a day, month and year that may not exist.
private func randomDate(_ rng: inout SeededGenerator) -> String {
  let day = Int.random(in: 0...33, using: &rng)
  let month = Int.random(in: 0...14, using: &rng)
  let year = ["2021", "21", "1999", "99", "2024", "0", "20211"].randomElement(using: &rng)!
  let monthName = ["janvier", "févr.", "février", "nov.", "Nov", "décembre", "mars", "brumaire"].randomElement(using: &rng)!
  switch Int.random(in: 0..<4, using: &rng) {
  case 0: return "\(day)/\(month)/\(year)"
  case 1: return "\(day)-\(month)-\(year)"
  case 2: return "\(year)-\(month)-\(day)"
  default: return "\(day) \(monthName) \(year)"
  }
}

import Foundation
import Synchronization
import Testing

@testable import DepechesKit

/// Random inputs and corruptions tried per property.
private let randomCases = 300

@Suite("Stored text compression")
struct StoredCompressionTests {
  @Test("round trip: empty, French text, repeats, random bytes, a large dispatch")
  func roundTrip() throws {
    let french = Array("L’Arménie et l’Azerbaïdjan : « cessez-le-feu » signé le 10 novembre 2020. Œuvre, cœur.\u{A0}Fin.".utf8)
    var generator = SeededGenerator(seed: 7)
    let random = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let cases: [[UInt8]] = [
      [], [0], french, Array(repeating: 0x61, count: 100_000), random,
      Array((0..<400).map { _ in french }.joined()),
    ]
    for input in cases {
      let packed = try StoredCompression.compress(input)
      #expect(try StoredCompression.decompress(packed) == input, "\(input.count) bytes")
    }
  }

  @Test("repetitive text gets smaller")
  func shrinks() throws {
    let text = Array(String(repeating: "Le Haut-Karabakh, cessez-le-feu. ", count: 300).utf8)
    #expect(try StoredCompression.compress(text).count < text.count / 10)
  }

  @Test("a text compresses to the same bytes every time (the thread's stream is reset between texts)")
  func sameBytesEachTime() throws {
    let long = Array(String(repeating: "Bakou et Erevan signent un accord. ", count: 200).utf8)
    let short = Array("Fin de la dépêche.".utf8)
    let first = try StoredCompression.compress(long)
    _ = try StoredCompression.compress(short)
    #expect(try StoredCompression.compress(long) == first)
    #expect(try StoredCompression.decompress(first) == long)
  }

  @Test("threads compressing at once each get their own stream")
  func concurrentThreads() throws {
    let threads = 8
    let rounds = 50
    let failures = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      for round in 0..<rounds {
        let text = Array(String(repeating: "Dépêche \(thread)-\(round) : cessez-le-feu. ", count: 20 + round).utf8)
        let back = try? StoredCompression.decompress(try StoredCompression.compress(text))
        if back != text { failures.withLock { $0 += 1 } }
      }
    }
    #expect(failures.withLock { $0 } == 0)
  }

  @Test("truncated, extended or garbled streams are reported corrupt, never misread")
  func corrupt() throws {
    let text = Array(String(repeating: "Erdogan et Poutine à Sotchi. ", count: 50).utf8)
    let packed = try StoredCompression.compress(text)
    var lengthOff = packed
    lengthOff[0] &+= 1
    let broken: [[UInt8]] = [[], [1, 2], Array(packed.dropLast()), packed + [0], lengthOff, [255, 255, 255, 255] + packed.dropFirst(4)]
    for input in broken {
      #expect(throws: DepechesError.self, "\(input.count) bytes") { try StoredCompression.decompress(input) }
    }
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<randomCases {
      var mutated = packed
      let at = Int.random(in: 4..<mutated.count, using: &generator)
      mutated[at] ^= UInt8.random(in: 1...255, using: &generator)
      do {
        // A changed byte inside a deflate stream may still decode, but never to another length.
        #expect(try StoredCompression.decompress(mutated).count == text.count)
      } catch DepechesError.xapian(let kind, _) {
        #expect(kind == .corrupt)
      }
    }
  }
}

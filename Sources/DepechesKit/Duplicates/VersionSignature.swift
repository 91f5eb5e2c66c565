/// A dispatch's near-duplicate signature: MinHash over the shingles of its body (runs of
/// `shingleWords` consecutive analyzer terms within one passage), so two versions of one story
/// can be compared without their texts. Equal minima estimate Broder's resemblance
/// |A∩B| / |A∪B|; with the shingle counts, they also estimate containment |A∩B| / |A| (an
/// update with a paragraph on top, a version cut shorter). Figures in docs/duplicates.md.
struct VersionSignature: Equatable, Sendable {
  /// Hash functions (minima kept): the resemblance estimate's standard error is about
  /// sqrt(J(1-J)/64) ≤ 0.0625, well inside the margins measured between versions and others.
  static let hashCount = 64
  /// Words in a shingle: three keep a changed word from touching more than three shingles,
  /// and still make shared wording between different posts rare.
  static let shingleWords = 3
  /// Minima per LSH band: a pair with resemblance 0.5 (a version cut to half) shares at
  /// least one of `bandCount` bands with probability 1 - (1 - 0.5²)^16 ≈ 0.99.
  static let bandRows = 2
  /// LSH bands, each a boolean term (`Schema.versionBandPrefix`); the first 32 minima.
  static let bandCount = 16
  /// Bodies with fewer shingles get no signature: too short to tell a version from a brief.
  static let minShingles = 8

  /// The smallest value of each hash function over the shingles.
  var minima: [UInt32]
  /// Shingles in the body (with repeats: about the distinct count in prose), for containment.
  var shingles: Int

  /// The LSH band keys: each band's minima hashed with its number (one FNV-1a).
  var bandKeys: [UInt64] {
    (0..<Self.bandCount).map { band in
      var bytes: [UInt8] = [UInt8(band)]
      for value in minima[band * Self.bandRows..<(band + 1) * Self.bandRows] {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
      }
      return fnv1a64(bytes)
    }
  }

  /// The boolean terms of the bands (48 bits of each key, in hex: collisions stay rare, and
  /// a collision costs only one comparison).
  var bandTerms: [String] { bandKeys.map(Self.bandTerm) }

  /// The boolean term of one band key.
  static func bandTerm(_ key: UInt64) -> String {
    let hex = String(key >> 16, radix: 16)
    return Schema.versionBandPrefix + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
  }

  /// Estimated resemblance: the fraction of equal minima.
  func resemblance(_ other: VersionSignature) -> Double {
    var equal = 0
    for i in 0..<Self.hashCount where minima[i] == other.minima[i] { equal += 1 }
    return Double(equal) / Double(Self.hashCount)
  }
}

/// Computes a `VersionSignature` from a stream of word hashes, one passage at a time.
struct ShingleHasher {
  /// The hash functions' seeds: the one hash, FNV-1a, of "minhash 0", "minhash 1", …
  static let seeds: [UInt64] = (0..<VersionSignature.hashCount).map { fnv1a64(Array("minhash \($0)".utf8)) }
  /// Odd multiplier of the mixing step (MurmurHash3's finaliser constant), which spreads
  /// each seeded shingle hash over the high bits kept.
  static let mixer: UInt64 = 0xff51_afd7_ed55_8ccd

  private var minima = [UInt32](repeating: .max, count: VersionSignature.hashCount)
  private var recent = [UInt64](repeating: 0, count: VersionSignature.shingleWords)
  private var inPassage = 0
  private var shingles = 0

  /// Shingles never cross passages: reordered paragraphs give the same set.
  mutating func startPassage() { inPassage = 0 }

  /// Adds the next word of the passage (its `WordTable` hash, FNV-1a of the folded term).
  mutating func add(wordHash: Int) {
    let width = VersionSignature.shingleWords
    recent[inPassage % width] = UInt64(bitPattern: Int64(wordHash))
    inPassage += 1
    guard inPassage >= width else { return }
    // FNV-1a's steps over the shingle's word hashes, in order.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in 0..<width {
      hash = (hash ^ recent[(inPassage + k) % width]) &* 0x0000_0100_0000_01b3
    }
    shingles += 1
    minima.withUnsafeMutableBufferPointer { mins in
      ShingleHasher.seeds.withUnsafeBufferPointer { seeds in
        for i in 0..<mins.count {
          var x = (hash ^ seeds[i]) &* ShingleHasher.mixer
          x ^= x >> 29
          let value = UInt32(truncatingIfNeeded: x >> 32)
          if value < mins[i] { mins[i] = value }
        }
      }
    }
  }

  /// The signature, or nil for a body too short to have one.
  var signature: VersionSignature? {
    shingles >= VersionSignature.minShingles ? VersionSignature(minima: minima, shingles: shingles) : nil
  }
}

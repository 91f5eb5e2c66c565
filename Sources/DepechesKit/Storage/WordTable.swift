/// A hash table from words to values for the indexer's per-token look-ups, in insertion order.
///
/// `Dictionary<String, _>` hashes with SipHash (a seeded setup and finalisation per look-up)
/// and, for a word with accents, walks its normalised scalars; with two look-ups per token
/// that measured about a twelfth of indexing time. Words here come from the analyzer, already
/// in NFC, so equal words have equal bytes: this table hashes the UTF-8 bytes with FNV-1a and
/// probes linearly. Each slot keeps the high half of its word's hash beside the entry number,
/// so a probe past another word rarely has to read that word (a cache miss in a table of
/// hundreds of thousands of words, such as a part's spelling counts).
struct WordTable<Value> {
  /// The words, in insertion order (index = entry number).
  private(set) var keys: [String] = []
  /// The values, parallel to `keys`.
  var values: [Value] = []
  /// Per slot: entry number + 1 in the low 32 bits (0 = empty), the high 32 bits of the word's
  /// hash above; a power of two long, at most half full.
  private var slots: [UInt64]

  /// Smallest slot count.
  private static var minSlots: Int { 64 }

  /// An empty table sized for about `capacity` words.
  init(capacity: Int = 0) {
    var size = WordTable.minSlots
    while size < capacity * 2 { size *= 2 }
    slots = Array(repeating: 0, count: size)
  }

  /// Number of words.
  var count: Int { keys.count }

  /// The hash of a word: `fnv1a64` of its UTF-8 bytes, the high half folded into the low one
  /// (the low bits pick the slot).
  static func hash(_ word: String) -> Int {
    let h = fnv1a64(word.utf8)
    return Int(truncatingIfNeeded: h ^ (h >> 32))
  }

  /// The entry number of `word` (whose `hash` is given), or nil.
  func find(_ word: String, hash: Int) -> Int? {
    let mask = slots.count - 1
    let tag = WordTable.tag(hash)
    var slot = hash & mask
    while true {
      let packed = slots[slot]
      if packed == 0 { return nil }
      if packed & WordTable.tagMask == tag {
        let entry = Int(truncatingIfNeeded: packed & WordTable.entryMask) - 1
        if keys[entry] == word { return entry }
      }
      slot = (slot + 1) & mask
    }
  }

  private static var entryMask: UInt64 { 0xFFFF_FFFF }
  private static var tagMask: UInt64 { ~entryMask }

  /// The hash's high half, in place above the entry number.
  private static func tag(_ hash: Int) -> UInt64 { UInt64(bitPattern: Int64(hash)) & tagMask }

  /// Adds `word`, which must not be in the table, and returns its entry number.
  @discardableResult
  mutating func insert(_ word: String, _ value: Value, hash: Int) -> Int {
    if (keys.count + 1) * 2 > slots.count { grow() }
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    keys.append(word)
    values.append(value)
    slots[slot] = WordTable.tag(hash) | UInt64(keys.count)
    return keys.count - 1
  }

  /// Empties the table, keeping its storage.
  mutating func removeAll() {
    keys.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    for i in slots.indices { slots[i] = 0 }
  }

  /// Doubles the slots and places every entry again.
  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, word) in keys.enumerated() {
      let hash = WordTable.hash(word)
      var slot = hash & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = WordTable.tag(hash) | UInt64(index + 1)
    }
  }
}

/// A value type of arrays: sendable when its values are.
extension WordTable: Sendable where Value: Sendable {}

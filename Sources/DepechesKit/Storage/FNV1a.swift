/// FNV-1a, 64 bits: the one hash of the engine. It names what the index stores (dispatch ids,
/// file keys and `XF` terms, shard choice), checks a file's content (`FileState.hash`) and
/// places words in a `WordTable`. Stable across runs and machines (no seed), and cheap on the
/// short words of the indexer's hot path. Changing it changes every id: a new layout version.
func fnv1a64<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
  let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325  // the hash of no bytes
  let prime: UInt64 = 0x0000_0100_0000_01b3
  var hash = offsetBasis
  for byte in bytes {
    hash ^= UInt64(byte)
    hash = hash &* prime
  }
  return hash
}

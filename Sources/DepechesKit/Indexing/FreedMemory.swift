import CDepechesMalloc

/// Hands the heap pages a phase freed back to the system. glibc keeps freed memory in the
/// arena of the thread that freed it, so after the writer lanes (one arena per thread, each
/// having held batches of files and Xapian's buffers) the single-threaded grouping that follows
/// would otherwise start from the lanes' peak resident size and grow on top of it
/// (docs/scaling.md, "Memory at a million files").
enum FreedMemory {
  /// Returns the free pages of every malloc arena to the system (a no-op without glibc).
  static func release() {
    #if canImport(Glibc)
      _ = malloc_trim(0)
    #endif
  }
}

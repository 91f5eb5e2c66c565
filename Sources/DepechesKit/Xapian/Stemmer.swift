import CXapian

/// Snowball stemming through Xapian, one word per call into C++. Callers that stem running
/// text go through a `StemCache`, which holds the results.
///
/// Not `Sendable`: each call writes the stemmer's output buffer, so a stemmer belongs to one
/// owner used by one thread at a time (its `StemCache`).
public final class Stemmer {
  private let handle: OpaquePointer
  private var buffer = [CChar](repeating: 0, count: Stemmer.initialBufferSize)
  /// Words longer than this (in UTF-8 bytes) are returned unstemmed.
  static let maxWordBytes = 64
  /// Room for the longest stem of a `maxWordBytes` word, with margin.
  static let initialBufferSize = 128

  /// Opens the Snowball stemmer for `language` ("french").
  public init(language: String = "french") throws {
    var out: OpaquePointer?
    try check { cx_stemmer_new(language, &out, $0) }
    handle = out!
  }

  deinit { cx_stemmer_free(handle) }

  /// The stem of a lower-case word (accents kept: the French stemmer needs them).
  public func stem(_ word: String) -> String {
    var word = word
    return word.withUTF8 { utf8 -> String in
      guard utf8.count <= Stemmer.maxWordBytes else { return String(decoding: utf8, as: UTF8.self) }
      var length = 0
      var error = cx_error()
      let status = utf8.withMemoryRebound(to: CChar.self) { chars in
        buffer.withUnsafeMutableBufferPointer { out in
          cx_stem(handle, chars.baseAddress, chars.count, out.baseAddress, out.count, &length, &error)
        }
      }
      guard status == 0, length <= buffer.count else { return String(decoding: utf8, as: UTF8.self) }
      return buffer.withUnsafeBufferPointer { out in
        String(decoding: UnsafeRawBufferPointer(start: out.baseAddress, count: length), as: UTF8.self)
      }
    }
  }
}

import CDepechesZlib
import Foundation

/// Compression of the stored dispatch (see `Schema.storedSlot`) with zlib's fastest level: a
/// u32 length (little-endian), then a raw deflate stream. Xapian would deflate document data
/// again at zlib's default level, several times slower; a value is stored as it is.
enum StoredCompression {
  /// zlib's fastest level: about three times the speed of the default for a tenth more bytes.
  static let level: Int32 = 1
  /// Raw deflate (no zlib header or checksum: Xapian checks its own blocks), 32 KB window.
  static let windowBits: Int32 = -15
  /// zlib's default memory level for the match finder.
  static let memoryLevel: Int32 = 8
  /// Longest text accepted either way (a guard against corrupt lengths).
  static let maxInflatedBytes = 1 << 30
  /// Bytes of the length written before the stream.
  static let lengthBytes = 4

  /// The compressed form of `bytes`.
  static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
    guard bytes.count <= maxInflatedBytes else {
      throw DepechesError.xapian(kind: .invalidArgument, message: "text too long to store")
    }
    return try Deflater.ofThisThread().compress(bytes)
  }

  /// The bytes `compress` was given; a `.corrupt` failure when `bytes` is not its output.
  static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
    guard bytes.count >= lengthBytes else { throw corrupt("stored text is truncated") }
    let expected = (0..<lengthBytes).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
    guard expected <= maxInflatedBytes else { throw corrupt("stored text has an impossible length") }
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer { stream.deallocate() }
    guard inflateInit2_(stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw outOfMemory
    }
    defer { inflateEnd(stream) }
    var whole = false
    // One spare byte, so that a stream longer than announced is caught, not cut.
    let text = [UInt8](unsafeUninitializedCapacity: expected + 1) { out, count in
      bytes.withUnsafeBufferPointer { input in
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + lengthBytes)
        stream.pointee.avail_in = uInt(input.count - lengthBytes)
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = uInt(expected + 1)
        let status = inflate(stream, Z_FINISH)
        whole = status == Z_STREAM_END && stream.pointee.total_out == expected && stream.pointee.avail_in == 0
      }
      count = whole ? expected : 0
    }
    guard whole else { throw corrupt("stored text does not decompress") }
    return text
  }

  static func corrupt(_ message: String) -> DepechesError { .xapian(kind: .corrupt, message: message) }
  static let outOfMemory = DepechesError.xapian(kind: .std, message: "out of memory")
}

/// A deflate stream kept per thread and reset between texts: setting one up (some 256 KB of
/// tables) costs more than compressing a short dispatch.
private final class Deflater {
  /// zlib keeps a pointer back to the stream, so it must not move: it lives on the heap.
  private let stream: UnsafeMutablePointer<z_stream>

  private init(stream: UnsafeMutablePointer<z_stream>) { self.stream = stream }

  /// A stream set up for `StoredCompression`'s level and window.
  private static func make() throws -> Deflater {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let status = deflateInit2_(
      stream, StoredCompression.level, Z_DEFLATED, StoredCompression.windowBits, StoredCompression.memoryLevel,
      Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      stream.deallocate()
      throw StoredCompression.outOfMemory
    }
    return Deflater(stream: stream)
  }

  deinit {
    deflateEnd(stream)
    stream.deallocate()
  }

  /// This thread's deflater, made on first use; `deflaterKey` frees it when the thread ends.
  static func ofThisThread() throws -> Deflater {
    if let raw = pthread_getspecific(deflaterKey) { return Unmanaged<Deflater>.fromOpaque(raw).takeUnretainedValue() }
    let deflater = try make()
    pthread_setspecific(deflaterKey, Unmanaged.passRetained(deflater).toOpaque())
    return deflater
  }

  /// `bytes` compressed, after their length.
  func compress(_ bytes: [UInt8]) throws -> [UInt8] {
    guard deflateReset(stream) == Z_OK else { throw DepechesError.xapian(kind: .std, message: "deflate failed") }
    let bound = Int(deflateBound(stream, uLong(bytes.count)))
    let head = StoredCompression.lengthBytes
    return try [UInt8](unsafeUninitializedCapacity: head + bound) { out, count in
      for i in 0..<head { out[i] = UInt8(truncatingIfNeeded: bytes.count >> (8 * i)) }
      let status = bytes.withUnsafeBufferPointer { input in
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = out.baseAddress! + head
        stream.pointee.avail_out = uInt(bound)
        return deflate(stream, Z_FINISH)
      }
      guard status == Z_STREAM_END else { throw DepechesError.xapian(kind: .std, message: "deflate failed") }
      count = head + Int(stream.pointee.total_out)
    }
  }
}

/// The thread-specific slot holding each thread's `Deflater` (a retained reference), released
/// by the key's destructor when the thread exits.
private let deflaterKey: pthread_key_t = {
  var key = pthread_key_t()
  let status = pthread_key_create(&key) { raw in
    if let raw { Unmanaged<Deflater>.fromOpaque(raw).release() }
  }
  precondition(status == 0, "no thread-specific key left for the deflate streams")
  return key
}()

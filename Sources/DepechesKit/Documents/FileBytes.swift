#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Musl)
  import Musl
  private let systemRead = Musl.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// Reads a regular file's bytes with plain POSIX calls: the size is checked before reading,
/// and FIFOs or devices are refused without blocking (opened with `O_NONBLOCK`).
enum FileBytes {
  /// The bytes, or why there are none.
  enum Outcome {
    case bytes([UInt8])
    case tooLarge(size: Int)
    case failed(String)
  }

  /// Bytes read per `read(2)` call.
  static let chunkSize = 1 << 16

  /// Reads the file at `path` unless it is larger than `limit` bytes.
  static func read(path: String, limit: Int) -> Outcome {
    read(pathBytes: Array(path.utf8), limit: limit)
  }

  /// Reads the file whose path has these bytes (a name need not be UTF-8).
  static func read(pathBytes: [UInt8], limit: Int) -> Outcome {
    let cPath = pathBytes.map { CChar(bitPattern: $0) } + [0]
    let fd = open(cPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .failed(describe(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failed(describe(errno)) }
    let kind = info.st_mode & S_IFMT
    if kind == S_IFDIR { return .failed("is a directory") }
    guard kind == S_IFREG else { return .failed("not a regular file") }
    let size = Int(info.st_size)
    if size > limit { return .tooLarge(size: size) }
    var bytes = [UInt8]()
    bytes.reserveCapacity(size)
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, chunkSize) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        return .failed(describe(errno))
      }
      bytes.append(contentsOf: chunk[0..<count])
      // The file grew while being read: stop at the limit rather than read without end.
      if bytes.count > limit { return .tooLarge(size: bytes.count) }
    }
    return .bytes(bytes)
  }

  /// A short lower-case reason for an `errno`.
  static func describe(_ code: Int32) -> String {
    switch code {
    case EACCES, EPERM: return "permission denied"
    case ENOENT: return "no such file"
    case ELOOP: return "too many symbolic links"
    case EISDIR: return "is a directory"
    case EIO: return "input/output error"
    default: return String(cString: strerror(code)).lowercased()
    }
  }
}

import Foundation

/// A path as the file system has it (bytes, any of which may not be UTF-8) and as the index and
/// the user see it (`text`: the same when valid UTF-8, else each invalid byte written `\xHH`).
struct PathBytes {
  /// The path's bytes, without a terminating NUL.
  let bytes: [UInt8]
  /// The path as text (see `text(_:)`).
  let text: String
  /// True when `text` spells `bytes` exactly.
  let isUTF8: Bool

  init(_ path: String) {
    bytes = Array(path.utf8)
    text = path
    isUTF8 = true
  }

  init(bytes: [UInt8]) {
    self.bytes = bytes
    (text, isUTF8) = PathBytes.text(bytes)
  }

  /// The path of an entry of this folder.
  func appending(_ name: [UInt8]) -> PathBytes {
    PathBytes(bytes: bytes == [0x2F] ? bytes + name : bytes + [0x2F] + name)
  }

  /// Calls `body` with the path as a C string.
  func withCString<T>(_ body: (UnsafePointer<CChar>) -> T) -> T {
    (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
  }

  /// `bytes` as text: valid UTF-8 as it is, each byte of an invalid sequence as `\xHH` (the
  /// form a terminal shows and a user can recognise), and whether it was valid.
  static func text(_ bytes: [UInt8]) -> (text: String, isUTF8: Bool) {
    if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
    var out = String.UnicodeScalarView()
    UTF8Walk.forEach(in: bytes) { piece in
      switch piece {
      case .scalar(let scalar, _):
        out.append(scalar)
      case .invalid(let offset, let length):
        for byte in bytes[offset..<(offset + length)] { out.append(contentsOf: ("\\x" + hex(byte)).unicodeScalars) }
      }
    }
    return (String(out), false)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".unicodeScalars)
    return String(String.UnicodeScalarView([digits[Int(byte >> 4)], digits[Int(byte & 15)]]))
  }
}

/// Reads a folder's entries with `opendir`/`readdir`, names as bytes, kinds from `d_type`.
enum FolderEntries {
  /// What an entry is.
  enum Kind: Equatable {
    case file, folder, link
    /// Anything else, with the reason it is not read.
    case other(String)
  }

  /// One visible entry (its name does not start with ".").
  struct Entry {
    let name: [UInt8]
    let kind: Kind
  }

  /// A folder's visible entries, or the `errno` that stopped reading it (opening it, or
  /// reading it part way: a partial listing is no listing, or missing files would be removed).
  enum Read {
    case entries([Entry])
    case failed(Int32)
  }

  /// Reads the folder at `folder`.
  static func read(_ folder: PathBytes) -> Read {
    guard let dir = folder.withCString({ opendir($0) }) else { return .failed(errno) }
    defer { closedir(dir) }
    var out: [Entry] = []
    while true {
      errno = 0
      guard let entry = readdir(dir) else {
        let code = errno
        return code == 0 ? .entries(out) : .failed(code)
      }
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      guard name.first != 0x2E else { continue }
      out.append(Entry(name: name, kind: kind(Int32(entry.pointee.d_type), folder, name)))
    }
  }

  /// The kind of an entry from its `d_type`, or from `lstat` when the file system leaves it unknown.
  private static func kind(_ type: Int32, _ folder: PathBytes, _ name: [UInt8]) -> Kind {
    switch type {
    case Int32(DT_REG): return .file
    case Int32(DT_DIR): return .folder
    case Int32(DT_LNK): return .link
    case Int32(DT_UNKNOWN):
      var info = stat()
      guard folder.appending(name).withCString({ lstat($0, &info) }) == 0 else { return .other("cannot examine: " + FileBytes.describe(errno)) }
      return kind(ofType: info.st_mode & S_IFMT)
    default:
      return kind(ofType: typeBits(d_type: type))
    }
  }

  private static func kind(ofType type: mode_t) -> Kind {
    switch type {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    case S_IFLNK: return .link
    default: return .other(reason(forType: type) ?? "not a regular file")
    }
  }

  /// `st_mode` type bits of a `d_type` (dirent's types are those bits shifted by 12).
  private static func typeBits(d_type: Int32) -> mode_t { mode_t(d_type) << 12 }

  /// Why a file of this type is not read (nil for regular files, folders and links).
  static func reason(forType type: mode_t) -> String? {
    switch type {
    case S_IFIFO: return "named pipe (FIFO): not a regular file, never opened"
    case S_IFSOCK: return "socket: not a regular file"
    case S_IFCHR: return "character device: not a regular file"
    case S_IFBLK: return "block device: not a regular file"
    case S_IFREG, S_IFDIR, S_IFLNK: return nil
    default: return "not a regular file"
    }
  }

  /// Why a symbolic link inside a folder is not read: links there are not followed (a link
  /// to a folder above would loop, one to a file beside it would index it twice), and a
  /// dangling or looping one is said to be so.
  static func linkReason(_ path: PathBytes) -> String {
    var info = stat()
    guard path.withCString({ stat($0, &info) }) == 0 else {
      switch errno {
      case ENOENT: return "dangling symbolic link"
      case ELOOP: return "symbolic link loop"
      case let code: return "symbolic link: " + FileBytes.describe(code)
      }
    }
    let target = (info.st_mode & S_IFMT) == S_IFDIR ? "a folder" : "a file"
    return "symbolic link: to \(target), not followed inside a folder (name the target to index it)"
  }
}

import Foundation

/// The regular files a walk found, kept compactly enough for a million of them: each folder's
/// path once, every name's bytes in one buffer, sizes and times in flat arrays, and the order
/// by path as a list of indices (about 40 bytes a file; a `FoundFile` with its two strings
/// takes several times that). The indexer makes each file's `FoundFile` when it takes it.
struct FileList: Equatable, Sendable {
  /// The working directory display paths are relative to.
  let workingDirectory: String
  private var folders: [PathBytes] = []
  private var folderNumber: [String: UInt32] = [:]
  private var names: [UInt8] = []
  /// Where entry i's name ends in `names` (it starts where entry i − 1's ends).
  private var nameEnds: [UInt32] = []
  private var folderOf: [UInt32] = []
  private var sizes: [Int] = []
  private var times: [Int64] = []
  /// Entries by path (byte order), without repeats, once `sort()` ran.
  private var order: [UInt32] = []
  /// The text form of every path that is not valid UTF-8 (rare), for `contains`.
  private var escapedPaths: Set<String> = []

  init(workingDirectory: String) { self.workingDirectory = workingDirectory }

  /// Files in the list.
  var count: Int { order.count }

  /// Adds a file: `folder` is its folder's path, `name` its name's bytes.
  mutating func append(folder: PathBytes, name: [UInt8], size: Int, modificationTime: Int64) {
    let number: UInt32
    if let known = folderNumber[folder.text] {
      number = known
    } else {
      number = UInt32(folders.count)
      folders.append(folder)
      folderNumber[folder.text] = number
    }
    names.append(contentsOf: name)
    nameEnds.append(UInt32(names.count))
    folderOf.append(number)
    sizes.append(size)
    times.append(modificationTime)
    order.append(UInt32(order.count))
    if !folder.isUTF8 || String(validating: name, as: UTF8.self) == nil {
      escapedPaths.insert(folder.appending(name).text)
    }
  }

  /// Sorts the files by path and drops repeats (a file under two of the given paths).
  mutating func sort() {
    var sorted = order
    order = []
    sorted.sort { compare(Int($0), Int($1)) < 0 }
    var kept: [UInt32] = []
    kept.reserveCapacity(sorted.count)
    for entry in sorted where kept.last.map({ compare(Int($0), Int(entry)) != 0 }) ?? true { kept.append(entry) }
    order = kept
    folderNumber = [:]
  }

  /// Size in bytes of the k-th file.
  func size(at k: Int) -> Int { sizes[Int(order[k])] }

  /// The k-th file by path.
  func file(at k: Int) -> FoundFile {
    let entry = Int(order[k])
    let path = folders[Int(folderOf[entry])].appending(Array(nameBytes(entry)))
    return FoundFile(
      absolutePath: path.text, displayPath: FileWalker.display(path.text, workingDirectory: workingDirectory),
      size: sizes[entry], modificationTime: times[entry], pathBytes: path.isUTF8 ? nil : path.bytes)
  }

  /// True when a file of the list has this absolute path (its text form): a binary search.
  func contains(absolutePath: String) -> Bool {
    if escapedPaths.contains(absolutePath) { return true }
    let target = Array(absolutePath.utf8)
    var low = 0, high = order.count
    while low < high {
      let middle = (low + high) / 2
      let c = compare(Int(order[middle]), target)
      if c == 0 { return true }
      if c < 0 { low = middle + 1 } else { high = middle }
    }
    return false
  }

  private func nameBytes(_ entry: Int) -> ArraySlice<UInt8> {
    names[(entry == 0 ? 0 : Int(nameEnds[entry - 1]))..<Int(nameEnds[entry])]
  }

  /// The bytes of entry's path, as the folder, a separator unless the folder is the root, and
  /// the name, without making them.
  private func forEachByte(of entry: Int, _ body: (UInt8) -> Bool) {
    let folder = folders[Int(folderOf[entry])].bytes
    for byte in folder where !body(byte) { return }
    if folder != [0x2F] && !body(0x2F) { return }
    for byte in nameBytes(entry) where !body(byte) { return }
  }

  /// Byte order of two entries' paths: negative, 0 or positive.
  private func compare(_ a: Int, _ b: Int) -> Int {
    if folderOf[a] == folderOf[b] { return Self.compare(nameBytes(a), nameBytes(b)) }
    // Two folders differing at a byte both have: that byte orders the paths.
    let first = folders[Int(folderOf[a])].bytes, second = folders[Int(folderOf[b])].bytes
    for (x, y) in zip(first, second) where x != y { return Int(x) - Int(y) }
    var other: [UInt8] = []
    forEachByte(of: b) { other.append($0); return true }
    return compare(a, other)
  }

  /// Byte order of an entry's path and `bytes`.
  private func compare(_ entry: Int, _ bytes: [UInt8]) -> Int {
    var at = 0
    var result = 0
    forEachByte(of: entry) { byte in
      guard at < bytes.count else { result = 1; return false }
      if byte != bytes[at] { result = Int(byte) - Int(bytes[at]); return false }
      at += 1
      return true
    }
    if result == 0 && at < bytes.count { result = -1 }
    return result
  }

  private static func compare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
    for (x, y) in zip(a, b) where x != y { return Int(x) - Int(y) }
    return a.count - b.count
  }

  static func == (lhs: FileList, rhs: FileList) -> Bool {
    lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs.file(at: $0) == rhs.file(at: $0) }
  }
}

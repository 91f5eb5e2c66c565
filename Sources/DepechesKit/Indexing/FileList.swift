import Foundation

/// The regular files a walk found, kept compactly enough for a million of them: each folder's
/// path once, every name's bytes in one buffer, sizes and times in flat arrays, and the order
/// by path as a list of indices (about 40 bytes a file; a `FoundFile` with its two strings
/// takes several times that). The indexer makes each file's `FoundFile` when it takes it.
struct FileList: Equatable, Sendable {
  /// The working directory display paths are relative to.
  let workingDirectory: String
  private var folders: [PathBytes] = []
  private var folderNumbers: [String: UInt32] = [:]
  /// Every folder's bytes, one after the other, and where folder i's end (for comparing).
  private var folderBytes: [UInt8] = []
  private var folderEnds: [UInt32] = []
  private var names: [UInt8] = []
  /// Where entry i's name ends in `names` (it starts where entry i − 1's ends).
  private var nameEnds: [UInt32] = []
  private var folderOf: [UInt32] = []
  private var sizes: [Int] = []
  private var times: [Int64] = []
  /// Entries by path (byte order), without repeats, once `sort()` ran.
  private var order: [UInt32] = []

  init(workingDirectory: String) { self.workingDirectory = workingDirectory }

  /// Files in the list.
  var count: Int { order.count }

  /// The number of a folder, for `append(folderNumber:…)`: looked up once per folder, where a
  /// lookup per file would hash the folder's path a million times.
  mutating func number(ofFolder folder: PathBytes) -> UInt32 {
    if let known = folderNumbers[folder.text] { return known }
    let number = UInt32(folders.count)
    folders.append(folder)
    folderNumbers[folder.text] = number
    folderBytes += folder.bytes
    folderEnds.append(UInt32(folderBytes.count))
    return number
  }

  /// Adds a file: `folder` is its folder's path, `name` its name's bytes.
  mutating func append(folder: PathBytes, name: [UInt8], size: Int, modificationTime: Int64) {
    append(folderNumber: number(ofFolder: folder), name: name, size: size, modificationTime: modificationTime)
  }

  /// Adds a file of the folder numbered `folderNumber` (by `number(ofFolder:)`).
  mutating func append(folderNumber: UInt32, name: [UInt8], size: Int, modificationTime: Int64) {
    names.append(contentsOf: name)
    nameEnds.append(UInt32(names.count))
    folderOf.append(folderNumber)
    sizes.append(size)
    times.append(modificationTime)
    order.append(UInt32(order.count))
  }

  /// Sorts the files by path and drops repeats (a file under two of the given paths).
  mutating func sort() {
    let sorted = withPaths { paths in order.sorted { paths.compare(Int($0), Int($1)) < 0 } }
    order = withPaths { paths in
      var kept: [UInt32] = []
      kept.reserveCapacity(sorted.count)
      for entry in sorted where kept.last.map({ paths.compare(Int($0), Int(entry)) != 0 }) ?? true { kept.append(entry) }
      return kept
    }
    folderNumbers = [:]
  }

  /// Size in bytes of the k-th file.
  func size(at k: Int) -> Int { sizes[Int(order[k])] }

  /// Modification time (nanoseconds since 1970) of the k-th file.
  func modificationTime(at k: Int) -> Int64 { times[Int(order[k])] }

  /// The absolute path (its text form) of the k-th file, without the rest of its `FoundFile`.
  func absolutePath(at k: Int) -> String { path(at: k).text }

  /// The k-th file by path.
  func file(at k: Int) -> FoundFile {
    let entry = Int(order[k])
    let path = path(at: k)
    return FoundFile(
      absolutePath: path.text, displayPath: FileWalker.display(path.text, workingDirectory: workingDirectory),
      size: sizes[entry], modificationTime: times[entry], pathBytes: path.isUTF8 ? nil : path.bytes)
  }

  private func path(at k: Int) -> PathBytes {
    let entry = Int(order[k])
    let start = entry == 0 ? 0 : Int(nameEnds[entry - 1])
    return folders[Int(folderOf[entry])].appending(Array(names[start..<Int(nameEnds[entry])]))
  }

  /// Calls `body` with the list's bytes as buffers.
  private func withPaths<R>(_ body: (Paths) -> R) -> R {
    folderBytes.withUnsafeBufferPointer { folderBytes in
      folderEnds.withUnsafeBufferPointer { folderEnds in
        names.withUnsafeBufferPointer { names in
          nameEnds.withUnsafeBufferPointer { nameEnds in
            folderOf.withUnsafeBufferPointer { folderOf in
              body(Paths(folderBytes: folderBytes, folderEnds: folderEnds, names: names, nameEnds: nameEnds, folderOf: folderOf))
            }
          }
        }
      }
    }
  }

  static func == (lhs: FileList, rhs: FileList) -> Bool {
    lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs.file(at: $0) == rhs.file(at: $0) }
  }
}

/// The list's paths seen through its buffers, so that comparing two paths (a million files
/// sorted: twenty million comparisons) makes no path and copies no array.
private struct Paths {
  let folderBytes: UnsafeBufferPointer<UInt8>
  let folderEnds: UnsafeBufferPointer<UInt32>
  let names: UnsafeBufferPointer<UInt8>
  let nameEnds: UnsafeBufferPointer<UInt32>
  let folderOf: UnsafeBufferPointer<UInt32>

  /// Byte order of two entries' paths: negative, 0 or positive.
  func compare(_ a: Int, _ b: Int) -> Int {
    let (folderA, folderB) = (folder(a), folder(b))
    if folderA == folderB { return compare(name(a), name(b)) }
    // Two folders differing at a byte both have: that byte orders the paths. Otherwise one
    // folder is a prefix of the other, and the paths are compared byte by byte from there.
    let common = min(folderA.count, folderB.count)
    for i in 0..<common where folderBytes[folderA.lowerBound + i] != folderBytes[folderB.lowerBound + i] {
      return Int(folderBytes[folderA.lowerBound + i]) - Int(folderBytes[folderB.lowerBound + i])
    }
    var i = common
    while true {
      switch (byte(a, at: i), byte(b, at: i)) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case let (x?, y?) where x != y: return Int(x) - Int(y)
      default: i += 1
      }
    }
  }

  private func folder(_ entry: Int) -> Range<Int> {
    let number = Int(folderOf[entry])
    return (number == 0 ? 0 : Int(folderEnds[number - 1]))..<Int(folderEnds[number])
  }

  private func name(_ entry: Int) -> Range<Int> {
    (entry == 0 ? 0 : Int(nameEnds[entry - 1]))..<Int(nameEnds[entry])
  }

  /// The i-th byte of an entry's path (its folder, a separator unless the folder is the root
  /// "/", its name), nil past the end.
  private func byte(_ entry: Int, at i: Int) -> UInt8? {
    let folder = folder(entry)
    if i < folder.count { return folderBytes[folder.lowerBound + i] }
    let isRoot = folder.count == 1 && folderBytes[folder.lowerBound] == Paths.separator
    let j = i - folder.count - (isRoot ? 0 : 1)
    if j < 0 { return Paths.separator }
    let name = name(entry)
    return j < name.count ? names[name.lowerBound + j] : nil
  }

  private static let separator: UInt8 = 0x2F

  private static func compare(_ a: Range<Int>, _ b: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    for (x, y) in zip(a, b) where bytes[x] != bytes[y] { return Int(bytes[x]) - Int(bytes[y]) }
    return a.count - b.count
  }

  private func compare(_ a: Range<Int>, _ b: Range<Int>) -> Int { Paths.compare(a, b, in: names) }
}

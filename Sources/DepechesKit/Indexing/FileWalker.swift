import Foundation

/// A file found under the paths given to `depeches index`, with what a re-run compares.
public struct FoundFile: Equatable, Sendable {
  /// Absolute, standardised path; a byte of the name that is not UTF-8 is written `\xHH`.
  public var absolutePath: String
  /// The path shown to users: relative to the working directory when inside it.
  public var displayPath: String
  /// Size in bytes.
  public var size: Int
  /// Modification time, in nanoseconds since 1970.
  public var modificationTime: Int64
  /// The path's bytes on disk when they are not valid UTF-8 (then `absolutePath` is their
  /// escaped form, which cannot open the file); nil for every other file.
  public var pathBytes: [UInt8]? = nil
}

/// What walking the paths found: the files to read, and every other entry with why it is not.
public struct FileListing: Equatable, Sendable {
  /// The regular files, sorted by path, stored compactly (see `FileList`).
  var fileList: FileList
  /// The regular files, sorted by path.
  public var files: [FoundFile] { (0..<fileList.count).map(fileList.file(at:)) }
  /// Entries left out, each with its reason: pipes, sockets, devices, symbolic links inside
  /// folders, and folders or files that could not be examined.
  public var skipped: [FileReport] = []
  /// Absolute paths of folders (and files) that could not be read: the index keeps what it
  /// holds from them, as a permission or network-mount problem is no reason to delete it.
  public var unreadable: [String] = []
}

/// Lists the files under a set of paths, recursively, skipping hidden files and folders.
public enum FileWalker {
  /// Every regular file under `paths` (files are taken as they are), sorted by path.
  /// Throws `invalidArgument` for a path that does not exist.
  public static func files(under paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> [FoundFile] {
    try listing(under: paths, workingDirectory: workingDirectory).files
  }

  /// The files under `paths` and every entry left out with its reason (see `FileListing`).
  /// Throws `invalidArgument` for a path that does not exist.
  public static func listing(under paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> FileListing {
    var walk = Walk(workingDirectory: workingDirectory)
    for path in paths {
      let root = absolute(path, from: workingDirectory)
      var info = stat()
      guard stat(root, &info) == 0 else {
        let code = errno
        if code == ENOENT || code == ENOTDIR { throw DepechesError.invalidArgument("no such file or folder: \(path)") }
        walk.unreadable(PathBytes(root), kind: "cannot examine", code)
        continue
      }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        walk.folder(root)
      } else {
        let folder = (root as NSString).deletingLastPathComponent
        walk.file(PathBytes(folder), name: Array((root as NSString).lastPathComponent.utf8))
      }
    }
    var listing = walk.listing
    listing.fileList.sort()
    listing.skipped.sort { $0.path < $1.path }
    return listing
  }

  /// The absolute, standardised form of a path.
  public static func absolute(_ path: String, from workingDirectory: String) -> String {
    let full = path.hasPrefix("/") ? path : workingDirectory + "/" + path
    return URL(fileURLWithPath: full).standardizedFileURL.path
  }

  /// Name of the file that lists, one shell pattern per line, names to leave out of a folder
  /// and its subfolders (like `.gitignore`, without negation): e.g. `SOURCE.md`, `*.tsv`.
  public static let ignoreFileName = ".depechesignore"

  /// `path` relative to the working directory when inside it, else unchanged.
  static func display(_ path: String, workingDirectory: String) -> String {
    let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }
}

/// One walk over the given paths: the regular files below each folder (not following symbolic
/// links, leaving out hidden names and what `.depechesignore` files exclude), read with
/// `readdir` on the names' bytes (a name need not be UTF-8; the entry types come with the
/// names, so a re-run over thousands of unchanged files costs one `stat` per file).
struct Walk {
  let workingDirectory: String
  var listing: FileListing

  init(workingDirectory: String) {
    self.workingDirectory = workingDirectory
    listing = FileListing(fileList: FileList(workingDirectory: workingDirectory))
  }

  /// Walks the folder `root` and everything below it.
  mutating func folder(_ root: String) {
    var ignores = IgnoreRules(root: root)
    var folders = [PathBytes(root)]
    while let folder = folders.popLast() {
      let entries: [FolderEntries.Entry]
      switch FolderEntries.read(folder) {
      case .entries(let list): entries = list
      case .failed(let code):
        unreadable(folder, kind: "folder not read", code, folder: true)
        continue
      }
      let patterns = ignores.patterns(applyingIn: folder.text)
      let number = listing.fileList.number(ofFolder: folder)
      for entry in entries {
        if entry.kind == .folder {
          folders.append(folder.appending(entry.name))
          continue
        }
        guard !IgnoreRules.matches(patterns, name: entry.name) else { continue }
        switch entry.kind {
        case .file: file(folder, number: number, name: entry.name)
        case .link: skip(folder.appending(entry.name), FolderEntries.linkReason(folder.appending(entry.name)))
        case .other(let reason): skip(folder.appending(entry.name), reason)
        case .folder: break
        }
      }
    }
  }

  /// A regular file (or what a given path names), `name` in `folder`, examined with `stat`.
  mutating func file(_ folder: PathBytes, name: [UInt8]) {
    file(folder, number: listing.fileList.number(ofFolder: folder), name: name)
  }

  /// A file of the folder numbered `number` in the list; its path is made only to be reported.
  private mutating func file(_ folder: PathBytes, number: UInt32, name: [UInt8]) {
    var info = stat()
    let separator: [UInt8] = folder.bytes == [0x2F] ? [] : [0x2F]
    let path = (folder.bytes + separator + name + [0]).map { CChar(bitPattern: $0) }
    guard stat(path, &info) == 0 else {
      let code = errno
      unreadable(folder.appending(name), kind: "cannot examine", code)
      return
    }
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG else {
      skip(folder.appending(name), FolderEntries.reason(forType: type) ?? "not a regular file")
      return
    }
    let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    listing.fileList.append(folderNumber: number, name: name, size: Int(info.st_size), modificationTime: mtime)
  }

  /// Records an entry that could not be read: skipped, and protected from removal.
  mutating func unreadable(_ path: PathBytes, kind: String, _ code: Int32, folder: Bool = false) {
    listing.unreadable.append(path.text)
    let kept = "what the index holds from it is kept"
    skip(path, "\(kind): \(FileBytes.describe(code)); \(kept)", folder: folder)
  }

  private mutating func skip(_ path: PathBytes, _ reason: String, folder: Bool = false) {
    let shown = FileWalker.display(path.text, workingDirectory: workingDirectory) + (folder ? "/" : "")
    listing.skipped.append(FileReport(path: shown, outcome: .skipped(reason: reason)))
  }
}

/// The `.depechesignore` patterns of a walked tree, read once per folder.
struct IgnoreRules {
  let root: String
  private var patterns: [String: [String]] = [:]

  init(root: String) { self.root = root }

  /// The patterns that apply to the files of `fileFolder`: its own and those of every folder
  /// above it up to the root (read once per folder, not per file).
  mutating func patterns(applyingIn fileFolder: String) -> [String] {
    var folder = fileFolder
    var patterns: [String] = []
    while folder.hasPrefix(root) {
      patterns += rules(of: folder)
      if folder == root { break }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return patterns
  }

  /// True when one of `patterns` matches the name.
  static func matches(_ patterns: [String], name: [UInt8]) -> Bool {
    guard !patterns.isEmpty else { return false }
    let text = PathBytes.text(name).text
    return patterns.contains { fnmatch($0, text, 0) == 0 }
  }

  private mutating func rules(of folder: String) -> [String] {
    if let cached = patterns[folder] { return cached }
    let text = (try? String(contentsOfFile: folder + "/" + FileWalker.ignoreFileName, encoding: .utf8)) ?? ""
    let list = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    patterns[folder] = list
    return list
  }
}

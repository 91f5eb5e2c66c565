import Foundation

/// A file found under the paths given to `depeches index`, with what a re-run compares.
public struct FoundFile: Equatable, Sendable {
  /// Absolute, standardised path.
  public var absolutePath: String
  /// The path shown to users: relative to the working directory when inside it.
  public var displayPath: String
  /// Size in bytes.
  public var size: Int
  /// Modification time, in nanoseconds since 1970.
  public var modificationTime: Int64
}

/// Lists the files under a set of paths, recursively, skipping hidden files and folders.
public enum FileWalker {
  /// Every regular file under `paths` (files are taken as they are), sorted by path.
  /// Throws `invalidArgument` for a path that does not exist.
  public static func files(under paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> [FoundFile] {
    var found: [String: FoundFile] = [:]
    for path in paths {
      let root = absolute(path, from: workingDirectory)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
        throw DepechesError.invalidArgument("no such file or folder: \(path)")
      }
      let candidates = isDirectory.boolValue ? walk(root) : [root]
      for file in candidates {
        if let info = examine(file, workingDirectory: workingDirectory) { found[file] = info }
      }
    }
    return found.values.sorted { $0.absolutePath < $1.absolutePath }
  }

  /// The absolute, standardised form of a path.
  public static func absolute(_ path: String, from workingDirectory: String) -> String {
    let full = path.hasPrefix("/") ? path : workingDirectory + "/" + path
    return URL(fileURLWithPath: full).standardizedFileURL.path
  }

  /// Name of the file that lists, one shell pattern per line, names to leave out of a folder
  /// and its subfolders (like `.gitignore`, without negation): e.g. `SOURCE.md`, `*.tsv`.
  public static let ignoreFileName = ".depechesignore"

  /// The regular files below `root` (not following symbolic links, leaving out hidden names and
  /// what `.depechesignore` files exclude), read with `readdir`: the file type comes with each
  /// entry, so a re-run over thousands of unchanged files costs one `stat` per file (in
  /// `examine`), not several Foundation look-ups.
  private static func walk(_ root: String) -> [String] {
    var ignores = IgnoreRules(root: root)
    var out: [String] = []
    var folders = [root]
    while let folder = folders.popLast() {
      for (name, path, kind) in entries(of: folder) {
        switch kind {
        case .folder: folders.append(path)
        case .file: if !ignores.ignores(name: name, in: folder) { out.append(path) }
        case .other: continue
        }
      }
    }
    return out
  }

  private enum EntryKind { case file, folder, other }

  /// The visible entries of a folder (names not starting with "."), with their path and kind;
  /// a symbolic link is `.other`. An unreadable folder has none.
  private static func entries(of folder: String) -> [(name: String, path: String, kind: EntryKind)] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var out: [(name: String, path: String, kind: EntryKind)] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      guard !name.hasPrefix(".") else { continue }
      let path = folder == "/" ? "/" + name : folder + "/" + name
      out.append((name, path, kind(Int32(entry.pointee.d_type), path)))
    }
    return out
  }

  /// The kind of an entry from its `d_type`, or from `lstat` when the file system leaves it unknown.
  private static func kind(_ type: Int32, _ path: String) -> EntryKind {
    switch type {
    case Int32(DT_REG): return .file
    case Int32(DT_DIR): return .folder
    case Int32(DT_UNKNOWN):
      var info = stat()
      guard lstat(path, &info) == 0 else { return .other }
      switch info.st_mode & S_IFMT {
      case S_IFREG: return .file
      case S_IFDIR: return .folder
      default: return .other
      }
    default: return .other
    }
  }

  private static func examine(_ path: String, workingDirectory: String) -> FoundFile? {
    var info = stat()
    guard lstatFollowing(path, &info), (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    return FoundFile(
      absolutePath: path, displayPath: display(path, workingDirectory: workingDirectory),
      size: Int(info.st_size), modificationTime: mtime)
  }

  /// `path` relative to the working directory when inside it, else unchanged.
  static func display(_ path: String, workingDirectory: String) -> String {
    let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }
}

/// `stat(2)` (following symbolic links); false when the file cannot be examined.
func lstatFollowing(_ path: String, _ info: inout stat) -> Bool {
  stat(path, &info) == 0
}

/// The `.depechesignore` patterns of a walked tree, read once per folder.
struct IgnoreRules {
  let root: String
  private var patterns: [String: [String]] = [:]

  init(root: String) { self.root = root }

  /// True when a pattern of the file's folder, or of a folder above it up to the root, matches
  /// the file's name.
  mutating func ignores(name: String, in fileFolder: String) -> Bool {
    var folder = fileFolder
    while folder.hasPrefix(root) {
      if rules(of: folder).contains(where: { fnmatch($0, name, 0) == 0 }) { return true }
      if folder == root { break }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return false
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

import Foundation
import Testing

/// Waits until a file written now gets a later modification time than `path` has, so that a
/// change made next is one the clean mark can see (file times move in coarse ticks).
func waitForClockTick(after path: String, in ws: Workspace) throws {
  let mark = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date ?? .distantFuture
  let probe = ws.path + "/.tick"
  let moved = eventually(within: 10, every: 0.005) {
    _ = FileManager.default.createFile(atPath: probe, contents: Data())
    let now = (try? FileManager.default.attributesOfItem(atPath: probe)[.modificationDate] as? Date) ?? .distantPast
    return now > mark
  }
  try #require(moved, "the clock did not move past \(path)'s time")
}

/// Damages a table file the ways that crashed Xapian's writer: cut short, or bytes overwritten.
func damage(_ file: String, truncating: Bool) throws {
  let handle = try #require(FileHandle(forUpdatingAtPath: file))
  defer { try? handle.close() }
  let size = try handle.seekToEnd()
  try #require(size > 16_384, "\(file) is too small to damage in its middle")
  if truncating {
    try handle.truncate(atOffset: size / 2 + 100)
  } else {
    try handle.seek(toOffset: size / 2)
    try handle.write(contentsOf: Data(repeating: 0xFF, count: 3_000))
  }
}

/// Writing into a damaged index is refused with a message saying how to rebuild (exit 1, no
/// signal), and a sound one is written without the full check.
@Suite struct DamagedIndexTests {
  @Test(arguments: [("postlist", true), ("postlist", false), ("termlist", true), ("termlist", false), ("position", false)])
  func writingIntoADamagedTableIsRefused(table: String, truncating: Bool) throws {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    try waitForClockTick(after: ws.path + "/Index/depeches-clean", in: ws)
    try damage(ws.path + "/Index/\(table).glass", truncating: truncating)
    ws.write("seeds/nouvelle.txt", bytes: Array("Nouvelle dépêche\n\nLa guerre continue à Xylophonix.\n".utf8))
    let run = try ws.run("index", "seeds")
    #expect(!run.signalled, "killed by signal \(run.status): \(run.stderr)")
    #expect(run.status == 1)
    #expect(run.stderr.contains("the index is damaged"), "\(run.stderr)")
    #expect(run.stderr.contains("\(table).glass"))
    #expect(run.stderr.contains("nothing was written"))
    #expect(run.stderr.contains("Rebuild it: move Index away"))
    // Refused again, not written into by a second try.
    let again = try ws.run("index", "seeds")
    #expect(!again.signalled && again.status == 1 && again.stderr.contains("the index is damaged"))
  }

  @Test func theFullCheckFindsDamageTheCheapProbeCannotSee() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    let table = ws.path + "/Index/postlist.glass"
    var info = stat()
    try #require(stat(table, &info) == 0)
    try damage(table, truncating: false)
    // Size and time as they were, to the nanosecond: only Xapian's check reads the blocks.
    var times = [info.st_atim, info.st_mtim]
    try #require(utimensat(AT_FDCWD, table, &times, 0) == 0)
    let run = try ws.run("index", "seeds", "--check")
    #expect(!run.signalled)
    #expect(run.status == 1)
    #expect(run.stderr.contains("the index is damaged"), "\(run.stderr)")
  }

  @Test func aSoundIndexIsWrittenAndMarkedClean() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    let mark = ws.path + "/Index/depeches-clean"
    #expect(FileManager.default.fileExists(atPath: mark))
    ws.write("seeds/nouvelle.txt", bytes: Array("Nouvelle dépêche\n\nLa guerre continue à Xylophonix.\n".utf8))
    let checked = try ws.run("index", "seeds", "--check")
    #expect(checked.status == 0, "\(checked.stderr)")
    #expect(checked.stderr.contains("added 1"))
    #expect(FileManager.default.fileExists(atPath: mark))
    // A run that did not end cleanly (no mark): the next one checks, finds the index sound, writes.
    try FileManager.default.removeItem(atPath: mark)
    ws.write("seeds/autre.txt", bytes: Array("Autre dépêche\n\nLe cessez-le-feu tient à Xylophonix.\n".utf8))
    let after = try ws.run("index", "seeds")
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stderr.contains("added 1"))
    #expect(FileManager.default.fileExists(atPath: mark))
    #expect(try ws.run("search", "Xylophonix", "--json").stdout.contains("\"total\":2"))
  }
}

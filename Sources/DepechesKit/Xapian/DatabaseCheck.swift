import CXapian

/// Xapian's own consistency check (`Database::check`) of a database folder (every table, and
/// the tables against each other) or of one table file (`postlist.glass`): the number of
/// problems found and the check's first lines naming them. Throws when the damage stops the
/// check (`DepechesError.xapian`, most often of kind `.corrupt`).
func xapianCheck(_ path: String) throws -> (problems: Int, report: String) {
  var problems: UInt32 = 0
  var report = cx_buffer()
  try check { cx_database_check(path, &problems, &report, $0) }
  return (Int(problems), take(&report).utf8String)
}

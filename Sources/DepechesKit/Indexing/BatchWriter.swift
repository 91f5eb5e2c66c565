import Foundation

/// The single writer: applies prepared files to the database and commits in batches.
final class BatchWriter {
  private let db: XapianWritable
  private let indexPath: String
  private let batchSize: Int
  private let byteLimit: Int
  private var filesInBatch = 0
  private var bytesInBatch = 0
  /// Spelling count changes waiting for a commit.
  private var spellings = WordTable<Int>()
  /// True when spelling counts may wait past batch commits (see `init`).
  private let defersSpellings: Bool
  /// Deferred spelling counts written per commit (`deferredSpellingsPerCommit`).
  private let spellingsPerCommit: Int

  /// Deferred spelling counts are written at a batch commit once this many words wait
  /// (bounded memory: a word costs about 60 bytes here, and each lane of a run defers its own).
  static let maxDeferredSpellings = 150_000
  /// Deferred spelling counts go to Xapian this many words per commit: Xapian holds a commit's
  /// spelling changes (each word's n-gram lists, about 0.8 KB a word) in memory until it ends,
  /// so a part's whole deferral in one commit added 31 MB at the very end of a first run.
  static let deferredSpellingsPerCommit = 5_000
  /// A batch that writes its spelling counts commits once its dispatches brought this many
  /// words new to the database (exact forms new to their stem's set): Xapian holds each new
  /// spelling word's n-grams (about 0.8 KB) until the commit, and the first batches of a run,
  /// where nearly every word is new, each held 20 MB or more in their writer thread's heap.
  static let maxNewWordsPerCommit = 4_000
  /// Stem → exact forms, and exact term → stems (see `Schema`).
  private let stemForms = WordSetWriter(prefix: Schema.stemFormsPrefix)
  private let nameForms = WordSetWriter(prefix: Schema.nameSkeletonPrefix)
  private let termStems = WordSetWriter(prefix: Schema.termStemsPrefix)
  /// The near-duplicate records of the dispatches written and deleted, for `VersionGrouper`.
  private(set) var versions = VersionLog()

  /// A writer committing every `batchSize` files or `byteLimit` bytes read, whichever first.
  ///
  /// With `defersSpellings` (only for a scratch part, which a crash throws away whole), the
  /// spelling counts are written at the final `commit()` (or when `maxDeferredSpellings` words
  /// wait), `spellingsPerCommit` words per commit, rather than at every batch: Xapian reads and rewrites each word's entry at every
  /// commit that touches it, so once per run instead of once per batch saves that work.
  /// Elsewhere they must be committed with their documents, or a crash would lose them.
  init(
    db: XapianWritable, indexPath: String, batchSize: Int, byteLimit: Int = WriterLanes.batchByteLimit,
    defersSpellings: Bool = false, spellingsPerCommit: Int = BatchWriter.deferredSpellingsPerCommit
  ) {
    self.db = db
    self.defersSpellings = defersSpellings
    self.spellingsPerCommit = max(1, spellingsPerCommit)
    self.indexPath = indexPath
    self.batchSize = max(1, batchSize)
    self.byteLimit = max(1, byteLimit)
  }

  /// Runs body, giving Xapian failures their user-facing form (naming the index folder).
  func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DepechesError {
      throw IndexLocation.mapWriteError(error, path: indexPath)
    }
  }

  /// Checks the schema version and records the synonym groups in metadata, their one store:
  /// searches read them back from there, through remote shards too.
  func prepareSchema(synonyms: SynonymTable) throws {
    let version = try db.metadata(key: Schema.versionKey)
    if !version.isEmpty && version != Schema.version {
      throw DepechesError.invalidArgument(
        "the index at \(indexPath) has layout version \(version), this depeches writes \(Schema.version): delete the folder and index again")
    }
    try db.setMetadata(key: Schema.versionKey, value: Schema.version)
    try db.setMetadata(key: Schema.synonymsKey, value: synonyms.text)
  }

  /// True when the database remembers no file at all (a fresh index).
  func remembersNoFile() throws -> Bool {
    try db.metadataEntries(prefix: Schema.fileStatePrefix, max: 1).isEmpty
  }

  /// A metadata value of this database ("" when absent).
  func metadata(_ key: String) throws -> String { try db.metadata(key: key) }

  /// Sets a metadata value, written by the next commit.
  func setMetadata(_ key: String, _ value: String) throws { try db.setMetadata(key: key, value: value) }

  /// Dispatches in this database.
  func documentCount() throws -> Int { try db.documentCount() }

  /// What the index remembers of a file, if anything.
  func state(of file: FoundFile) throws -> FileState? {
    FileState(decoding: try db.metadata(key: FileState.key(forPath: file.absolutePath)))
  }

  /// Applies one prepared file; commits when the batch is full.
  func write(_ item: PreparedFile) throws -> FileReport {
    let outcome: FileOutcome
    let key = FileState.key(forPath: item.file.absolutePath)
    switch item.outcome {
    case .sameContent(let state):
      try db.setMetadata(key: key, value: state.encoded)
      outcome = .unchanged
    case .skipped(let reason):
      if item.previous != nil {
        try deleteDocuments(ofPath: item.file.absolutePath)
        try db.setMetadata(key: key, value: "")
      }
      outcome = .skipped(reason: reason)
    case .unreadable(let reason):
      // Nothing changes: a permission or I/O failure may pass, and the next run reads it again.
      outcome = .skipped(reason: item.previous == nil ? reason : reason + "; what the index holds from it is kept")
    case .cancelled:
      outcome = .skipped(reason: Cancellation.reason)
    case .documents(let documents, let state):
      if item.previous != nil { try deleteDocuments(ofPath: item.file.absolutePath) }
      for document in documents {
        let docid = try db.replace(uniqueTerm: document.uniqueTerm, packed: document.packed)
        if document.version != nil { versions.written.append(docid) }
        for (word, count) in document.spellings { addSpelling(word, count) }
        for pair in document.stemForms {
          try stemForms.add(pair.form, to: pair.stem, db: db)
          if pair.stemsApart { try termStems.add(pair.stem, to: pair.form, db: db) }
        }
        for pair in document.nameForms { try nameForms.add(pair.form, to: pair.skeleton, db: db) }
      }
      try db.setMetadata(key: key, value: state.encoded)
      outcome = item.previous == nil ? .added(dispatches: documents.count) : .updated(dispatches: documents.count)
    }
    filesInBatch += 1
    bytesInBatch += item.file.size
    let manyNewWords = !defersSpellings && stemForms.gainedSinceFlush >= BatchWriter.maxNewWordsPerCommit
    if filesInBatch >= batchSize || bytesInBatch >= byteLimit || manyNewWords {
      try commit(spellingsToo: !defersSpellings || spellings.count >= BatchWriter.maxDeferredSpellings)
    }
    return FileReport(path: item.file.displayPath, outcome: outcome, warnings: item.warnings)
  }

  /// Deletes a file's dispatches and its state (`key`), in the next commit.
  func forget(path: String, key: String) throws {
    try deleteDocuments(ofPath: path)
    try db.setMetadata(key: key, value: "")
  }

  /// True when `path` is one of `folders` or inside one.
  static func isAt(_ path: String, orBelowAnyOf folders: [String]) -> Bool {
    folders.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
  }

  /// Deletes the dispatches of a file, taking their words out of the spelling data (so that
  /// suggestions never offer a word nothing holds any more).
  private func deleteDocuments(ofPath absolutePath: String) throws {
    let term = FileState.term(forPath: absolutePath)
    try versions.noteRemoval(of: term, in: db)
    for (word, count) in try db.occurrences(inDocumentsWith: term) where count > 0 && DocumentBuilder.isSpellingWord(word) {
      addSpelling(word, -count)
    }
    try db.delete(term: term)
  }

  /// Adds `change` to the pending spelling count of `word`.
  private func addSpelling(_ word: String, _ change: Int) {
    let hash = WordTable<Int>.hash(word)
    if let entry = spellings.find(word, hash: hash) {
      spellings.values[entry] += change
    } else {
      spellings.insert(word, change, hash: hash)
    }
  }

  /// The database written: `VersionGrouper` sets group values in it after the run.
  var database: XapianWritable { db }

  /// Writes the pending spelling data and word sets, and commits everything, atomically.
  func commit() throws { try commit(spellingsToo: true) }

  /// Held through a commit that writes deferred spelling counts. Parallel parts fill their
  /// batches at the same pace, so those commits come at the same moment, and each holds tens
  /// of MB of Xapian's spelling changes until it ends: one at a time, their peaks do not add.
  private static let deferredSpellingCommit = NSLock()

  private func commit(spellingsToo: Bool) throws {
    let serialised = spellingsToo && defersSpellings
    if serialised { BatchWriter.deferredSpellingCommit.lock() }
    defer { if serialised { BatchWriter.deferredSpellingCommit.unlock() } }
    try stemForms.flush(db: db)
    try nameForms.flush(db: db)
    try termStems.flush(db: db)
    if spellingsToo {
      let counts = zip(spellings.keys, spellings.values).filter { $0.1 != 0 }
      spellings.removeAll()
      if defersSpellings {
        try commitDeferred(counts)
      } else {
        try db.addSpellings(counts)
      }
    }
    try db.commit()
    filesInBatch = 0
    bytesInBatch = 0
  }

  /// Commits the batch on its own, then the deferred counts a slice at a time (a scratch part
  /// may commit in as many steps as it likes: only the merged whole is ever read); the last
  /// slice is left for the caller's commit.
  private func commitDeferred(_ counts: [(String, Int)]) throws {
    try db.commit()
    var start = 0
    while counts.count - start > spellingsPerCommit {
      let end = start + spellingsPerCommit
      try db.addSpellings(Array(counts[start..<end]))
      try db.commit()
      start = end
    }
    try db.addSpellings(Array(counts[start...]))
  }
}

/// Every Xapian term prefix, value slot and metadata key Dépêches writes, in one place.
///
/// Terms (all lower-case words are folded exact forms, see `FrenchAnalyzer`):
/// - unprefixed: the exact word, with positions (phrases, exact-form ranking, highlighting,
///   and stemmed matching: a query stem is looked up in the word sets metadata below and
///   matches as one Xapian SYNONYM group of the exact words that share it);
/// - `Q` + id: one unique term per dispatch (`replace_document` makes re-indexing idempotent);
/// - `XF` + file key: every dispatch read from one file (so a changed file replaces them all);
/// - `XS` + folded source: the dispatch's source, for filtering (`--source`, `source:`);
/// - `XA` + folded word: each word of the dispatch's author (`author:`);
/// - `S` + exact word: a word of the title, without positions (the title as a field of its
///   own, weighing beside the body: every free word of a query also looks here);
/// - `XN` + 12 hex digits: one LSH band of the near-duplicate signature (`Duplicates/`), to
///   find a dispatch's candidate versions without reading the whole index.
public enum Schema {
  /// Bumped when the index layout changes; an index of another version must be rebuilt.
  public static let version = "7"
  /// Prefix of the unique id term.
  public static let idPrefix = "Q"
  /// Prefix of the boolean term shared by all dispatches of one file.
  public static let filePrefix = "XF"
  /// Prefix of the boolean source term.
  public static let sourcePrefix = "XS"
  /// Prefix of the boolean author terms: + each folded word of the author's name.
  public static let authorPrefix = "XA"
  /// Prefix of the title field's terms.
  public static let titlePrefix = "S"
  /// Prefix of the near-duplicate band terms (`VersionSignature.bandTerms`).
  public static let versionBandPrefix = "XN"

  /// Value slot: the date as "YYYYMMDD" (sortable, for range filters).
  public static let dateSlot: Int = 0
  /// Value slot: the month as "YYYY-MM" (the month facet).
  public static let monthSlot: Int = 1
  /// Value slot: the number of passages, as decimal text (summed by `stats` with a match spy).
  public static let passagesSlot: Int = 2
  /// Value slot: the stored dispatch (`StoredDispatch`: a compressed header and passages in
  /// blocks compressed one by one with `StoredCompression`).
  /// Kept in a value rather than the document data because Xapian deflates document data
  /// again with zlib, which measured about a tenth of indexing time; values are stored as is.
  public static let storedSlot: Int = 3
  /// Value slot: the sequence number of the `index` run that added or last changed the
  /// dispatch, `runValue` (zero-padded, so that it sorts), for `watch run`'s "entered since".
  public static let runSlot: Int = 4
  /// Value slot: when that run started, UTC, as "YYYY-MM-DDTHH:MM:SSZ" (a feed's `updated`).
  public static let indexedSlot: Int = 5
  /// Value slot: the near-duplicate signature (`VersionRecord`: id, date order, MinHash),
  /// compared with a later run's new dispatches. (Slots 8 and 9 stay apart from the others'.)
  public static let signatureSlot: Int = 8
  /// Value slot: the dispatch's group of versions, the id of the group's earliest dispatch;
  /// absent for a dispatch with no version. Search collapses on it (one result per group).
  public static let groupSlot: Int = 9

  /// Metadata key prefix of the word sets: values that are sets of words, sorted and separated
  /// by `wordSetSeparator`. Each shard keeps the sets of what it holds; readers take the union
  /// over shards, and merging databases (compaction) unites duplicate keys.
  /// (Short keys: there is one per distinct stem and per accented word, and glass stores
  /// every key whole.)
  public static let wordSetPrefix = "w:"
  /// Word set key prefix of a stem's forms: + folded stem → the exact terms indexed under it.
  public static let stemFormsPrefix = wordSetPrefix + "f:"
  /// Word set key prefix of a term's stems: + exact term → the folded stems it was indexed
  /// under, kept only where stemming the exact (unaccented) term gives another stem. A query
  /// word typed without accents ("refugies") finds its stem ("refugi", from "réfugiés")
  /// here, where stemming the unaccented word would not ("refug").
  public static let termStemsPrefix = wordSetPrefix + "s:"
  /// Word set key prefix of the names: + transliteration skeleton (`Transliteration.nameKey`)
  /// → the exact terms written as names (capitalised inside a sentence) with that skeleton. A
  /// capitalised query word ("Poroshenko") also matches the names of its skeleton
  /// ("porochenko"), and of its stem's forms only the longer ones written as names
  /// (Américain: Américains, not Marie: mariés).
  public static let nameSkeletonPrefix = wordSetPrefix + "n:"
  /// Separates the words of a word set (terms never contain spaces).
  public static let wordSetSeparator: UInt8 = 0x20
  /// Words longer than this (in UTF-8 bytes) get no word set entry (Xapian keys are short).
  public static let maxWordSetKeyBytes = 160

  /// Metadata key holding `version`.
  public static let versionKey = "depeches:schema"
  /// Metadata key prefix of the per-file state used by incremental indexing.
  public static let fileStatePrefix = "depeches:file:"
  /// Metadata key holding the synonym groups in use (text, one group per line), so that
  /// remote shards' synonyms stay available to the client.
  public static let synonymsKey = "depeches:synonyms"
  /// Metadata key holding the sequence number of the last `index` run whose every dispatch is
  /// committed (decimal; absent before the first). Written in a run's last commit, per shard;
  /// readers take the lowest over the shards (see `IndexRun`).
  public static let runCompletedKey = "depeches:run"
  /// Digits of `runValue`: sorts as text, and outlasts any number of runs.
  public static let runDigits = 12

  /// The saved searches (`watch`) of an index: a JSON file inside the index folder (beside a
  /// stub file's path, `STUB.depeches-watches.json`, when the index is a stub file), replaced
  /// by atomic rename, so they travel with the folder and need no write lock.
  public static let watchesFileName = "depeches-watches.json"

  /// File a writer that ended cleanly leaves in each database folder: the size and time of
  /// every Xapian file there as it left them, so that the next writer skips the check a
  /// database gets after a run that did not end cleanly (see `IndexHealth`). Not metadata:
  /// writing it into the database would change the files it describes.
  public static let cleanMarkName = "depeches-clean"

  /// Position of the first title word (Xapian positions start at 1).
  public static let titleStartPosition = 1
  /// Gap left between title and body and between passages, so that no phrase crosses them.
  public static let passageGap = 8
  /// Extra within-document frequency given to each title word in the body field: none, the
  /// title field (`titlePrefix`) weighs titles; with both, body queries lost (0.989 against
  /// 1.000 MRR@10 in docs/relevance.md's harness, 2 against 0).
  public static let titleWdfBoost: UInt32 = 0

  /// The metadata key of a word set (`prefix` + word), or nil for a word too long to have one.
  public static func wordSetKey(_ prefix: String, _ word: String) -> String? {
    word.utf8.count <= maxWordSetKeyBytes && !word.isEmpty ? prefix + word : nil
  }
  /// The `runSlot` value of a run's sequence number.
  public static func runValue(_ sequence: Int) -> String {
    let digits = String(max(0, sequence))
    return String(repeating: "0", count: max(0, runDigits - digits.count)) + digits
  }
  /// The boolean term of a source name (folded whole: "Le Monde" → "XSle monde").
  public static func sourceTerm(_ name: String) -> String { sourcePrefix + FrenchAnalyzer.fold(name) }
  /// The unique term of a dispatch id.
  public static func idTerm(_ id: String) -> String { idPrefix + id }
  /// The date slot value of a date.
  public static func dateValue(_ date: DispatchDate) -> String {
    String(date.iso.filter { $0 != "-" })
  }
}

/// What grouping knows of one dispatch: its id, its place in time and its signature, stored
/// as the value `Schema.signatureSlot` so that a later run can compare new dispatches with it.
struct VersionRecord: Equatable, Sendable {
  /// The dispatch id (`Dispatch.makeID`).
  var id: String
  /// The date as "YYYYMMDD", or `undatedOrder` (undated dispatches come after dated ones).
  var date: String
  /// The signature.
  var signature: VersionSignature

  /// The order key of an undated dispatch.
  static let undatedOrder = "99999999"
  /// First byte of the encoding: its version.
  static let formatVersion: UInt8 = 1

  /// A record of a dispatch with its signature.
  init(id: String, date: DispatchDate?, signature: VersionSignature) {
    self.init(id: id, dateOrder: date.map(Schema.dateValue) ?? Self.undatedOrder, signature: signature)
  }

  init(id: String, dateOrder: String, signature: VersionSignature) {
    self.id = id
    self.date = dateOrder
    self.signature = signature
  }

  /// "Earlier" for grouping: by date, then by id. Both are properties of the dispatch alone,
  /// so a run in parallel parts, in shards or file by file orders dispatches the same way
  /// (index order, the order documents were written in, is not).
  func isEarlier(than other: VersionRecord) -> Bool {
    date != other.date ? date < other.date : id < other.id
  }

  /// Version byte, u8 date length + date, u8 id length + id, u32 shingles, u32 minima.
  var encoded: [UInt8] {
    var bytes: [UInt8] = [Self.formatVersion, UInt8(date.utf8.count)]
    bytes += Array(date.utf8)
    bytes.append(UInt8(id.utf8.count))
    bytes += Array(id.utf8)
    Self.append(UInt32(clamping: signature.shingles), to: &bytes)
    for value in signature.minima { Self.append(value, to: &bytes) }
    return bytes
  }

  /// Reads `encoded`; nil for an empty or foreign value.
  init?(decoding bytes: [UInt8]) {
    var at = 0
    func take(_ n: Int) -> ArraySlice<UInt8>? {
      guard n >= 0, bytes.count - at >= n else { return nil }
      defer { at += n }
      return bytes[at..<at + n]
    }
    func u32() -> UInt32? {
      take(4).map { $0.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    }
    guard take(1)?.first == Self.formatVersion, let dateLength = take(1)?.first, let date = take(Int(dateLength)),
      let idLength = take(1)?.first, let id = take(Int(idLength)), let shingles = u32()
    else { return nil }
    var minima: [UInt32] = []
    minima.reserveCapacity(VersionSignature.hashCount)
    for _ in 0..<VersionSignature.hashCount {
      guard let value = u32() else { return nil }
      minima.append(value)
    }
    self.init(
      id: String(decoding: id, as: UTF8.self), dateOrder: String(decoding: date, as: UTF8.self),
      signature: VersionSignature(minima: minima, shingles: Int(shingles)))
  }

  private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }
}

/// When two signatures are versions of one story, and how close they are.
enum VersionRule {
  /// Resemblance at or above which two dispatches are versions (a rewrite: another headline,
  /// a few words changed, paragraphs reordered): those measured ≥ 0.72, different posts
  /// ≤ 0.42 (docs/duplicates.md).
  static let minResemblance = 0.55
  /// Containment of the shorter in the longer at or above which they are versions (an update
  /// with a paragraph on top, a version cut to 50–80 %): those measured ≥ 0.85, different
  /// posts ≤ 0.59; the threshold sits between.
  static let minContainment = 0.7
  /// The shorter must hold at least this fraction of the longer's shingles for containment to
  /// count, so that a brief quoted inside a long piece is not taken for a version of it.
  static let minLengthRatio = 0.3

  /// How close two dispatches are (0 when they are not versions of each other): the larger of
  /// resemblance and, when it counts, containment.
  static func closeness(_ a: VersionSignature, _ b: VersionSignature) -> Double {
    let resemblance = a.resemblance(b)
    let small = Double(min(a.shingles, b.shingles)), large = Double(max(a.shingles, b.shingles))
    // |A∩B| = J (|A| + |B|) / (1 + J), from J = |A∩B| / (|A| + |B| - |A∩B|).
    let shared = resemblance * (small + large) / (1 + resemblance)
    let containment = small > 0 ? min(1, shared / small) : 0
    let contained = small / large >= minLengthRatio && containment >= minContainment
    if resemblance >= minResemblance || contained { return max(resemblance, contained ? containment : 0) }
    return 0
  }
}

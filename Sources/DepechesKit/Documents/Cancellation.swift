import Synchronization

/// A flag that says the work in hand should stop (Ctrl-C during indexing): raised once, from
/// any thread, and read cheaply by the threads reading and analysing files.
final class CancellationFlag: Sendable {
  private let raised = Atomic<Bool>(false)

  init() {}

  /// Asks every reader that sees this flag to stop.
  func raise() { raised.store(true, ordering: .relaxed) }

  /// True once `raise` was called.
  var isRaised: Bool { raised.load(ordering: .relaxed) }
}

/// Where readers and the analysis look to know whether to stop inside one file: the flag bound
/// to the current thread (`Cancellation.$flag.withValue(flag) { … }`, which works on plain
/// threads too), so that no reader's signature carries it. A reader that sees it stops early
/// and returns what it has; its caller throws the result away.
enum Cancellation {
  /// The flag of the work this thread does, if any.
  @TaskLocal static var flag: CancellationFlag?

  /// Items (lines, tokens, passages) a loop handles between two looks at the flag: the look
  /// costs a thread-local read, and this many items take well under a millisecond.
  static let checkInterval = 1024

  /// True when the work in hand should stop.
  static var isRequested: Bool { flag?.isRaised ?? false }

  /// True when `count` items were handled since the last look and the work should stop.
  static func isRequested(after count: Int) -> Bool { count % checkInterval == 0 && isRequested }

  /// The skip reason of a file abandoned because the run is stopping (never written).
  static let reason = "interrupted"
}

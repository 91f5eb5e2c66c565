import Foundation

/// The doubling check of issue 15: work on an input of size n and on one of size 2n, and the
/// time ratio. Linear work doubles (about 2); quadratic work quadruples (about 4). No absolute
/// time is asserted: only the ratio. Time is the calling thread's CPU time, not the wall
/// clock: on a shared machine the wall clock also counts the time other processes held the
/// cores, which can make one run of a pair many times longer than its twin.
enum DoublingCheck {
  /// Above this ratio the work is taken for super-linear (halfway between 2 and 4).
  static let maxRatio = 3.0
  /// Timed runs of each size per attempt; the fastest counts (the others met other load).
  static let runsPerAttempt = 2
  /// Attempts before a ratio above `maxRatio` is believed (noise passes on a later one;
  /// quadratic work never does).
  static let attempts = 3
  /// A ratio this high is no noise: the check stops at once.
  static let certainRatio = 6.0

  /// The lowest time ratio of `work(input(2n))` to `work(input(n))` over the attempts,
  /// stopping at the first attempt under `maxRatio`. Inputs are made before timing.
  static func ratio<Input>(n: Int, input: (Int) -> Input, work: (Input) -> Void) -> Double {
    let (small, large) = (input(n), input(2 * n))
    var best = Double.infinity
    for _ in 0..<attempts {
      var (smallTime, largeTime) = (Double.infinity, Double.infinity)
      for _ in 0..<runsPerAttempt {
        smallTime = min(smallTime, seconds { work(small) })
        largeTime = min(largeTime, seconds { work(large) })
      }
      let ratio = largeTime / max(smallTime, 1e-9)
      best = min(best, ratio)
      if best < maxRatio || ratio > certainRatio { break }
    }
    return best
  }

  private static func seconds(_ body: () -> Void) -> Double {
    let start = threadCPUSeconds()
    body()
    return threadCPUSeconds() - start
  }

  /// CPU time this thread has used (the work timed runs on the calling thread).
  private static func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}

import Dispatch
import Synchronization

/// Runs independent pieces of work on a fixed number of threads.
///
/// Work is cut into chunks whose boundaries depend only on the size of the data, never on the
/// thread count, and every reduction over chunks is done in chunk order afterwards. Results are
/// therefore the same bytes whatever the thread count.
public enum Parallel {
    /// The number of threads to use when the caller does not say: the active processor count.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `body(chunk)` for every chunk in `0..<chunks`, using up to `threads` threads.
    /// Thread `t` runs chunks `t, t + threads, t + 2·threads, …`.
    public static func forEach(chunks: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
        let t = max(1, min(threads, chunks))
        if t == 1 {
            for c in 0..<chunks { body(c) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: t) { worker in
            var c = worker
            while c < chunks {
                body(c)
                c += t
            }
        }
    }

    /// Calls `body(chunk)` for every chunk in `0..<chunks`, using up to `threads` threads that
    /// each take the next chunk not yet taken, so that a thread slowed down (by other work on
    /// the machine, or by harder chunks) does fewer chunks instead of holding the others up.
    /// Which thread runs a chunk varies from run to run; results stay the same as long as each
    /// chunk writes only its own results, as with ``forEach(chunks:threads:_:)``.
    public static func forEachBalanced(chunks: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
        let t = max(1, min(threads, chunks))
        if t == 1 {
            for c in 0..<chunks { body(c) }
            return
        }
        let next = ChunkCounter()
        DispatchQueue.concurrentPerform(iterations: t) { _ in
            while true {
                let c = next.value.add(1, ordering: .relaxed).oldValue
                if c >= chunks { return }
                body(c)
            }
        }
    }

    /// The next chunk to take, shared by the threads of ``forEachBalanced(chunks:threads:_:)``.
    private final class ChunkCounter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// Splits `0..<count` into `chunks` contiguous ranges of nearly equal length.
    public static func ranges(count: Int, chunks: Int) -> [Range<Int>] {
        let k = max(1, min(chunks, count))
        return (0..<k).map { c in (count * c / k)..<(count * (c + 1) / k) }
    }

    /// A chunk count for `count` items that gives chunks of about `grain` items, at most `limit`.
    /// It depends only on `count`, so that results do not depend on the thread count.
    public static func chunkCount(for count: Int, grain: Int = 2048, limit: Int = 64) -> Int {
        max(1, min(limit, (count + grain - 1) / grain))
    }

    /// Maps `0..<count` to results, computing chunks in parallel; the result is in index order.
    public static func map<T: Sendable>(count: Int, threads: Int, grain: Int = 256, _ transform: @Sendable (Int) -> T) -> [T] {
        let ranges = ranges(count: count, chunks: chunkCount(for: count, grain: grain, limit: 256))
        let parts = DisjointWrites<[T]>(repeating: [], count: ranges.count)
        forEach(chunks: ranges.count, threads: threads) { c in
            parts[c] = ranges[c].map(transform)
        }
        return parts.array.flatMap { $0 }
    }
}

import Foundation

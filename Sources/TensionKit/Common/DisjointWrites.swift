/// A raw buffer that parallel chunks write to at disjoint indices.
///
/// `@unchecked Sendable` is sound here because every user writes only the indices of its own
/// chunk, and reads happen after `Parallel.forEach` has returned (which joins all threads).
/// The buffer is owned by this object and freed with it.
final class DisjointWrites<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    subscript(i: Int) -> Element {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }

    /// The elements as an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}

extension DisjointWrites {
    /// Moves element `i` out and leaves `nil` in its place, so that the buffer no longer holds a
    /// reference to it (its arrays can then be freed, or mutated without a copy).
    func take<Wrapped>(_ i: Int) -> Wrapped where Element == Wrapped? {
        let value = pointer[i]!
        pointer[i] = nil
        return value
    }
}

/// A read-only view of memory that parallel chunks share; `@unchecked Sendable` because no one
/// writes to it while chunks run.
struct SharedReadOnly<Element>: @unchecked Sendable {
    let pointer: UnsafePointer<Element>
    subscript(i: Int) -> Element { pointer[i] }
}

/// Memory owned elsewhere that parallel chunks write at disjoint places; `@unchecked Sendable`
/// for the same reason as ``DisjointWrites``.
struct SharedMutable<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
}

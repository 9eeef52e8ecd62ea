/// Sorts the column numbers that a TF-IDF row collects (tens of them, in the order the n-grams
/// were found), in increasing order.
///
/// Least-significant-digit radix sort, 6 bits a pass (64 buckets, so that clearing and summing
/// the counts costs little beside the tens of numbers): no comparison, so no mispredicted
/// branch, where an insertion sort (which the standard library's sort is at this size)
/// mispredicts about once per element. Below 16 numbers, insertion sort. Equal numbers are
/// indistinguishable, so the result is that of any sort.
struct ColumnSort {
    private var scratch: [Int32] = []
    /// Scratch space for ``sortByHighWord(_:)``.
    private var wideScratch: [UInt64] = []
    /// Passes of 6 bits enough for every column below `columnCount`.
    private let passes: Int

    /// A sorter for columns `0..<columnCount`.
    init(columnCount: Int) {
        var bits = 0
        while (1 << bits) < columnCount { bits += 1 }
        passes = max(1, (bits + 5) / 6)
    }

    /// Sorts `columns` (each in `0..<columnCount`) in increasing order.
    mutating func sort(_ columns: inout [Int32]) {
        ColumnSort.sort(&columns, scratch: &scratch, passes: passes, lowBit: 0)
    }

    /// Sorts `entries`, each a column (in `0..<columnCount`) in the high 32 bits and anything in
    /// the low 32, by column, the same way (stable: entries of one column keep their order).
    mutating func sortByHighWord(_ entries: inout [UInt64]) {
        ColumnSort.sort(&entries, scratch: &wideScratch, passes: passes, lowBit: 32)
    }

    /// Sorts the non-negative numbers `values` by their bits from `lowBit` on (`passes` digits of
    /// 6 bits), stably: insertion sort below 16 numbers, radix sort with `scratch` otherwise.
    @inline(__always)
    private static func sort<T: FixedWidthInteger>(_ values: inout [T], scratch: inout [T], passes: Int, lowBit: Int) {
        let n = values.count
        let low = T(truncatingIfNeeded: lowBit)
        if n < 16 {
            values.withUnsafeMutableBufferPointer { a in
                for k in a.indices.dropFirst() {
                    let v = a[k]
                    var m = k - 1
                    while m >= 0, a[m] &>> low > v &>> low {
                        a[m + 1] = a[m]
                        m -= 1
                    }
                    a[m + 1] = v
                }
            }
            return
        }
        if scratch.count < n { scratch = [T](repeating: 0, count: n) }
        values.withUnsafeMutableBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { b in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { count in
                    var source = a.baseAddress!
                    var target = b.baseAddress!
                    for pass in 0..<passes {
                        let shift = T(truncatingIfNeeded: lowBit + 6 * pass)
                        count.initialize(repeating: 0)
                        for i in 0..<n { count[Int(truncatingIfNeeded: (source[i] &>> shift) & 63)] += 1 }
                        var sum = 0
                        for d in 0..<64 {
                            let c = count[d]
                            count[d] = sum
                            sum += c
                        }
                        for i in 0..<n {
                            let v = source[i]
                            let d = Int(truncatingIfNeeded: (v &>> shift) & 63)
                            target[count[d]] = v
                            count[d] += 1
                        }
                        swap(&source, &target)
                    }
                    // After an odd number of passes the sorted numbers are in the scratch space.
                    if passes & 1 == 1 { a.baseAddress!.update(from: b.baseAddress!, count: n) }
                }
            }
        }
    }
}

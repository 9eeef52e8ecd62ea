/// Sorts the short arrays of column numbers that every TF-IDF row collects (tens of entries):
/// faster there than the standard library's stable sort, which is general and allocates.
///
/// Quicksort with the median of three as pivot, insertion sort below 16 elements, and the
/// standard sort past a depth of 2·log₂ n, so that no input is quadratic. Integers equal in
/// value are indistinguishable, so the result is the same as any other sort's.
enum IntegerSort {
    /// Sorts `a` in increasing order.
    static func sort(_ a: UnsafeMutableBufferPointer<Int32>) {
        var depth = 0
        var n = a.count
        while n > 1 { depth += 2; n >>= 1 }
        sort(a, 0, a.count, depthLeft: depth)
    }

    private static func sort(_ a: UnsafeMutableBufferPointer<Int32>, _ low: Int, _ high: Int, depthLeft: Int) {
        var low = low
        var high = high
        var depthLeft = depthLeft
        while high - low > 16 {
            if depthLeft == 0 {
                var part = UnsafeMutableBufferPointer(rebasing: a[low..<high])
                part.sort()
                return
            }
            depthLeft -= 1
            // Median of three, as pivot value.
            let mid = low + (high - low) / 2
            var x = a[low], y = a[mid], z = a[high - 1]
            if x > y { swap(&x, &y) }
            if y > z { swap(&y, &z) }
            if x > y { swap(&x, &y) }
            let pivot = y
            // Hoare partition: [low, j] ≤ pivot ≤ [j + 1, high).
            var i = low - 1
            var j = high
            while true {
                repeat { i += 1 } while a[i] < pivot
                repeat { j -= 1 } while a[j] > pivot
                if i >= j { break }
                a.swapAt(i, j)
            }
            // Recurse into the smaller side, loop on the larger.
            if j + 1 - low < high - (j + 1) {
                sort(a, low, j + 1, depthLeft: depthLeft)
                low = j + 1
            } else {
                sort(a, j + 1, high, depthLeft: depthLeft)
                high = j + 1
            }
        }
        // Insertion sort.
        if high - low < 2 { return }
        for k in (low + 1)..<high {
            let v = a[k]
            var m = k - 1
            while m >= low, a[m] > v {
                a[m + 1] = a[m]
                m -= 1
            }
            a[m + 1] = v
        }
    }
}

import COpenBLAS

/// The few OpenBLAS level-1 routines that the optimiser needs, with Swift names and size checks.
///
/// OpenBLAS is kept to one thread (``useSingleThread()``): the vectors here are memory-bound,
/// and a threaded reduction would make `dot` depend on the thread count, so the model bytes
/// would too. The project's own parallel loops do the heavy sparse work.
enum BLAS {
    /// Keeps OpenBLAS on the calling thread.
    static func useSingleThread() {
        openblas_set_num_threads(1)
    }

    /// Σ xᵢ·yᵢ.
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        cblas_ddot(blasint(count), x, 1, y, 1)
    }

    /// y ← a·x + y.
    static func axpy(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
        cblas_daxpy(blasint(count), a, x, 1, y, 1)
    }

    /// x ← a·x.
    static func scale(_ a: Double, _ x: UnsafeMutablePointer<Double>, count: Int) {
        cblas_dscal(blasint(count), a, x, 1)
    }

    /// y ← x.
    static func copy(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
        cblas_dcopy(blasint(count), x, 1, y, 1)
    }

    /// max |xᵢ|.
    static func maxAbs(_ x: UnsafePointer<Double>, count: Int) -> Double {
        guard count > 0 else { return 0 }
        let i = Int(cblas_idamax(blasint(count), x, 1))
        return abs(x[i])
    }

    /// Elements per block of the blocked, threaded forms below. Blocks depend only on the
    /// vector length, and partial sums are added in block order, so the results are the same
    /// whatever the thread count.
    static let block = 1 << 16

    /// Σ xᵢ·yᵢ, as the in-order sum of `ddot` over blocks computed on up to `threads` threads.
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int, threads: Int) -> Double {
        let blocks = (count + block - 1) / block
        guard blocks > 1 else { return dot(x, y, count: count) }
        let partial = DisjointWrites<Double>(repeating: 0, count: blocks)
        let (xs, ys) = (SharedReadOnly(pointer: x), SharedReadOnly(pointer: y))
        Parallel.forEach(chunks: blocks, threads: threads) { b in
            let lo = b * block
            partial[b] = dot(xs.pointer + lo, ys.pointer + lo, count: min(block, count - lo))
        }
        var sum = 0.0
        for b in 0..<blocks { sum += partial[b] }
        return sum
    }

    /// y ← a·x + y, block by block on up to `threads` threads.
    static func axpy(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int, threads: Int) {
        let blocks = (count + block - 1) / block
        guard blocks > 1 else { return axpy(a, x, y, count: count) }
        let (xs, ys) = (SharedReadOnly(pointer: x), SharedMutable(pointer: y))
        Parallel.forEach(chunks: blocks, threads: threads) { b in
            let lo = b * block
            axpy(a, xs.pointer + lo, ys.pointer + lo, count: min(block, count - lo))
        }
    }

    /// C ← A·B for row-major dense matrices A (m×k) and B (k×n).
    static func gemm(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k), 1, a, blasint(k), b, blasint(n), 0, c, blasint(n))
    }
}

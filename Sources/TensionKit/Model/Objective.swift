import Foundation

/// The regularised multinomial log-loss of ``LogisticRegression`` and its gradient, as one
/// function of the packed parameters θ = (W feature-major, then b).
///
/// Rows are cut into chunks that depend only on the number of rows; logits and residuals are
/// computed per chunk in parallel and the loss is summed chunk by chunk in order. The weight
/// gradient Xᵀ R is computed one feature at a time from a column-major copy of X, so it needs
/// no per-thread buffers and no reduction: the result is the same whatever the thread count.
struct Objective: Sendable {
    let rows: Int
    let features: Int
    let classes: Int
    let dimension: Int
    let csr: SparseMatrix
    let cscStart: [Int]
    let cscRows: [Int32]
    let cscValues: [Float]
    let targets: [Int]
    let sampleWeight: [Double]
    let totalWeight: Double
    let lambda: Double
    let rowRanges: [Range<Int>]
    let featureRanges: [Range<Int>]

    init(matrix: SparseMatrix, targets: [Int], classes: Int, classWeight: LogisticRegressionOptions.ClassWeight, c: Double) {
        rows = matrix.rowCount
        features = matrix.columnCount
        self.classes = classes
        dimension = features * classes + classes
        csr = matrix
        (cscStart, cscRows, cscValues) = matrix.transposed()
        self.targets = targets
        var weightOfClass = [Double](repeating: 1, count: classes)
        if classWeight == .balanced {
            var n = [Int](repeating: 0, count: classes)
            for t in targets { n[t] += 1 }
            for k in 0..<classes where n[k] > 0 {
                weightOfClass[k] = Double(targets.count) / (Double(classes) * Double(n[k]))
            }
        }
        sampleWeight = targets.map { weightOfClass[$0] }
        totalWeight = sampleWeight.reduce(0, +)
        lambda = 1 / (c * totalWeight)
        rowRanges = Parallel.ranges(count: rows, chunks: Parallel.chunkCount(for: rows, grain: 1024))
        featureRanges = Parallel.ranges(count: features, chunks: Parallel.chunkCount(for: features, grain: 4096))
    }

    /// Returns f(θ) and writes ∇f(θ) to `gradient` (both of length ``dimension``).
    func evaluate(_ theta: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>, threads: Int) -> Double {
        let k = classes
        let residual = DisjointWrites<Double>(repeating: 0, count: rows * k)
        let chunkLoss = DisjointWrites<Double>(repeating: 0, count: rowRanges.count)
        let chunkBias = DisjointWrites<Double>(repeating: 0, count: rowRanges.count * k)
        let th = SharedReadOnly(pointer: theta)
        let fk = features * k
        Parallel.forEach(chunks: rowRanges.count, threads: threads) { c in
            var z = [Double](repeating: 0, count: k)
            var loss = 0.0
            for i in rowRanges[c] {
                for cl in 0..<k { z[cl] = th[fk + cl] }
                for e in csr.rowStart[i]..<csr.rowStart[i + 1] {
                    let base = Int(csr.columns[e]) * k
                    let x = Double(csr.values[e])
                    for cl in 0..<k { z[cl] += x * th[base + cl] }
                }
                // loss = s·(logsumexp(z) − z_y); residual = s·(softmax(z) − onehot(y)).
                var m = -Double.infinity
                for v in z where v > m { m = v }
                var sum = 0.0
                for cl in 0..<k { sum += exp(z[cl] - m) }
                let lse = m + log(sum)
                let y = targets[i]
                let s = sampleWeight[i]
                loss += s * (lse - z[y])
                for cl in 0..<k {
                    let r = s * (exp(z[cl] - lse) - (cl == y ? 1 : 0))
                    residual[i * k + cl] = r
                    chunkBias[c * k + cl] += r
                }
            }
            chunkLoss[c] = loss
        }
        let inv = 1 / totalWeight
        let grad = GradientOut(pointer: gradient)
        Parallel.forEach(chunks: featureRanges.count, threads: threads) { c in
            var acc = [Double](repeating: 0, count: k)
            for j in featureRanges[c] {
                for cl in 0..<k { acc[cl] = 0 }
                for e in cscStart[j]..<cscStart[j + 1] {
                    let base = Int(cscRows[e]) * k
                    let x = Double(cscValues[e])
                    for cl in 0..<k { acc[cl] += x * residual[base + cl] }
                }
                for cl in 0..<k { grad.pointer[j * k + cl] = acc[cl] * inv }
            }
        }
        var loss = 0.0
        for c in 0..<rowRanges.count { loss += chunkLoss[c] }
        for cl in 0..<k {
            var b = 0.0
            for c in 0..<rowRanges.count { b += chunkBias[c * k + cl] }
            gradient[fk + cl] = b * inv
        }
        // Regularisation on W only: f += λ/2 ‖W‖², ∇W += λ W.
        let squared = BLAS.dot(theta, theta, count: fk)
        BLAS.axpy(lambda, theta, gradient, count: fk)
        return loss * inv + 0.5 * lambda * squared
    }
}

/// The gradient buffer, written by feature chunks at disjoint indices (see ``DisjointWrites``).
private struct GradientOut: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
}

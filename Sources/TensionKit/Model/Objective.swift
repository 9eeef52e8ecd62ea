import Foundation

/// The regularised multinomial log-loss of ``LogisticRegression`` and its gradient, as one
/// function of the packed parameters θ = (W feature-major, then b).
///
/// Rows are cut into chunks that depend only on the number of rows; logits and residuals are
/// computed per chunk in parallel and the loss is summed chunk by chunk in order. Each chunk keeps
/// its rows column by column (``RowBlock``), so that computing its logits walks the weights in
/// increasing feature order and adds into a small block of logits that stays in cache, instead
/// of jumping across the whole weight vector for every non-zero; each row still sums its
/// features in increasing order, as a row-major loop would. The weight gradient Xᵀ R is
/// computed one feature at a time from a column-major copy of X, so it needs no per-thread
/// buffers and no reduction: the result is the same whatever the thread count.
struct Objective: Sendable {
    let rows: Int
    let features: Int
    let classes: Int
    let dimension: Int
    let blocks: [RowBlock]
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
        // At most 65,535 rows a chunk, so that a row's place in its chunk fits in 16 bits.
        rowRanges = Parallel.ranges(count: rows, chunks: max(Parallel.chunkCount(for: rows, grain: 1024), (rows + 65_534) / 65_535))
        blocks = RowBlock.split(columnStart: cscStart, rows: cscRows, values: cscValues, rowRanges: rowRanges)
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
            let range = rowRanges[c]
            let block = blocks[c]
            // Logits of the whole chunk, row-major: zs[(i − start)·K + class].
            var zs = [Double](repeating: 0, count: range.count * k)
            zs.withUnsafeMutableBufferPointer { zp in
                for r in 0..<range.count {
                    for cl in 0..<k { zp[r * k + cl] = th[fk + cl] }
                }
                block.localRows.withUnsafeBufferPointer { lr in
                    block.values.withUnsafeBufferPointer { vals in
                        for f in 0..<block.featureIDs.count {
                            let base = Int(block.featureIDs[f]) * k
                            for e in Int(block.featureStart[f])..<Int(block.featureStart[f + 1]) {
                                let x = Double(vals[e])
                                let row = Int(lr[e]) * k
                                for cl in 0..<k { zp[row + cl] += x * th[base + cl] }
                            }
                        }
                    }
                }
            }
            var z = [Double](repeating: 0, count: k)
            var loss = 0.0
            for i in range {
                let r0 = (i - range.lowerBound) * k
                for cl in 0..<k { z[cl] = zs[r0 + cl] }
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

/// The rows of one chunk stored column by column: for each feature that occurs in the chunk
/// (in increasing order), the chunk-local rows (increasing) and values of its non-zeros.
struct RowBlock: Sendable {
    var featureIDs: [Int32] = []
    var featureStart: [Int32] = [0]
    var localRows: [UInt16] = []
    var values: [Float] = []

    /// Splits a column-major matrix into one block per row range, in one pass over its non-zeros.
    static func split(columnStart: [Int], rows: [Int32], values: [Float], rowRanges: [Range<Int>]) -> [RowBlock] {
        var blocks = [RowBlock](repeating: RowBlock(), count: rowRanges.count)
        let rowCount = rowRanges.last?.upperBound ?? 0
        var chunkOf = [Int32](repeating: 0, count: rowCount)
        for (c, r) in rowRanges.enumerated() { for i in r { chunkOf[i] = Int32(c) } }
        for c in blocks.indices { blocks[c].localRows.reserveCapacity(values.count / max(1, rowRanges.count) + 16) }
        for j in 0..<(columnStart.count - 1) {
            for e in columnStart[j]..<columnStart[j + 1] {
                let i = Int(rows[e])
                let c = Int(chunkOf[i])
                if blocks[c].featureIDs.last != Int32(j) {
                    if !blocks[c].featureIDs.isEmpty { blocks[c].featureStart.append(Int32(blocks[c].localRows.count)) }
                    blocks[c].featureIDs.append(Int32(j))
                }
                blocks[c].localRows.append(UInt16(i - rowRanges[c].lowerBound))
                blocks[c].values.append(values[e])
            }
        }
        for c in blocks.indices where !blocks[c].featureIDs.isEmpty {
            blocks[c].featureStart.append(Int32(blocks[c].localRows.count))
        }
        return blocks
    }
}

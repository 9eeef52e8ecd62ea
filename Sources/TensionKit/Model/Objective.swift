import Foundation

/// The regularised multinomial log-loss of ``LogisticRegression`` and its gradient, as one
/// function of the packed parameters θ = (W feature-major, then b).
///
/// Rows are cut into chunks that depend only on the number of rows. Each chunk keeps its rows
/// column by column (``RowBlock``): computing its logits walks the weights in increasing feature
/// order, loads each feature's K weights once and adds them into a small block of logits that
/// stays in cache; each row still sums its features in increasing order, as a row-major loop
/// would. The weight gradient Xᵀ R is computed from the same blocks, split by feature ranges:
/// for every feature, its terms are added in row order (chunk after chunk), so the result is
/// the same whatever the thread count, and no transposed copy of X is kept.
///
/// The inner loops are written once and specialised for K = 2, 3 and 4 classes, so that the
/// compiler unrolls the loop over classes.
struct Objective: Sendable {
    let rows: Int
    let features: Int
    let classes: Int
    let dimension: Int
    let blocks: [RowBlock]
    let targets: [Int32]
    let sampleWeight: [Double]
    let totalWeight: Double
    let lambda: Double
    let rowRanges: [Range<Int>]
    let featureRanges: [Range<Int>]
    /// For feature range r and chunk c, `segments[r * chunks + c]` is where the chunk's features
    /// of that range start in its `featureIDs`; the entry for range r + 1 is where they end.
    let segments: [Int32]

    init(matrix: SparseMatrix, targets: [Int], classes: Int, classWeight: LogisticRegressionOptions.ClassWeight, c: Double,
         threads: Int = Parallel.defaultThreads) {
        rows = matrix.rowCount
        features = matrix.columnCount
        self.classes = classes
        dimension = features * classes + classes
        self.targets = targets.map { Int32($0) }
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
        // Chunks of about 256 KiB of logits (8,192 rows at K = 4), so that a chunk's logits stay
        // in the L2 cache while the weights are swept once per chunk.
        let rowGrain = min(65_535, max(1024, (256 << 10) / (8 * classes)))
        let rowRanges = Parallel.ranges(count: rows, chunks: max(1, (rows + rowGrain - 1) / rowGrain))
        self.rowRanges = rowRanges
        let blocks = RowBlock.split(matrix, rowRanges: rowRanges, threads: threads)
        self.blocks = blocks
        // Feature ranges of about 512 KiB of gradient (16,384 features at K = 4).
        let featureGrain = max(4096, (512 << 10) / (8 * classes))
        let featureRanges = Parallel.ranges(count: features, chunks: max(1, (features + featureGrain - 1) / featureGrain))
        self.featureRanges = featureRanges
        var segments = [Int32](repeating: 0, count: (featureRanges.count + 1) * rowRanges.count)
        for (c, block) in blocks.enumerated() {
            var f = 0
            for (r, range) in featureRanges.enumerated() {
                while f < block.featureIDs.count, Int(block.featureIDs[f]) < range.lowerBound { f += 1 }
                segments[r * rowRanges.count + c] = Int32(f)
            }
            segments[featureRanges.count * rowRanges.count + c] = Int32(block.featureIDs.count)
        }
        self.segments = segments
    }

    /// Returns f(θ) and writes ∇f(θ) to `gradient` (both of length ``dimension``).
    func evaluate(_ theta: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>, threads: Int) -> Double {
        let k = classes
        let residual = DisjointWrites<Double>(repeating: 0, count: rows * k)
        let chunkLoss = DisjointWrites<Double>(repeating: 0, count: rowRanges.count)
        let chunkBias = DisjointWrites<Double>(repeating: 0, count: rowRanges.count * k)
        let th = SharedReadOnly(pointer: theta)
        Parallel.forEach(chunks: rowRanges.count, threads: threads) { c in
            switch k {
            case 2: lossChunk(c, ClassCount2.self, theta: th.pointer, residual: residual.pointer, loss: chunkLoss.pointer, bias: chunkBias.pointer)
            case 3: lossChunk(c, ClassCount3.self, theta: th.pointer, residual: residual.pointer, loss: chunkLoss.pointer, bias: chunkBias.pointer)
            case 4: lossChunk(c, ClassCount4.self, theta: th.pointer, residual: residual.pointer, loss: chunkLoss.pointer, bias: chunkBias.pointer)
            default: lossChunk(c, k: k, theta: th.pointer, residual: residual.pointer, loss: chunkLoss.pointer, bias: chunkBias.pointer)
            }
        }
        let inv = 1 / totalWeight
        let grad = SharedMutable(pointer: gradient)
        let res = SharedReadOnly(pointer: UnsafePointer(residual.pointer))
        Parallel.forEach(chunks: featureRanges.count, threads: threads) { r in
            switch k {
            case 2: gradientRange(r, ClassCount2.self, residual: res.pointer, gradient: grad.pointer, scale: inv)
            case 3: gradientRange(r, ClassCount3.self, residual: res.pointer, gradient: grad.pointer, scale: inv)
            case 4: gradientRange(r, ClassCount4.self, residual: res.pointer, gradient: grad.pointer, scale: inv)
            default: gradientRange(r, k: k, residual: res.pointer, gradient: grad.pointer, scale: inv)
            }
        }
        let fk = features * k
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

    /// ``lossChunk(_:k:theta:residual:loss:bias:)`` with K known at compile time.
    private func lossChunk<N: ClassCount>(
        _ c: Int, _: N.Type, theta: UnsafePointer<Double>, residual: UnsafeMutablePointer<Double>,
        loss: UnsafeMutablePointer<Double>, bias: UnsafeMutablePointer<Double>
    ) {
        lossChunk(c, k: N.value, theta: theta, residual: residual, loss: loss, bias: bias)
    }

    /// ``gradientRange(_:k:residual:gradient:scale:)`` with K known at compile time.
    private func gradientRange<N: ClassCount>(_ r: Int, _: N.Type, residual: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>, scale: Double) {
        gradientRange(r, k: N.value, residual: residual, gradient: gradient, scale: scale)
    }

    /// Logits, loss and residuals of the rows of chunk `c`:
    /// loss = Σ sᵢ·(logsumexp(zᵢ) − zᵢ,yᵢ), Rᵢ = sᵢ·(softmax(zᵢ) − onehot(yᵢ)).
    @inline(__always)
    private func lossChunk(
        _ c: Int, k: Int, theta th: UnsafePointer<Double>, residual: UnsafeMutablePointer<Double>,
        loss chunkLoss: UnsafeMutablePointer<Double>, bias chunkBias: UnsafeMutablePointer<Double>
    ) {
        let range = rowRanges[c]
        let zp = UnsafeMutablePointer<Double>.allocate(capacity: max(1, range.count * k))
        defer { zp.deallocate() }
        logits(c, k: k, theta: th, into: zp)
        var loss = 0.0
        let bias = chunkBias + c * k
        for cl in 0..<k { bias[cl] = 0 }
        targets.withUnsafeBufferPointer { targets in
            sampleWeight.withUnsafeBufferPointer { weights in
                for i in range {
                    let z = zp + (i - range.lowerBound) * k
                    var m = -Double.infinity
                    for cl in 0..<k where z[cl] > m { m = z[cl] }
                    var sum = 0.0
                    for cl in 0..<k { sum += exp(z[cl] - m) }
                    let lse = m + log(sum)
                    let y = Int(targets[i])
                    let s = weights[i]
                    loss += s * (lse - z[y])
                    let out = residual + i * k
                    for cl in 0..<k {
                        let r = s * (exp(z[cl] - lse) - (cl == y ? 1 : 0))
                        out[cl] = r
                        bias[cl] += r
                    }
                }
            }
        }
        chunkLoss[c] = loss
    }

    /// The logits zᵢ = b + Wᵀxᵢ of the rows of chunk `c`, row after row, into `zp` (rows × K).
    /// Each row receives its terms in increasing feature order, as in
    /// ``LogisticRegression/probabilities(_:threads:)``, so both give the same bits.
    @inline(__always)
    private func logits(_ c: Int, k: Int, theta th: UnsafePointer<Double>, into zp: UnsafeMutablePointer<Double>) {
        let range = rowRanges[c]
        let block = blocks[c]
        let fk = features * k
        for r in 0..<range.count {
            for cl in 0..<k { zp[r * k + cl] = th[fk + cl] }
        }
        block.featureIDs.withUnsafeBufferPointer { ids in
            block.featureStart.withUnsafeBufferPointer { starts in
                block.localRows.withUnsafeBufferPointer { lr in
                    block.values.withUnsafeBufferPointer { vals in
                        for f in 0..<ids.count {
                            let w = th + Int(ids[f]) * k
                            for e in Int(starts[f])..<Int(starts[f + 1]) {
                                let x = Double(vals[e])
                                let z = zp + Int(lr[e]) * k
                                for cl in 0..<k { z[cl] += x * w[cl] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The most probable class of every row (the first on ties), at `theta`: what the fitted
    /// model predicts for its own training rows, computed without the row-major matrix. Logits and
    /// softmax are computed as by ``LogisticRegression/probabilities(_:threads:)``, bit for bit.
    func predictedClasses(_ theta: UnsafePointer<Double>, threads: Int) -> [Int32] {
        let k = classes
        let out = DisjointWrites<Int32>(repeating: 0, count: rows)
        let th = SharedReadOnly(pointer: theta)
        Parallel.forEach(chunks: rowRanges.count, threads: threads) { c in
            let range = rowRanges[c]
            let zp = UnsafeMutablePointer<Double>.allocate(capacity: max(1, range.count * k))
            defer { zp.deallocate() }
            logits(c, k: k, theta: th.pointer, into: zp)
            var p = [Double](repeating: 0, count: k)
            for r in 0..<range.count {
                for cl in 0..<k { p[cl] = zp[r * k + cl] }
                Softmax.inPlace(&p)
                out[range.lowerBound + r] = Int32(p.withUnsafeBufferPointer { TextClassifier.mostProbable($0) })
            }
        }
        return out.array
    }

    /// ∇W = (1/S)·Xᵀ R for the features of range `r`, adding each feature's terms in row order.
    @inline(__always)
    private func gradientRange(_ r: Int, k: Int, residual: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>, scale: Double) {
        let chunks = rowRanges.count
        let range = featureRanges[r]
        let g = gradient + range.lowerBound * k
        for q in 0..<(range.count * k) { g[q] = 0 }
        for c in 0..<chunks {
            let lo = Int(segments[r * chunks + c])
            let hi = Int(segments[(r + 1) * chunks + c])
            guard lo < hi else { continue }
            let block = blocks[c]
            let rBase = residual + rowRanges[c].lowerBound * k
            block.featureIDs.withUnsafeBufferPointer { ids in
                block.featureStart.withUnsafeBufferPointer { starts in
                    block.localRows.withUnsafeBufferPointer { lr in
                        block.values.withUnsafeBufferPointer { vals in
                            for f in lo..<hi {
                                let acc = gradient + Int(ids[f]) * k
                                for e in Int(starts[f])..<Int(starts[f + 1]) {
                                    let x = Double(vals[e])
                                    let res = rBase + Int(lr[e]) * k
                                    for cl in 0..<k { acc[cl] += x * res[cl] }
                                }
                            }
                        }
                    }
                }
            }
        }
        for q in 0..<(range.count * k) { g[q] *= scale }
    }
}

/// A class count known at compile time, so that loops over classes unroll.
private protocol ClassCount { static var value: Int { get } }
private enum ClassCount2: ClassCount { static var value: Int { 2 } }
private enum ClassCount3: ClassCount { static var value: Int { 3 } }
private enum ClassCount4: ClassCount { static var value: Int { 4 } }

/// The rows of one chunk stored column by column: for each feature that occurs in the chunk
/// (in increasing order), the chunk-local rows (increasing) and values of its non-zeros.
struct RowBlock: Sendable {
    var featureIDs: [Int32] = []
    var featureStart: [Int32] = [0]
    var localRows: [UInt16] = []
    var values: [Float] = []

    /// Splits a row-major matrix into one block per row range (a counting sort by feature within
    /// each range; ranges in parallel).
    static func split(_ matrix: SparseMatrix, rowRanges: [Range<Int>], threads: Int = Parallel.defaultThreads) -> [RowBlock] {
        let out = DisjointWrites<RowBlock>(repeating: RowBlock(), count: rowRanges.count)
        let m = matrix
        Parallel.forEach(chunks: rowRanges.count, threads: threads) { c in
            let range = rowRanges[c]
            let lo = m.rowStart[range.lowerBound]
            let hi = m.rowStart[range.upperBound]
            var count = [Int32](repeating: 0, count: m.columnCount)
            for e in lo..<hi { count[Int(m.columns[e])] += 1 }
            var block = RowBlock()
            var offset = 0
            for j in 0..<m.columnCount where count[j] > 0 {
                block.featureIDs.append(Int32(j))
                let n = Int(count[j])
                count[j] = Int32(offset)
                offset += n
                block.featureStart.append(Int32(offset))
            }
            block.localRows = [UInt16](repeating: 0, count: hi - lo)
            block.values = [Float](repeating: 0, count: hi - lo)
            for i in range {
                for e in m.rowStart[i]..<m.rowStart[i + 1] {
                    let j = Int(m.columns[e])
                    let p = Int(count[j])
                    block.localRows[p] = UInt16(i - range.lowerBound)
                    block.values[p] = m.values[e]
                    count[j] += 1
                }
            }
            out[c] = block
        }
        return out.array
    }
}

import Foundation

/// Options of multinomial logistic regression; saved in every model.
public struct LogisticRegressionOptions: Codable, Equatable, Sendable {
    /// How much each class counts in the loss.
    public enum ClassWeight: String, Codable, Sendable, CaseIterable {
        /// Every sentence counts 1.
        case none
        /// A sentence of class c counts n / (K · n_c), as scikit-learn's `class_weight="balanced"`.
        case balanced
    }

    /// The inverse regularisation strength, as scikit-learn defines `C`: larger fits the training
    /// data more closely. Default 10, the best of a cross-validated grid on the shipped training
    /// data and on the benchmark sets (TF-IDF rows are unit length, so weights need room to grow).
    public var c: Double
    /// Class weights. Default `.none`.
    public var classWeight: ClassWeight
    /// The most L-BFGS iterations. Default 300.
    public var maxIterations: Int
    /// Converged when the largest gradient component is at most this. Default 1e-4, scikit-learn's `tol`.
    public var tolerance: Double
    /// The number of correction pairs L-BFGS keeps. Default 10.
    public var memory: Int

    /// Creates options.
    public init(c: Double = 10, classWeight: ClassWeight = .none, maxIterations: Int = 300, tolerance: Double = 1e-4, memory: Int = 10) {
        self.c = c
        self.classWeight = classWeight
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.memory = memory
    }

    /// Throws `.option` when a value is out of range.
    public func validate() throws {
        guard c > 0, c.isFinite else { throw TensionError(.option, "--c must be a positive number (got \(c))") }
        guard maxIterations >= 1 else { throw TensionError(.option, "--max-iter must be at least 1 (got \(maxIterations))") }
        guard tolerance > 0, tolerance.isFinite else { throw TensionError(.option, "--tol must be a positive number (got \(tolerance))") }
        guard (1...100).contains(memory) else { throw TensionError(.option, "the L-BFGS memory must be 1...100 (got \(memory))") }
    }
}

/// What the optimiser did, in numbers and in plain words.
public struct ConvergenceReport: Codable, Equatable, Sendable {
    /// Whether a stopping rule other than the iteration limit was met.
    public var converged: Bool
    /// L-BFGS iterations run.
    public var iterations: Int
    /// Objective evaluations (each one pass over the data).
    public var evaluations: Int
    /// The final value of the objective.
    public var objective: Double
    /// The largest gradient component at the end.
    public var gradientMax: Double
    /// Why it stopped, in plain words.
    public var message: String
}

/// Multinomial (softmax) logistic regression with intercepts and L2 regularisation, fitted by
/// L-BFGS whose vector algebra runs on OpenBLAS.
///
/// For n sentences with TF-IDF rows xᵢ, labels yᵢ ∈ 1…K and sample weights sᵢ (1, or
/// n / (K·n_c) with balanced class weights), S = Σ sᵢ, weights W (features × K) and intercepts b:
///
///     zᵢ = Wᵀxᵢ + b,   pᵢₖ = exp(zᵢₖ) / Σⱼ exp(zᵢⱼ)
///     f(W, b) = (1/S) Σᵢ sᵢ · (−ln pᵢ,yᵢ) + (1 / (2·C·S)) · ‖W‖²
///     ∇W f = (1/S) Xᵀ R + W / (C·S),   ∇b f = (1/S) Σᵢ Rᵢ,   Rᵢₖ = sᵢ (pᵢₖ − [k = yᵢ])
///
/// This is scikit-learn's `LogisticRegression(C=…)` objective (its C·Σ loss + ½‖W‖², divided
/// by C·S, which has the same minimiser); the intercept is not penalised.
public struct LogisticRegression: Sendable {
    /// The class labels, in column order.
    public let labels: [String]
    /// The number of features.
    public let featureCount: Int
    /// The weights, feature-major: the K weights of feature j are `weights[j·K ..< (j+1)·K]`.
    public let weights: [Double]
    /// The intercept of each class.
    public let intercepts: [Double]

    /// Creates a model from its parameters.
    public init(labels: [String], featureCount: Int, weights: [Double], intercepts: [Double]) throws {
        guard labels.count >= 2, intercepts.count == labels.count, weights.count == featureCount * labels.count else {
            throw TensionError(.model, "the weights do not match \(labels.count) labels and \(featureCount) features")
        }
        self.labels = labels
        self.featureCount = featureCount
        self.weights = weights
        self.intercepts = intercepts
    }

    /// The logits z = Wᵀx + b of one TF-IDF row given as (column, value) pairs.
    public func logits(_ row: some Sequence<(column: Int, value: Float)>) -> [Double] {
        var z = intercepts
        let k = labels.count
        for (j, x) in row {
            let base = j * k
            for c in 0..<k { z[c] += Double(x) * weights[base + c] }
        }
        return z
    }

    /// The class probabilities of every row of `matrix`, row after row (rows × K).
    public func probabilities(_ matrix: SparseMatrix, threads: Int = Parallel.defaultThreads) -> [Double] {
        precondition(matrix.columnCount == featureCount, "the matrix has \(matrix.columnCount) columns, the model \(featureCount)")
        let k = labels.count
        let out = DisjointWrites<Double>(repeating: 0, count: matrix.rowCount * k)
        let ranges = Parallel.ranges(count: matrix.rowCount, chunks: Parallel.chunkCount(for: matrix.rowCount, grain: 1024))
        let model = self
        let m = matrix
        Parallel.forEach(chunks: ranges.count, threads: threads) { c in
            m.columns.withUnsafeBufferPointer { columns in
                m.values.withUnsafeBufferPointer { values in
                    for i in ranges[c] {
                        let row = m.rowStart[i]..<m.rowStart[i + 1]
                        model.probabilities(columns: UnsafeBufferPointer(rebasing: columns[row]),
                                            values: UnsafeBufferPointer(rebasing: values[row]), into: out.pointer + i * k)
                    }
                }
            }
        }
        return out.array
    }

    /// Writes the K class probabilities of one TF-IDF row, given as its columns and values,
    /// to `p`: z = b + Σ x·W (entries in row order), then ``Softmax``. Every
    /// probability this type hands out is computed here, so they are the same bytes whichever
    /// way the rows arrive.
    @inline(__always)
    func probabilities(columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>,
                       into p: UnsafeMutablePointer<Double>) {
        precondition(columns.count == values.count)
        let k = labels.count
        weights.withUnsafeBufferPointer { w in
            for cl in 0..<k { p[cl] = intercepts[cl] }
            for e in 0..<columns.count {
                let base = Int(columns[e]) * k
                let x = Double(values[e])
                for cl in 0..<k { p[cl] += x * w[base + cl] }
            }
        }
        Softmax.inPlace(UnsafeMutableBufferPointer(start: p, count: k))
    }

    /// Fits the model to `matrix` and `targets` (indices into `labels`).
    ///
    /// Throws `.data` when fewer than two labels occur, `.option` for bad options.
    public static func fit(
        _ matrix: SparseMatrix, targets: [Int], labels: [String], options: LogisticRegressionOptions,
        threads: Int = Parallel.defaultThreads
    ) throws -> (model: LogisticRegression, report: ConvergenceReport) {
        let fitted = try fitPredictingTraining(matrix, targets: targets, labels: labels, options: options, threads: threads)
        return (fitted.model, fitted.report)
    }

    /// ``fit(_:targets:labels:options:threads:)`` that also returns the class the fitted model
    /// predicts for every training row. It takes the matrix over: once the optimiser's
    /// column blocks are built from it, the row-major copy is released (when the caller passes
    /// its last reference, with `consume`), so the two never stay in memory together.
    static func fitPredictingTraining(
        _ matrix: consuming SparseMatrix, targets: [Int], labels: [String], options: LogisticRegressionOptions,
        threads: Int = Parallel.defaultThreads
    ) throws -> (model: LogisticRegression, report: ConvergenceReport, predicted: [Int32]) {
        try options.validate()
        guard labels.count >= 2 else {
            throw TensionError(.data, "the training data has a single label (\(labels.first ?? "none"))",
                               hint: "a classifier needs sentences of at least two labels")
        }
        precondition(targets.count == matrix.rowCount)
        BLAS.useSingleThread()
        let f = matrix.columnCount
        // The matrix's last use: it is moved into the objective's initialiser, which keeps only
        // the blocks built from it.
        let objective = Objective(matrix: matrix, targets: targets, classes: labels.count,
                                  classWeight: options.classWeight, c: options.c, threads: threads)
        // The matrix and the vectoriser's tables are freed by now: give their pages back before
        // the optimiser allocates its vectors, so that the peak is what is alive.
        FreeMemory.release()
        var theta = [Double](repeating: 0, count: objective.dimension)
        let report = LBFGS(memory: options.memory, maxIterations: options.maxIterations, tolerance: options.tolerance)
            .minimize(&theta, threads: threads) { x, g in objective.evaluate(x, gradient: g, threads: threads) }
        let predicted = theta.withUnsafeBufferPointer { objective.predictedClasses($0.baseAddress!, threads: threads) }
        let k = labels.count
        let model = try LogisticRegression(labels: labels, featureCount: f, weights: Array(theta[0..<(f * k)]),
                                           intercepts: Array(theta[(f * k)...]))
        return (model, report, predicted)
    }
}

/// Numerically stable softmax.
enum Softmax {
    /// z ← exp(z − max z) / Σ exp(z − max z).
    @inline(__always)
    static func inPlace(_ z: inout [Double]) {
        z.withUnsafeMutableBufferPointer { inPlace($0) }
    }

    /// z ← exp(z − max z) / Σ exp(z − max z), in place in `z`.
    @inline(__always)
    static func inPlace(_ z: UnsafeMutableBufferPointer<Double>) {
        var m = -Double.infinity
        for v in z where v > m { m = v }
        var s = 0.0
        for c in z.indices {
            z[c] = exp(z[c] - m)
            s += z[c]
        }
        for c in z.indices { z[c] /= s }
    }
}

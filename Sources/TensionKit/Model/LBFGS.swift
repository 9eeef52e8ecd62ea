/// Limited-memory BFGS (Nocedal and Wright, *Numerical Optimization*, algorithm 7.4) with a
/// backtracking Armijo line search; every vector operation is an OpenBLAS call (dot products and
/// updates of long vectors are cut into fixed blocks run on several threads, see ``BLAS/block``).
///
/// Each iteration computes the direction d = −H∇f by the two-loop recursion over the last m
/// pairs (sₖ, yₖ) = (θₖ₊₁ − θₖ, ∇fₖ₊₁ − ∇fₖ), scaled by γ = sᵀy / yᵀy, then finds a step t with
/// f(θ + t·d) ≤ f(θ) + 10⁻⁴·t·∇fᵀd, first trying t = 1 and then interpolating a quadratic.
/// A pair with sᵀy ≤ 10⁻¹⁰·yᵀy is not stored, which keeps H positive definite.
///
/// It stops when max |∇f| ≤ tolerance (converged), when the objective changes by less than
/// 10⁻¹² relative to its size (converged: no further progress possible in double precision),
/// when the line search fails, or after `maxIterations` (not converged).
struct LBFGS {
    let memory: Int
    let maxIterations: Int
    let tolerance: Double

    func minimize(
        _ x: inout [Double], threads: Int,
        _ evaluate: (UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Double
    ) -> ConvergenceReport {
        let n = x.count
        var g = [Double](repeating: 0, count: n)
        var d = [Double](repeating: 0, count: n)
        var xNew = [Double](repeating: 0, count: n)
        var gNew = [Double](repeating: 0, count: n)
        var s = [[Double]](repeating: [Double](repeating: 0, count: n), count: memory)
        var y = [[Double]](repeating: [Double](repeating: 0, count: n), count: memory)
        var rho = [Double](repeating: 0, count: memory)
        var alpha = [Double](repeating: 0, count: memory)
        var stored = 0
        var newest = -1
        var evaluations = 1
        var f = x.withUnsafeBufferPointer { xp in g.withUnsafeMutableBufferPointer { evaluate(xp.baseAddress!, $0.baseAddress!) } }

        func report(_ converged: Bool, _ iterations: Int, _ message: String) -> ConvergenceReport {
            let gmax = g.withUnsafeBufferPointer { BLAS.maxAbs($0.baseAddress!, count: n) }
            return ConvergenceReport(converged: converged, iterations: iterations, evaluations: evaluations,
                                     objective: f, gradientMax: gmax, message: message)
        }

        for iteration in 0..<maxIterations {
            let gmax = g.withUnsafeBufferPointer { BLAS.maxAbs($0.baseAddress!, count: n) }
            if gmax <= tolerance {
                return report(true, iteration, "converged after \(iteration) iterations: the largest gradient component is \(short(gmax)), at most the tolerance \(short(tolerance))")
            }
            // Two-loop recursion: d = −H g.
            d.withUnsafeMutableBufferPointer { dp in
                g.withUnsafeBufferPointer { gp in
                    BLAS.copy(gp.baseAddress!, dp.baseAddress!, count: n)
                    BLAS.scale(-1, dp.baseAddress!, count: n)
                }
                var k = newest
                for _ in 0..<stored {
                    alpha[k] = rho[k] * s[k].withUnsafeBufferPointer { BLAS.dot($0.baseAddress!, dp.baseAddress!, count: n, threads: threads) }
                    y[k].withUnsafeBufferPointer { BLAS.axpy(-alpha[k], $0.baseAddress!, dp.baseAddress!, count: n, threads: threads) }
                    k = (k - 1 + memory) % memory
                }
                if stored > 0 {
                    let yy = y[newest].withUnsafeBufferPointer { BLAS.dot($0.baseAddress!, $0.baseAddress!, count: n, threads: threads) }
                    BLAS.scale(1 / (rho[newest] * yy), dp.baseAddress!, count: n)
                }
                k = (newest - stored + 1 + memory) % memory
                for _ in 0..<stored {
                    let beta = rho[k] * y[k].withUnsafeBufferPointer { BLAS.dot($0.baseAddress!, dp.baseAddress!, count: n, threads: threads) }
                    s[k].withUnsafeBufferPointer { BLAS.axpy(alpha[k] - beta, $0.baseAddress!, dp.baseAddress!, count: n, threads: threads) }
                    k = (k + 1) % memory
                }
            }
            var slope = dot(g, d, threads: threads)
            if !(slope < 0) {
                // Not a descent direction (rounding): restart from steepest descent.
                stored = 0
                d = g.map { -$0 }
                slope = dot(g, d, threads: threads)
            }
            var t = stored == 0 ? min(1, 1 / max(1e-12, dot(g, g, threads: threads).squareRoot())) : 1
            var fNew = 0.0
            var accepted = false
            for _ in 0..<40 {
                xNew.withUnsafeMutableBufferPointer { xp in
                    x.withUnsafeBufferPointer { BLAS.copy($0.baseAddress!, xp.baseAddress!, count: n) }
                    d.withUnsafeBufferPointer { BLAS.axpy(t, $0.baseAddress!, xp.baseAddress!, count: n, threads: threads) }
                }
                fNew = xNew.withUnsafeBufferPointer { xp in gNew.withUnsafeMutableBufferPointer { evaluate(xp.baseAddress!, $0.baseAddress!) } }
                evaluations += 1
                if fNew.isFinite, fNew <= f + 1e-4 * t * slope {
                    accepted = true
                    break
                }
                // Minimiser of the quadratic through f, slope and fNew, kept within [0.1 t, 0.5 t].
                let q = fNew.isFinite ? -slope * t * t / (2 * (fNew - f - slope * t)) : 0.1 * t
                t = min(max(q, 0.1 * t), 0.5 * t)
            }
            if !accepted {
                return report(false, iteration + 1, "stopped after \(iteration + 1) iterations: the line search found no step that lowers the loss (largest gradient component \(short(gmax)))")
            }
            // Store the correction pair.
            let next = (newest + 1) % memory
            // s = xNew − x, y = gNew − g.
            s[next].withUnsafeMutableBufferPointer { sp in
                xNew.withUnsafeBufferPointer { BLAS.copy($0.baseAddress!, sp.baseAddress!, count: n) }
                x.withUnsafeBufferPointer { BLAS.axpy(-1, $0.baseAddress!, sp.baseAddress!, count: n, threads: threads) }
            }
            y[next].withUnsafeMutableBufferPointer { yp in
                gNew.withUnsafeBufferPointer { BLAS.copy($0.baseAddress!, yp.baseAddress!, count: n) }
                g.withUnsafeBufferPointer { BLAS.axpy(-1, $0.baseAddress!, yp.baseAddress!, count: n, threads: threads) }
            }
            let sy = dot(s[next], y[next], threads: threads)
            let yy = dot(y[next], y[next], threads: threads)
            if sy > 1e-10 * yy {
                rho[next] = 1 / sy
                newest = next
                stored = min(stored + 1, memory)
            }
            let change = abs(f - fNew) / max(abs(f), abs(fNew), 1)
            swap(&x, &xNew)
            swap(&g, &gNew)
            f = fNew
            if change <= 1e-12 {
                return report(true, iteration + 1, "converged after \(iteration + 1) iterations: the loss stopped changing (relative change \(short(change)))")
            }
        }
        return report(false, maxIterations, "did not converge in \(maxIterations) iterations (largest gradient component \(short(g.withUnsafeBufferPointer { BLAS.maxAbs($0.baseAddress!, count: n) })), tolerance \(short(tolerance))); raise --max-iter or lower --c")
    }

    private func dot(_ a: [Double], _ b: [Double], threads: Int) -> Double {
        a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { BLAS.dot(ap.baseAddress!, $0.baseAddress!, count: a.count, threads: threads) } }
    }

    private func short(_ v: Double) -> String {
        let e = v == 0 ? 0 : Int(floor(log10(abs(v))))
        let m = v / pow(10, Double(e))
        return e >= -3 && e <= 3 ? String(format: "%.4g", v) : String(format: "%.2fe%d", m, e)
    }
}

import Foundation

/// A sparse matrix in compressed sparse row (CSR) form, with `Float` values.
///
/// Row `i` holds the entries `rowStart[i] ..< rowStart[i + 1]` of ``columns`` and ``values``,
/// with columns in increasing order.
public struct SparseMatrix: Sendable, Equatable {
    /// The number of rows.
    public var rowCount: Int
    /// The number of columns.
    public var columnCount: Int
    /// Where each row starts in ``columns`` and ``values``; `rowCount + 1` entries.
    public var rowStart: [Int]
    /// The column of each stored entry.
    public var columns: [Int32]
    /// The value of each stored entry.
    public var values: [Float]

    /// Creates a matrix from its CSR arrays.
    public init(rowCount: Int, columnCount: Int, rowStart: [Int], columns: [Int32], values: [Float]) {
        precondition(rowStart.count == rowCount + 1 && columns.count == values.count)
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
    }

    /// The number of stored entries.
    public var nonZeroCount: Int { values.count }

    /// The stored entries of row `i` as (column, value) pairs.
    public func row(_ i: Int) -> [(column: Int, value: Float)] {
        (rowStart[i]..<rowStart[i + 1]).map { (Int(columns[$0]), values[$0]) }
    }

    /// The rows at `indices`, in that order.
    public func rows(_ indices: [Int]) -> SparseMatrix {
        var start = [0]
        var cols: [Int32] = []
        var vals: [Float] = []
        start.reserveCapacity(indices.count + 1)
        for i in indices {
            cols.append(contentsOf: columns[rowStart[i]..<rowStart[i + 1]])
            vals.append(contentsOf: values[rowStart[i]..<rowStart[i + 1]])
            start.append(cols.count)
        }
        return SparseMatrix(rowCount: indices.count, columnCount: columnCount, rowStart: start, columns: cols, values: vals)
    }
}

/// Fixed-decimal formatting of numbers for CSV, JSON and the charts, independent of locale.
enum FixedDecimal {
    /// `value` rounded half away from zero to `places` decimals, e.g. `-0.1235`; never `-0.0000`.
    static func format(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let n = Int64(scaled)
        let negative = value < 0 && n != 0
        var digits = String(n)
        if places > 0 {
            if digits.count <= places {
                digits = String(repeating: "0", count: places - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (negative ? "-" : "") + digits
    }

    /// Like ``format(_:places:)`` with an explicit `+` on positive values and a space on zero,
    /// so that signed columns line up: `+0.123`, `-0.045`, ` 0.000`.
    static func signed(_ value: Double, places: Int) -> String {
        let text = format(value, places: places)
        if text.hasPrefix("-") { return text }
        return (text.contains(where: { $0 != "0" && $0 != "." }) ? "+" : " ") + text
    }
}

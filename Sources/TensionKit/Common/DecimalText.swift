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
        var bytes: [UInt8] = []
        append(value, places: places, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of ``fixed(_:places:)`` to `out`, without making a `String`
    /// (except on the rare `printf` path).
    public static func append(_ value: Double, places: Int, to out: inout [UInt8]) {
        precondition((0...9).contains(places))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = abs(value) * scale
        guard value.isFinite, scaled < 1e12 else {
            out.append(contentsOf: String(format: "%.\(places)f", value).utf8)
            return
        }
        let floor = scaled.rounded(.down)
        let fraction = scaled - floor
        guard abs(fraction - 0.5) > 1e-6 else {
            out.append(contentsOf: String(format: "%.\(places)f", value).utf8)
            return
        }
        var n = UInt64(floor) + (fraction > 0.5 ? 1 : 0)
        // At least `places + 1` digits (a "0" before the point), then the point if any.
        var digits = 1
        var rest = n / 10
        while rest > 0 { digits += 1; rest /= 10 }
        digits = max(digits, places + 1)
        if value.sign == .minus { out.append(UInt8(ascii: "-")) }
        let length = digits + (places > 0 ? 1 : 0)
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: length))
        // Digits, last first, with the decimal point `places` digits from the end.
        out.withUnsafeMutableBufferPointer { p in
            var i = start + length - 1
            for written in 0..<digits {
                if written == places, places > 0 {
                    p[i] = UInt8(ascii: ".")
                    i -= 1
                }
                p[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                i -= 1
            }
        }
    }
}

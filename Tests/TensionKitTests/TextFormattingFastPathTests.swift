import Foundation
import Testing
@testable import TensionKit

/// The fast formatting and line-splitting paths must give byte for byte what the slow,
/// obviously right versions give.
@Suite struct TextFormattingFastPathTests {
    @Test func fixedMatchesPrintfOnRandomAndEdgeValues() {
        var rng = SplitMix64(seed: 11)
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.125, 0.00005, 0.00015, 0.99995, 0.999949999, 1e-300,
                                123456.789, -2.5e-7, 0.1 + 0.2, 1e11, 3e12, .infinity, -.infinity, .nan]
        for _ in 0..<20_000 { values.append(Double(rng.below(1 << 53)) / Double(1 << 53)) }
        for _ in 0..<2_000 { values.append((Double(rng.below(2_000_001)) - 1_000_000) / 10_000) }
        for _ in 0..<2_000 { values.append(Double(rng.below(100_001)) / 100_000 + 0.000005) } // near ties
        for v in values {
            for places in [0, 1, 4, 6] {
                #expect(DecimalText.fixed(v, places: places) == String(format: "%.\(places)f", v), "\(v) at \(places) places")
            }
        }
    }

    @Test func linesMatchTheCharacterSplit() {
        func reference(_ bytes: [UInt8]) -> [String] {
            String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
                .filter { !$0.allSatisfy(\.isWhitespace) }
        }
        let pieces = ["talks resume", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}",
                      "\u{3000}", "Kestria’s envoy", "\u{FF}", "é", "", " x ", "\n\n"]
        var rng = SplitMix64(seed: 5)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<rng.below(12) { text += pieces[rng.below(pieces.count)] }
            var bytes = Array(text.utf8)
            if rng.below(10) == 0 { bytes.append(0xC3) } // a malformed tail
            #expect(TextLines.nonBlank(bytes) == reference(bytes), "\(bytes)")
        }
    }

    @Test func csvFieldQuotesCRLFInsideAField() {
        #expect(CSVText.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("say \"no\"") == "\"say \"\"no\"\"\"")
    }
}

@Suite struct LabelTrimmingTests {
    @Test func fastTrimMatchesFoundation() {
        for s in ["warning", " warning", "warning\t", "\u{A0}neutral\u{A0}", "conciliatory\u{3000}", "", " ", "a b", "é", "\tx "] {
            #expect(LabeledDataset.trimmed(s) == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
        }
    }
}

import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import TensionKit

@Suite struct ChartSVGTests {
    /// Counts elements by name while checking that the document is well-formed XML.
    final class Counter: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var rootNamespace: String?
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if elements.isEmpty { rootNamespace = attributes["xmlns"] }
            elements[name, default: 0] += 1
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ svg: String) throws -> Counter {
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return counter
    }

    @Test func isAStandaloneWellFormedDocument() throws {
        let svg = SVGChart.render(ChartSample.series, title: "Sample")
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 960 480\"") && svg.contains("width=\"960\"") && svg.contains("height=\"480\""))
        let doc = try Self.parse(svg)
        #expect(doc.rootNamespace == "http://www.w3.org/2000/svg")
        #expect(doc.elements["svg"] == 1)
        // Four non-gap periods, three with a non-zero bar each having a tooltip, one gap rect.
        #expect(svg.components(separatedBy: "fill=\"#c0392b\" fill-opacity").count - 1 == 2)  // two warning bars
        #expect(svg.components(separatedBy: "fill=\"#2e8b57\" fill-opacity").count - 1 == 1)  // one conciliatory bar
        #expect(svg.contains("2024-06-19: no articles"))
        #expect(svg.contains("2024-06-18: index -0.483"))
        // Date ticks, the legend, the headline and the undated count.
        for text in ["06-17", "06-21", "warning (index &gt; 0)", "conciliatory (index &lt; 0)", "no articles",
                     "Peak 2024-06-21 (+0.87)", "Undated: 1 article (2 sentences)"] {
            #expect(svg.contains(text), "\(text)")
        }
        // The band covers 06-17 and 06-18, then 06-20 and 06-21: two polygons, broken by the gap.
        #expect(doc.elements["polygon"] == 2)
    }

    @Test func isDeterministicAndMatchesGolden() throws {
        let svg = SVGChart.render(ChartSample.series, title: "Sample series")
        #expect(svg == SVGChart.render(ChartSample.series, title: "Sample series"))
        try ChartTerminalTests.checkGolden(svg, "sample.svg")
    }

    /// Titles that XML must escape, and characters it forbids.
    static let titles = ["A & B <c> \"d\" 'e'", "]]> end of CDATA", "bell\u{07} nul\u{00} ok\ttab", "\u{FFFE}\u{FFFF}", "서울 🕊️ Москва"]

    @Test(arguments: titles)
    func escapesTitles(_ title: String) throws {
        let svg = SVGChart.render(ChartSample.series, title: title)
        let doc = try Self.parse(svg)
        let expected = String(String.UnicodeScalarView(title.unicodeScalars.map {
            ($0.value < 0x20 && $0 != "\t") || $0.value == 0xFFFE || $0.value == 0xFFFF ? " " : $0
        }))
        #expect(doc.text.contains(expected))
    }

    @Test func emptyAndSingleSeriesStillDraw() throws {
        let empty = SVGChart.render(EscalationSeries(points: [], undatedArticles: 3, undatedSentences: 7), title: "Nothing")
        #expect(try Self.parse(empty).elements["svg"] == 1)
        #expect(empty.contains("No dated sentences in the range."))
        let one = SVGChart.render(EscalationSeries(points: [ChartSample.series.points[1]]), title: "One")
        let doc = try Self.parse(one)
        #expect(doc.elements["polygon"] == 1)
        #expect(one.contains("fill=\"#2e8b57\" fill-opacity"))
        let weekly = try EscalationSeries.build(ChartSample.sentences, options: SeriesOptions(by: .month, smoothHalfLife: 3))
        let monthly = SVGChart.render(weekly, title: "Monthly")
        #expect(try Self.parse(monthly).elements["svg"] == 1)
        #expect(monthly.contains(">2024-06<"))
    }
}

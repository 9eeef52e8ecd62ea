import Foundation
import Testing
@testable import TensionKit

/// One row of `mojibake-cases.json`.
struct MojibakeCase: Codable, Sendable, CustomTestStringConvertible {
    var broken: String
    var fixed: String
    var testDescription: String { broken }

    static let all: [MojibakeCase] = {
        (try? JSONDecoder().decode([MojibakeCase].self, from: ArticlesFixtures.data("mojibake-cases.json")))
            ?? [MojibakeCase(broken: "fixture failed to load", fixed: "")]
    }()
}

@Suite struct ArticlesTextRepairTests {
    @Test(arguments: MojibakeCase.all)
    func repairsMojibake(_ row: MojibakeCase) {
        #expect(MojibakeRepair.repair(row.broken) == row.fixed)
    }

    @Test func repairIsIdempotentOnCorrectText() {
        for row in MojibakeCase.all {
            #expect(MojibakeRepair.repair(row.fixed) == row.fixed)
        }
    }

    @Test func windows1252RoundTripOfEveryLatinLetter() {
        // Any text encoded as UTF-8 and misread as Windows-1252 comes back unchanged.
        let original = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ ’‘“”–—…€™ 한국 😀"
        var misread = String.UnicodeScalarView()
        for byte in original.utf8 { misread.append(MojibakeRepair.windows1252Scalar(byte)) }
        #expect(String(misread) != original)
        #expect(MojibakeRepair.repair(String(misread)) == original)
    }

    @Test func legacyEightBitFileIsReadAsWindows1252() throws {
        let bytes: [UInt8] = Array("The caf".utf8) + [0xE9] + Array(" closed. Talks ended.\n".utf8)
        let (articles, warnings) = try ArticleReader(format: .text).parseReportingWarnings(name: "legacy.txt", bytes: bytes)
        #expect(articles.first?.sentences == ["The café closed.", "Talks ended."])
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.hasPrefix("legacy.txt: ") == true)
    }
}

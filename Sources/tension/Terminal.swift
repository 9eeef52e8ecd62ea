import Foundation
import TensionKit

/// Standard output and error for the command line, and facts about the terminal.
enum Terminal {
    /// Writes `text` to standard error, prefixed with "tension: error: ".
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("tension: error: " + text + "\n").utf8))
    }

    /// Writes a one-line warning to standard error.
    static func printWarning(_ text: String) {
        FileHandle.standardError.write(Data(("tension: warning: " + text + "\n").utf8))
    }

    /// Writes a note (progress, convergence) to standard error, leaving standard output for data.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `text` to standard output as is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `bytes` to standard output as they are, without copying them into `Data`;
    /// throws `.io` when standard output refuses them (a full disk, say).
    static func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw TensionError(.io, "cannot write to standard output: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }

    /// Whether standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether colour may be used: standard output is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    static var colorAllowed: Bool {
        let env = ProcessInfo.processInfo.environment
        return outputIsTerminal && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    /// The width to draw in: `COLUMNS`, else the terminal's width, else 80.
    static var width: Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 0 { return n }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The non-blank lines of standard input, one sentence each.
    static func readStandardInputLines() -> [String] {
        TextLines.nonBlank(readStandardInput())
    }

    /// All of standard input as bytes.
    static func readStandardInput() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}

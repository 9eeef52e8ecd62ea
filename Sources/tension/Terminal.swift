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

    /// Starts reading ``readStandardInputLines()`` on another thread; `wait()` gives them.
    static func readStandardInputLinesInBackground() -> PendingLines {
        let pending = PendingLines()
        pending.group.enter()
        Thread.detachNewThread {
            pending.lines = readStandardInputLines()
            pending.group.leave()
        }
        return pending
    }

    /// Lines being read on another thread.
    final class PendingLines: @unchecked Sendable {
        // Sendable: `lines` is written once before `group` is left and read after waiting on it.
        fileprivate let group = DispatchGroup()
        fileprivate var lines: [String] = []

        /// Waits for the lines and returns them.
        func wait() -> [String] {
            group.wait()
            return lines
        }
    }

    /// All of standard input as bytes, read in large blocks straight into the array; a read
    /// error ends the input, as the end of the file does.
    static func readStandardInput() -> [UInt8] {
        var info = stat()
        // A regular file says its size (one byte more, to see the end); anything else starts at 1 MiB.
        let isFile = fstat(STDIN_FILENO, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        var bytes = [UInt8](repeating: 0, count: isFile ? max(Int(info.st_size), 0) + 1 : 1 << 20)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                while true {
                    let n = read(STDIN_FILENO, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0, errno == EINTR { continue }
                    return n
                }
            }
            if n <= 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
